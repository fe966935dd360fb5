import { randomInt } from 'node:crypto';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import { ModulesContainer } from '@nestjs/core';
import { Role } from '@arshjulet/core';
import { OutboxService, OutboxWorker } from '@arshjulet/notify';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import yazl from 'yazl';
import { launchedTask, save, SIMBA_ANSWERS } from '../analysis/analysis-fixtures.js';
import { routeTable } from '../authorization/route-table.js';
import { upload } from '../indicators/indicator-fixtures.js';
import { acceptedSeed002Cycle, wholeYearCsv } from '../report/report-fixtures.js';
import { databaseFingerprinter, fingerprintDiff, type Fingerprint } from '../support/database-fingerprint.js';
import {
  requestArbitrary, SchemaArbitraries, unknownParam, writeOperations, type FileSamples, type FuzzRequest, type KnownValues, type OpenApiDocument, type WriteOperation,
} from '../support/openapi-fuzz.js';
import { createTestApp, type ApiClient, type SignedInUser, type TestApp } from '../support/test-app.js';

/**
 * Every write endpoint of the API, fed requests generated from its own OpenAPI description by fast-check: valid-
 * looking bodies, fields missing, extra or of the wrong type, huge and odd Unicode text, nulls, deep nesting, and
 * for uploads random bytes, CSV-ish text and damaged workbooks. Path parameters are mostly rows that exist (a
 * year in review with its report, feedback and decisions; a year in analysis with answers, comments and an
 * attachment; a year being planned; templates, imports, users, tokens, notifications), sometimes made up. The
 * caller is an administrator (every permission), by API token or by signed-in session with its CSRF token.
 *
 * Two properties: the answer is a 2xx or a 4xx, never a 5xx; and a 4xx leaves every table as it was (row counts
 * and a checksum of the rows; see database-fingerprint.ts for the two things a refusal writes by design).
 *
 * Bounded for CI: FUZZ_RUNS requests per endpoint (default 20), at most 12 s each and 150 s in all. The seed is new on every
 * run and printed with any failure; `FUZZ_SEED=<seed> npm test -- test/robustness/fuzz-openapi.e2e-spec.ts`
 * replays it, FUZZ_ONLY=<text> keeps the endpoints whose "METHOD /path" contains the text, and FUZZ_STATS=1 prints
 * the statuses each endpoint got (FUZZ_STATS=errors adds the first field error), to see how deep the requests reach.
 */
const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const ONLY = process.env.FUZZ_ONLY ?? '';
const PER_ENDPOINT_MS = 12_000;
/** All endpoints together; on a slow machine each gets its share of what is left (at least a second). */
const TOTAL_MS = 150_000;

/**
 * Where real values for an operation's path parameters come from: the first pattern that matches its path.
 * Columns are named after the parameters; :admin is the acting administrator, :token their token (neither is offered,
 * so a generated request cannot lock the fuzzer out).
 */
