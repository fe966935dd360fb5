import 'reflect-metadata';
import { DomainException } from '@arshjulet/core';
import { Command } from 'commander';
import { registerCommands } from './cli/commands.js';
import { swedishHelp } from './cli/swedish-help.js';

const program = swedishHelp(new Command().name('npm run cli --').description('Årshjulet – kommandorad för administratörer och skript'));
registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof DomainException) {
    console.error(`Fel: ${error.detail}`);
    for (const field of error.errors) console.error(`  ${field.path}: ${field.message}`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
