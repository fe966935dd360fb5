import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { startBrowserApp, watchProblems } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('signing in with a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());

  it('signs in through the Swedish login form, reaches Mitt konto and signs out, without CSP or script errors', async () => {
    const user = await t.signedIn(Role.CountyCoordinator);
    const page = await browser.newPage();
    const problems = watchProblems(page);

    await page.goto(`${baseUrl}/konto`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');

    await page.getByLabel('E-postadress').fill(user.user.email);
    await page.getByLabel('Lösenord').fill('fel lösenord helt klart');
    await page.getByRole('button', { name: 'Logga in' }).click();
    expect(await page.content()).toMatch(/Fel e-postadress eller lösenord/);

    await page.getByLabel('E-postadress').fill(user.user.email);
    await page.getByLabel('Lösenord').fill(user.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${baseUrl}/konto`);
    expect(await page.content()).toContain(user.user.name);

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.goto(`${baseUrl}/konto`);
    expect(new URL(page.url()).pathname).toBe('/logga-in');

    expect(problems).toEqual([]);
  }, 60_000);

  it('shows the API documentation under the same security headers', async () => {
    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/api/docs`);
    await page.getByText('Årshjulet API').first().waitFor({ timeout: 15_000 });
    expect(await page.getByText('/api/v1/indicators', { exact: true }).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  }, 60_000);
});