const PARAM_SOURCES: Array<[RegExp, string]> = [
  [/^\/api\/v1\/org-units\/\{code\}/, 'SELECT code FROM org_unit'],
  [/^\/api\/v1\/users\/\{id\}\/assignments\/\{assignmentId\}/, 'SELECT user_id AS id, id AS "assignmentId" FROM role_assignment WHERE user_id <> :admin'],
  [/^\/api\/v1\/users\/\{id\}/, 'SELECT id FROM app_user WHERE id <> :admin'],
  [/^\/api\/v1\/me\/tokens\/\{id\}/, 'SELECT id FROM api_token WHERE id <> :token'],
  [/^\/api\/v1\/notifications\/\{id\}/, 'SELECT id FROM notification'],
  [/^\/api\/v1\/admin\/outbox\/\{id\}/, 'SELECT id FROM outbox_message'],
  [/^\/api\/v1\/indicators\/\{code\}/, 'SELECT code FROM indicator'],
  [/^\/api\/v1\/indicator-imports\/\{id\}/, 'SELECT id FROM import_batch'],
  [/^\/api\/v1\/cycles\/\{id\}\/feedback\/\{commentId\}/, 'SELECT cycle_id AS id, id AS "commentId" FROM feedback_comment'],
  [/^\/api\/v1\/cycles\/\{id\}/, 'SELECT id FROM cycle'],
  [/^\/api\/v1\/tasks\/\{id\}\/comments\/\{cid\}/, 'SELECT task_id AS id, id AS cid FROM analysis_comment'],
  [/^\/api\/v1\/tasks\/\{id\}\/attachments\/\{aid\}/, 'SELECT task_id AS id, id AS aid FROM analysis_attachment'],
  [/^\/api\/v1\/tasks\/\{id\}/, 'SELECT id FROM analysis_task'],
  [/^\/api\/v1\/templates\/versions\/\{id\}/, 'SELECT id FROM template_version'],
  [/^\/api\/v1\/theme-tags\/\{key\}/, 'SELECT key FROM theme_tag'],
  [/^\/api\/v1\/decisions\/\{id\}/, 'SELECT id FROM decision'],
];
const pathParams = (path: string): string[] => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
const keyOf = (op: WriteOperation): string => `${op.method.toUpperCase()} ${op.path}`;

/** A real, minimal one-page PDF. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

async function zip(entries: Record<string, string>): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries)) file.addBuffer(Buffer.from(content), name);
  file.end();
  const chunks: Buffer[] = [];
  for await (const chunk of file.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The files uploads start from: a workbook the importer reads, a Word-like zip, a PDF, Kolada-like JSON. */
async function fileSamples(): Promise<FileSamples> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(['indikator', 'enhet', 'period', 'värde']);
  sheet.addRow(['IU03', 'H-NU', '2025-Q1', 5.7]);
  sheet.addRow(['HF01', '1480', 2024, { formula: '2900/1', result: 2900 }]);
  sheet.addRow(['BG04', 'Riket', '2024', 'många']);
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const docx = await zip({
    '[Content_Types].xml':
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    'word/document.xml': '<w:document/>',
  });
  const kolada = Buffer.from(JSON.stringify({ values: [{ kpi: 'N00945', municipality: '1480', period: 2024, values: [{ gender: 'T', value: 12.5 }] }] }));
  return { zips: [xlsx, docx], others: [PDF, kolada] };
}

/** A year in review with report, feedback and a decision; a year in analysis; a year being planned; and the rest. */
async function seed(t: TestApp, admin: SignedInUser): Promise<void> {
  const { cycleId } = await acceptedSeed002Cycle(t, admin, 2026);
  await admin.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_review' }).expect(200);
  await admin.api.post(`/api/v1/cycles/${cycleId}/report/assemble`).send({}).expect(200);
  await admin.api.post(`/api/v1/cycles/${cycleId}/report/transitions`).send({ action: 'send_to_review' }).expect(200);
  const comment = await admin.api.post(`/api/v1/cycles/${cycleId}/feedback`).send({ sectionId: 'gemensamma-namnare', body: 'Lyft in- och utskrivning.' }).expect(201);
  await admin.api.post(`/api/v1/cycles/${cycleId}/feedback/${comment.body.id}/answers`).send({ body: 'Det gör vi.' }).expect(201);
  await admin.api
    .post('/api/v1/decisions')
    .send({ cycleId, text: 'Ta fram en länsgemensam rutin för utskrivning.', priority: 'high', ownerOrgUnitCode: '14', dueDate: '2027-06-30', indicatorCodes: ['IU03'], themeKeys: ['sip'] })
    .expect(201);

  const { taskId } = await launchedTask(t, admin, 'DR-SIMBA');
  await save(admin, taskId, SIMBA_ANSWERS);
  await admin.api.post(`/api/v1/tasks/${taskId}/comments`).send({ target: 'successes', body: 'Utveckla gärna.' }).expect(201);
  await admin.api.post(`/api/v1/tasks/${taskId}/attachments`).attach('file', PDF, 'plan.pdf').expect(201);

  const planned = await admin.api.post('/api/v1/cycles').send({ year: 2040 }).expect(201);
  await admin.api.post(`/api/v1/cycles/${planned.body.id}/transitions`).send({ action: 'start_planning' }).expect(200);
  await admin.api.post('/api/v1/templates').send({ name: 'Mall under arbete' }).expect(201);
  await upload(admin.api, wholeYearCsv(2030)).expect(201);
  for (const name of ['Anna Andersson', 'Bo Berg']) {
    await admin.api.post('/api/v1/users').send({ email: `${name.split(' ')[0]!.toLowerCase()}@test.se`, name, assignments: [{ role: 'delregion_coordinator', orgUnit: 'DR-SKB' }] }).expect(201);
  }
  // Tokens are made from a signed-in session, never by another token.
  await admin.browser.post('/api/v1/me/tokens').send({ name: 'Ett annat skript' }).expect(201);
  await admin.browser.post('/api/v1/me/calendar-token').expect(201);
  await t.app.get(OutboxService).enqueue(t.systemContext(), [
    { channel: 'in_app' as const, kind: 'task.reminder', recipientUserId: admin.user.id, recipient: admin.user.id, subject: 'Påminnelse', text: 'Analysen ska lämnas in.', link: '/arshjul/2026' },
  ]);
  while ((await t.app.get(OutboxWorker).drainOnce()).claimed > 0);
}

