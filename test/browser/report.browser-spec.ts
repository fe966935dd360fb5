import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { launchedTask } from '../analysis/analysis-fixtures.js';
import { accessibilityViolations, tabTo } from '../support/accessibility.js';
import { startBrowserApp, watchProblems, logIn } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('the county report pages in a real browser: editor, versions, compilation, published reports', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());


  it('the county assembles a preliminary draft by keyboard, writes its own sections, and a stale save shows both texts keeping theirs; every page passes axe', async () => {
    const county = await t.signedIn(Role.CountyCoordinator);
    const { year, cycleId } = await launchedTask(t, county, 'DR-SKB');
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    const check = async () => violations.push(...(await accessibilityViolations(page)));

    await logIn(page, baseUrl, county);
    await page.goto(`${baseUrl}/arshjul/${year}`);
    // The wheel's many links come first: focus the link, then follow it by keyboard.
    await page.getByRole('link', { name: 'Länsrapporten', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/arshjul/${year}/rapport`);
    expect(await page.getByText('Ingen version är sparad ännu.').count()).toBe(1);
    await check();

    await tabTo(page, `form[action="/arshjul/${year}/rapport/sammanstall"] button`);
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('sparad som version 1');
    expect(await page.getByRole('note').filter({ hasText: 'Preliminär' }).count()).toBe(1);
    await check();

    // A colleague saves first (through the API); this page's form still holds the version it read.
    await page.getByLabel('Slutsatser och reflektioner').fill('Min slutsats som inte får försvinna.');
    const current = await county.api.get(`/api/v1/cycles/${cycleId}/report`);
    await county.api.put(`/api/v1/cycles/${cycleId}/report/own-sections`).set('If-Match', `"${current.body.version}"`).send({ conclusions: 'Kollegans slutsats.', questions: '' }).expect(200);

    await tabTo(page, `form[action="/arshjul/${year}/rapport/egna-avsnitt"] button`);
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Någon annan har ändrat');
    expect(await page.getByText('Kollegans slutsats.').count()).toBe(1);
    expect(await page.getByLabel('Slutsatser och reflektioner').inputValue()).toBe('Min slutsats som inte får försvinna.');
    await check();
    await page.getByRole('button', { name: 'Spara egna avsnitt' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByLabel('Slutsatser och reflektioner').inputValue()).toBe('Min slutsats som inte får försvinna.');

    // Send to review is refused for a preliminary report, with the reason on the page.
    await page.getByRole('button', { name: 'Skicka till granskning' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Rapporten är preliminär');
    await check();

    // The stored version and the compilation are standalone documents.
    await page.getByRole('link', { name: 'Version 1', exact: true }).click();
    await page.waitForURL(`${baseUrl}/arshjul/${year}/rapport/versioner/1`);
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await check();
    await page.goto(`${baseUrl}/arshjul/${year}/sammanstallning/dokument`);
    await check();

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);

  it('a viewer reads the list of published reports; a PDF without Chromium is a Swedish page, not a 500', async () => {
    const viewer = await t.signedIn(Role.Viewer);
    const page = await browser.newPage();
    await logIn(page, baseUrl, viewer);
    await page.goto(`${baseUrl}/rapporter`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Publicerade länsrapporter');
    expect(await accessibilityViolations(page)).toEqual([]);
    const missing = await page.goto(`${baseUrl}/rapporter/1999?format=pdf`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByText('Länsrapporten för det året är inte publicerad.').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);
});
