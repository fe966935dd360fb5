import { fileURLToPath } from 'node:url';
import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { startBrowserApp, watchProblems } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

const SEED_001 = fileURLToPath(new URL('../../libs/indicators/src/parse/__fixtures__/iu03-hospitals-2025-long.csv', import.meta.url));

describe('a county coordinator\'s Monday in April, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());

  it('uploads the seed 001 table on Importer, saves it after the preview, and reads the spread on the IU03 page', async () => {
    const user = await t.signedIn(Role.CountyCoordinator);
    const page = await browser.newPage();
    const problems = watchProblems(page);

    await page.goto(`${baseUrl}/logga-in`);
    await page.getByLabel('E-postadress').fill(user.user.email);
    await page.getByLabel('Lösenord').fill(user.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Importer' }).click();
    await page.waitForURL(`${baseUrl}/importer`);
    await page.getByLabel('Fil', { exact: true }).setInputFiles(SEED_001);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await page.waitForURL(/\/importer\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Import av iu03-hospitals-2025-long.csv');
    expect(await page.content()).toContain('Filen har 28 värden: 28 nya, 0 ändrade, 0 oförändrade, 0 avvisade.');

    await page.getByRole('button', { name: 'Spara importen' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe('Importen är sparad: 28 nya och 0 ändrade värden.');

    await page.getByRole('link', { name: 'Indikatorer' }).first().click();
    await page.waitForURL(`${baseUrl}/indikatorer`);
    await page.getByRole('link', { name: /^Andel patienter utskrivna från slutenvården där meddelande/ }).click();
    await page.waitForURL(`${baseUrl}/indikatorer/IU03`);
    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Q2 2025' });
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(`${baseUrl}/indikatorer/IU03?period=2025-Q2`);

    const spread = page.getByRole('listitem').filter({ hasText: 'varierar stort' });
    expect((await spread.textContent())?.replace(/\u00a0/g, ' ')).toContain('från 4 % i Alingsås lasarett till 15 % i Kungälvs sjukhus (Q2 2025)');
    expect(await page.getByRole('table', { name: 'Värden per enhet, Q1 2025–Q2 2025' }).getByRole('row', { name: /Kungälvs sjukhus/ }).textContent())
      .toMatch(/Kungälvs sjukhus\s*Sjukhus\s*13\u00a0%\s*15\u00a0%/);

    expect(problems).toEqual([]);
  }, 90_000);
});
