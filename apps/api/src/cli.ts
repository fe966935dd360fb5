import 'reflect-metadata';
import { DomainException } from '@arshjulet/core';
import { Command } from 'commander';
import { registerCommands } from './cli/commands.js';

const program = new Command()
  .name('npm run cli --')
  .description('Årshjulet – command line for administrators and scripts')
  .showHelpAfterError();
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
