import { Role } from '@arshjulet/core';
import { UserService } from '@arshjulet/org';
import type { Browser } from 'playwright-core';
import { accessibilityViolations } from '../support/accessibility.js';
import { startBrowserApp, watchProblems } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

describe('navigation in a real browser: the start page after sign-in, the header, the delregion switch, error pages', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());

  it('lands on the start page, switches delregion with the header form, shows a 404 in the layout; axe finds nothing', async () => {
    const password = 'ett långt lösenord för navigering';
    const user = await t.app.get(UserService).create(t.systemContext(), {
      email: 'navigering@test.se',
      name: 'Nora Navigering',
      password,
      assignments: [
        { role: Role.DelregionCoordinator, orgUnitCode: 'DR-SKB' },
        { role: Role.DelregionCoordinator, orgUnitCode: 'DR-FBD' },
      ],
    });
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];

    await page.goto(`${baseUrl}/logga-in`);
    await page.getByLabel('E-postadress').fill(user.email);
    await page.getByLabel('Lösenord').fill(password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.locator('.site-user p').textContent()).toBe('Inloggad som Nora Navigering, Delregional samordnare');
    violations.push(...(await accessibilityViolations(page)));

    await page.getByLabel('Agera för').selectOption({ label: 'Vårdsamverkan Skaraborg' });
    await page.getByRole('button', { name: 'Byt delregion' }).click();
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.locator('.site-user p').textContent()).toBe('Inloggad som Nora Navigering, Delregional samordnare – agerar för Vårdsamverkan Skaraborg');
    violations.push(...(await accessibilityViolations(page)));

    const missing = await page.goto(`${baseUrl}/finns-inte`);
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hittades inte');
    violations.push(...(await accessibilityViolations(page)));
    await page.getByRole('link', { name: 'Till startsidan' }).click();
    await page.waitForURL(`${baseUrl}/`);

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
  }, 120_000);
});
