import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Role } from '@arshjulet/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { save } from '../analysis/analysis-fixtures.js';
import { wholeYearCsv } from '../report/report-fixtures.js';
import { SEED_002_ANALYSES, SEED_002_DELREGIONS, SEED_002_DELREGION_NAMES, type Seed002Delregion } from '../report/seed-002-analyses.js';
import { accessibilityViolations } from '../support/accessibility.js';
import { logIn, startBrowserApp, watchProblems } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(process.env.ARTIFACTS_DIR ?? join(REPO, 'artifacts'), 'whole-year');

/** The two delregions whose coordinators work on the pages; the other four submit through the API. */
const ON_PAGES: Seed002Delregion[] = ['DR-SKB', 'DR-SIMBA'];
const RETURN_REASON = 'Beskriv också utmaningarna vid in- och utskrivning.';
const DECISION = 'Ta fram en länsgemensam rutin för utskrivning med tydligt ansvar.';

interface Person {
  name: string;
  email: string;
  role: Role;
  delregion?: Seed002Delregion;
  password: string;
}

/**
 * The walk-through: one year of Årshjulet in a real Chromium, every step on the pages a person would use
 * (the API only where the issue allows it, to save time). Each page is checked with axe (WCAG 2.1 A/AA) and for
 * script, CSP and asset errors; the findings are listed once at the end. A full-page screenshot of each step goes
 * to `$ARTIFACTS_DIR/whole-year/` (default `artifacts/whole-year/`), kept by CI.
 */
