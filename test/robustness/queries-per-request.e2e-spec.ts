import { Role } from '@arshjulet/core';
import { OutboxService, OutboxWorker } from '@arshjulet/notify';
import type request from 'supertest';
import { save } from '../analysis/analysis-fixtures.js';
import { importFile } from '../indicators/indicator-fixtures.js';
import { wholeYearCsv, WHOLE_YEAR_INDICATORS } from '../report/report-fixtures.js';
import { SEED_002_ANALYSES, SEED_002_DELREGIONS, type Seed002Delregion } from '../report/seed-002-analyses.js';
import { onOwnApp } from '../support/own-app.js';
import { recordStatements } from '../support/statement-recorder.js';
import type { SignedInUser, TestApp, TestUser } from '../support/test-app.js';

/**
 * Queries per request: every list, overview and page issues the same number of SQL statements on ten times the
 * data. Each scale is seeded in its own database through the API (closed and published years, users, indicators
 * with their values, a current year whose report is in review with comments, feedback and decisions,
 * notifications, the audit trail and the outbox growing as they do), then every probe is counted once warm.
 * The statements are counted, never timed.
 */

const FIRST_YEAR = 2031;

interface World {
  t: TestApp;
  county: SignedInUser;
  admin: SignedInUser;
  skb: SignedInUser;
  vvg: TestUser;
  currentYear: number;
  currentCycleId: string;
  publishedYear: number;
  skbTaskId: string;
  indicator: string;
}

interface Probe {
  name: string;
  send: (w: World) => request.Test;
  /** The response holds more on ten times the data (a list that is not a fixed-size page). */
  grows?: boolean;
}

