import type { Command } from 'commander';
import { DailySweep, isIsoDate, stockholmToday } from '@arshjulet/db';
import { withCli } from './cli-context.js';

export function registerSchedulerCommands(program: Command): void {
  program
    .command('scheduler:run')
    .description('Kör de dagliga jobben som för ett visst datum (ikappkörning, support, test); det som redan är gjort görs inte igen')
    .option('--date <ÅÅÅÅ-MM-DD>', 'datumet att köra som (standard: i dag i Europe/Stockholm)')
    .action((options: { date?: string }) =>
      withCli(async (cli) => {
        const date = options.date ?? stockholmToday();
        if (!isIsoDate(date)) throw new Error(`--date ska vara ett datum som 2026-09-16, inte "${date}".`);
        const outcomes = await cli.app.get(DailySweep).run(cli.ctx(), date);
        console.log(`Daglig körning för ${date}:`);
        if (outcomes.length === 0) console.log('  (inga dagliga jobb)');
        for (const outcome of outcomes) {
          if (outcome.error) {
            console.log(`  ${outcome.job}: MISSLYCKADES – ${outcome.error}`);
            continue;
          }
          const { done, skipped, notes } = outcome.report!;
          console.log(`  ${outcome.job}: ${done} gjort nu, ${skipped} redan gjort`);
          for (const note of notes ?? []) console.log(`    ${note}`);
        }
        if (outcomes.some((outcome) => outcome.error)) process.exitCode = 1;
      }),
    );
}
