import { ReportRenderer, reportSections } from '@arshjulet/report';
import type { Browser } from 'playwright-core';
// eslint-disable-next-line no-restricted-imports -- a hand-made test model, kept out of the lib's public index
import { reportModelFixture } from '../../libs/report/src/render/__fixtures__/report-model.fixture.js';
import { accessibilityViolations } from '../support/accessibility.js';
import { launchChromium } from '../support/browser.js';

describe('the county report document in a real browser', () => {
  let browser: Browser;
  const renderer = new ReportRenderer();

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(() => browser?.close());

  it('has no WCAG 2.1 A/AA violation, one h1, headings in order and a table of contents that reaches every section', async () => {
    const model = reportModelFixture({ preliminary: true });
    const page = await browser.newPage();
    await page.setContent(renderer.html(model));

    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator('h1').count()).toBe(1);
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
    levels.forEach((level, index) => expect(level - (levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
    expect(await page.getByText('Preliminär', { exact: true }).first().isVisible()).toBe(true);

    for (const section of reportSections(model)) {
      await expect(page.locator(`nav a[href="#${section.id}"]`).count()).resolves.toBe(1);
      await expect(page.getByRole('region', { name: section.title, exact: true }).first().getAttribute('id')).resolves.toBe(section.id);
    }
    await expect(page.getByRole('img', { name: model.compilation.groups[0]!.areas[0]!.indicators[0]!.charts[0]!.alt }).count()).resolves.toBe(1);
    await page.close();
  }, 60_000);

  it('has no violation for the compilation alone, nor for a final report with the chart tables opened', async () => {
    const page = await browser.newPage();
    await page.setContent(renderer.compilationHtml(reportModelFixture().compilation));
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setContent(renderer.html(reportModelFixture({ preliminary: false, state: 'published' })));
    await page.locator('summary').first().click();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
