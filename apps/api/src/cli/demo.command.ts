import type { Command } from 'commander';
import { describeDemoSeed, DemoSeedService } from '@arshjulet/indicators';
import { withCli } from './cli-context.js';

/** `demo:seed`: the demo figures through the real import pipeline; a second run changes nothing. */
export function registerDemoCommands(program: Command): void {
  program
    .command('demo:seed')
    .description('Importera demodata (reference/demo/*.csv, siffror ur årsredovisningarna) via den vanliga importen; ändrar inget andra gången')
    .action(() =>
      withCli(async (cli) => {
        for (const line of describeDemoSeed(await cli.app.get(DemoSeedService).seed())) console.log(line);
      }),
    );
}
