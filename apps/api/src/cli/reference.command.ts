import type { Command } from 'commander';
import { IndicatorReferenceLoader } from '@arshjulet/indicators';
import { OrgUnitReferenceLoader } from '@arshjulet/org';
import { withCli } from './cli-context.js';

export function registerReferenceCommands(program: Command): void {
  program
    .command('reference:load')
    .description('Läs in organisationsenheter och indikatorkatalogen från reference/*.csv (kan köras flera gånger; behåller administratörernas ändringar)')
    .action(() =>
      withCli(async (cli) => {
        const orgUnits = await cli.app.get(OrgUnitReferenceLoader).load(cli.ctx());
        const indicators = await cli.app.get(IndicatorReferenceLoader).load(cli.ctx());
        console.log(`Organisationsenheter: ${JSON.stringify(orgUnits)}`);
        console.log(`Indikatorer: ${JSON.stringify(indicators)}`);
      }),
    );
}
