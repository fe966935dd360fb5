import type { Command } from 'commander';
import { CycleService, CycleTransitionService, PHASE_LABELS_SV, PHASES, phaseRange, todayInStockholm, type CycleDates, type CycleInput } from '@arshjulet/cycle';
import { withCli } from './cli-context.js';

function parseYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text.trim()) || year < 2000 || year > 2200) throw new Error(`--year ska vara ett år som 2026, inte "${text}".`);
  return year;
}

const list = (text: string | undefined): string[] | undefined =>
  text === undefined ? undefined : text.split(',').map((part) => part.trim()).filter(Boolean);

/** `cycle:create` and `cycle:launch`: the county coordinator's two big steps, from a terminal. */
export function registerCycleCommands(program: Command): void {
  program
    .command('cycle:create')
    .description('Skapa årets årshjul (utkast) med standardhjulet: Plan april, Do maj–september, Study oktober–november, Act december–mars')
    .requiredOption('--year <år>', 'uppföljningsåret, t.ex. 2026')
    .option('--name <namn>', 'namnet (standard: "Årshjulet <år>")')
    .option('--due <ÅÅÅÅ-MM-DD>', 'sista dag för delregionernas analyser, inom Do (standard: 30 september)')
    .option('--data-periods <lista>', 'perioderna som följs upp, kommaseparerade (standard: året före)')
    .option('--focus <lista>', 'årets fokusområden, kommaseparerade')
    .option('--indicators <lista>', 'indikatorkoder i scope, kommaseparerade (standard: alla aktiva)')
    .action((options: { year: string; name?: string; due?: string; dataPeriods?: string; focus?: string; indicators?: string }) =>
      withCli(async (cli) => {
        const year = parseYear(options.year);
        const input: CycleInput = {
          name: options.name,
          analysisDueDate: options.due,
          dataPeriods: list(options.dataPeriods),
          focusAreas: list(options.focus),
          indicatorCodes: list(options.indicators),
        };
        const { cycle, warnings } = await cli.app.get(CycleService).create(cli.ctx(), year, input);
        console.log(`Skapade ${cycle.name} (utkast), uppföljning av ${cycle.dataPeriods.join(', ')}, ${cycle.indicatorCodes.length} indikatorer.`);
        for (const phase of PHASES) {
          const [start, end] = phaseRange(cycle as unknown as CycleDates, phase);
          console.log(`  ${PHASE_LABELS_SV[phase].padEnd(5)} ${start} – ${end}`);
        }
        console.log(`  Sista dag för analyserna: ${cycle.analysisDueDate}`);
        for (const warning of warnings) console.log(`  Varning (${warning.path}): ${warning.message}`);
        console.log(`Starta det med: npm run cli -- cycle:launch --year ${year}`);
      }),
    );

  program
    .command('cycle:launch')
    .description('Starta årshjulet: frys länssammanställningen och ge varje aktiv delregion en analysuppgift (ett utkast går först till planering)')
    .requiredOption('--year <år>', 'uppföljningsåret, t.ex. 2026')
    .action((options: { year: string }) =>
      withCli(async (cli) => {
        const year = parseYear(options.year);
        const ctx = cli.ctx();
        const cycle = await cli.app.get(CycleService).findByYear(ctx, year);
        if (cycle.launchedAt) throw new Error(`${cycle.name} startades redan ${todayInStockholm(cycle.launchedAt)}; inget ändrat.`);
        const transitions = cli.app.get(CycleTransitionService);
        if (cycle.status === 'draft') {
          await transitions.transition(ctx, cycle.id, 'start_planning');
          console.log(`${cycle.name}: från utkast till planering.`);
        }
        const { cycle: launched, tasksCreated, compilationRows } = await transitions.launch(ctx, cycle.id);
        console.log(`Startade ${launched.name}:`);
        console.log(`  ${tasksCreated} delregioner fick en analysuppgift med sista dag ${launched.analysisDueDate}.`);
        console.log(`  ${compilationRows} värden frysta i länssammanställningen (från ${launched.snapshotBatchIds.length} importer).`);
      }),
    );
}