describe('the whole year in a real browser, for every role, accessible', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(() => close());

  it('admin invites, county imports and launches, delregions submit (one returned), county accepts and reports, VVG decides, the cycle closes and next year shows the decision', async () => {
    const violations: string[] = [];
    const watched: Array<{ who: string; found: string[] }> = [];
    const contexts: BrowserContext[] = [];
    let shot = 0;

    /** A person's own browser window (own cookies), watched for problems. */
    const windowFor = async (who: string): Promise<Page> => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      watched.push({ who, found: watchProblems(page) });
      return page;
    };
    /** axe on the page as it is now, labelled with the step. */
    const check = async (page: Page, step: string) => {
      violations.push(...(await accessibilityViolations(page)).map((line) => `[${step}] ${line}`));
    };
    /** Loads `path` as a typed address and checks the page it lands on. */
    const visit = async (page: Page, path: string, step: string) => {
      const response = await page.goto(`${baseUrl}${path}`);
      expect([path, response?.status()]).toEqual([path, 200]);
      await check(page, step);
    };
    const screenshot = async (page: Page, name: string) => {
      shot++;
      await page.screenshot({ path: join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
    };
    /**
     * Runs one step of the year; a failure names the step (and the page it was on), and the step's screenshot is
     * taken at its end.
     */
    const step = async (name: string, page: () => Page, body: () => Promise<void>) => {
      try {
        await body();
      } catch (error) {
        if (error instanceof Error) error.message = `step "${name}" on ${page().url()}: ${error.message}`;
        throw error;
      }
      await screenshot(page(), name);
    };
    /** Presses a form's button and waits for the page the post leads to (post/redirect/get) to load. */
    const submit = async (page: Page, button: Locator) => {
      const loaded = page.waitForEvent('load');
      await button.click();
      await loaded;
    };
    /** The start page's "what is expected of me now": the item saying `text`, whose link is followed. */
    const fromStartPage = async (page: Page, text: RegExp, link: string, step: string) => {
      await visit(page, '/', step);
      const item = page.locator('.expected-list li').filter({ hasText: text });
      expect(await item.count()).toBe(1);
      await item.getByRole('link', { name: link }).click();
      await page.waitForLoadState();
      await check(page, `${step}: ${link}`);
    };
    const status = (page: Page) => page.getByRole('status').first().textContent();
    const menu = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' });

    // ---- 1. The administrator invites the county coordinator, two delregional coordinators and a VVG reviewer.
    const people: Person[] = [
      { name: 'Karin Länsson', email: 'karin.lansson@test.se', role: Role.CountyCoordinator, password: 'karins långa lösenord för länet' },
      { name: 'Sven Skaraborg', email: 'sven.skaraborg@test.se', role: Role.DelregionCoordinator, delregion: 'DR-SKB', password: 'svens långa lösenord för Skaraborg' },
      { name: 'Sofia Simba', email: 'sofia.simba@test.se', role: Role.DelregionCoordinator, delregion: 'DR-SIMBA', password: 'sofias långa lösenord för SIMBA' },
      { name: 'Vera Vvg', email: 'vera.vvg@test.se', role: Role.VvgReviewer, password: 'veras långa lösenord för VVG' },
    ];
    const [, skb, simba] = people as [Person, Person, Person, Person];
    const admin = await t.signedIn(Role.Admin);
    const adminPage = await windowFor('admin');
    const pages = new Map<string, Page>();
    for (const person of people) pages.set(person.email, await windowFor(person.name));
    const [countyPage, skbPage, simbaPage, vvgPage] = people.map((person) => pages.get(person.email)!) as [Page, Page, Page, Page];
    const links = new Map<string, string>();
    // The year the new-cycle form proposes on an empty database: this year in Stockholm. Its data period is the year before.
    const year = Number(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()));
    const others = SEED_002_DELREGIONS.filter((code) => !ON_PAGES.includes(code));
    let tasks: Array<{ id: string; delregion: Seed002Delregion }> = [];

    await step('admin-invited-users', () => adminPage, async () => {
      await logIn(adminPage, baseUrl, admin);
      await check(adminPage, 'admin start');
      await menu(adminPage).getByRole('link', { name: 'Administration' }).click();
      await adminPage.waitForURL(`${baseUrl}/administration`);
      await check(adminPage, 'administration');
      await adminPage.getByRole('link', { name: 'Användare', exact: true }).first().click();
      await adminPage.waitForURL(`${baseUrl}/administration/anvandare`);
      await check(adminPage, 'users');
      for (const person of people) {
        await adminPage.getByRole('link', { name: 'Bjud in en användare' }).click();
        await adminPage.waitForURL(`${baseUrl}/administration/anvandare/ny`);
        await check(adminPage, 'invite form');
        await adminPage.getByLabel('Namn').fill(person.name);
        await adminPage.getByLabel('E-postadress').fill(person.email);
        await adminPage.getByLabel('Roll').selectOption(person.role);
        if (person.delregion) await adminPage.locator('#delregion').selectOption(person.delregion);
        await adminPage.getByRole('button', { name: 'Bjud in' }).click();
        await adminPage.getByRole('heading', { level: 1, name: 'Inbjudan skapad' }).waitFor();
        await check(adminPage, `invited ${person.name}`);
        // The link names APP_BASE_URL; the test's app listens on a port of its own.
        links.set(person.email, new URL(await adminPage.locator('#lank').inputValue()).pathname);
        await adminPage.getByRole('link', { name: 'Tillbaka till Användare' }).click();
        await adminPage.waitForURL(`${baseUrl}/administration/anvandare`);
      }
      for (const person of people) expect(await adminPage.getByRole('cell', { name: person.email }).or(adminPage.getByText(person.email)).count()).toBeGreaterThan(0);
      await check(adminPage, 'users with invitees');
    });

    await step('invitee-signed-in', () => skbPage, async () => {
      // Each invitee opens the one-time link, chooses a password and signs in.
      for (const person of people) {
        const page = pages.get(person.email)!;
        await visit(page, links.get(person.email)!, `password link ${person.name}`);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Välkommen – välj lösenord');
        await page.getByLabel('Nytt lösenord').fill(person.password);
        await page.getByLabel('Upprepa lösenordet').fill(person.password);
        await page.getByRole('button', { name: 'Spara lösenord' }).click();
        await page.waitForURL(/\/logga-in\?meddelande=losenord$/);
        await check(page, 'login after password');
        await logIn(page, baseUrl, { user: { email: person.email }, password: person.password });
        await check(page, `start page ${person.name}`);
      }
    });

    // ---- 2. The county coordinator imports the figures, creates the cycle and launches it.
    await step('county-imported', () => countyPage, async () => {
      await menu(countyPage).getByRole('link', { name: 'Importer' }).click();
      await countyPage.waitForURL(`${baseUrl}/importer`);
      await check(countyPage, 'imports');
      await countyPage.getByLabel('Fil', { exact: true }).setInputFiles({ name: 'indikatorvarden.csv', mimeType: 'text/csv', buffer: Buffer.from(wholeYearCsv(year - 1), 'utf8') });
      await countyPage.getByRole('button', { name: 'Förhandsgranska' }).click();
      await countyPage.waitForURL(/\/importer\/[0-9a-f-]{36}$/);
      expect(await countyPage.content()).toContain(' 0 avvisade.');
      await check(countyPage, 'import preview');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Spara importen' }));
      await countyPage.getByRole('status').waitFor();
      expect(await status(countyPage)).toMatch(/^Importen är sparad: \d+ nya och 0 ändrade värden\.$/);
      await check(countyPage, 'import saved');
    });

    await step('county-launched', () => countyPage, async () => {
      await menu(countyPage).getByRole('link', { name: 'Årshjul' }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul`);
      await check(countyPage, 'cycles');
      await countyPage.getByRole('link', { name: 'Nytt årshjul' }).first().click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/ny`);
      await check(countyPage, 'new cycle');
      expect(await countyPage.locator('#year').inputValue()).toBe(String(year));
      await countyPage.getByRole('button', { name: 'Skapa årshjulet' }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/${year}`);
      await check(countyPage, 'cycle created');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Börja planera' }));
      await countyPage.getByRole('status').filter({ hasText: 'Planering' }).waitFor();
      await check(countyPage, 'cycle planning');
      await countyPage.getByRole('link', { name: 'Starta årshjulet …' }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/${year}/starta`);
      await check(countyPage, 'launch');
      await countyPage.getByRole('button', { name: `Starta årshjulet ${year}` }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/${year}/uppgifter`);
      expect(await countyPage.getByRole('table', { name: 'Analysuppgifter per delregion' }).getByRole('row').count()).toBe(7);
      await check(countyPage, 'tasks overview after launch');
    });

    // ---- 3. Two delregions fill in and submit on the pages; the county returns Skaraborg's once, it resubmits.
    await step('delregion-submitted', () => simbaPage, async () => {
      for (const person of [skb, simba]) {
        const page = pages.get(person.email)!;
        await visit(page, '/', `start ${person.name}`);
        await page.locator('main a[href*="/uppgifter/"]').first().click();
        await page.waitForURL(new RegExp(`/arshjul/${year}/uppgifter/[0-9a-f-]{36}$`));
        await check(page, `task ${person.name}`);
        await submit(page, page.getByRole('button', { name: 'Påbörja analysen' }));
        await page.getByRole('status').first().waitFor();
        await check(page, `task started ${person.name}`);
        await page.getByRole('link', { name: 'Öppna analysen' }).click();
        await page.waitForURL(/\/analys$/);
        await check(page, `analysis form ${person.name}`);
        await fillRequired(page, person.delregion!, person.delregion === 'DR-SKB');
        await page.getByRole('button', { name: 'Spara', exact: true }).click();
        await page.getByText('Alla obligatoriska fält är ifyllda.').waitFor();
        await check(page, `analysis saved ${person.name}`);
        await page.getByRole('button', { name: 'Lämna in', exact: true }).click();
        await page.waitForURL(new RegExp(`/arshjul/${year}/uppgifter/[0-9a-f-]{36}$`));
        expect(await status(page)).toContain('Analysen är inlämnad.');
        await check(page, `analysis submitted ${person.name}`);
      }
    });

    await step('county-returned-skaraborg', () => countyPage, async () => {
      await fromStartPage(countyPage, /^2 av 6 delregioner har lämnat in\. 2 analyser väntar på din granskning\./, 'Se uppgifterna', 'county start');
      expect(countyPage.url()).toBe(`${baseUrl}/arshjul/${year}/uppgifter`);
      const skbName = SEED_002_DELREGION_NAMES['DR-SKB'];
      const skbSection = countyPage.getByRole('region', { name: skbName, exact: true });
      await skbSection.getByLabel(`Kommentar till ${skbName} (krävs)`).fill(RETURN_REASON);
      await submit(countyPage, skbSection.getByRole('button', { name: 'Återsänd för komplettering' }));
      await countyPage.getByRole('status').first().waitFor();
      await check(countyPage, 'task returned');
    });

    await step('delregion-resubmitted', () => skbPage, async () => {
      await skbPage.reload();
      expect(await skbPage.getByRole('note').textContent()).toContain(RETURN_REASON);
      await check(skbPage, 'returned task');
      await submit(skbPage, skbPage.getByRole('button', { name: 'Återuppta arbetet' }));
      await skbPage.getByRole('status').first().waitFor();
      await check(skbPage, 'task resumed');
      await skbPage.getByRole('link', { name: 'Öppna analysen' }).click();
      await skbPage.waitForURL(/\/analys$/);
      await check(skbPage, 'analysis form again');
      await skbPage.locator('#f-challenges').fill(SEED_002_ANALYSES['DR-SKB'].challenges);
      await skbPage.getByRole('button', { name: 'Lämna in', exact: true }).click();
      await skbPage.waitForURL(new RegExp(`/arshjul/${year}/uppgifter/[0-9a-f-]{36}$`));
      expect(await status(skbPage)).toContain('Analysen är inlämnad.');
      await check(skbPage, 'analysis resubmitted');
    });

    // ---- 4. The other four delregions submit through the API; the county accepts two on the overview page, four through the API.
    await step('county-accepted-all', () => countyPage, async () => {
      const cycleId = await cycleIdOf(countyPage, year);
      tasks = (await (await countyPage.request.get(`${baseUrl}/api/v1/tasks?cycle=${cycleId}`)).json()).items as Array<{ id: string; delregion: Seed002Delregion }>;
      for (const code of others) {
        const coordinator = await t.userWith(Role.DelregionCoordinator, code);
        const taskId = tasks.find((task) => task.delregion === code)!.id;
        await save(coordinator, taskId, SEED_002_ANALYSES[code]);
        await coordinator.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);
      }
      await fromStartPage(countyPage, /6 analyser väntar på din granskning\./, 'Se uppgifterna', 'county start, all submitted');
      expect(countyPage.url()).toBe(`${baseUrl}/arshjul/${year}/uppgifter`);
      for (const code of ON_PAGES) {
        const name = SEED_002_DELREGION_NAMES[code];
        await submit(countyPage, countyPage.getByRole('region', { name, exact: true }).getByRole('button', { name: 'Godkänn analysen' }));
        await countyPage.getByRole('status').first().waitFor();
        await check(countyPage, `accepted ${name}`);
      }
      // The API with the coordinator's own session, as a script in the page would: the session's CSRF token in a header.
      const csrf = await countyPage.locator('input[name="_csrf"]').first().inputValue();
      for (const code of others) {
        const taskId = tasks.find((task) => task.delregion === code)!.id;
        const accepted = await countyPage.request.post(`${baseUrl}/api/v1/tasks/${taskId}/transitions`, { headers: { 'X-CSRF-Token': csrf }, data: { action: 'accept' } });
        expect([code, accepted.status(), (await accepted.json()).status]).toEqual([code, 200, 'accepted']);
      }
      await visit(countyPage, `/arshjul/${year}/uppgifter`, 'tasks overview, all accepted');
      expect(await countyPage.getByRole('table', { name: 'Analysuppgifter per delregion' }).locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(Array(6).fill('Godkänd'));
    });

    // ---- 5. The county moves the year to review, assembles the report and sends it to VVG.
    await step('county-report-sent-to-review', () => countyPage, async () => {
      await countyPage.getByRole('link', { name: `Tillbaka till årshjulet ${year}` }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/${year}`);
      await check(countyPage, 'cycle in analysis');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Gå vidare till sammanställning och granskning' }));
      await countyPage.getByRole('status').first().waitFor();
      await check(countyPage, 'cycle in review');
      await countyPage.getByRole('link', { name: 'Länsrapporten', exact: true }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/${year}/rapport`);
      await check(countyPage, 'report editor');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Sammanställ rapporten' }));
      await countyPage.getByRole('status').first().waitFor();
      expect(await status(countyPage)).toContain('sparad som version 1');
      await check(countyPage, 'report assembled');
      await countyPage.getByLabel('Slutsatser och reflektioner').fill('Det är en utmaning att **konkretisera och följa upp** vad som behöver göras tillsammans.');
      await countyPage.getByLabel('Frågor inför kommande år').fill('- Var ligger ansvaret för att vi rör oss mot målen i Färdplanen?');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Spara egna avsnitt' }));
      await countyPage.getByRole('status').first().waitFor();
      await check(countyPage, 'report own sections');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Skicka till granskning' }));
      await countyPage.getByRole('status').first().waitFor();
      expect(await countyPage.locator('dl.facts').textContent()).toMatch(/granskning/i);
      await check(countyPage, 'report in review');
    });
    await step('report-document', () => countyPage, async () => {
      await countyPage.getByRole('link', { name: /^Version \d+ som webbsida/ }).click();
      await countyPage.waitForURL(new RegExp(`/arshjul/${year}/rapport/versioner/\\d+$`));
      await check(countyPage, 'report version');
    });

    // ---- 6. The VVG reviewer finds the report, comments on a section and records a decision.
    await step('vvg-commented', () => vvgPage, async () => {
      await fromStartPage(vvgPage, new RegExp(`^Länsrapporten ${year} är skickad till VVG för granskning`), 'Granska länsrapporten', 'vvg start');
      expect(vvgPage.url()).toBe(`${baseUrl}/arshjul/${year}/rapport/granskning`);
      await vvgPage.getByRole('link', { name: /^Läs hela rapporten/ }).click();
      await vvgPage.waitForURL(new RegExp(`/arshjul/${year}/rapport/versioner/\\d+$`));
      await check(vvgPage, 'vvg reads the report');
      await vvgPage.goBack();
      await vvgPage.waitForURL(`${baseUrl}/arshjul/${year}/rapport/granskning`);
      await vvgPage.getByLabel('Kommentera: Slutsatser och reflektioner').fill('Lyft **in- och utskrivning** som länsgemensamt utvecklingsområde.');
      await submit(vvgPage, vvgPage.getByRole('button', { name: 'Spara kommentaren om Slutsatser och reflektioner' }));
      await vvgPage.getByRole('status').first().waitFor();
      expect(await vvgPage.locator('#slutsatser strong').first().textContent()).toBe('in- och utskrivning');
      await check(vvgPage, 'vvg commented');
    });
    await step('vvg-decision-recorded', () => vvgPage, async () => {
      await vvgPage.getByRole('link', { name: `Beslut ${year}` }).click();
      await vvgPage.waitForURL(`${baseUrl}/arshjul/${year}/beslut`);
      await check(vvgPage, 'vvg decisions');
      await vvgPage.getByLabel('Beslut', { exact: true }).fill(DECISION);
      await vvgPage.getByLabel('hög').check();
      await vvgPage.getByLabel('Ansvarig').selectOption('DR-SKB');
      await vvgPage.getByLabel('Sista dag').fill(`${year + 1}-06-30`);
      await vvgPage.getByLabel('Indikatorer (valfritt)').fill('IU03');
      await submit(vvgPage, vvgPage.getByRole('button', { name: 'Registrera beslutet' }));
      await vvgPage.getByRole('status').first().waitFor();
      expect(await vvgPage.locator('.decision-list').textContent()).toContain(DECISION);
      await check(vvgPage, 'vvg decision recorded');
    });

    // ---- 7. The county closes the year; next year's planning page shows the decision.
    await step('county-closed-cycle', () => countyPage, async () => {
      await fromStartPage(countyPage, new RegExp(`^Länsrapporten ${year} är hos VVG\\. Svara på VVG:s kommentarer`), `Öppna årshjulet ${year}`, 'county start, report with VVG');
      expect(countyPage.url()).toBe(`${baseUrl}/arshjul/${year}`);
      await submit(countyPage, countyPage.getByRole('button', { name: 'Gå vidare till beslut' }));
      await countyPage.getByRole('status').first().waitFor();
      await check(countyPage, 'cycle in decision');
      await submit(countyPage, countyPage.getByRole('button', { name: 'Avsluta årshjulet' }));
      await countyPage.getByRole('status').first().waitFor();
      expect(await countyPage.locator('dl.facts').textContent()).toContain('Avslutad');
      await check(countyPage, 'cycle closed');
    });

    await step('next-year-shows-decision', () => countyPage, async () => {
      await fromStartPage(countyPage, new RegExp(`^Årshjulet ${year} är avslutat\\.`), 'Skapa nästa årshjul', 'county start after close');
      expect(countyPage.url()).toBe(`${baseUrl}/arshjul/ny`);
      expect(await countyPage.locator('#year').inputValue()).toBe(String(year + 1));
      await countyPage.getByRole('button', { name: 'Skapa årshjulet' }).click();
      await countyPage.waitForURL(`${baseUrl}/arshjul/${year + 1}`);
      await countyPage.getByRole('heading', { name: 'Beslut från förra året' }).waitFor();
      expect(await countyPage.locator('main').textContent()).toContain(DECISION);
      await check(countyPage, 'next year planning');
    });

    for (const context of contexts) await context.close();
    expect(violations).toEqual([]);
    expect(watched.flatMap(({ who, found }) => found.map((line) => `${who}: ${line}`))).toEqual([]);
  }, 600_000);
});

/** Fills every field the checklist names, with clicks and typing; `short` leaves Skaraborg's challenges at one sentence. */
async function fillRequired(page: Page, delregion: Seed002Delregion, short: boolean): Promise<void> {
  const required = await page.locator('.checklist a').evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').slice(1)));
  expect(required.length).toBeGreaterThan(10);
  const answers = SEED_002_ANALYSES[delregion] as unknown as Record<string, unknown>;
  for (const id of required) {
    const field = page.locator(`#${id}`);
    const kind = await field.evaluate((el: { tagName: string; type?: string }) => (el.tagName === 'BUTTON' ? 'button' : el.tagName === 'SELECT' ? 'select' : el.type === 'radio' || el.type === 'checkbox' ? 'toggle' : 'text'));
    if (kind === 'toggle') {
      await field.check();
    } else if (kind === 'select') {
      await field.selectOption({ index: 1 });
    } else if (kind === 'button') {
      // "Lägg till aktivitet": the form is saved and comes back with an empty activity to fill in.
      await field.click();
      await page.waitForURL(/#f-roadmap_activities-0-name$/);
      await page.locator('#f-roadmap_activities-0-name').fill('Samverkan kring skörhet hos äldre (CFS)');
      await page.locator('#f-roadmap_activities-0-shift').selectOption({ index: 1 });
      await page.locator('#f-roadmap_activities-0-status').selectOption('klart');
    } else {
      const key = id.replace(/^f-/, '');
      const seed = answers[key];
      let text = typeof seed === 'string' ? seed : `Svar för ${key}: 69 % av avvikelserna gällde in- och utskrivning.`;
      if (short && key === 'challenges') text = text.split('. ')[0]!;
      await field.fill(text);
    }
  }
}

/** The cycle's id, read from the API with the page's own session. */
async function cycleIdOf(page: Page, year: number): Promise<string> {
  const base = new URL(page.url()).origin;
  const response = await page.request.get(`${base}/api/v1/cycles`);
  const body = await response.json();
  const items = (Array.isArray(body) ? body : body.items) as Array<{ id: string; year: number }>;
  const cycle = items.find((item) => item.year === year);
  if (!cycle) throw new Error(`no cycle ${year} in ${JSON.stringify(body).slice(0, 300)}`);
  return cycle.id;
}
