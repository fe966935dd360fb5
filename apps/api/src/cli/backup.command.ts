import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { Command } from 'commander';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { formatNumber } from '@arshjulet/indicators';
import { validateBackupDocument } from '../backup/backup-document.validator.js';
import { BackupException } from '../backup/backup.exception.js';
import { BACKUP_DEFAULT_MAX_MB, canonicalJson, type CycleBackupDocument } from '../backup/cycle-backup.format.js';
import { CycleExportService } from '../backup/cycle-export.service.js';
import { CycleImportService } from '../backup/cycle-import.service.js';
import { MIGRATIONS } from '../database/migrations.js';
import { withCli } from './cli-context.js';

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 2000 || year > 2200) throw new Error(`--year ska vara ett år som 2025, inte "${text}".`);
  return year;
}

function parseMaxMb(text: string | undefined): number {
  if (text === undefined) return BACKUP_DEFAULT_MAX_MB;
  const mb = Number(text);
  if (!Number.isInteger(mb) || mb < 1 || mb > 1024) throw new Error(`--max-mb ska vara ett antal megabyte mellan 1 och 1024, inte "${text}".`);
  return mb;
}

/** Progress goes to stderr, so standard out carries the document alone. */
const progress = (message: string): void => console.error(`  ${message}`);

/** Reads all of `input`, refusing as soon as it passes `maxMb`: a document is parsed whole, so its size is bounded. */
async function readBounded(input: Readable, maxMb: number): Promise<string> {
  const limit = maxMb * 1024 * 1024;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) {
      input.destroy();
      throw BackupException.tooLarge(maxMb, 'Dokumentet');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * `npm run cli -- export --year 2025 > cycle.json` puts npm's own run-script banner (`> arshjulet@0.1.0 cli` and the
 * command, on stdout) above the document; `npm run --silent` leaves it out. The banner's lines start with "> ", which
 * no JSON document does, so they are dropped before parsing and nothing else is.
 */
export function withoutNpmBanner(text: string): string {
  return text.replace(/^\s*(?:> [^\n]*\n)+/, '');
}

/** Parses and checks a document before any database is opened: a broken one changes nothing. */
export function parseBackupDocument(text: string): CycleBackupDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(withoutNpmBanner(text));
  } catch (error) {
    throw BackupException.notJson(text.trim() === '' ? 'dokumentet är tomt' : (error as Error).message);
  }
  return validateBackupDocument(parsed, MIGRATIONS.map((migration) => new migration().name ?? migration.name));
}

const count = (n: number, one: string, many: string): string => `${formatNumber(n, { plain: true })} ${n === 1 ? one : many}`;

/** `cycle:export` and `cycle:import`: one year's cycle with all it owns, as one JSON document, and back. */
export function registerBackupCommands(program: Command): void {
  program
    .command('cycle:export')
    .alias('export')
    .description('Säkerhetskopiera ett årshjul: årshjulet, frysta värden, uppgifter, analyser, revisioner, kommentarer, bilagor, länsrapport med versioner, återkoppling och beslut som ett JSON-dokument på standard ut')
    .requiredOption('--year <år>', 'årshjulets år, t.ex. 2025')
    .option('--out <fil>', 'skriv dokumentet till filen i stället för standard ut')
    .option('--max-mb <MB>', `största dokument i megabyte (standard ${BACKUP_DEFAULT_MAX_MB})`)
    .action((options: { year: string; out?: string; maxMb?: string }) =>
      withCli(async (cli) => {
        const year = parseYear(options.year);
        const maxMb = parseMaxMb(options.maxMb);
        console.error(`Exporterar årshjulet ${year}:`);
        const document = await new CycleExportService(cli.app.get(TransactionalConnection)).export(year, { maxMb, onProgress: progress });
        const text = canonicalJson(document);
        const bytes = Buffer.byteLength(text);
        if (bytes > maxMb * 1024 * 1024) throw BackupException.tooLarge(maxMb, 'Exporten');
        if (options.out) await writeFile(options.out, `${text}\n`);
        else console.log(text);
        console.error(`Klart: ${formatNumber(Math.ceil(bytes / 1024), { plain: true })} kB${options.out ? ` skrivna till ${options.out}` : ''}, migrering ${document.migrationHead}.`);
      }),
    );

  program
    .command('cycle:import')
    .description('Återläs ett årshjul från ett dokument från cycle:export, i en transaktion, till en databas som inte har det året (id:n, tidpunkter och versioner behålls)')
    .option('--file <fil>', 'läs dokumentet från filen (annars från standard in)')
    .option('--max-mb <MB>', `största dokument i megabyte (standard ${BACKUP_DEFAULT_MAX_MB})`)
    .action((options: { file?: string; maxMb?: string }) =>
    (async () => {
        const maxMb = parseMaxMb(options.maxMb);
        if (!options.file && process.stdin.isTTY) throw new Error('Ge dokumentet på standard in (npm run cli -- cycle:import < arshjul.json) eller med --file.');
        console.error(`Läser ${options.file ?? 'standard in'} …`);
        const document = parseBackupDocument(await readBounded(options.file ? createReadStream(options.file) : process.stdin, maxMb));
        console.error(`Dokumentet är giltigt (årshjulet ${document.year}, migrering ${document.migrationHead}); skriver i en transaktion:`);
        await withCli(async (cli) => {
          const summary = await new CycleImportService(cli.app.get(TransactionalConnection), cli.app.get(AuditService)).import(cli.ctx(), document, progress);
          const rows = summary.rows;
          const counts = [
            count(rows.analysis_task!, 'uppgift', 'uppgifter'), count(rows.analysis_revision!, 'inskickad analys', 'inskickade analyser'),
            count(rows.analysis_comment!, 'kommentar', 'kommentarer'), count(rows.analysis_attachment!, 'bilaga', 'bilagor'),
            count(rows.report_version!, 'rapportversion', 'rapportversioner'), count(rows.feedback_comment!, 'synpunkt', 'synpunkter'),
            count(rows.decision!, 'beslut', 'beslut'), count(rows.cycle_compilation_value!, 'fryst värde', 'frysta värden'),
          ];
          console.log(`Läste in ${summary.cycleName}: ${counts.join(', ')}.`);
          if (summary.usersCreated.length) console.log(`Skapade ${summary.usersCreated.length} inaktiva användare utan lösenord (aktivera och bjud in vid behov): ${summary.usersCreated.join(', ')}.`);
          if (summary.templateVersionsCreated.length) console.log(`Skapade mallversionerna ${summary.templateVersionsCreated.join(', ')}.`);
        });
      })(),
    );
}
