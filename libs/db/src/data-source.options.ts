import type { DataSourceOptions, MixedList } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type ClassList = MixedList<Function | string>;

export interface DataSourceSettings {
  url: string;
  entities: ClassList;
  migrations: ClassList;
  poolSize?: number;
  applicationName?: string;
  /** PostgreSQL `statement_timeout` of every pooled connection, in ms; unset: none (migration CLI, benches). */
  statementTimeoutMs?: number;
}

/** The one place the TypeORM settings live: used by the app, the migration CLI and the tests. */
export function buildDataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: settings.entities,
    migrations: settings.migrations,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    migrationsTableName: 'migration',
    migrationsTransactionMode: 'each',
    logging: ['error', 'warn', 'migration'],
    poolSize: settings.poolSize ?? 10,
    applicationName: settings.applicationName ?? 'arshjulet',
    extra: {
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
      ...(settings.statementTimeoutMs ? { statement_timeout: Math.round(settings.statementTimeoutMs) } : {}),
    },
  };
}
