import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabaseIfMissing, dropDatabaseIfExists, startEmbeddedPostgres, type RunningPostgres } from '@arshjulet/db';

export interface BenchDatabase {
  url: string;
  adminUrl: string;
  /** The embedded server's data folder, when the bench started one (to find its processes). */
  embeddedDataDir: string | null;
}

/**
 * A throwaway database for one bench run: on DATABASE_URL's server when set, else on an embedded PostgreSQL in a
 * temporary folder. Dropped (and the server stopped) afterwards, whatever happens.
 */
export async function withBenchDatabase(label: string, work: (database: BenchDatabase) => Promise<void>): Promise<void> {
  let server: RunningPostgres | null = null;
  let dir: string | null = null;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    dir = mkdtempSync(join(tmpdir(), 'arshjulet-bench-pg-'));
    server = await startEmbeddedPostgres({ dataDir: dir });
    adminUrl = server.adminUrl;
  }
  const name = `arshjulet_bench_${label}_${process.pid}`;
  await createDatabaseIfMissing(adminUrl, name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await work({ url: url.toString(), adminUrl, embeddedDataDir: dir });
  } finally {
    // BENCH_KEEP_DATABASE=1 (with DATABASE_URL) leaves the database for a look at its plans afterwards.
    if (process.env.BENCH_KEEP_DATABASE && !server) console.log(`kept database ${name} (BENCH_KEEP_DATABASE)`);
    else await dropDatabaseIfExists(adminUrl, name);
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
