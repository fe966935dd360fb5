import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { formatNumber } from '@arshjulet/indicators';
import { type DocumentFormat, ReportDocuments, ReportOutput } from '@arshjulet/report';
import { withCli } from './cli-context.js';

const FORMATS: readonly DocumentFormat[] = ['html', 'pdf', 'xlsx'];

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 2000 || year > 2200) throw new Error(`--year ska vara ett år som 2025, inte "${text}".`);
  return year;
}

function parseFormat(text: string): DocumentFormat {
  const format = text.trim().toLowerCase() as DocumentFormat;
  if (!FORMATS.includes(format)) throw new Error(`--format ska vara html, pdf eller xlsx, inte "${text}".`);
  return format;
}

/** Steps on stderr, and only on a terminal: piped output stays clean. */
function progress(total: number): { step: (label: string) => void; stop: () => void } {
  if (!process.stderr.isTTY) return { step: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream: process.stderr, format: '{bar} {value}/{total} {step}', hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0, { step: 'Hämtar årshjulet' });
  return { step: (label) => bar.increment(1, { step: label }), stop: () => bar.stop() };
}

/** `report:render`: the county report (or one frozen version of it) through the same renderer as the web. */
export function registerReportCommands(program: Command): void {
  program
    .command('report:render')
    .description('Skriv ut länsrapporten som HTML, PDF eller Excel: som den skulle sammanställas nu, eller en sparad version')
    .requiredOption('--year <år>', 'årshjulets år, t.ex. 2025')
    .requiredOption('--out <fil>', 'filen att skriva, t.ex. rapport.pdf')
    .option('--format <format>', 'html, pdf eller xlsx (standard: från filändelsen, annars html)')
    .option('--version <nummer>', 'en sparad version i stället för en ny sammanställning')
    .action((options: { year: string; out: string; format?: string; version?: string }) =>
      withCli(async (cli) => {
        const year = parseYear(options.year);
        const format = parseFormat(options.format ?? (/\.(html|pdf|xlsx)$/i.exec(options.out)?.[1] ?? 'html'));
        const number = options.version === undefined ? null : Number(options.version);
        if (number !== null && (!Number.isInteger(number) || number < 1)) throw new Error(`--version ska vara ett versionsnummer som 3, inte "${options.version}".`);
        const ctx = cli.ctx();
        const documents = cli.app.get(ReportDocuments);
        const bar = progress(3);
        try {
          const cycle = await documents.cycleByYear(ctx, year);
          bar.step(number === null ? 'Sammanställer rapporten' : `Läser version ${number}`);
          const document = number === null ? await documents.preview(ctx, cycle.id) : await documents.version(ctx, cycle.id, number);
          bar.step(format === 'pdf' ? 'Skriver ut PDF' : format === 'xlsx' ? 'Skriver tabellerna' : 'Skriver HTML');
          const { body } = await cli.app.get(ReportOutput).body(format, document);
          await writeFile(options.out, body);
          bar.step('Klart');
          bar.stop();
          const size = formatNumber(Math.ceil(Buffer.byteLength(body) / 1024), { plain: true });
          const what = number === null ? `Länsrapporten ${year}` : `Länsrapporten ${year}, version ${number},`;
          console.log(`${what} skriven till ${options.out} (${format.toUpperCase()}, ${size} kB)${document.preliminary ? '. Den är preliminär: alla analyser är inte godkända.' : '.'}`);
        } finally {
          bar.stop();
        }
      }),
    );
}