function urlOf(op: WriteOperation, request: FuzzRequest): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(request.params[name] ?? ''));
  return request.query.length ? `${path}?${new URLSearchParams(request.query).toString()}` : path;
}

/** Header values Node refuses to put on the wire are left out: they never reach a server. */
const sendableHeader = (value: string): boolean => /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

async function send(api: ApiClient, op: WriteOperation, request: FuzzRequest): Promise<{ status: number; text: string }> {
  let call = api[op.method](urlOf(op, request)).timeout(60_000);
  for (const [name, value] of Object.entries(request.headers)) if (sendableHeader(value)) call = call.set(name, value);
  const body = request.body;
  if (body.kind === 'json') {
    const json = JSON.stringify(body.value);
    if (json !== undefined) call = call.set('Content-Type', 'application/json').send(json);
  } else if (body.kind === 'form') {
    call = call.type('form').send(body.value);
  } else if (body.kind === 'raw') {
    call = call.set('Content-Type', body.type).send(body.text);
  } else if (body.kind === 'multipart') {
    for (const [name, value] of body.fields) call = call.field(name, value);
    for (const file of body.files) call = call.attach(file.field, Buffer.from(file.bytes), file.name ? { filename: file.name } : 'blob');
  }
  const response = await call;
  return { status: response.status, text: response.text ?? '' };
}

function describeRequest(op: WriteOperation, request: FuzzRequest): string {
  const body = request.body;
  const shown =
    body.kind === 'multipart'
      ? { fields: body.fields, files: body.files.map((file) => ({ field: file.field, name: file.name, bytes: file.bytes.length, head: Buffer.from(file.bytes.subarray(0, 16)).toString('hex') })) }
      : body;
  return `${op.method.toUpperCase()} ${urlOf(op, request).slice(0, 300)} headers=${JSON.stringify(request.headers)} body=${JSON.stringify(shown)?.slice(0, 600)}`;
}

