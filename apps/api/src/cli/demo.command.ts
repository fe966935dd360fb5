import type { Command } from 'commander';
import { DemoCycleService, describeDemoCycle, isIsoDate } from '@arshjulet/cycle';
import { describeDemoSeed, DemoSeedService } from '@arshjulet/indicators';
import { withCli } from './cli-context.js';

/**
 * `demo:seed`: the demo figures through the real import pipeline, then a demo cycle for the current year in today's
 * phase with six tasks and demo users per role (not in production); a second run changes nothing. `demo:reset`:
 * the demo cycle removed and made again.
 */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo:seed')
    .description('Importera demodata (reference/demo/*.csv, siffror ur årsredovisningarna) via den vanliga importen och skapa ett demo-årshjul; ändrar inget andra gången')
    .option('--today <ÅÅÅÅ-MM-DD>', 'som om det vore detta datum (vilken fas demo-årshjulet står i); standard: i dag')
    .action((options: { today?: string }) =>
      withCli(async (cli) => {
        if (options.today !== undefined && !isIsoDate(options.today)) throw new Error(`--today ska vara ett datum som 2026-11-30, inte "${options.today}".`);
        for (const line of describeDemoSeed(await cli.app.get(DemoSeedService).seed())) console.log(line);
        for (const line of describeDemoCycle(await cli.app.get(DemoCycleService).seed(cli.ctx(), options.today))) console.log(line);
      }),
    );

  program
    .command('demo:reset')
    .description('Ta bort demo-årshjulet (uppgifter, analyser, frysta värden, rapport och återkoppling) och skapa det igen; bara i utveckling om inte --force anges')
    .option('--today <ÅÅÅÅ-MM-DD>', 'som om det vore detta datum (vilket år och vilken fas); standard: i dag')
    .option('--force', 'kör även när NODE_ENV inte är development')
    .action((options: { today?: string; force?: boolean }) =>
      withCli(async (cli) => {
        if (options.today !== undefined && !isIsoDate(options.today)) throw new Error(`--today ska vara ett datum som 2026-11-30, inte "${options.today}".`);
        const result = await cli.app.get(DemoCycleService).reset(cli.ctx(), options.today, { force: options.force === true });
        for (const line of describeDemoCycle(result)) console.log(line);
      }),
    );
}
