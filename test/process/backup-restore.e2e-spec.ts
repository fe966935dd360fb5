import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, Role } from '@arshjulet/core';
import { createDatabaseIfMissing, dropDatabaseIfExists } from '@arshjulet/db';
import pg from 'pg';
import request from 'supertest';
import { createHttpApp } from '../../apps/api/src/bootstrap.js';
import { save } from '../analysis/analysis-fixtures.js';
import { importFile } from '../indicators/indicator-fixtures.js';
import { WHOLE_YEAR_INDICATORS, wholeYearCsv } from '../report/report-fixtures.js';
import { SEED_002_ANALYSES, SEED_002_DELREGIONS } from '../report/seed-002-analyses.js';
import { openCliHarness, type CliHarness } from '../support/cli-harness.js';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { TEST_ENV, urlForDatabase } from '../support/test-server.js';

/** A real one-page PDF, and one with every byte value after it (bytes that are not text must survive base64). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const BINARY_PDF = Buffer.concat([PDF, Buffer.from(Array.from({ length: 256 }, (_, i) => i))]);

/** The year's tables, chosen here independently of the exporter's list, with how each finds the year's rows. */
const YEAR_TABLES: Record<string, string> = {
  cycle: 't.year = $1',
  cycle_compilation_value: 't.cycle_id IN (SELECT id FROM cycle WHERE year = $1)',
  analysis_task: 't.cycle_id IN (SELECT id FROM cycle WHERE year = $1)',
  analysis_draft: 't.task_id IN (SELECT a.id FROM analysis_task a JOIN cycle c ON c.id = a.cycle_id WHERE c.year = $1)',
  analysis_revision: 't.task_id IN (SELECT a.id FROM analysis_task a JOIN cycle c ON c.id = a.cycle_id WHERE c.year = $1)',
  analysis_comment: 't.task_id IN (SELECT a.id FROM analysis_task a JOIN cycle c ON c.id = a.cycle_id WHERE c.year = $1)',
  analysis_attachment: 't.task_id IN (SELECT a.id FROM analysis_task a JOIN cycle c ON c.id = a.cycle_id WHERE c.year = $1)',
  county_report: 't.cycle_id IN (SELECT id FROM cycle WHERE year = $1)',
  report_version: 't.report_id IN (SELECT r.id FROM county_report r JOIN cycle c ON c.id = r.cycle_id WHERE c.year = $1)',
  feedback_comment: 't.cycle_id IN (SELECT id FROM cycle WHERE year = $1)',
  decision: 't.cycle_id IN (SELECT id FROM cycle WHERE year = $1)',
  decision_action: 't.decision_id IN (SELECT d.id FROM decision d JOIN cycle c ON c.id = d.cycle_id WHERE c.year = $1)',
};

/**
 * Every column of the year's tables as PostgreSQL prints it, rows sorted: ids that point outside the year (found
 * from the foreign keys) replaced by what they name, template versions by template and number, bytes by their hash.
 */
async function sqlDump(client: pg.Client, year: number): Promise<string> {
  await client.query(`SET TimeZone = 'UTC'`);
  const lines: string[] = [];
  for (const [table, where] of Object.entries(YEAR_TABLES)) {
    const { rows: columns } = await client.query<{ name: string; type: string }>(
      'SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name', [table]);
    const { rows: keys } = await client.query<{ column: string; target: string }>(
      `SELECT a.attname AS column, f.relname AS target FROM pg_constraint c JOIN pg_class s ON s.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] WHERE c.contype = 'f' AND s.relname = $1`, [table]);
    const target = new Map(keys.map((key) => [key.column, key.target]));
    const expressions = columns
      .filter((column) => !(table === 'cycle_compilation_value' && column.name === 'id'))
      .map(({ name, type }) => {
        const value = `t."${name}"`;
        if (target.get(name) === 'app_user') return `(SELECT email FROM app_user WHERE id = ${value})`;
        if (target.get(name) === 'org_unit') return `(SELECT code FROM org_unit WHERE id = ${value})`;
        if (target.get(name) === 'indicator') return `(SELECT code FROM indicator WHERE id = ${value})`;
        if (name === 'template_version' || name === 'template_version_id') {
          return `(SELECT coalesce(p.code, p.name) || '#' || v.number FROM template_version v JOIN template p ON p.id = v.template_id WHERE v.id::text = ${value}::text)`;
        }
        if (type === 'bytea') return `encode(sha256(${value}), 'hex')`;
        return `${value}::text`;
      });
    const { rows } = await client.query<{ line: string }>(`SELECT json_build_array(${expressions.join(', ')})::text AS line FROM "${table}" t WHERE ${where} ORDER BY 1`, [year]);
    lines.push(`-- ${table} (${columns.map((column) => column.name).join(', ')}): ${rows.length}`, ...rows.map((row) => row.line));
  }
  return lines.join('\n');
}