describe('fuzzing every write endpoint from the OpenAPI document', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let tokenId: string;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '100000', LOGIN_LIMIT_PER_ACCOUNT: '100000' });
    admin = await t.signedIn(Role.Admin);
    [{ id: tokenId }] = await t.dataSource.query('SELECT id FROM api_token WHERE user_id = $1', [admin.user.id]);
    const served = await t.http.get('/api/docs/openapi.json').expect(200);
    doc = served.body as OpenApiDocument;
  }, 60_000);
  afterAll(() => t.close());

  it('lists every write route of the app in the OpenAPI document, each body it reads, and a source for each path parameter', () => {
    const documented = writeOperations(doc).map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`);
    const routes = routeTable(t.app).filter((route) => route.path.startsWith('/api/v1/') && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method));
    expect(documented.sort()).toEqual(routes.map((route) => route.key).sort());

    // A handler that takes @Body() or the raw request (an upload) must describe the body, or the fuzzer sends it nothing useful.
    const controllers = new Map<string, object>();
    for (const module of t.app.get(ModulesContainer).values()) for (const wrapper of module.controllers.values()) if (wrapper.metatype) controllers.set(wrapper.metatype.name, wrapper.metatype);
    const readsBody = (controller: string, handler: string): boolean =>
      Object.keys(Reflect.getMetadata(ROUTE_ARGS_METADATA, controllers.get(controller)!, handler) ?? {}).some((key) =>
        [`${RouteParamtypes.BODY}:`, `${RouteParamtypes.REQUEST}:`].some((prefix) => key.startsWith(prefix)),
      );
    const withBody = new Set(writeOperations(doc).filter((op) => op.operation.requestBody).map((op) => `${op.method.toUpperCase()} ${op.path.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(routes.filter((route) => readsBody(route.controller, route.handler) && !withBody.has(route.key)).map((route) => route.key)).toEqual([]);

    expect(writeOperations(doc).filter((op) => pathParams(op.path).length && !PARAM_SOURCES.some(([pattern]) => pattern.test(op.path))).map(keyOf)).toEqual([]);
  });

  it('sees a change to any row, but not what a refusal writes by design (a token’s last use, a session’s expiry, an audited denial)', async () => {
    const fingerprint = await databaseFingerprinter(t.dataSource);
    const before = await fingerprint();
    await t.dataSource.query(`UPDATE api_token SET last_used_at = now() - interval '1 day' WHERE id = $1`, [tokenId]);
    await t.dataSource.query(`UPDATE user_session SET expire = expire + interval '1 minute'`);
    await t.dataSource.query(`INSERT INTO audit_event (actor_label, action, entity_type) VALUES ('fuzz', 'access.denied', 'analysis_task')`);
    expect(fingerprintDiff(before, await fingerprint())).toEqual([]);
    await t.dataSource.query(`UPDATE theme_tag SET label = label || '.' WHERE key = (SELECT min(key) FROM theme_tag)`);
    await t.dataSource.query(`INSERT INTO audit_event (actor_label, action, entity_type) VALUES ('fuzz', 'user.updated', 'user')`);
    expect(fingerprintDiff(before, await fingerprint())).toEqual([expect.stringMatching(/^audit_event /), expect.stringMatching(/^theme_tag \((\d+) → \1 rows\)$/)]);
  });

  it('answers every generated request with a 2xx or a 4xx, and a 4xx changes nothing in the database', async () => {
    await seed(t, admin);
    const samples = await fileSamples();
    const fingerprint = await databaseFingerprinter(t.dataSource);
    // Each endpoint's seed is SEED + its place in the whole document, so FUZZ_ONLY replays it with the same values.
    const operations = writeOperations(doc).map((op, index) => ({ op, index })).filter(({ op }) => keyOf(op).includes(ONLY));
    expect(operations.length).toBeGreaterThan(0);
    const failures: string[] = [];
    let state: Fingerprint = await fingerprint();
    const statuses: string[] = [];
    const deadline = Date.now() + TOTAL_MS;

    for (const [place, { op, index }] of operations.entries()) {
      const timeLimit = Math.max(1_000, Math.min(PER_ENDPOINT_MS, (deadline - Date.now()) / (operations.length - place)));
      const known = await knownValues(t);
      const arbs = new SchemaArbitraries(doc, known);
      const names = pathParams(op.path);
      const source = PARAM_SOURCES.find(([pattern]) => pattern.test(op.path))?.[1];
      const sql = source?.replace(':admin', `'${admin.user.id}'`).replace(':token', `'${tokenId}'`);
      const rows = sql ? ((await t.dataSource.query(sql)) as Array<Record<string, string>>) : [];
      const made = fc.tuple(...names.map(() => unknownParam)).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]!])));
      const params = rows.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...rows) }, { weight: 1, arbitrary: made }) : made;

      const counts = new Map<string, number>();
      const started = Date.now();
      const result = await fc.check(
        fc.asyncProperty(fc.constantFrom('bearer', 'session'), requestArbitrary(arbs, op.operation, params, samples), async (via, request) => {
          const response = await send(via === 'bearer' ? admin.api : admin.browser, op, request);
          let code = `${response.status}${response.status >= 400 ? `:${/"code":"([^"]+)"/.exec(response.text)?.[1] ?? ''}` : ''}`;
          if (process.env.FUZZ_STATS === 'errors') code += ` ${/"errors":\[\{"path":"([^"]*)","message":"([^"]*)"/.exec(response.text)?.slice(1).join(': ') ?? ''}`;
          counts.set(code, (counts.get(code) ?? 0) + 1);
          const before = state;
          state = await fingerprint();
          if (!(response.status >= 200 && response.status < 300) && !(response.status >= 400 && response.status < 500)) {
            throw new Error(`answered ${response.status}: ${response.text.slice(0, 300)}`);
          }
          const changed = response.status >= 400 ? fingerprintDiff(before, state) : [];
          if (changed.length) throw new Error(`answered ${response.status} (${response.text.slice(0, 200)}) but changed ${changed.join(', ')}`);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true, interruptAfterTimeLimit: timeLimit, markInterruptAsFailure: false },
      );
      statuses.push(`${keyOf(op)} ${result.numRuns} runs ${Date.now() - started} ms: ${[...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`).join(' ')}`);
      if (result.failed) {
        const [via, request] = result.counterexample ?? [];
        const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
        failures.push(`${keyOf(op)} (seed ${SEED + index}): ${error}\n    ${request ? `${via}: ${describeRequest(op, request)}` : ''}`);
        state = await fingerprint();
      }
    }
    if (process.env.FUZZ_STATS) console.log(statuses.join('\n'));
    if (failures.length) throw new Error(`Replay with FUZZ_SEED=${SEED}:\n${failures.join('\n')}`);
  }, 300_000);
});

/** Ids, codes and keys in the database now, for bodies that name other things (cycleId, indicatorCodes …). */
async function knownValues(t: TestApp): Promise<KnownValues> {
  const column = async (sql: string): Promise<string[]> => ((await t.dataSource.query(sql)) as Array<{ v: string }>).map((row) => row.v);
  const cycle = await column('SELECT id::text AS v FROM cycle');
  const comment = await column('SELECT id::text AS v FROM analysis_comment UNION ALL SELECT id::text FROM feedback_comment');
  const templateVersion = await column('SELECT id::text AS v FROM template_version');
  const decision = await column('SELECT id::text AS v FROM decision');
  const task = await column('SELECT id::text AS v FROM analysis_task');
  return {
    ids: { cycle, comment, templateVersion, decision, any: [...cycle, ...comment, ...templateVersion, ...decision, ...task] },
    definitions: ((await t.dataSource.query('SELECT DISTINCT ON (template_id) definition FROM template_version ORDER BY template_id, number DESC')) as Array<{ definition: unknown }>).map((row) => row.definition),
    orgUnitCodes: await column('SELECT code AS v FROM org_unit ORDER BY code'),
    indicatorCodes: await column('SELECT code AS v FROM indicator ORDER BY code'),
    themeKeys: await column('SELECT key AS v FROM theme_tag ORDER BY key'),
    sectionIds: ['slutsatser', 'fragor', 'gemensamma-namnare', 'fardplan', 'sammanfattning'],
  };
}
