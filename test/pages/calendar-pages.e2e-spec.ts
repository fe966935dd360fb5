import { Role } from '@arshjulet/core';
import { TaskService } from '@arshjulet/cycle';
import { createTestApp, type TestApp, type TestUser } from '../support/test-app.js';

/** The secret URL as the page shows it (Handlebars escapes `=` in attributes), as a path the test app can fetch. */
function shownFeedPath(html: string): string {
  const found = /<input id="calendar-url" type="text" readonly value="([^"]+)"/.exec(html);
  expect(found).not.toBeNull();
  const url = new URL(found![1]!.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&'));
  return url.pathname + url.search;
}

describe('Årshjulet i din kalender: my secret calendar link, created, replaced and stopped on a page', () => {
  let t: TestApp;
  let county: TestUser;
  let year = 2090;

  beforeAll(async () => {
    t = await createTestApp({ APP_BASE_URL: 'https://arshjulet.test' });
    county = await t.userWith(Role.CountyCoordinator);
  });
  afterAll(() => t.close());

  /** A launched cycle of its own year, Skaraborg's analysis due on `due` (MM-DD). */
  async function launchedCycle(due: string): Promise<number> {
    const y = year++;
    const created = await county.api.post('/api/v1/cycles').send({ year: y, indicatorCodes: ['HF01'] }).expect(201);
    await county.api.post(`/api/v1/cycles/${created.body.id}/transitions`).send({ action: 'start_planning' }).expect(200);
    await county.api.post(`/api/v1/cycles/${created.body.id}/launch`).send({}).expect(200);
    const tasks = (await county.api.get(`/api/v1/tasks?cycle=${created.body.id}`)).body.items as Array<{ id: string; delregion: string; version: number }>;
    const skb = tasks.find((task) => task.delregion === 'DR-SKB')!;
    await t.app.get(TaskService).extendDueDate(t.systemContext(), skb.id, skb.version, `${y}-${due}`, 'Tidigare möte.');
    return y;
  }

  it('creates the link, shown once, whose feed holds my own deadline; replacing it stops the old one; stopping ends it', async () => {
    const cycleYear = await launchedCycle('09-18');
    const me = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');

    const before = await me.browser.get('/konto/kalender').expect(200);
    expect(before.text).toContain('<h1>Årshjulet i din kalender</h1>');
    expect(before.text).toContain('årshjulets fyra faser');
    expect(before.text).toContain('Du har ingen prenumerationslänk.');
    expect(before.text).toContain('<button type="submit">Skapa prenumerationslänk</button>');

    await me.browser.csrf('/konto/kalender');
    const created = await me.browser.post('/konto/kalender/lank').type('form').send({}).expect(200);
    expect(created.text).toContain('<h1>Din kalenderlänk</h1>');
    expect(created.text).toContain('Den visas bara den här gången');
    expect(created.text).toContain('<strong>Lägg till kalender</strong> → <strong>Från Internet</strong>');
    expect(created.text).not.toContain('Den gamla länken fungerar inte längre.');
    const first = shownFeedPath(created.text);
    expect(first).toMatch(/^\/api\/v1\/me\/calendar\.ics\?token=arshcal_/);

    const feed = await t.http.get(first).expect(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const unfolded = feed.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`SUMMARY:Sista dag: analys ${cycleYear} – Vårdsamverkan Skaraborg`);
    expect(unfolded).toContain(`DTSTART;VALUE=DATE:${cycleYear}0918`);
    expect(unfolded).toContain(`SUMMARY:Årshjulet ${cycleYear}: Plan`);

    // The page now says there is a link, without showing it again.
    const withLink = await me.browser.get('/konto/kalender').expect(200);
    expect(withLink.text).toMatch(/Du har en prenumerationslänk, skapad \d{4}-\d{2}-\d{2} \d{2}:\d{2}\./);
    expect(withLink.text).not.toContain(first.split('token=')[1]);
    expect(withLink.text).toContain('Byt länk');
    expect(withLink.text).toContain('Sluta prenumerera');

    await me.browser.csrf('/konto/kalender');
    const rotated = await me.browser.post('/konto/kalender/lank').type('form').send({}).expect(200);
    expect(rotated.text).toContain('<h1>Din nya kalenderlänk</h1>');
    expect(rotated.text).toContain('Den gamla länken fungerar inte längre.');
    const second = shownFeedPath(rotated.text);
    expect(second).not.toBe(first);
    await t.http.get(first).expect(404);
    await t.http.get(second).expect(200);

    await me.browser.csrf('/konto/kalender');
    const stopped = await me.browser.post('/konto/kalender/avsluta').type('form').send({}).expect(303);
    expect(stopped.headers.location).toBe('/konto/kalender');
    const after = await me.browser.get('/konto/kalender').expect(200);
    expect(after.text).toContain('Prenumerationen är avslutad. Länken fungerar inte längre');
    expect(after.text).toContain('Du har ingen prenumerationslänk.');
    await t.http.get(second).expect(404);

    const audited = await t.dataSource.query(`SELECT action, actor_id FROM audit_event WHERE entity_id = $1 AND action LIKE 'calendar_token.%' ORDER BY id`, [me.user.id]);
    expect(audited).toEqual([
      { action: 'calendar_token.rotated', actor_id: me.user.id },
      { action: 'calendar_token.rotated', actor_id: me.user.id },
      { action: 'calendar_token.revoked', actor_id: me.user.id },
    ]);
  });

  it('refuses the forms without their CSRF token, and creates or removes nothing', async () => {
    const me = await t.signedIn(Role.Viewer);
    const tokens = async () => (await t.dataSource.query('SELECT count(*)::int AS n FROM calendar_token WHERE user_id = $1', [me.user.id]))[0].n;
    await me.browser.agent.post('/konto/kalender/lank').type('form').send({}).expect(403);
    expect(await tokens()).toBe(0);
    await me.browser.csrf('/konto/kalender');
    await me.browser.post('/konto/kalender/lank').type('form').send({}).expect(200);
    await me.browser.agent.post('/konto/kalender/avsluta').type('form').send({}).expect(403);
    expect(await tokens()).toBe(1);
  });

  it('is for signed-in people only: a visitor is sent to sign in', async () => {
    const visitor = await t.browser().get('/konto/kalender').expect(303);
    expect(visitor.headers.location).toBe('/logga-in?next=%2Fkonto%2Fkalender');
  });

  it('is linked from Mitt konto and from the start page', async () => {
    const me = await t.signedIn(Role.VvgReviewer);
    expect((await me.browser.get('/konto').expect(200)).text).toContain('<a href="/konto/kalender">Årshjulet i din kalender</a>');
    expect((await me.browser.get('/').expect(200)).text).toContain('<a href="/konto/kalender">Årshjulet i din kalender</a>');
  });
});
