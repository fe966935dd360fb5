export * from './connection-errors.js';
export * from './data-source.options.js';
export * from './database.resolver.js';
export * from './db.module.js';
export * from './embedded-postgres.runner.js';
export * from './migration.runner.js';
export * from './snake-naming.strategy.js';
export * from './transactional-connection.js';
export * from './schema-drift.js';
export * from './reference-sync.js';
export * from './jobs/daily-job.js';
export * from './jobs/daily-sweep.service.js';
export * from './jobs/job-ledger.js';
export * from './jobs/job-run.entity.js';
export * from './lock-keys.js';

import { JobRun } from './jobs/job-run.entity.js';
export const DB_ENTITIES = [JobRun];
