import type { Command } from 'commander';
import { registerBackupCommands } from './backup.command.js';
import { registerCycleCommands } from './cycle.command.js';
import { registerDemoCommands } from './demo.command.js';
import { registerIndicatorImportCommand } from './indicator-import.command.js';
import { registerReferenceCommands } from './reference.command.js';
import { registerReportCommands } from './report.command.js';
import { registerSchedulerCommands } from './scheduler.command.js';
import { registerUserCommands } from './user.command.js';

/** Every CLI command, one file per area under cli/. */
export function registerCommands(program: Command): void {
  registerReferenceCommands(program);
  registerUserCommands(program);
  registerIndicatorImportCommand(program);
  registerDemoCommands(program);
  registerCycleCommands(program);
  registerSchedulerCommands(program);
  registerReportCommands(program);
  registerBackupCommands(program);
}
