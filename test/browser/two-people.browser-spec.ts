import { Role } from '@arshjulet/core';
import type { Browser, Page } from 'playwright-core';
import { launchedTask, save } from '../analysis/analysis-fixtures.js';
import { accessibilityViolations } from '../support/accessibility.js';
import { logIn, startBrowserApp, watchProblems } from '../support/browser.js';
import type { SignedInUser, TestApp } from '../support/test-app.js';

/**
 * Two coordinators of the same delregion have the same analysis open. The one who saves second is shown both
 * versions of each field both of them changed, keeps what they choose, and loses nothing: what only the other one
 * changed stays as it was saved, what only they changed is saved with their choice.
 */
describe('two people at once: two browsers edit the same analysis and the second save shows the conflict, nothing lost', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;
  let county: SignedInUser;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
    county = await t.signedIn(Role.CountyCoordinator);
  }, 60_000);

  afterAll(() => close());

  const ANNA_SUCCESSES = 'Anna: 120 medarbetare har gått utbildningen i SIP.';
  const ANNA_CHALLENGES = 'Anna: utskrivningsklara patienter blir kvar för länge.';
  const BO_SUCCESSES = 'Bo: den nya rutinen för in- och utskrivning har införts i alla kommuner.';
  const BO_ORGANISATION = 'Bo: samordnarna träffas varje månad.';

  async function opened(withScript: boolean, user: SignedInUser, year: number, taskId: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ javaScriptEnabled: withScript });
    const page = await context.newPage();
    const problems = watchProblems(page);
    await logIn(page, baseUrl, user);
    await page.goto(`${baseUrl}/arshjul/${year}/uppgifter/${taskId}/analys`);
    return { page, problems };
  }

  async function draft(taskId: string): Promise<Record<string, unknown>> {
    const response = await county.api.get(`/api/v1/tasks/${taskId}/answers`).expect(200);
    return response.body.answers;
  }

  async function twoOpen(withScript: boolean) {
    const { taskId, year } = await launchedTask(t, county, 'DR-SIMBA');
    const [anna, bo] = [await t.signedIn(Role.DelregionCoordinator, 'DR-SIMBA'), await t.signedIn(Role.DelregionCoordinator, 'DR-SIMBA')];
    // Both have the form in front of them before either saves.
    const annas = await opened(withScript, anna, year, taskId);
    const bos = await opened(withScript, bo, year, taskId);
    return { taskId, year, anna, bo, annas, bos };
  }

  /** The conflict: each field both changed, with both texts, and the fields only the colleague changed named as kept. */
  async function expectConflict(page: Page, colleague: SignedInUser): Promise<void> {
    const conflict = page.locator('section.conflict');
    await conflict.waitFor();
    expect(await page.getByRole('heading', { name: 'Två versioner av samma fält' }).count()).toBe(1);
    expect(await conflict.textContent()).toContain(`${colleague.user.name} sparade analysen`);
    const choices = conflict.locator('fieldset.conflict-field');
    expect(await choices.locator('legend').allTextContents()).toEqual(['Årets framgångar']);
    expect(await choices.getByText(ANNA_SUCCESSES).count()).toBe(1);
    expect(await choices.getByText(BO_SUCCESSES).count()).toBe(1);
    // Anna's challenges are not offered against Bo's empty field: Bo never touched it, so hers stay.
    expect(await conflict.locator('.kept-theirs').textContent()).toContain('Årets utmaningar');
    expect(await conflict.locator('.kept-mine').textContent()).toContain('Organisation');
  }

  it('without JavaScript: Bo saves after Anna, sees both texts of the field both changed, keeps his own; Anna\'s other field stays', async () => {
    const { taskId, annas, bos, anna } = await twoOpen(false);

    await annas.page.getByLabel('Årets framgångar').fill(ANNA_SUCCESSES);
    await annas.page.getByLabel('Årets utmaningar').fill(ANNA_CHALLENGES);
    await annas.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await annas.page.getByRole('status').getByText(/^Sparat \d\d:\d\d\.$/).waitFor();

    await bos.page.getByLabel('Årets framgångar').fill(BO_SUCCESSES);
    await bos.page.getByLabel('Organisation').fill(BO_ORGANISATION);
    const [stale] = await Promise.all([
      bos.page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      bos.page.getByRole('button', { name: 'Spara', exact: true }).click(),
    ]);
    expect(stale.status()).toBe(409);
    await expectConflict(bos.page, anna);
    // Nothing is stored yet from Bo; Anna's save is intact.
    expect(await draft(taskId)).toMatchObject({ successes: ANNA_SUCCESSES, challenges: ANNA_CHALLENGES });

    expect(await bos.page.getByLabel('Använd min version').isChecked()).toBe(true);
    // Anna saves once more while Bo decides: his choices meet her newest save and are offered again, not dropped.
    const annaAgain = `${ANNA_CHALLENGES} Och korridorvården ökar.`;
    await save(anna, taskId, { challenges: annaAgain });
    const [again] = await Promise.all([
      bos.page.waitForResponse((r) => r.request().method() === 'POST' && r.request().isNavigationRequest()),
      bos.page.getByRole('button', { name: 'Spara mina val' }).click(),
    ]);
    expect(again.status()).toBe(409);
    const offered = bos.page.locator('section.conflict fieldset.conflict-field');
    expect(await offered.locator('legend').allTextContents()).toEqual(['Årets framgångar', 'Organisation']);
    expect(await offered.getByText(BO_SUCCESSES).count()).toBe(1);
    expect(await offered.getByText(BO_ORGANISATION).count()).toBe(1);
    expect(await draft(taskId)).toMatchObject({ successes: ANNA_SUCCESSES, challenges: annaAgain });

    await bos.page.getByRole('button', { name: 'Spara mina val' }).click();
    await bos.page.getByRole('status').getByText(/Dina val är sparade\.$/).waitFor();
    expect(await bos.page.getByLabel('Årets framgångar').inputValue()).toBe(BO_SUCCESSES);
    expect(await bos.page.getByLabel('Årets utmaningar').inputValue()).toBe(annaAgain);
    const saved = await draft(taskId);
    expect(saved).toMatchObject({ successes: BO_SUCCESSES, challenges: annaAgain });
    expect(saved.organisation).toBe(BO_ORGANISATION);

    // Anna's stale form now meets Bo's save the same way: she keeps the saved (Bo's) text this time.
    await annas.page.getByLabel('Årets framgångar').fill(`${ANNA_SUCCESSES} Och fler.`);
    await annas.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await annas.page.locator('section.conflict').waitFor();
    await annas.page.getByLabel('Behåll den sparade versionen').check();
    await annas.page.getByRole('button', { name: 'Spara mina val' }).click();
    await annas.page.getByRole('status').getByText(/Dina val är sparade\.$/).waitFor();
    expect(await draft(taskId)).toMatchObject({ successes: BO_SUCCESSES, challenges: annaAgain });

    expect([...annas.problems, ...bos.problems]).toEqual([]);
  }, 180_000);

  it('with JavaScript: Bo\'s autosave is refused and says someone else saved; "Spara" shows the conflict, axe clean; he keeps Anna\'s text', async () => {
    const { taskId, annas, bos, anna } = await twoOpen(true);

    await annas.page.getByLabel('Årets framgångar').fill(ANNA_SUCCESSES);
    await annas.page.locator('#autosave-status').getByText(/^Sparat \d\d:\d\d$/).waitFor({ timeout: 15_000 });
    await annas.page.getByLabel('Årets utmaningar').fill(ANNA_CHALLENGES);
    await annas.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await annas.page.getByRole('status').getByText(/^Sparat \d\d:\d\d\.$/).waitFor();

    await bos.page.getByLabel('Årets framgångar').fill(BO_SUCCESSES);
    await bos.page.getByLabel('Organisation').fill(BO_ORGANISATION);
    await bos.page.locator('#autosave-status').getByText('Någon annan har sparat analysen under tiden.', { exact: false }).waitFor({ timeout: 15_000 });
    await bos.page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expectConflict(bos.page, anna);
    expect(await accessibilityViolations(bos.page)).toEqual([]);

    await bos.page.getByLabel('Behåll den sparade versionen').check();
    await bos.page.getByRole('button', { name: 'Spara mina val' }).click();
    await bos.page.getByRole('status').getByText(/Dina val är sparade\.$/).waitFor();
    expect(await accessibilityViolations(bos.page)).toEqual([]);
    const saved = await draft(taskId);
    expect(saved).toMatchObject({ successes: ANNA_SUCCESSES, challenges: ANNA_CHALLENGES });
    expect(saved.organisation).toBe(BO_ORGANISATION);

    // The refused autosave is the one 4xx Bo's page met (a PATCH the page expected to fail and explained).
    expect(annas.problems).toEqual([]);
    expect(bos.problems).toEqual([`409: ${baseUrl}/api/v1/tasks/${taskId}/answers`]);
  }, 180_000);
});
