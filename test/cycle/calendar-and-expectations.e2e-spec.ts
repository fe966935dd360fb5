import { RequestContext, Role } from '@arshjulet/core';
import { CycleOverviewService, TaskHooks, TaskService } from '@arshjulet/cycle';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

interface CalendarEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
}

/** The VEVENTs of an iCalendar text (RFC 5545: folded lines unfolded first), with all-day dates as YYYY-MM-DD. */
function parseEvents(ics: string): CalendarEvent[] {
  const lines = ics.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.filter(Boolean).at(-1)).toBe('END:VCALENDAR');
  const events: CalendarEvent[] = [];
  let current: Record<string, string> | null = null;
  const date = (value: string | undefined) => (value ?? '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3');
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push({ uid: current.UID!, summary: current.SUMMARY!, start: date(current['DTSTART;VALUE=DATE']), end: date(current['DTEND;VALUE=DATE']) });
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return events;
}

describe('The personal calendar feed and what each role is expected to do now', () => {
  let t: TestApp;
  let county: TestUser;
  let skaraborg: TestUser;
  let viewer: TestUser;
  let year = 2080;

  beforeAll(async () => {
    t = await createTestApp();
    county = await t.userWith(Role.CountyCoordinator);
    skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    viewer = await t.userWith(Role.Viewer);
  });
  afterAll(() => t.close());

  /** A launched cycle of its own year; returns its tasks by delregion code. */
  async function launchedCycle(): Promise<{ id: string; year: number; tasks: Record<string, { id: string; version: number }> }> {
    const y = year++;
    const created = await county.api.post('/api/v1/cycles').send({ year: y, indicatorCodes: ['HF01'] });
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' });
    const launched = await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({});
    expect(launched.status).toBe(200);
    const items = (await county.api.get(`/api/v1/tasks?cycle=${created.body.id}`)).body.items as Array<{ id: string; delregion: string; version: number }>;
    return { id: created.body.id, year: y, tasks: Object.fromEntries(items.map((i) => [i.delregion, { id: i.id, version: i.version }])) };
  }

  const feedPath = (url: string) => new URL(url).pathname + new URL(url).search;
  const ctxOf = (user: TestUser, role: Role, orgUnitId: string | null = null) =>
    RequestContext.create({ actor: { userId: user.user.id, email: user.user.email, name: user.user.name, assignments: [{ role, orgUnitId }], via: 'token' } });

  it('holds the four phases and my own deadline only; rotating stops the old URL, revoking answers 404', async () => {
    const cycle = await launchedCycle();
    await t.app.get(TaskService).extendDueDate(t.systemContext(), cycle.tasks['DR-SKB']!.id, cycle.tasks['DR-SKB']!.version, `${cycle.year}-09-18`, 'Tidigare möte.');

    const rotated = await skaraborg.api.post('/api/v1/me/calendar-token').send({});
    expect(rotated.status).toBe(201);
    expect(rotated.body.url).toMatch(/\/api\/v1\/me\/calendar\.ics\?token=arshcal_[A-Za-z0-9_-]+$/);
    const [stored] = await t.dataSource.query('SELECT token_hash FROM calendar_token WHERE user_id = $1', [skaraborg.user.id]);
    expect(rotated.body.url).not.toContain(stored.token_hash);

    const feed = await t.http.get(feedPath(rotated.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const events = parseEvents(feed.text).filter((e) => e.summary.includes(String(cycle.year)));
    expect(events.filter((e) => e.summary.startsWith('Årshjulet')).map(({ summary, start, end }) => ({ summary, start, end }))).toEqual([
      { summary: `Årshjulet ${cycle.year}: Plan`, start: `${cycle.year}-04-01`, end: `${cycle.year}-05-01` },
      { summary: `Årshjulet ${cycle.year}: Do`, start: `${cycle.year}-05-01`, end: `${cycle.year}-10-01` },
      { summary: `Årshjulet ${cycle.year}: Study`, start: `${cycle.year}-10-01`, end: `${cycle.year}-12-01` },
      { summary: `Årshjulet ${cycle.year}: Act`, start: `${cycle.year}-12-01`, end: `${cycle.year + 1}-04-01` },
    ]);
    const deadlines = parseEvents(feed.text).filter((e) => e.summary.startsWith('Sista dag'));
    expect(deadlines.filter((e) => e.summary.includes(String(cycle.year)))).toEqual([
      { uid: `${cycle.tasks['DR-SKB']!.id}-due@arshjulet`, summary: `Sista dag: analys ${cycle.year} – Vårdsamverkan Skaraborg`, start: `${cycle.year}-09-18`, end: `${cycle.year}-09-19` },
    ]);
    expect(deadlines.every((e) => e.summary.endsWith('Vårdsamverkan Skaraborg'))).toBe(true);

    // The county coordinator's own feed: the phases, and no delregion's deadline.
    const countyFeed = await t.http.get(feedPath((await county.api.post('/api/v1/me/calendar-token').send({})).body.url));
    expect(parseEvents(countyFeed.text).filter((e) => e.summary.includes(String(cycle.year))).map((e) => e.summary)).toEqual(
      ['Plan', 'Do', 'Study', 'Act'].map((p) => `Årshjulet ${cycle.year}: ${p}`),
    );

    const again = await skaraborg.api.post('/api/v1/me/calendar-token').send({});
    expect((await t.http.get(feedPath(rotated.body.url))).status).toBe(404);
    expect((await t.http.get(feedPath(again.body.url))).status).toBe(200);
    expect((await skaraborg.api.delete('/api/v1/me/calendar-token')).status).toBe(204);
    const revoked = await t.http.get(feedPath(again.body.url));
    expect(revoked.status).toBe(404);
    expect(revoked.text).not.toContain('BEGIN:VCALENDAR');
    expect((await t.http.get('/api/v1/me/calendar.ics')).status).toBe(404);
    const audited = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 AND action LIKE 'calendar_token.%' ORDER BY id`, [skaraborg.user.id]);
    expect(audited.map((a: { action: string }) => a.action)).toEqual(['calendar_token.rotated', 'calendar_token.rotated', 'calendar_token.revoked']);
  });

  it('expectationsFor: the delregion is told its deadline and days left, returned or overdue; the county how many have submitted; a reader nothing', async () => {
    const cycle = await launchedCycle();
    const tasks = t.app.get(TaskService);
    const system = t.systemContext();
    for (const code of ['DR-GBG', 'DR-FBD']) {
      // A submission is checked against the pinned template: fill the analysis in first.
      await t.app.get(TaskHooks).fillExample(system, cycle.tasks[code]!.id);
      await tasks.transition(system, cycle.tasks[code]!.id, 'start');
      await tasks.transition(system, cycle.tasks[code]!.id, 'submit');
    }
    await tasks.transition(system, cycle.tasks['DR-FBD']!.id, 'accept');
    const overview = t.app.get(CycleOverviewService);
    const [{ id: skbUnit }] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = 'DR-SKB'`);
    const mine = async (ctx: RequestContext, today: string) => (await overview.expectationsFor(ctx, today)).filter((e) => e.cycleYear === cycle.year);
    const skb = ctxOf(skaraborg, Role.DelregionCoordinator, skbUnit);
    const lan = ctxOf(county, Role.CountyCoordinator);

    expect(await mine(skb, `${cycle.year}-09-18`)).toEqual([
      {
        cycleYear: cycle.year, text: `Vårdsamverkan Skaraborg: Er analys ska lämnas in senast ${cycle.year}-09-30 – 12 dagar kvar`,
        link: `/arshjul/${cycle.year}/uppgifter/${cycle.tasks['DR-SKB']!.id}`, dueDate: `${cycle.year}-09-30`, daysLeft: 12,
      },
    ]);
    expect((await mine(skb, `${cycle.year}-10-03`))[0]?.text).toBe(`Vårdsamverkan Skaraborg: Er analys ska lämnas in senast ${cycle.year}-09-30 – 3 dagar försenad`);
    expect((await mine(lan, `${cycle.year}-09-18`)).map((e) => e.text)).toEqual(['2 av 6 delregioner har lämnat in; 1 väntar på granskning']);
    expect(await mine(ctxOf(viewer, Role.Viewer), `${cycle.year}-09-18`)).toEqual([]);

    await t.app.get(TaskHooks).fillExample(system, cycle.tasks['DR-SKB']!.id);
    await tasks.transition(system, cycle.tasks['DR-SKB']!.id, 'start');
    await tasks.transition(system, cycle.tasks['DR-SKB']!.id, 'submit');
    expect(await mine(skb, `${cycle.year}-09-18`)).toEqual([]);
    await tasks.transition(system, cycle.tasks['DR-SKB']!.id, 'return', { reason: 'Komplettera avsnittet om läkemedel.' });
    expect((await mine(skb, `${cycle.year}-09-18`)).map((e) => e.text)).toEqual([
      `Vårdsamverkan Skaraborg: Er analys är återsänd för komplettering och ska lämnas in senast ${cycle.year}-09-30 – 12 dagar kvar`,
    ]);
  });
});
