import 'reflect-metadata';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, projectRoot } from '@arshjulet/core';
import {
  buildDataSourceOptions, createDatabaseIfMissing, dropDatabaseIfExists, resolveDatabase, runMigrationsLocked, schemaDrift,
  startEmbeddedPostgres,
} from '@arshjulet/db';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migrations.js';
import { ENTITIES } from './entities.js';

/**
 * `generate <Name>` and `check` compare the entities with a throwaway database built from the migrations
 * alone, so the result never depends on the state of anyone's own database. `run` migrates the app's database.
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  if (command === 'run' || command === 'revert') {
    const database = await resolveDatabase(config, { role: 'cli', notice: (message) => console.error(message) });
    const dataSource = await new DataSource(buildDataSourceOptions({ url: database.url, entities: ENTITIES, migrations: MIGRATIONS })).initialize();
    try {
      if (command === 'revert') {
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
      } else {
        const applied = await runMigrationsLocked(dataSource);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
      }
    } finally {
      await dataSource.destroy();
      await database.embedded?.stop();
    }
    return;
  }
  if (command !== 'generate' && command !== 'check') {
    throw new Error('usage: migration generate <Name> | check | run | revert');
  }
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]+$/.test(name ?? '')) {
    throw new Error('Give the migration a PascalCase name: npm run migration:generate -- AddCycleTables');
  }

  const drift = await withScratchDatabase(config.DATABASE_URL, async (url) => {
    const dataSource = await new DataSource(buildDataSourceOptions({ url, entities: ENTITIES, migrations: MIGRATIONS })).initialize();
    try {
      await runMigrationsLocked(dataSource);
      return await schemaDrift(dataSource);
    } finally {
      await dataSource.destroy();
    }
  });

  if (command === 'check') {
    if (drift.up.length === 0) {
      console.log('Migrations and entities agree.');
      return;
    }
    console.error(`The entities differ from the migrations; run npm run migration:generate -- Name. Pending SQL:\n${drift.up.join(';\n')};`);
    process.exitCode = 1;
    return;
  }
  if (drift.up.length === 0) {
    console.log('No changes: nothing to generate.');
    return;
  }
  const timestamp = Date.now();
  const className = `${name}${timestamp}`;
  const file = join(projectRoot(), 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(file, renderMigration(className, drift.up, drift.down));
  writeIndex();
  console.log(`Wrote ${file}`);
}

async function withScratchDatabase<T>(serverUrl: string | undefined, work: (url: string) => Promise<T>): Promise<T> {
  const name = `arshjulet_scratch_${process.pid}_${Date.now()}`;
  if (serverUrl) {
    const admin = new URL(serverUrl);
    admin.pathname = '/postgres';
    await createDatabaseIfMissing(admin.toString(), name);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    try {
      return await work(url.toString());
    } finally {
      await dropDatabaseIfExists(admin.toString(), name);
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'arshjulet-migrate-'));
  const server = await startEmbeddedPostgres({ dataDir: dir, ephemeral: true });
  try {
    await createDatabaseIfMissing(server.adminUrl, name);
    return await work(server.urlFor(name));
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function renderMigration(className: string, up: string[], down: string[]): string {
  const lines = (queries: string[]) => queries.map((query) => `    await queryRunner.query(\`${query.replace(/`/g, '\\`')}\`);`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

/** apps/api/src/database/migrations.ts lists every migration file in timestamp order (migrations/ holds only migrations). */
function writeIndex(): void {
  const dir = join(projectRoot(), 'migrations');
  const files = readdirSync(dir).filter((file) => /^\d{13}-[A-Za-z0-9]+\.ts$/.test(file)).sort();
  const classes = files.map((file) => {
    const [timestamp, base] = file.replace(/\.ts$/, '').split('-') as [string, string];
    return { file: file.replace(/\.ts$/, '.js'), className: `${base}${timestamp}` };
  });
  writeFileSync(
    join(projectRoot(), 'apps', 'api', 'src', 'database', 'migrations.ts'),
    `// Generated by \`npm run migration:generate -- Name\`: the ordered list of every migration in migrations/.
import type { MigrationInterface } from 'typeorm';
${classes.map((c) => `import { ${c.className} } from '../../../../migrations/${c.file}';`).join('\n')}

export const MIGRATIONS: Array<new () => MigrationInterface> = [
${classes.map((c) => `  ${c.className},`).join('\n')}
];
`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
