import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility.js';
import { startBrowserApp, watchProblems, logIn } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('an administrator edits the organisation on the Organisation pages', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());


  it('moves a municipality (a refusal shown beside its field first), and a stale save says so; every page passes axe', async () => {
    const admin = await t.signedIn(Role.Admin);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    const check = async () => violations.push(...(await accessibilityViolations(page)));

    await logIn(page, baseUrl, admin);
    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL(`${baseUrl}/administration/organisation`);
    expect(await page.getByRole('table', { name: 'SAMLA – Vårdsamverkan Lerum Alingsås' }).getByRole('link', { name: 'Lerum', exact: true }).count()).toBe(1);
    await check();

    await page.getByRole('link', { name: 'Tjörn', exact: true }).click();
    await page.waitForURL(`${baseUrl}/administration/organisation/1419`);
    await check();

    // An empty name: the form comes back with the message beside the field and nothing saved.
    await page.getByLabel('Namn').fill('  ');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#namn-error').textContent()).toBe('Ange ett namn.');
    expect(await page.locator('#namn').getAttribute('aria-invalid')).toBe('true');
    await check();

    await page.getByLabel('Namn').fill('Tjörn');
    await page.getByLabel('Delregion', { exact: true }).selectOption('DR-SAMLA');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.waitForURL(`${baseUrl}/administration/organisation/1419`);
    expect(await page.getByRole('status').textContent()).toBe('Tjörn är sparad.');
    expect(await page.getByText('Ändrad av en administratör').count()).toBe(1);
    await check();
    await page.goto(`${baseUrl}/administration/organisation`);
    expect(await page.getByRole('table', { name: 'SAMLA – Vårdsamverkan Lerum Alingsås' }).getByRole('link', { name: 'Tjörn', exact: true }).count()).toBe(1);

    // Two tabs on Ale, without JavaScript: the first save wins, the second is told and shown the unit as it is now.
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const first = await noScript.newPage();
    await logIn(first, baseUrl, admin);
    await first.goto(`${baseUrl}/administration/organisation/1440`);
    await page.goto(`${baseUrl}/administration/organisation/1440`);
    await first.getByLabel('Namn').fill('Ale kommun');
    await first.getByRole('button', { name: 'Spara' }).click();
    await first.waitForURL(`${baseUrl}/administration/organisation/1440`);
    await page.getByLabel('Namn').fill('Ales kommun');
    await page.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Någon annan har ändrat enheten medan du redigerade.');
    expect(await page.getByLabel('Namn').inputValue()).toBe('Ale kommun');
    expect(await page.content()).toContain('Ales kommun');
    await check();
    await noScript.close();

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('is not in the menu of a county coordinator, and its pages refuse them', async () => {
    const county = await t.signedIn(Role.CountyCoordinator);
    const page = await browser.newPage();
    await logIn(page, baseUrl, county);
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organisation' }).count()).toBe(0);
    const refused = await page.goto(`${baseUrl}/administration/organisation`);
    expect(refused?.status()).toBe(403);
  });
});
