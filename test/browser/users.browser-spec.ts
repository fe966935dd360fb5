import { Role } from '@arshjulet/core';
import { UserService } from '@arshjulet/org';
import type { Browser } from 'playwright-core';
import { accessibilityViolations, tabTo } from '../support/accessibility.js';
import { startBrowserApp, watchProblems } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('an administrator invites a user on the Användare pages, by keyboard only', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());

  it('invites a delregion coordinator with Tab, typing and Enter; every page passes axe (WCAG 2.1 A/AA)', async () => {
    const admin = await t.signedIn(Role.Admin);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];

    await page.goto(`${baseUrl}/logga-in`);
    await tabTo(page, '#email');
    await page.keyboard.type(admin.user.email);
    await tabTo(page, '#password');
    await page.keyboard.type(admin.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/`);

    await tabTo(page, 'a[href="/administration/anvandare"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/administration/anvandare`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Användare');
    violations.push(...(await accessibilityViolations(page)));

    await tabTo(page, 'a[href="/administration/anvandare/ny"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/administration/anvandare/ny`);
    violations.push(...(await accessibilityViolations(page)));

    // Sent with nothing filled in: the summary and the fields say what is missing, and the page stays accessible.
    await tabTo(page, 'button[type="submit"]:not(.link)');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Ange ett namn.');
    expect(await page.locator('#namn').getAttribute('aria-invalid')).toBe('true');
    violations.push(...(await accessibilityViolations(page)));

    await tabTo(page, '#namn');
    await page.keyboard.type('Sara Svensson');
    await tabTo(page, '#epost');
    await page.keyboard.type('sara.svensson@test.se');
    await tabTo(page, '#roll');
    await page.keyboard.type('Delregional');
    await tabTo(page, '#delregion');
    // Down through the delregions to Skaraborg, as a keyboard user picks from a closed list.
    for (let presses = 0; presses < 10 && (await page.locator('#delregion').inputValue()) !== 'DR-SKB'; presses++) await page.keyboard.press('ArrowDown');
    expect(await page.locator('#roll').inputValue()).toBe(Role.DelregionCoordinator);
    expect(await page.locator('#delregion').inputValue()).toBe('DR-SKB');
    await tabTo(page, 'button[type="submit"]:not(.link)');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Inbjudan skapad' }).waitFor();
    expect(await page.locator('#lank').inputValue()).toMatch(/\/aterstall\/[A-Za-z0-9_-]{43}$/);
    expect(await page.content()).toContain('Delregional samordnare, Vårdsamverkan Skaraborg');
    violations.push(...(await accessibilityViolations(page)));

    const invited = await t.app.get(UserService).findByEmail(t.systemContext(), 'sara.svensson@test.se');
    expect(invited?.assignments.map((a) => a.orgUnit?.code)).toEqual(['DR-SKB']);

    await tabTo(page, `a[href="/administration/anvandare/${invited!.id}"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/administration/anvandare/${invited!.id}`);
    violations.push(...(await accessibilityViolations(page)));

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);
});
