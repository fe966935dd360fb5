import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@arshjulet/core';
import type { DataSource } from 'typeorm';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { seedSession } from './web-session.js';

export interface ProductionApp {
  app: INestApplication;
  /** A signed session cookie for the user, stored the way a sign-in stores it. */
  sessionCookie(dataSource: DataSource, userId: string): Promise<string>;
}

/**
 * The app as production runs it (compiled views cached, no scheduler or mail worker, quiet logs) on the bench's
 * database, with a fresh session secret: what the http and pages benches measure.
 */
export async function startProductionApp(databaseUrl: string): Promise<ProductionApp> {
  process.env.NODE_ENV = 'production'; // Express caches compiled views only then
  const secret = randomBytes(32).toString('hex');
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', SESSION_SECRET: secret, LOG_LEVEL: 'warn', LOG_PRETTY: 'false', SCHEDULER: 'false', OUTBOX_WORKER: 'false' });
  const app = await createHttpApp(config, databaseUrl);
  return { app, sessionCookie: (dataSource, userId) => seedSession(dataSource, secret, userId, config.SESSION_IDLE_MINUTES) };
}