const PROBES: Probe[] = [
  // The year (cycles) and their overview.
  { name: 'page /arshjul', send: (w) => w.county.browser.get('/arshjul'), grows: true },
  { name: 'page /arshjul/:year', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}`), grows: true },
  { name: 'page /arshjul/:year/sammanstallning', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/sammanstallning`), grows: true },
  { name: 'api cycles', send: (w) => w.county.api.get('/api/v1/cycles'), grows: true },
  { name: 'api cycle', send: (w) => w.county.api.get(`/api/v1/cycles/${w.currentCycleId}`), grows: true },
  { name: 'api cycle overview', send: (w) => w.county.api.get(`/api/v1/cycles/${w.currentCycleId}/overview`) },
  { name: 'api cycle compilation', send: (w) => w.county.api.get(`/api/v1/cycles/${w.currentCycleId}/compilation`), grows: true },
  // Tasks and a task's answers.
  { name: 'page /arshjul/:year/uppgifter', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/uppgifter`) },
  { name: 'page task', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/uppgifter/${w.skbTaskId}`) },
  { name: 'page task analysis (delregion)', send: (w) => w.skb.browser.get(`/arshjul/${w.currentYear}/uppgifter/${w.skbTaskId}/analys`), grows: true },
  { name: 'page task review', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/uppgifter/${w.skbTaskId}/granska`), grows: true },
  { name: 'api tasks', send: (w) => w.county.api.get('/api/v1/tasks?pageSize=100'), grows: true },
  { name: 'api tasks of a cycle', send: (w) => w.county.api.get(`/api/v1/tasks?cycle=${w.currentCycleId}`) },
  { name: 'api task answers', send: (w) => w.county.api.get(`/api/v1/tasks/${w.skbTaskId}/answers`), grows: true },
  { name: 'api task comments', send: (w) => w.county.api.get(`/api/v1/tasks/${w.skbTaskId}/comments`), grows: true },
  { name: 'api task revisions', send: (w) => w.county.api.get(`/api/v1/tasks/${w.skbTaskId}/revisions`) },
  // Indicators.
  { name: 'page /indikatorer', send: (w) => w.county.browser.get('/indikatorer'), grows: true },
  { name: 'page /indikatorer/:code', send: (w) => w.county.browser.get(`/indikatorer/${w.indicator}`), grows: true },
  { name: 'page /administration/indikatorer', send: (w) => w.admin.browser.get('/administration/indikatorer'), grows: true },
  { name: 'api indicators', send: (w) => w.county.api.get('/api/v1/indicators'), grows: true },
  { name: 'api indicator values', send: (w) => w.county.api.get('/api/v1/indicator-values?pageSize=100') },
  { name: 'api indicator values of one', send: (w) => w.county.api.get(`/api/v1/indicator-values?indicator=${w.indicator}&pageSize=200`), grows: true },
  { name: 'api indicator comparison', send: (w) => w.county.api.get(`/api/v1/indicators/${w.indicator}/comparison`) },
  // Start pages.
  { name: 'page / (county)', send: (w) => w.county.browser.get('/') },
  { name: 'page / (delregion)', send: (w) => w.skb.browser.get('/') },
  // The report.
  { name: 'page report', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/rapport`), grows: true },
  { name: 'page report review', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/rapport/granskning`), grows: true },
  { name: 'page /rapporter', send: (w) => w.county.browser.get('/rapporter'), grows: true },
  { name: 'page /rapporter/:year', send: (w) => w.county.browser.get(`/rapporter/${w.publishedYear}`), grows: true },
  { name: 'api report', send: (w) => w.county.api.get(`/api/v1/cycles/${w.currentCycleId}/report`), grows: true },
  { name: 'api report versions', send: (w) => w.county.api.get(`/api/v1/cycles/${w.currentCycleId}/report/versions`) },
  { name: 'api reports', send: (w) => w.county.api.get('/api/v1/reports'), grows: true },
  // Feedback and decisions.
  { name: 'page /beslut', send: (w) => w.county.browser.get('/beslut'), grows: true },
  { name: 'page /arshjul/:year/beslut', send: (w) => w.county.browser.get(`/arshjul/${w.currentYear}/beslut`), grows: true },
  { name: 'api decisions', send: (w) => w.county.api.get('/api/v1/decisions'), grows: true },
  { name: 'api feedback', send: (w) => w.vvg.api.get(`/api/v1/cycles/${w.currentCycleId}/feedback`), grows: true },
  // Administration, notifications, the outbox.
  { name: 'page /administration/logg', send: (w) => w.admin.browser.get('/administration/logg') },
  { name: 'api audit events', send: (w) => w.admin.api.get('/api/v1/audit-events') },
  { name: 'page /administration/anvandare', send: (w) => w.admin.browser.get('/administration/anvandare'), grows: true },
  { name: 'api users', send: (w) => w.admin.api.get('/api/v1/users'), grows: true },
  { name: 'page /aviseringar', send: (w) => w.skb.browser.get('/aviseringar') },
  { name: 'api notifications', send: (w) => w.skb.api.get('/api/v1/notifications') },
  { name: 'page /administration/utskick', send: (w) => w.admin.browser.get('/administration/utskick') },
  { name: 'api outbox', send: (w) => w.admin.api.get('/api/v1/admin/outbox?status=pending') },
];

interface Measured {
  /** Per probe, the statements it ran (shortened), identification's bookkeeping left out. */
  statements: Record<string, string[]>;
  /** Per probe, the length of its response. */
  sizes: Record<string, number>;
}

/** Identification's bookkeeping (a token's last use, a session's expiry and pruning) is written every few minutes, not per row. */
const BOOKKEEPING = /^(UPDATE\s+"?api_token"?\s+SET\s+"?last_used_at|(UPDATE|DELETE\s+FROM|INSERT\s+INTO)\s+"?user_session\b)/i;

describe('queries per request: the same number of SQL statements on ten times the data', () => {
  const measured = new Map<number, Measured>();

  beforeAll(async () => {
    for (const scale of [1, 10]) measured.set(scale, await onOwnApp((t) => measure(t, scale)));
  }, 900_000);

  it('issues as many statements for every list, overview and page at 10× as at 1×', () => {
    const small = measured.get(1)!.statements;
    const large = measured.get(10)!.statements;
    expect(Object.keys(small)).toEqual(PROBES.map((probe) => probe.name));
    // On a difference, the statements of both sizes (shortened) say which one repeats.
    const differing = PROBES.filter((probe) => small[probe.name]!.length !== large[probe.name]!.length)
      .map((probe) => ({ probe: probe.name, at1x: small[probe.name], at10x: large[probe.name] }));
    expect(differing).toEqual([]);
  });

  it('really had more to show at 10× (so a per-row query would have shown)', () => {
    const small = measured.get(1)!.sizes;
    const large = measured.get(10)!.sizes;
    const flat = PROBES.filter((probe) => probe.grows && !(large[probe.name]! > small[probe.name]!)).map((probe) => `${probe.name}: ${small[probe.name]} → ${large[probe.name]}`);
    expect(flat).toEqual([]);
  });
});

async function measure(t: TestApp, scale: number): Promise<Measured> {
  const world = await seed(t, scale);
  const statementsOf = recordStatements(t);
  const statements: Record<string, string[]> = {};
  const sizes: Record<string, number> = {};
  for (const probe of PROBES) {
    const warm = await probe.send(world);
    if (warm.status !== 200) throw new Error(`${probe.name} at ${scale}×: ${warm.status} ${warm.text.slice(0, 300)}`);
    const recorded = await statementsOf(() => probe.send(world).expect(200));
    statements[probe.name] = recorded.filter((sql) => !BOOKKEEPING.test(sql)).map((sql) => sql.replace(/\s+/g, ' ').slice(0, 160));
    sizes[probe.name] = warm.text.length;
  }
  return { statements, sizes };
}

const expectStatus = async (pending: request.Test, status: number, what: string): Promise<request.Response> => {
  const response = await pending;
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response;
};

/** `scale` published years, users, indicators and rows of every kind; then the current year in review holding `scale` of each. */
async function seed(t: TestApp, scale: number): Promise<World> {
  const county = await t.signedIn(Role.CountyCoordinator);
  const admin = await t.signedIn(Role.Admin);
  const skb = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
  const vvg = await t.userWith(Role.VvgReviewer);
  const delregions = {} as Record<Seed002Delregion, TestUser>;
  for (const code of SEED_002_DELREGIONS) delregions[code] = code === 'DR-SKB' ? skb : await t.userWith(Role.DelregionCoordinator, code);
  for (let i = 0; i < scale; i++) await t.userWith(Role.Viewer);

  // Indicators of their own, each with three years of figures per scale for the county and three municipalities.
  const indicators = Array.from({ length: scale }, (_, i) => `QP${String(i + 1).padStart(2, '0')}`);
  for (const code of indicators) {
    await expectStatus(county.api.post('/api/v1/indicators').send({ code, name: `Antal mätta besök ${code}`, group: 'background', kind: 'quantity', direction: 'higher', unit: 'count', source: 'Test' }), 201, code);
  }
  // Up to the current year's data period, so its compilation holds every one of them.
  const lastDataYear = FIRST_YEAR + scale - 1;
  const lines = ['indikator;enhet;period;värde'];
  for (const [n, code] of indicators.entries()) {
    for (let year = lastDataYear - 3 * scale + 1; year <= lastDataYear; year++) {
      for (const [u, unit] of ['14', '1480', '1445', '1490'].entries()) lines.push(`${code};${unit};${year};${100 + n + u * 10 + (year % 50)}`);
    }
  }
  await importFile(county.api, `${lines.join('\n')}\n`, 'qp.csv');
  const indicatorCodes = [...WHOLE_YEAR_INDICATORS, ...indicators];

  const launch = async (year: number) => {
    const created = await expectStatus(county.api.post('/api/v1/cycles').send({ year, indicatorCodes }), 201, `cycle ${year}`);
    const cycleId: string = created.body.id;
    await expectStatus(county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_planning' }), 200, 'planning');
    await importFile(county.api, wholeYearCsv(year - 1));
    await expectStatus(county.api.post(`/api/v1/cycles/${cycleId}/launch`).send({}), 200, 'launch');
    const items = (await county.api.get(`/api/v1/tasks?cycle=${cycleId}`)).body.items as Array<{ id: string; delregion: Seed002Delregion }>;
    return { cycleId, tasks: Object.fromEntries(items.map((item) => [item.delregion, item.id])) as Record<Seed002Delregion, string> };
  };
  const submitAndAccept = async (code: Seed002Delregion, taskId: string) => {
    await expectStatus(delregions[code].api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }), 200, 'submit');
    await expectStatus(county.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'accept' }), 200, 'accept');
  };
  const toReview = async (cycleId: string) => {
    await expectStatus(county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_review' }), 200, 'start_review');
    await expectStatus(county.api.post(`/api/v1/cycles/${cycleId}/report/assemble`).send({}), 200, 'assemble');
    await expectStatus(county.api.post(`/api/v1/cycles/${cycleId}/report/transitions`).send({ action: 'send_to_review' }), 200, 'send_to_review');
  };
  const decide = (cycleId: string, year: number, n: number) =>
    expectStatus(vvg.api.post('/api/v1/decisions').send({
      cycleId, text: `Beslut ${n} för ${year}: en länsgemensam rutin.`, priority: 'medium', ownerOrgUnitCode: SEED_002_DELREGIONS[n % 6],
      dueDate: `${year + 1}-06-30`, indicatorCodes: [indicators[n % indicators.length]], themeKeys: ['avvikelser'],
    }), 201, 'decision');

  // Published, closed years.
  for (let i = 0; i < scale; i++) {
    const year = FIRST_YEAR + i;
    const { cycleId, tasks } = await launch(year);
    for (const code of SEED_002_DELREGIONS) {
      await save(delregions[code], tasks[code], SEED_002_ANALYSES[code]);
      await submitAndAccept(code, tasks[code]);
    }
    await toReview(cycleId);
    await decide(cycleId, year, i);
    for (const [user, action] of [[vvg, 'give_feedback'], [vvg, 'approve'], [county, 'publish']] as const) {
      await expectStatus(user.api.post(`/api/v1/cycles/${cycleId}/report/transitions`).send({ action }), 200, action);
    }
    for (const action of ['start_decision', 'close']) await expectStatus(county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action }), 200, action);
  }

  // The current year: Skaraborg's analysis saved `scale` times, commented on and returned once; the report in review.
  const currentYear = FIRST_YEAR + scale;
  const { cycleId, tasks } = await launch(currentYear);
  const skbTaskId = tasks['DR-SKB'];
  for (let i = 0; i < scale; i++) await save(skb, skbTaskId, { ...SEED_002_ANALYSES['DR-SKB'], successes: `${SEED_002_ANALYSES['DR-SKB'].successes} Tillägg ${i + 1}.` });
  await expectStatus(skb.api.post(`/api/v1/tasks/${skbTaskId}/transitions`).send({ action: 'submit' }), 200, 'submit');
  for (let i = 0; i < scale; i++) await expectStatus(county.api.post(`/api/v1/tasks/${skbTaskId}/comments`).send({ target: 'challenges', body: `Utveckla punkt ${i + 1}.` }), 201, 'comment');
  await expectStatus(county.api.post(`/api/v1/tasks/${skbTaskId}/transitions`).send({ action: 'return', reason: 'Utveckla utmaningarna.' }), 200, 'return');
  await save(skb, skbTaskId, { challenges: `${SEED_002_ANALYSES['DR-SKB'].challenges} Utvecklat.` });
  await submitAndAccept('DR-SKB', skbTaskId);
  for (const code of SEED_002_DELREGIONS.filter((c) => c !== 'DR-SKB')) {
    await save(delregions[code], tasks[code], SEED_002_ANALYSES[code]);
    await submitAndAccept(code, tasks[code]);
  }
  await toReview(cycleId);
  for (let i = 0; i < scale; i++) {
    await expectStatus(vvg.api.post(`/api/v1/cycles/${cycleId}/feedback`).send({ sectionId: 'gemensamma-namnare', body: `Synpunkt ${i + 1} från VVG.` }), 201, 'feedback');
    await decide(cycleId, currentYear, i);
  }

  // Notifications for Skaraborg's coordinator besides those the transitions sent, more than a page already at 1×
  // (a first page holding everything needs no count); every in-app message delivered.
  await t.app.get(OutboxService).enqueue(
    t.systemContext(),
    Array.from({ length: 60 * scale }, (_, i) => ({
      channel: 'in_app' as const, kind: 'task.reminder', recipientUserId: skb.user.id, recipient: skb.user.id,
      subject: `Påminnelse ${i + 1}`, text: `Påminnelse ${i + 1}: analysen ska lämnas in.`, link: `/arshjul/${currentYear}/uppgifter/${skbTaskId}`,
    })),
  );
  while ((await t.app.get(OutboxWorker).drainOnce()).claimed > 0);

  return { t, county, admin, skb, vvg, currentYear, currentCycleId: cycleId, publishedYear: FIRST_YEAR, skbTaskId, indicator: indicators[0]! };
}
