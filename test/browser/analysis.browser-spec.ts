import { Role } from '@arshjulet/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchedTask } from '../analysis/analysis-fixtures.js';
import { accessibilityViolations, tabTo } from '../support/accessibility.js';
import { startBrowserApp, watchProblems, logIn } from '../support/browser.js';
import type { SignedInUser, TestApp, TestUser } from '../support/test-app.js';

describe('the analysis in a real browser: a delregion fills in and submits it by keyboard alone, with and without JavaScript', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;
  let county: TestUser & Partial<SignedInUser>;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
    county = await t.signedIn(Role.CountyCoordinator);
  }, 60_000);

  afterAll(() => close());


  const LIMIT = 500;
  const focusedIs = (page: Page, selector: string) => page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`);

  /** Fills in every required field the checklist names, moving with Tab and typing, as a keyboard user does. */
  async function fillByKeyboard(page: Page, withScript: boolean): Promise<void> {
    const required = await page.locator('.checklist a').evaluateAll((links) => links.map((link) => (link.getAttribute('href') ?? '').slice(1)));
    expect(required.length).toBeGreaterThan(10);
    let first = true;
    for (const id of required) {
      await tabTo(page, `#${id}`, LIMIT);
      const kind = await page.evaluate<string>(`(() => { const el = document.activeElement; return el.tagName === 'BUTTON' ? 'button' : el.type === 'radio' || el.type === 'checkbox' ? 'toggle' : 'text'; })()`);
      if (kind === 'toggle') {
        await page.keyboard.press('Space');
      } else if (kind === 'button') {
        // "Lägg till aktivitet": the form is posted (saved) and comes back with an empty activity to fill in.
        await page.keyboard.press('Enter');
        await page.waitForURL(/#f-roadmap_activities-0-name$/);
        await tabTo(page, '#f-roadmap_activities-0-name', LIMIT);
        await page.keyboard.type('Samverkan kring skörhet hos äldre (CFS)');
        await tabTo(page, '#f-roadmap_activities-0-shift', 5);
        await page.keyboard.press('ArrowDown');
        await tabTo(page, '#f-roadmap_activities-0-status', 5);
        await page.keyboard.press('ArrowDown');
        expect(await page.locator('#f-roadmap_activities-0-status').inputValue()).toBe('klart');
      } else {
        await page.keyboard.type(`Svar för ${id.slice(2)}: 69 % av avvikelserna gällde in- och utskrivning.`);
        if (first && withScript) {
          // Autosave: the live region says when the draft was saved, without leaving the page.
          await page.locator('#autosave-status').getByText(/^Sparat \d\d:\d\d$/).waitFor({ timeout: 10_000 });
        }
      }
      first = false;
    }
  }

  async function fillAndSubmit(context: BrowserContext, withScript: boolean): Promise<{ violations: string[]; problems: string[] }> {
    const simba = await t.signedIn(Role.DelregionCoordinator, 'DR-SIMBA');
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const page = await context.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    // axe needs the page's timers, which a context without JavaScript stops: the same server-rendered pages are checked in the run with scripts on.
    const check = async () => {
      if (withScript) violations.push(...(await accessibilityViolations(page)));
    };

    await logIn(page, baseUrl, simba);
    await page.goto(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}`);
    await check();
    await tabTo(page, 'a[href$="/analys"]', LIMIT);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}/analys`);
    expect(await page.getByRole('heading', { name: 'Bilagor', level: 2 }).count()).toBe(1);
    await check();

    await fillByKeyboard(page, withScript);
    await check();

    // The checklist is empty once saved; "Spara" first, then "Lämna in", both by keyboard.
    await tabTo(page, 'button[value="save"]', LIMIT);
    await page.keyboard.press('Enter');
    await page.getByText('Alla obligatoriska fält är ifyllda.').waitFor();
    await check();
    await tabTo(page, 'button[value="submit"]', LIMIT);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}`);
    expect(await page.getByRole('status').first().textContent()).toContain('Analysen är inlämnad.');
    expect(await page.locator('dl.facts').textContent()).toContain('Inlämnad');
    await check();

    await page.goto(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}/analys/versioner/1`);
    expect(await page.getByText('Samverkan kring skörhet hos äldre (CFS)').count()).toBe(1);
    await check();

    await page.close();
    return { violations, problems };
  }

  it('with JavaScript: autosave says "Sparat hh:mm", rows are added, the analysis is submitted; every page passes axe', async () => {
    const context = await browser.newContext();
    expect(await fillAndSubmit(context, true)).toEqual({ violations: [], problems: [] });
    await context.close();
  }, 180_000);

  it('without JavaScript: the same by keyboard alone on plain forms', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    expect(await fillAndSubmit(context, false)).toEqual({ violations: [], problems: [] });
    await context.close();
  }, 180_000);

  it('the county comments on a field of a submitted analysis by keyboard (a second submit is refused); the review page passes axe', async () => {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const simba = await t.userWith(Role.DelregionCoordinator, 'DR-SIMBA');
    const { SIMBA_ANSWERS, save } = await import('../analysis/analysis-fixtures.js');
    await save(simba, taskId, SIMBA_ANSWERS);
    await simba.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(200);
    await simba.api.post(`/api/v1/tasks/${taskId}/transitions`).send({ action: 'submit' }).expect(409);

    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, baseUrl, county as SignedInUser);
    await page.goto(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}/granska`);
    const violations = await accessibilityViolations(page);
    await tabTo(page, '#kommentar-successes', LIMIT);
    await page.keyboard.type('Hur många har utbildats?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Kommentaren är sparad.').waitFor();
    expect(await focusedIs(page, '#kommentar-successes, body')).toBe(true);
    expect(await page.locator('.review-field', { hasText: 'Hur många har utbildats?' }).count()).toBe(1);
    violations.push(...(await accessibilityViolations(page)));
    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
