import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { formatNumber, ImportCommitService, ImportPreviewService, IndicatorException, renderImportReport } from '@arshjulet/indicators';
import { withCli } from './cli-context.js';

interface ImportOptions {
  sheet?: string;
  indicator?: string;
  format?: 'csv' | 'xlsx' | 'kolada';
  dryRun?: boolean;
}

/** `import <file>`: the same pipeline and preview report as the upload, then a commit unless told otherwise. */
export function registerIndicatorImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description('Importera indikatorvärden (CSV, Excel .xlsx eller Kolada-JSON): förhandsgranska, och genomför om ingen rad avvisas')
    .option('--sheet <name>', 'blad i en Excel-fil (annars det första)')
    .option('--indicator <code>', 'indikatorkod för filer med en kolumn per period (brett format), t.ex. IU03')
    .option('--format <format>', 'csv, xlsx eller kolada (annars från filändelsen)')
    .option('--dry-run', 'bara förhandsgranska: inget sparas')
    .action((file: string, options: ImportOptions) =>
      withCli(async (cli) => {
        const size = statSync(file).size;
        const bar = progressBar(size);
        const preview = await cli.app
          .get(ImportPreviewService)
          .previewFile(cli.ctx(), {
            source: createReadStream(file, { highWaterMark: 1 << 20 }),
            fileName: basename(file),
            format: options.format,
            sheet: options.sheet,
            indicator: options.indicator,
            onProgress: bar ? ({ bytes, rows }) => bar.update(bytes, { rows: formatNumber(rows, { plain: true }) }) : undefined,
          })
          .finally(() => bar?.stop());
        console.log(renderImportReport(preview));

        const commits = cli.app.get(ImportCommitService);
        if (options.dryRun || preview.rejectedCount > 0) {
          await commits.discard(cli.ctx(), preview.id);
          console.log(options.dryRun ? '\nTorrkörning: inget sparades.' : '\nInget importerades.');
          // Exits 1 through the CLI's error handler (the embedded server's exit hook would turn exitCode back to 0).
          if (preview.rejectedCount > 0) throw IndicatorException.batchHasRejections(preview.rejectedCount);
          return;
        }
        const committed = await commits.commit(cli.ctx(), preview.id);
        console.log(`\n${renderImportReport(committed)}`);
      }),
    );
}

/** Progress by bytes read, on stderr and only on a terminal: piped output stays clean. */
function progressBar(totalBytes: number): SingleBar | null {
  if (!process.stderr.isTTY) return null;
  const bar = new SingleBar(
    { stream: process.stderr, format: 'Läser {bar} {percentage} % | {rows} rader', hideCursor: true, fps: 5 },
    Presets.shades_classic,
  );
  bar.start(totalBytes, 0, { rows: '0' });
  return bar;
}
