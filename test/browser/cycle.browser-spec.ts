import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { accessibilityViolations, tabTo } from '../support/accessibility.js';
import { startBrowserApp, watchProblems, logIn } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('the årshjul in a real browser: the county coordinator opens the year, a delregion finds its task', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());


  it('creates a cycle (a wrong date corrected by keyboard alone), launches it, reads the overview; the delregion opens and starts its task; every page passes axe', async () => {
    const county = await t.signedIn(Role.CountyCoordinator);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    const check = async () => violations.push(...(await accessibilityViolations(page)));

    await logIn(page, baseUrl, county);
    await page.goto(`${baseUrl}/`);
    expect(await page.getByText('Det finns inget årshjul ännu.').count()).toBe(1);
    await check();

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Årshjul' }).click();
    await page.waitForURL(`${baseUrl}/arshjul`);
    await check();

    // The new-cycle form by keyboard alone: a Do start that leaves a gap, refused with the summary focused.
    await tabTo(page, 'a[href="/arshjul/ny"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/arshjul/ny`);
    await check();
    const year = await page.locator('#year').inputValue();
    await tabTo(page, '#doStart');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(`${year}-05-03`);
    await tabTo(page, 'button[type="submit"]:not(.link)');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.evaluate<string | undefined>('document.activeElement?.id')).toBe('felsammanfattning');
    expect(await page.locator('#doStart').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').textContent()).toContain(`Do ska börja dagen efter att Plan slutar (${year}-05-01).`);
    await check();
    await tabTo(page, 'a[href="#doStart"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '#doStart');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(`${year}-05-01`);
    await tabTo(page, 'button[type="submit"]:not(.link)');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/arshjul/${year}`);
    expect(await page.getByRole('status').textContent()).toContain(`Årshjulet ${year} är skapat som utkast.`);
    expect(await page.getByRole('img', { name: `Årshjulet ${year}` }).count()).toBe(1);
    await check();

    await page.getByRole('button', { name: 'Börja planera' }).click();
    await page.getByRole('status').filter({ hasText: 'Planering' }).waitFor();
    await page.getByRole('link', { name: 'Starta årshjulet …' }).click();
    await page.waitForURL(`${baseUrl}/arshjul/${year}/starta`);
    expect(await page.getByText('Dessa 6 delregioner får var sin analysuppgift').count()).toBe(1);
    await check();
    await page.getByRole('button', { name: `Starta årshjulet ${year}` }).click();
    await page.waitForURL(`${baseUrl}/arshjul/${year}/uppgifter`);
    expect(await page.getByRole('table', { name: 'Analysuppgifter per delregion' }).getByRole('row').count()).toBe(7);
    await check();

    await page.goto(`${baseUrl}/arshjul/${year}/sammanstallning`);
    await check();
    await page.goto(`${baseUrl}/`);
    expect(await page.getByText('av 6 delregioner har lämnat in').count()).toBe(1);
    await check();
    await page.goto(`${baseUrl}/aviseringar`);
    await check();

    // The delregion coordinator: the start page says what is expected, the link leads to the own task.
    const delregion = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const context = await browser.newContext();
    const own = await context.newPage();
    const ownProblems = watchProblems(own);
    await logIn(own, baseUrl, delregion);
    await own.goto(`${baseUrl}/`);
    expect(await own.getByText(/^Er analys (ska lämnas in senast|är försenad sedan)/).count()).toBe(1);
    violations.push(...(await accessibilityViolations(own)));
    await tabTo(own, 'a[href*="/uppgifter/"]');
    await own.keyboard.press('Enter');
    await own.waitForURL(new RegExp(`/arshjul/${year}/uppgifter/[0-9a-f-]{36}$`));
    violations.push(...(await accessibilityViolations(own)));
    await tabTo(own, 'button[type="submit"]:not(.link)');
    expect(await own.evaluate<string | undefined>('document.activeElement?.textContent')).toBe('Påbörja analysen');
    await own.keyboard.press('Enter');
    await own.getByRole('status').waitFor();
    expect(await own.getByRole('status').textContent()).toContain('analysen är nu ”Pågår”');
    violations.push(...(await accessibilityViolations(own)));
    await context.close();

    expect(violations).toEqual([]);
    expect([...problems, ...ownProblems]).toEqual([]);
  }, 120_000);
});
