import { Role } from '@arshjulet/core';
import { addDays, type Cycle, CycleService, CycleTransitionService, todayInStockholm } from '@arshjulet/cycle';
import { UserService } from '@arshjulet/org';
import { onOwnApp } from '../support/own-app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A cycle of this year whose Do phase holds today, launched (tasks for the six delregions). */
async function launchedCycle(t: TestApp): Promise<Cycle> {
  const today = todayInStockholm();
  const ctx = t.systemContext();
  const at = (days: number) => addDays(today, days);
  let { cycle } = await t.app.get(CycleService).create(ctx, Number(today.slice(0, 4)), {
    planStart: at(-40), planEnd: at(-31), doStart: at(-30), doEnd: at(30), analysisDueDate: at(12),
    studyStart: at(31), studyEnd: at(60), actStart: at(61), actEnd: at(200),
  });
  cycle = (await t.app.get(CycleTransitionService).transition(ctx, cycle.id, 'start_planning')).cycle;
  return (await t.app.get(CycleTransitionService).launch(ctx, cycle.id)).cycle;
}

/** The header's "who am I" line, as text. */
const whoAmI = (html: string) => /<div class="site-user">\s*<p>([\s\S]*?)<\/p>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim() ?? null;

/** The start page's "what is expected of me" list, as text. */
const expected = (html: string) =>
  [...html.matchAll(/<li class="expected[^"]*">([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim());

describe('navigation that follows the year: landing, header, delregion switch, error pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lands everyone on the start page after sign-in, and still honours a page they asked for', async () => {
    const { user, password } = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const browser = t.browser();
    const response = await browser.login(user.email, password);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');

    const other = t.browser();
    await other.csrf('/logga-in?next=/indikatorer');
    const token = /name="_csrf" value="([^"]+)"/.exec((await other.agent.get('/logga-in?next=/indikatorer').set('Accept', 'text/html')).text)![1];
    const asked = await other.agent.post('/logga-in').type('form').send({ _csrf: token, email: user.email, password, next: '/indikatorer' });
    expect(asked.headers.location).toBe('/indikatorer');
  });

  it('says who I am, my role in Swedish and the delregion I act for; the account link is "Mitt konto", not a role', async () => {
    const coordinator = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const start = await coordinator.browser.get('/').expect(200);
    expect(whoAmI(start.text)).toBe(`Inloggad som ${coordinator.user.name}, Delregional samordnare – agerar för Vårdsamverkan Skaraborg`);
    expect(start.text).toContain('<a href="/konto">Mitt konto</a>');
    expect(start.text).not.toContain('name="delregion"');

    const admin = await t.signedIn(Role.Admin);
    const page = await admin.browser.get('/').expect(200);
    expect(whoAmI(page.text)).toBe(`Inloggad som ${admin.user.name}, Administratör`);
    expect(page.text).not.toMatch(/<a href="\/konto">[^<]*Administratör/);
    expect(page.text).toContain('<a href="/konto">Mitt konto</a>');
  });

  it('lets a coordinator of two delregions switch the one they act for; the start page follows, a stranger delregion is refused', () =>
    onOwnApp(async (t) => {
      const cycle = await launchedCycle(t);
      const password = 'ett långt lösenord för två delregioner';
      const user = await t.app.get(UserService).create(t.systemContext(), {
        email: 'tva.delregioner@test.se',
        name: 'Två Delregioner',
        password,
        assignments: [
          { role: Role.DelregionCoordinator, orgUnitCode: 'DR-SKB' },
          { role: Role.DelregionCoordinator, orgUnitCode: 'DR-FBD' },
        ],
      });
      const browser = t.browser();
      expect((await browser.login(user.email, password)).headers.location).toBe('/');

      const both = await browser.get('/').expect(200);
      expect(whoAmI(both.text)).toBe('Inloggad som Två Delregioner, Delregional samordnare');
      expect(both.text).toContain('<label for="agerar-for">Agera för</label>');
      expect(both.text).toContain('<option value="" selected>Alla mina delregioner</option>');
      expect(expected(both.text)).toHaveLength(2);
      expect(expected(both.text).join(' ')).toContain('Vårdsamverkan Skaraborg');
      expect(expected(both.text).join(' ')).toContain('Vårdsamverkan Fyrbodal');
      const skaraborg = /<option value="([0-9a-f-]{36})">Vårdsamverkan Skaraborg<\/option>/.exec(both.text)![1]!;

      await browser.csrf('/');
      const switched = await browser.post('/konto/delregion').type('form').send({ delregion: skaraborg }).expect(303);
      expect(switched.headers.location).toBe('/');
      const one = await browser.get('/').expect(200);
      expect(whoAmI(one.text)).toBe('Inloggad som Två Delregioner, Delregional samordnare – agerar för Vårdsamverkan Skaraborg');
      expect(one.text).toContain(`<option value="${skaraborg}" selected>Vårdsamverkan Skaraborg</option>`);
      expect(expected(one.text)).toHaveLength(1);
      expect(expected(one.text)[0]).toMatch(/^Er analys ska lämnas in senast/);
      // The task list of the cycle follows the choice too.
      const tasks = (await browser.get(`/arshjul/${cycle.year}/uppgifter`).expect(200)).text.split('</header>')[1]!;
      expect(tasks).toContain('Vårdsamverkan Skaraborg');
      expect(tasks).not.toContain('Vårdsamverkan Fyrbodal');

      const [{ id: gothenburg }] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = 'DR-GBG'`);
      await browser.csrf('/');
      expect((await browser.post('/konto/delregion').type('form').send({ delregion: gothenburg }).expect(303)).headers.location).toBe('/konto');
      expect((await browser.get('/konto').expect(200)).text).toContain('Du är inte samordnare för den delregionen.');
      expect(whoAmI((await browser.get('/').expect(200)).text)).toContain('agerar för Vårdsamverkan Skaraborg');

      await browser.csrf('/');
      await browser.post('/konto/delregion').type('form').send({ delregion: '' }).expect(303);
      expect(expected((await browser.get('/').expect(200)).text)).toHaveLength(2);
    }));

  it('answers 404 and 403 for pages in the layout with the header and a way back; the API keeps problem+json', async () => {
    const viewer = await t.signedIn(Role.Viewer);
    const missing = await viewer.browser.get('/finns-inte').expect(404);
    expect(missing.text).toContain('<html lang="sv">');
    expect(missing.text).toContain('<h1 id="error-title">Hittades inte</h1>');
    expect(whoAmI(missing.text)).toBe(`Inloggad som ${viewer.user.name}, Läsare`);
    expect(missing.text).toContain('<a href="/">Till startsidan</a>');

    const refused = await viewer.browser.get('/administration/anvandare').expect(403);
    expect(refused.text).toContain('<a href="/">Till startsidan</a>');
    expect(whoAmI(refused.text)).toBe(`Inloggad som ${viewer.user.name}, Läsare`);
    expect(refused.text).toContain('<a href="/konto">Mitt konto</a>');

    const anonymous = await t.browser().get('/finns-inte').expect(404);
    expect(anonymous.text).toContain('<a href="/">Till startsidan</a>');
    expect(anonymous.text).toContain('<a href="/logga-in">Logga in</a>');

    const api = await viewer.api.get('/api/v1/finns-inte').expect(404);
    expect(api.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('links a VVG reviewer to the report in review and a delregion coordinator to the year\'s compilation', () =>
    onOwnApp(async (t) => {
      const cycle = await launchedCycle(t);
      const reviewer = await t.signedIn(Role.VvgReviewer);
      const before = await reviewer.browser.get('/').expect(200);
      expect(before.text).not.toContain('/rapport/granskning');

      // The report's path to review (six accepted analyses) is the report tests' subject; here only its state matters.
      await t.dataSource.query(`INSERT INTO county_report (cycle_id, state, version) VALUES ($1, 'in_review', 1)`, [cycle.id]);
      const inReview = await reviewer.browser.get('/').expect(200);
      expect(expected(inReview.text)).toContain(
        `Länsrapporten ${cycle.year} är skickad till VVG för granskning: läs den, kommentera avsnitten och lämna er återkoppling. Granska länsrapporten`,
      );
      expect(inReview.text).toContain(`<a href="/arshjul/${cycle.year}/rapport/granskning">Granska länsrapporten</a>`);

      const coordinator = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
      const start = await coordinator.browser.get('/').expect(200);
      expect(start.text).toContain(`<a href="/arshjul/${cycle.year}/sammanstallning/dokument">Länssammanställningen ${cycle.year}</a>`);
      await coordinator.browser.get(`/arshjul/${cycle.year}/sammanstallning/dokument`).expect(200);
    }));
});
