import { Role } from '@arshjulet/core';
import { Indicator, IndicatorDirection, IndicatorGroup, IndicatorKind, IndicatorUnit } from '@arshjulet/indicators';
import type { Browser } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility.js';
import { startBrowserApp, watchProblems, logIn } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('administration pages in a real browser: the catalogue, Teman and Logg on plain forms; axe on every page', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());


  it('edits an indicator (a refusal first), adds and deactivates a theme, filters the log; zero WCAG 2.1 A/AA violations', async () => {
    const repository = t.dataSource.getRepository(Indicator);
    const indicator = await repository.save(repository.create({
      code: 'BR01', name: 'Andel webbläsartestade', description: null, group: IndicatorGroup.Shift, area: 'sip', kind: IndicatorKind.Quality,
      direction: IndicatorDirection.Higher, unit: IndicatorUnit.Percent, source: 'Test', target: null, koladaKpiId: null, note: null, phrase: null,
      active: true, customizedAt: null,
    }));
    const admin = await t.signedIn(Role.Admin);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    const check = async (where: string) => violations.push(...(await accessibilityViolations(page)).map((v) => `${where}: ${v}`));

    await logIn(page, baseUrl, admin);
    await page.goto(`${baseUrl}/administration`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Administration');
    await check('/administration');

    await page.getByRole('link', { name: 'Indikatorkatalogen' }).click();
    await page.waitForURL(`${baseUrl}/administration/indikatorer`);
    await check('/administration/indikatorer');
    await page.getByRole('link', { name: 'BR01', exact: true }).click();
    await page.waitForURL(`${baseUrl}/administration/indikatorer/BR01`);
    await check('/administration/indikatorer/BR01');

    await page.getByLabel('Mål', { exact: true }).fill('åttio');
    await page.getByRole('button', { name: 'Spara indikatorn' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#mal-error').textContent()).toContain('Ange målet som ett tal');
    expect(await page.locator('#mal').getAttribute('aria-invalid')).toBe('true');
    await check('refused indicator form');

    await page.getByLabel('Mål', { exact: true }).fill('80');
    await page.getByLabel('Riktning').selectOption('lower');
    await page.getByRole('button', { name: 'Spara indikatorn' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.locator('.history').textContent()).toContain('Mål: (tomt) → 80');
    expect((await repository.findOneByOrFail({ id: indicator.id })).target).toBe(80);
    await check('saved indicator with history');

    await page.goto(`${baseUrl}/administration/teman`);
    await check('/administration/teman');
    await page.getByLabel('Namn', { exact: true }).fill('Webbläsartema');
    await page.getByRole('button', { name: 'Lägg till temat' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Temat Webbläsartema är tillagt.');
    await page.getByRole('button', { name: 'Inaktivera Webbläsartema' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('är inaktiverat');
    await check('themes after deactivation');
    await page.getByRole('button', { name: 'Lägg till temat' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#nytt-namn-error').textContent()).toBe('Ange temats namn.');
    await check('refused theme');

    await page.goto(`${baseUrl}/administration/logg`);
    await check('/administration/logg');
    await page.getByLabel('Typ').selectOption('theme_tag');
    await page.getByRole('button', { name: 'Visa' }).click();
    await page.waitForURL(/typ=theme_tag/);
    const rows = await page.locator('table.audit tbody th').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows)).toEqual(new Set(['Tema tillagt', 'Tema ändrat']));
    await check('filtered log');
    await page.goto(`${baseUrl}/administration/logg?fran=igår`);
    expect(await page.locator('#fran-error').textContent()).toBe('Ange ett datum som 2026-03-19.');
    await check('refused log filter');

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});
