import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { acceptedSeed002Cycle } from '../report/report-fixtures.js';
import { accessibilityViolations } from '../support/accessibility.js';
import { startBrowserApp, watchProblems, logIn } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('VVG in a real browser: comments on the report in review, records a decision, follows the decisions up', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());


  it('comments on a section, the county answers, a decision is refused then recorded, /beslut lists it; axe finds nothing on any page', async () => {
    const year = 2040;
    const county = await t.signedIn(Role.CountyCoordinator);
    const vvg = await t.signedIn(Role.VvgReviewer);
    const { cycleId } = await acceptedSeed002Cycle(t, county, year);
    await county.api.post(`/api/v1/cycles/${cycleId}/report/assemble`).send({}).expect(200);
    await county.api.post(`/api/v1/cycles/${cycleId}/report/transitions`).send({ action: 'send_to_review' }).expect(200);
    await county.api.post(`/api/v1/cycles/${cycleId}/transitions`).send({ action: 'start_review' }).expect(200);

    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    const check = async () => violations.push(...(await accessibilityViolations(page)));

    await logIn(page, baseUrl, vvg);
    await page.goto(`${baseUrl}/arshjul/${year}/rapport/granskning`);
    await check();
    await page.getByLabel('Kommentera: Slutsatser och reflektioner').fill('Lyft **SIP** tydligare.');
    await page.getByRole('button', { name: 'Spara kommentaren om Slutsatser och reflektioner' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.locator('#slutsatser strong').textContent()).toBe('SIP');
    // An empty comment comes back with the message beside its box.
    await page.getByRole('button', { name: 'Spara kommentaren om Frågor inför kommande år' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#kommentar-fragor').getAttribute('aria-invalid')).toBe('true');
    await check();

    const countyPage = await browser.newPage();
    await logIn(countyPage, baseUrl, county);
    await countyPage.goto(`${baseUrl}/arshjul/${year}/rapport/granskning`);
    await countyPage.locator('#slutsatser textarea[name="body"]').fill('Vi lägger till ett stycke.');
    await countyPage.locator('#slutsatser button', { hasText: 'Spara svaret' }).click();
    await countyPage.getByRole('status').waitFor();
    expect(await countyPage.locator('#slutsatser .answer').textContent()).toContain('Vi lägger till ett stycke.');
    violations.push(...(await accessibilityViolations(countyPage)));

    await page.goto(`${baseUrl}/arshjul/${year}/beslut`);
    await check();
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#beslut-text').getAttribute('aria-invalid')).toBe('true');
    await check();
    await page.getByLabel('Beslut', { exact: true }).fill('Gemensam rutin för utskrivning.');
    await page.getByLabel('hög').check();
    await page.getByLabel('Ansvarig').selectOption('DR-SIMBA');
    await page.getByLabel('Sista dag').fill(`${year + 1}-06-30`);
    await page.getByLabel('Indikatorer (valfritt)').fill('IU03');
    await page.getByRole('button', { name: 'Registrera beslutet' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.locator('.decision-list').textContent()).toContain('Gemensam rutin för utskrivning.');
    await check();

    await page.goto(`${baseUrl}/beslut`);
    expect(await page.getByRole('heading', { name: `Beslut ${year}` }).count()).toBe(1);
    await check();

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 240_000);
});
