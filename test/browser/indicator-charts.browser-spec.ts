import { Role } from '@arshjulet/core';
import type { Browser } from 'playwright-core';
import { importFile } from '../indicators/indicator-fixtures.js';
import { accessibilityViolations } from '../support/accessibility.js';
import { startBrowserApp, watchProblems } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('an indicator page with its charts, in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());

  it('shows the county against the nation and the municipalities as images with text alternatives and data tables; axe finds nothing', async () => {
    const user = await t.signedIn(Role.CountyCoordinator);
    const code = `BC${Date.now().toString(36).toUpperCase().slice(-6)}`;
    await user.api.post('/api/v1/indicators')
      .send({ code, name: 'Andel diagram i webbläsaren', group: 'background', kind: 'quantity', direction: 'higher', unit: 'percent', source: 'Test' })
      .expect(201);
    const lines = ['indikator;enhet;period;värde'];
    for (const [index, year] of [2021, 2022, 2023, 2024].entries()) {
      lines.push(`${code};14;${year};${40 + index}`, `${code};SE;${year};${38 + index}`, `${code};Ale;${year};${30 + index}`, `${code};Kungälv;${year};${50 + index}`, `${code};Tjörn;${year};${45 - index}`);
    }
    await importFile(user.api, `${lines.join('\n')}\n`, `${code}.csv`);

    const page = await browser.newPage();
    const problems = watchProblems(page);
    await page.goto(`${baseUrl}/logga-in`);
    await page.getByLabel('E-postadress').fill(user.user.email);
    await page.getByLabel('Lösenord').fill(user.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${baseUrl}/`);

    await page.goto(`${baseUrl}/indikatorer/${code}`);
    expect(await page.getByRole('heading', { level: 2, name: 'Diagram' }).isVisible()).toBe(true);
    const lines2 = page.getByRole('img', { name: /^Linjediagram över Andel diagram i webbläsaren i länet och riket 2021–2024/ });
    expect(await lines2.locator('svg').count()).toBe(1);
    const bars = page.getByRole('img', { name: /^Stapeldiagram över Andel diagram i webbläsaren per kommun 2024, 3 kommuner/ });
    expect(await bars.locator('svg').count()).toBe(1);

    const dataTable = page.getByRole('table', { name: /länet och riket per period/ });
    expect(await dataTable.getByRole('row', { name: /2024/ }).textContent()).toMatch(/2024\s*43\u00a0%\s*41\u00a0%/);
    expect(await page.getByRole('table', { name: /^Värden per enhet/ }).isVisible()).toBe(true);

    // On a wide screen each chart's data table stands beside it, on a narrow one below it, within the page's width.
    const boxes = async () => ({ chart: (await lines2.boundingBox())!, table: (await dataTable.boundingBox())! });
    await page.setViewportSize({ width: 1280, height: 900 });
    let { chart, table } = await boxes();
    expect(table.x).toBeGreaterThanOrEqual(chart.x + chart.width);
    expect(table.y).toBeLessThan(chart.y + chart.height);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 400, height: 900 });
    ({ chart, table } = await boxes());
    expect(table.y).toBeGreaterThanOrEqual(chart.y + chart.height);
    expect(chart.x + chart.width).toBeLessThanOrEqual(400);
    const section = (await page.locator('section.indicator-charts').boundingBox())!;
    expect(section.x + section.width).toBeLessThanOrEqual(400);
    expect(table.x + table.width).toBeLessThanOrEqual(section.x + section.width);

    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
