import { Role } from '@arshjulet/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchedTask, save, SIMBA_ANSWERS } from '../analysis/analysis-fixtures.js';
import { acceptedSeed002Cycle } from '../report/report-fixtures.js';
import { accessibilityViolations } from '../support/accessibility.js';
import { logIn, startBrowserApp, watchProblems } from '../support/browser.js';
import type { SignedInUser, TestApp, TestUser } from '../support/test-app.js';

/**
 * The county's review actions and the report's transitions with JavaScript switched off: every button is a plain
 * form that POSTs and is answered with a 303 to a page saying in Swedish what happened (or what to correct, beside
 * the field); axe finds nothing on any page a person without scripts sees.
 */
describe('without JavaScript: the county reviews analyses and moves the report through its states on plain forms', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;
  /** A context with scripts on, only to run axe over exactly the HTML the script-less page received. */
  let axeContext: BrowserContext;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
    axeContext = await browser.newContext();
  }, 60_000);

  afterAll(async () => {
    await axeContext?.close();
    await close();
  });

  /**
   * axe needs the page's timers, which a context without JavaScript stops: the HTML this page shows is served again,
   * unchanged and at the same address (so its stylesheet loads the same), to a page with scripts, and checked there.
   */
  async function violationsAsSeen(page: Page): Promise<string[]> {
    const html = await page.content();
    const url = page.url().replace(/#.*$/, '');
    const copy = await axeContext.newPage();
    await copy.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await copy.goto(url);
    // The copy is this very page (not, say, the login page a fresh context would be sent to).
    expect(await copy.locator('h1').first().textContent()).toBe(await page.locator('h1').first().textContent());
    expect(await copy.locator('main').textContent()).toBe(await page.locator('main').textContent());
    const found = await accessibilityViolations(copy);
    await copy.close();
    return found;
  }

  /** A page of a context without JavaScript, signed in through the login form (itself a plain POST). */
  async function scriptless(user: TestUser & { password: string }): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, baseUrl, user as SignedInUser);
    return { page, problems, close: () => context.close() };
  }

  /**
   * Presses `button`: the form is posted as such and answered 303 See Other to `path`, which is then shown; or, for a
   * form that shows its refusal in place (`path` 422), the page itself comes back with what was typed.
   */
  async function post(page: Page, button: Locator, path: string | 422): Promise<void> {
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()), button.click()]);
    expect(response.request().headers()['content-type']).toBe('application/x-www-form-urlencoded');
    if (path === 422) {
      expect(response.status()).toBe(422);
    } else {
      expect(response.status()).toBe(303);
      expect((response.headers().location ?? '').replace(/#.*$/, '')).toBe(path);
    }
    await page.waitForLoadState('domcontentloaded');
  }

  const status = (page: Page) => page.getByRole('status').first().textContent();
  const alert = (page: Page) => page.getByRole('alert').first().textContent();

  async function submitted(coordinator: TestUser, taskId: string): Promise<void> {
    await coordinator.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);
  }

  it('returns with a reason (refused without one), moves the deadline, and accepts – on the overview, the review page and the task page', async () => {
    const county = await t.signedIn(Role.CountyCoordinator);
    const { taskId, year } = await launchedTask(t, county, 'DR-SKB');
    const skaraborg = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    await save(skaraborg, taskId, SIMBA_ANSWERS);
    await submitted(skaraborg, taskId);

    const { page, problems, close: closeContext } = await scriptless(county);
    const violations: string[] = [];
    const check = async () => violations.push(...(await violationsAsSeen(page)));
    const overview = `/arshjul/${year}/uppgifter`;
    const section = () => page.locator('section', { has: page.locator(`#atgarder-${taskId}`) });
    const moveForm = () => page.locator(`form[action$="/uppgifter/${taskId}/sista-dag"]`);

    await page.goto(`${baseUrl}${overview}`);
    await check();

    // Return on the overview: without a comment it is refused, the message beside the field.
    await post(page, section().getByRole('button', { name: 'Återsänd för komplettering' }), overview);
    expect(await alert(page)).toContain('Ange ett skäl.');
    expect(await page.locator(`#kommentar-${taskId}`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#kommentar-${taskId}-error`).textContent()).toBe('Ange ett skäl.');
    await check();
    await page.locator(`#kommentar-${taskId}`).fill('Beskriv hur avvikelserna följs upp.');
    await post(page, section().getByRole('button', { name: 'Återsänd för komplettering' }), overview);
    expect(await status(page)).toContain('Skaraborg: analysen är nu ”Återsänd för komplettering”.');
    await check();

    // Move the deadline on the overview: a wrong date and no reason first, both named beside their fields.
    const dueDate = await moveForm().locator(`#sista-dag-${taskId}`).inputValue();
    await moveForm().locator(`#sista-dag-${taskId}`).fill('31/12');
    await post(page, moveForm().getByRole('button', { name: 'Flytta sista dag' }), overview);
    expect(await alert(page)).toContain('Ange ett datum som ÅÅÅÅ-MM-DD.');
    expect(await page.locator(`#sista-dag-${taskId}-error`).textContent()).toBe('Ange ett datum som ÅÅÅÅ-MM-DD.');
    expect(await page.locator(`#skal-${taskId}-error`).textContent()).toBe('Ange varför sista dagen flyttas.');
    await check();
    const later = new Date(Date.parse(`${dueDate}T12:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    await moveForm().locator(`#sista-dag-${taskId}`).fill(later);
    await moveForm().locator(`#skal-${taskId}`).fill('Sjukskrivning i samordnarteamet.');
    await post(page, moveForm().getByRole('button', { name: 'Flytta sista dag' }), overview);
    expect(await status(page)).toContain(`Skaraborg: sista dag är nu ${later}.`);
    await check();

    // The delregion resubmits; the county returns it from the review page, refused once without a comment.
    await skaraborg.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'resume' }).expect(200);
    await submitted(skaraborg, taskId);
    const review = `/arshjul/${year}/uppgifter/${taskId}/granska`;
    await page.goto(`${baseUrl}${review}`);
    await check();
    await post(page, page.getByRole('button', { name: 'Skicka tillbaka' }), 422);
    expect(await alert(page)).toContain('Skriv en sammanfattande kommentar till delregionen.');
    expect(await page.locator('#reason').getAttribute('aria-invalid')).toBe('true');
    await check();
    await page.getByLabel('Sammanfattande kommentar till delregionen').fill('Komplettera med siffror för 2025.');
    await post(page, page.getByRole('button', { name: 'Skicka tillbaka' }), `/arshjul/${year}/uppgifter/${taskId}`);
    expect(await status(page)).toContain('Skaraborg: analysen är nu ”Återsänd för komplettering”.');
    expect(await page.locator('dl.facts').textContent()).toContain(`${later} (flyttad: Sjukskrivning i samordnarteamet.)`);
    await check();

    // Resubmitted once more: accepted from the task page itself.
    await skaraborg.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'resume' }).expect(200);
    await submitted(skaraborg, taskId);
    await page.goto(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}`);
    await post(page, page.getByRole('button', { name: 'Godkänn analysen' }), `/arshjul/${year}/uppgifter/${taskId}`);
    expect(await status(page)).toContain('Skaraborg: analysen är nu ”Godkänd”.');
    expect(await page.locator('dl.facts').textContent()).toContain('Godkänd');
    await check();
    expect((await county.api.get(`/api/v1/tasks/${taskId}`)).body.status).toBe('accepted');

    await closeContext();
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);

  it('assembles the report, sends it to review, has it revised (a reason is required), and VVG gives feedback and approves; the county publishes', async () => {
    const county = await t.signedIn(Role.CountyCoordinator);
    const year = 2093;
    await acceptedSeed002Cycle(t, county, year);
    const editor = `/arshjul/${year}/rapport`;

    const coordinator = await scriptless(county);
    const page = coordinator.page;
    const violations: string[] = [];
    const check = async (on: Page = page) => violations.push(...(await violationsAsSeen(on)));

    await page.goto(`${baseUrl}${editor}`);
    expect(await page.getByText('Ingen version är sparad ännu.').count()).toBe(1);
    await check();
    await post(page, page.getByRole('button', { name: 'Sammanställ rapporten' }), editor);
    expect(await status(page)).toBe('Rapporten är sammanställd och sparad som version 1.');
    await check();

    await page.getByLabel('Slutsatser och reflektioner').fill('Samverkan kring in- och utskrivning är länets gemensamma fråga.');
    await post(page, page.getByRole('button', { name: 'Spara egna avsnitt' }), editor);
    expect(await status(page)).toContain('Slutsatserna och frågorna är sparade.');
    await post(page, page.getByRole('button', { name: 'Sammanställ på nytt och spara en version' }), editor);
    expect(await status(page)).toBe('Rapporten är sammanställd och sparad som version 2.');

    await post(page, page.getByRole('button', { name: 'Skicka till granskning' }), editor);
    expect(await status(page)).toContain('Rapporten är nu i läget ”Under granskning”');
    await check();

    // Revising needs a reason: refused with the message beside its field, then done.
    await post(page, page.getByRole('button', { name: 'Arbeta om (tillbaka till utkast)' }), editor);
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page.locator('#skal-revise').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#skal-revise-error').textContent()).toMatch(/skäl/i);
    await check();
    await page.locator('#skal-revise').fill('Slutsatserna ska nämna Skaraborgs arbete med SIP.');
    await post(page, page.getByRole('button', { name: 'Arbeta om (tillbaka till utkast)' }), editor);
    expect(await status(page)).toContain('Rapporten är nu i läget ”Utkast”');
    expect(await page.locator('table', { hasText: 'Sparade versioner' }).textContent()).toContain('Slutsatserna ska nämna Skaraborgs arbete med SIP.');
    await check();
    await post(page, page.getByRole('button', { name: 'Skicka till granskning' }), editor);
    expect(await status(page)).toContain('Rapporten är nu i läget ”Under granskning”');

    // VVG: feedback, then the approval, on the same page and also without scripts.
    const reviewer = await scriptless(await t.signedIn(Role.VvgReviewer));
    await reviewer.page.goto(`${baseUrl}${editor}`);
    await check(reviewer.page);
    await post(reviewer.page, reviewer.page.getByRole('button', { name: 'Lämna återkoppling' }), editor);
    expect(await status(reviewer.page)).toContain('Rapporten är nu i läget ”Återkoppling lämnad”');
    await check(reviewer.page);
    await post(reviewer.page, reviewer.page.getByRole('button', { name: 'Godkänn', exact: true }), editor);
    expect(await status(reviewer.page)).toContain('Rapporten är nu i läget ”Godkänd”');
    await check(reviewer.page);

    await page.goto(`${baseUrl}${editor}`);
    await post(page, page.getByRole('button', { name: 'Publicera' }), editor);
    expect(await status(page)).toContain('Rapporten är nu i läget ”Publicerad”');
    await check();
    await page.goto(`${baseUrl}/rapporter`);
    expect(await page.getByRole('link', { name: String(year) }).count()).toBeGreaterThan(0);

    await coordinator.close();
    await reviewer.close();
    expect(violations).toEqual([]);
    expect([...coordinator.problems, ...reviewer.problems]).toEqual([]);
  }, 300_000);
});