const rowCounts = async (client: pg.Client): Promise<string> =>
  JSON.stringify((await client.query(`SELECT ${[...Object.keys(YEAR_TABLES), 'app_user', 'template_version', 'audit_event'].map((table) => `(SELECT count(*) FROM "${table}") AS "${table}"`).join(', ')}`)).rows[0]);

describe('Backup and restore: cycle:export of a year, cycle:import into an empty database, and the whole database with pg_dump', () => {
  const YEAR = 2030;
  let t: TestApp;
  let harness: CliHarness;
  let sourceUrl: string;
  let source: pg.Client;
  let exported: string;
  let dir: string;
  const opened: Array<{ client?: pg.Client; drop: () => Promise<void> }> = [];

  /** `npm run cli -- …` against the database at `url`. */
  async function cliOn(url: string, args: string[], stdin?: string): Promise<{ out: string; err: string }> {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      return await harness.run(args, stdin);
    } finally {
      process.env.DATABASE_URL = saved;
    }
  }

  /** A new database as a fresh installation has it: migrated, reference data loaded, no year. */
  async function emptyDatabase(): Promise<{ url: string; client: pg.Client }> {
    const database = await createTestDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    opened.push({ client, drop: database.drop });
    return { url: database.url, client };
  }

  /**
   * A database as `npm start` leaves a new installation: migrated and given reference data by the app itself, not
   * copied from the source's template, so its own rows (the default template's version) have other ids.
   */
  async function freshInstallation(): Promise<{ url: string; client: pg.Client }> {
    const adminUrl = process.env[TEST_ENV.adminUrl]!;
    const name = `${process.env[TEST_ENV.prefix]}_fresh_${process.pid}_${opened.length}`;
    await createDatabaseIfMissing(adminUrl, name);
    const url = urlForDatabase(adminUrl, name);
    const entry: (typeof opened)[number] = { drop: () => dropDatabaseIfExists(adminUrl, name) };
    opened.push(entry);
    await (await createHttpApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' }), url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    entry.client = client;
    return { url, client };
  }

  /**
   * The richest year the app makes: figures imported and frozen at launch, six analyses (one with two attachments,
   * comment threads, a return and a second submission), the county report with its own sections through review
   * and revision, VVG's comments and answers, decisions edited, the cycle closed into next year's actions.
   */
  async function richYear(year: number): Promise<void> {
    const county = await t.userWith(Role.CountyCoordinator);
    const vvg = await t.userWith(Role.VvgReviewer);
    const cycleMove = (action: string, reason?: string) => county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action, reason }).expect(200);
    const taskMove = (user: TestUser, taskId: string, action: string, reason?: string) => user.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action, reason }).expect(200);
    const report = (suffix = '') => `/api/v1/cycles/${cycleId}/report${suffix}`;

    const cycleId: string = (await county.api.post('/api/v1/cycles').send({ year, indicatorCodes: WHOLE_YEAR_INDICATORS, focusAreas: ['läkemedel', 'in- och utskrivning'] }).expect(201)).body.id;
    await cycleMove('start_planning');
    await importFile(county.api, wholeYearCsv(year - 1));
    await county.api.post(`/api/v1/cycles/${cycleId}/launch`).send({}).expect(200);
    const items = (await county.api.get(`/api/v1/tasks?cycle=${cycleId}`)).body.items as Array<{ id: string; delregion: string }>;
    for (const code of SEED_002_DELREGIONS) {
      const taskId = items.find((item) => item.delregion === code)!.id;
      const coordinator = await t.userWith(Role.DelregionCoordinator, code);
      await save(coordinator, taskId, SEED_002_ANALYSES[code]);
      if (code === 'DR-SIMBA') {
        await coordinator.api.post(`/api/v1/tasks/${taskId}/attachments`).attach('file', PDF, 'SIMBA Årsberättelse 2023.pdf').expect(201);
        await coordinator.api.post(`/api/v1/tasks/${taskId}/attachments`).attach('file', BINARY_PDF, 'bilaga "binär".pdf').expect(201);
      }
      await taskMove(coordinator, taskId, 'submit');
      if (code === 'DR-SIMBA') {
        const onField = (await county.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'svpl', body: 'Hur många vårdbegäran var kompletta?' }).expect(201)).body;
        const onSection = (await county.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'deviations', body: 'Ange antal, inte andel.' }).expect(201)).body;
        await coordinator.api.post(`/api/v1/tasks/${taskId}/comments`).send({ parentId: onField.id, body: 'Vi kompletterar med höstens siffror.' }).expect(201);
        await taskMove(county, taskId, 'return', 'Komplettera SVPL.');
        await county.api.post(`/api/v1/tasks/${taskId}/comments/${onSection.id}/resolve`).expect(200);
        await save(coordinator, taskId, { svpl: 'Efter workshopen var 30 av 38 vårdbegäran kompletta.\nRad två med ”citat” och 😀.' });
        await taskMove(coordinator, taskId, 'submit');
      }
      await taskMove(county, taskId, 'accept');
    }

    const assembled = (await county.api.post(report('/assemble')).send({}).expect(200)).body;
    await county.api.put(report('/own-sections')).set('If-Match', `"${assembled.version}"`).send({ conclusions: 'Vi ser **samma** mönster.', questions: 'Hur följer vi upp SIP?' }).expect(200);
    await county.api.post(report('/transitions')).send({ action: 'send_to_review' }).expect(200);
    await cycleMove('start_review');
    const comment = (await vvg.api.post(`/api/v1/cycles/${cycleId}/feedback`).send({ sectionId: 'slutsatser', body: 'Lyft **SIP** tydligare.' }).expect(201)).body;
    await county.api.post(`/api/v1/cycles/${cycleId}/feedback/${comment.id}/answers`).send({ body: 'Vi lägger till ett stycke.' }).expect(201);
    await vvg.api.post(report('/transitions')).send({ action: 'give_feedback' }).expect(200);
    await county.api.post(report('/transitions')).send({ action: 'revise', reason: 'VVG:s synpunkter' }).expect(200);

    const decision = { cycleId, text: 'Tydligare länsgemensam rutin för utskrivning.', priority: 'high', ownerOrgUnitCode: 'DR-SIMBA', dueDate: `${year + 1}-06-30`, indicatorCodes: ['IU03'], themeKeys: ['sip'] };
    const first = (await vvg.api.post('/api/v1/decisions').send(decision).expect(201)).body;
    await vvg.api.patch(`/api/v1/decisions/${first.id}`).set('If-Match', '"1"').send({ priority: 'low', ownerOrgUnitCode: '14' }).expect(200);
    const second = (await vvg.api.post('/api/v1/decisions').send({ ...decision, text: 'Följ upp SIP i alla delregioner.', priority: 'medium' }).expect(201)).body;
    await cycleMove('start_decision');
    await cycleMove('close');
    await vvg.api.patch(`/api/v1/decisions/${second.id}/action`).send({ status: 'in_progress' }).expect(200);
  }

  beforeAll(async () => {
    t = await createTestApp({ CHROMIUM_PATH: '/ingenstans/chromium' });
    harness = await openCliHarness();
    dir = mkdtempSync(join(tmpdir(), 'arshjulet-backup-'));
    sourceUrl = (t.dataSource.options as { url: string }).url;
    source = new pg.Client({ connectionString: sourceUrl });
    await source.connect();
    await richYear(YEAR);
    exported = (await cliOn(sourceUrl, ['cycle:export', '--year', String(YEAR)])).out;
  }, 600_000);

  afterAll(async () => {
    for (const { client, drop } of opened) {
      await client?.end();
      await drop();
    }
    await source?.end();
    await harness?.close();
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports one canonical document of the year with its references, format version and migration head', async () => {
    const document = JSON.parse(exported);
    expect(document).toMatchObject({ format: 'arshjulet.cycle-backup', formatVersion: 1, year: YEAR, migrationHead: expect.stringMatching(/^[A-Za-z]+\d{13}$/) });
    const [{ name: head }] = (await source.query('SELECT name FROM migration ORDER BY "timestamp" DESC LIMIT 1')).rows;
    expect(document.migrationHead).toBe(head);
    // Every table of the year has rows: the comparison below covers each of them.
    for (const table of Object.keys(YEAR_TABLES)) expect({ table, rows: document.tables[table].length > 0 }).toEqual({ table, rows: true });
    const attachments = document.tables.analysis_attachment as Array<{ content: string; contentSha256: string; size: number }>;
    expect(attachments.map((a) => Buffer.from(a.content, 'base64').equals(BINARY_PDF) || Buffer.from(a.content, 'base64').equals(PDF))).toEqual([true, true]);
    expect(document.references.orgUnits.map((unit: { code: string }) => unit.code)).toEqual(expect.arrayContaining(['14', ...SEED_002_DELREGIONS]));
    expect(document.references.templateVersions).toEqual([expect.objectContaining({ key: 'vvg-default#1', templateCode: 'vvg-default', number: 1, status: 'published' })]);
    expect(document.tables.analysis_task.every((task: { templateVersion: string }) => task.templateVersion === 'vvg-default#1')).toBe(true);
    expect(document.references.users.every((user: { email: string; roles: unknown[] }) => user.email.endsWith('@test.se') && user.roles.length === 1)).toBe(true);
    // Canonical: sorted keys, the same bytes for the same data (exporting again gives the same document).
    expect((await cliOn(sourceUrl, ['export', '--year', String(YEAR)])).out).toBe(exported);
  });

  it('imports into an empty database exactly: exporting there gives the same bytes, and every column of every row matches', async () => {
    const target = await freshInstallation();
    const pinned = `SELECT v.id FROM template_version v JOIN template p ON p.id = v.template_id WHERE p.code = 'vvg-default' AND v.number = 1`;
    expect((await target.client.query(pinned)).rows[0].id).not.toBe((await source.query(pinned)).rows[0].id);
    const { out, err } = await cliOn(target.url, ['cycle:import'], exported);
    expect(out).toMatch(/^Läste in Årshjulet 2030: 6 uppgifter, 7 inskickade analyser, 4 kommentarer, 2 bilagor, \d+ rapportversioner, 2 synpunkter, 2 beslut, \d+ frysta värden\./);
    const named = (JSON.parse(exported).references.users as unknown[]).length;
    expect(out).toContain(`Skapade ${named} inaktiva användare utan lösenord`);
    expect(err).toContain('Dokumentet är giltigt');

    expect((await cliOn(target.url, ['cycle:export', '--year', String(YEAR)])).out).toBe(exported);
    const [before, after] = [await sqlDump(source, YEAR), await sqlDump(target.client, YEAR)];
    expect(after).toBe(before);
    expect(before.split('\n').length).toBeGreaterThan(100);

    // The people behind the rows exist, by e-mail and name, but nobody can sign in until an administrator decides.
    const users = (await target.client.query(
      `SELECT u.email, u.name, u.active, u.password_hash, array_agg(r.role) AS roles FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE u.email LIKE '%@test.se' GROUP BY u.id ORDER BY u.email`)).rows;
    const originals = (await source.query(
      `SELECT u.email, u.name, array_agg(r.role) AS roles FROM app_user u JOIN role_assignment r ON r.user_id = u.id WHERE u.email = ANY($1) GROUP BY u.id ORDER BY u.email`,
      [users.map((user) => user.email)])).rows;
    expect(users.map(({ email, name, roles }) => ({ email, name, roles }))).toEqual(originals);
    expect(users.every((user) => user.active === false && user.password_hash === null)).toBe(true);
    const audit = (await target.client.query(`SELECT action, after FROM audit_event WHERE action = 'cycle.restored'`)).rows;
    expect(audit).toEqual([expect.objectContaining({ after: expect.objectContaining({ year: YEAR, usersCreated: expect.any(Array) }) })]);
  }, 300_000);

  it('refuses a year the database has, with a 409-like Swedish message, and changes nothing', async () => {
    const target = await emptyDatabase();
    await cliOn(target.url, ['cycle:create', '--year', String(YEAR)]);
    const counts = await rowCounts(target.client);
    await expect(cliOn(target.url, ['cycle:import'], exported)).rejects.toMatchObject({
      code: 'backup.year_taken', kind: 'conflict', detail: expect.stringContaining('Det finns redan ett årshjul för 2030 i databasen; inget lästes in.'),
    });
    expect(await rowCounts(target.client)).toBe(counts);
  }, 120_000);

  it('refuses a truncated, a tampered and an incomplete document before writing, and rolls back one the database refuses halfway', async () => {
    const target = await emptyDatabase();
    const counts = await rowCounts(target.client);
    const file = join(dir, 'avkortad.json');
    writeFileSync(file, exported.slice(0, Math.floor(exported.length * 0.6)));
    await expect(cliOn(target.url, ['cycle:import', '--file', file])).rejects.toMatchObject({ code: 'backup.not_json', detail: expect.stringContaining('Dokumentet är inte giltig JSON (avkortat eller trasigt?)') });
    await expect(cliOn(target.url, ['cycle:import'], '')).rejects.toMatchObject({ code: 'backup.not_json', detail: expect.stringContaining('dokumentet är tomt') });
    await expect(cliOn(target.url, ['cycle:import', '--max-mb', '1'], exported.padEnd(1024 * 1024 + 1))).rejects.toMatchObject({ code: 'backup.too_large' });

    const tampered = JSON.parse(exported);
    tampered.tables.analysis_attachment[0].content = Buffer.from('något annat').toString('base64');
    tampered.tables.analysis_task[0].dueDate = '2030-02-30';
    delete tampered.tables.decision[0].priority;
    tampered.tables.analysis_comment[0].author = 'okand@example.se';
    tampered.tables.decision_action[0].decisionId = '00000000-0000-4000-8000-000000000000';
    const refused = cliOn(target.url, ['cycle:import'], JSON.stringify(tampered));
    await expect(refused).rejects.toMatchObject({ code: 'backup.invalid', detail: expect.stringMatching(/^Dokumentet är inte en giltig säkerhetskopia av ett årshjul \(\d+ fel\)\. Inget lästes in\.$/) });
    const errors = ((await refused.catch((error: { errors: Array<{ path: string; message: string }> }) => error)) as { errors: Array<{ path: string; message: string }> }).errors;
    expect(errors).toEqual(expect.arrayContaining([
      { path: 'tables.analysis_attachment[0].contentSha256', message: 'stämmer inte med innehållet: filen är skadad eller ändrad' },
      { path: 'tables.analysis_task[0].dueDate', message: 'ska vara ett datum (ÅÅÅÅ-MM-DD)' },
      { path: 'tables.decision[0].priority', message: 'saknas' },
      { path: 'tables.analysis_comment[0].author', message: 'hänvisar till en användare som inte finns i references.users (okand@example.se)' },
    ]));
    const newer = { ...JSON.parse(exported), migrationHead: 'Framtiden1999999999999' };
    await expect(cliOn(target.url, ['cycle:import'], JSON.stringify(newer))).rejects.toMatchObject({ errors: [expect.objectContaining({ path: 'migrationHead', message: expect.stringContaining('dokumentet skrevs av en nyare version') })] });

    // Valid as a document, but naming an org unit this database lacks: refused before anything is written.
    const foreign = JSON.parse(exported);
    foreign.references.orgUnits.push({ code: 'DR-NY', name: 'Ny delregion', type: 'delregion' });
    foreign.tables.decision[0].ownerOrgUnit = 'DR-NY';
    await expect(cliOn(target.url, ['cycle:import'], JSON.stringify(foreign))).rejects.toMatchObject({
      code: 'backup.missing_references', errors: [{ path: 'references.orgUnits', message: 'Organisationsenheten DR-NY (Ny delregion) finns inte.' }],
    });

    // Valid, but the database refuses the last table's row (a NUL in a text): the cycle and all before it are rolled back.
    const poisoned = JSON.parse(exported);
    poisoned.tables.decision_action[0].status = 'open\u0000';
    await expect(cliOn(target.url, ['cycle:import'], JSON.stringify(poisoned))).rejects.toMatchObject({ code: 'backup.rejected', detail: expect.stringContaining('Inget lästes in.') });
    expect(await rowCounts(target.client)).toBe(counts);
  }, 300_000);

  it('gives a database the pinned template version it lacks, published; refuses one it has with other content', async () => {
    const target = await emptyDatabase();
    const renumbered = JSON.parse(exported.replaceAll('"vvg-default#1"', '"vvg-default#7"'));
    renumbered.references.templateVersions[0].number = 7;
    const { out } = await cliOn(target.url, ['cycle:import'], JSON.stringify(renumbered));
    expect(out).toContain('Skapade mallversionerna vvg-default version 7.');
    const pinned = (await target.client.query(
      `SELECT DISTINCT v.number, v.status, v.published_at IS NOT NULL AS published FROM analysis_task a JOIN cycle c ON c.id = a.cycle_id
         JOIN template_version v ON v.id::text = a.template_version WHERE c.year = $1`, [YEAR])).rows;
    expect(pinned).toEqual([{ number: 7, status: 'published', published: true }]);
    const [seven, one] = (await target.client.query(`SELECT v.definition FROM template_version v JOIN template p ON p.id = v.template_id WHERE p.code = 'vvg-default' ORDER BY v.number DESC`)).rows;
    expect(seven.definition).toEqual(one.definition);

    const other = await emptyDatabase();
    const changed = JSON.parse(exported);
    changed.references.templateVersions[0].definition.sections[0].title = 'Ändrad rubrik';
    const counts = await rowCounts(other.client);
    await expect(cliOn(other.url, ['cycle:import'], JSON.stringify(changed))).rejects.toMatchObject({
      code: 'backup.template_version_differs', detail: expect.stringContaining('version 1 finns i databasen men med ett annat innehåll än i dokumentet; inget lästes in.'),
    });
    expect(await rowCounts(other.client)).toBe(counts);
  }, 300_000);

  it('the whole database: pg_dump -Fc and pg_restore into a new database; the app starts on it and the year is there', async () => {
    const adminUrl = process.env[TEST_ENV.adminUrl]!;
    const serverMajor = Math.floor(Number((await source.query('SHOW server_version_num')).rows[0].server_version_num) / 10000);
    const dumpMajor = Number(/(\d+)\.\d+/.exec(spawnSync('pg_dump', ['--version']).stdout.toString())![1]);
    const file = join(dir, 'hela-databasen.dump');
    const dumped = spawnSync('pg_dump', ['-Fc', '-f', file, sourceUrl]);
    // pg_dump refuses a newer server (README: use a pg_dump of the server's version, or the file-level copy).
    expect({ status: dumped.status, refusal: /server version mismatch/.test(dumped.stderr.toString()) }).toEqual(dumpMajor >= serverMajor ? { status: 0, refusal: false } : { status: 1, refusal: true });
    if (dumpMajor < serverMajor) return;

    const name = `${process.env[TEST_ENV.prefix]}_restored_${process.pid}`;
    await createDatabaseIfMissing(adminUrl, name);
    opened.push({ drop: () => dropDatabaseIfExists(adminUrl, name) });
    const restoredUrl = urlForDatabase(adminUrl, name);
    const restored = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', restoredUrl, file]);
    expect({ status: restored.status, stderr: restored.stderr.toString() }).toEqual({ status: 0, stderr: '' });
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');

    const app = await createHttpApp(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' }), restoredUrl);
    try {
      expect((await request(app.getHttpServer()).get('/health/ready')).status).toBe(200);
      expect((await cliOn(restoredUrl, ['cycle:export', '--year', String(YEAR)])).out).toBe(exported);
    } finally {
      await app.close();
    }
  }, 300_000);
});
