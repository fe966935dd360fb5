import { MigrationExecutor, type DataSource } from 'typeorm';
import { LockKeys } from './lock-keys.js';

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so several instances starting at
 * once never run the same migration twice (Immich's approach). Returns the names applied now.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [LockKeys.Migration]);
    try {
      // Migrations may rewrite big tables: the request-work statement timeout of the pool does not apply to them.
      await runner.query('SET statement_timeout = 0');
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('RESET statement_timeout');
      await runner.query('SELECT pg_advisory_unlock($1)', [LockKeys.Migration]);
    }
  } finally {
    await runner.release();
  }
}

/** True when every known migration has been applied (the readiness check). */
export async function migrationsUpToDate(dataSource: DataSource): Promise<boolean> {
  return !(await dataSource.showMigrations());
}
