import { randomUUID } from 'node:crypto';
import { Role } from '@arshjulet/core';
import { OutboxService } from '@arshjulet/notify';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, tabTo } from '../support/accessibility.js';
import { startBrowserApp, watchProblems } from '../support/browser.js';
import type { SignedInUser, TestApp } from '../support/test-app.js';

describe('Årshjulet i din kalender and Utskick in a real browser: by keyboard, and accessible', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let close: () => Promise<void> = async () => undefined;

  beforeAll(async () => {
    ({ t, browser, baseUrl, close } = await startBrowserApp());
  }, 60_000);

  afterAll(() => close());

  /** Signs in through the login form by keyboard; lands on the start page. */
  async function signIn(page: Page, user: SignedInUser): Promise<void> {
    await page.goto(`${baseUrl}/logga-in`);
    await tabTo(page, '#email');
    await page.keyboard.type(user.user.email);
    await tabTo(page, '#password');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/`);
  }

  it('a delregion coordinator creates their calendar link from Mitt konto by keyboard alone; the pages pass axe (WCAG 2.1 A/AA)', async () => {
    const me = await t.signedIn(Role.DelregionCoordinator, 'DR-SKB');
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    await signIn(page, me);

    await tabTo(page, 'a[href="/konto/kalender"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/konto/kalender`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Årshjulet i din kalender');
    violations.push(...(await accessibilityViolations(page)));

    await tabTo(page, 'button[type="submit"]:not(.link)');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Skapa prenumerationslänk');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Din kalenderlänk' }).waitFor();
    const url = await page.locator('#calendar-url').inputValue();
    expect(url).toMatch(/\/api\/v1\/me\/calendar\.ics\?token=arshcal_[A-Za-z0-9_-]+$/);
    violations.push(...(await accessibilityViolations(page)));
    const feed = await t.http.get(new URL(url).pathname + new URL(url).search).expect(200);
    expect(feed.text).toContain('BEGIN:VCALENDAR');

    await tabTo(page, 'a[href="/konto/kalender"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/konto/kalender`);
    expect(await page.content()).toContain('Du har en prenumerationslänk');
    violations.push(...(await accessibilityViolations(page)));

    // Stopping, by keyboard too: the message is announced on the page.
    await tabTo(page, 'button.secondary');
    await page.keyboard.press('Enter');
    await page.getByRole('status').first().waitFor();
    expect(await page.content()).toContain('Prenumerationen är avslutad.');
    violations.push(...(await accessibilityViolations(page)));

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('an administrator finds a dead letter under Utskick and sends it again by keyboard; the pages pass axe', async () => {
    const admin = await t.signedIn(Role.Admin);
    const subject = `Inbjudan ${randomUUID().slice(0, 8)}`;
    const [id] = await t.app.get(OutboxService).insert(t.systemContext(), [{
      channel: 'email', kind: 'user.invitation', recipientUserId: null, recipient: `ny.${randomUUID()}@test.se`, subject,
      text: 'Välj lösenord: {{token}}', secret: { token: 'hemligt' },
    }]);
    await t.dataSource.query(`UPDATE outbox_message SET status = 'dead', attempts = 8, last_error = '550 5.1.1 User unknown' WHERE id = $1`, [id]);
    const page = await browser.newPage();
    const problems = watchProblems(page);
    const violations: string[] = [];
    await signIn(page, admin);

    await tabTo(page, 'a[href="/administration/utskick"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/administration/utskick`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Utskick');
    expect(await page.content()).toContain(subject);
    violations.push(...(await accessibilityViolations(page)));

    // An unusable filter: the message beside the field and in the focused summary.
    await page.goto(`${baseUrl}/administration/utskick?status=trasig`);
    await page.getByRole('alert').waitFor();
    expect(await page.locator('#filter-status').getAttribute('aria-invalid')).toBe('true');
    violations.push(...(await accessibilityViolations(page)));

    await tabTo(page, `form[action="/administration/utskick/${id}/forsok-igen"] button`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/administration/utskick`);
    expect(await page.content()).toContain(`”${subject}”`);
    expect(await page.content()).toContain('ligger i kö igen');
    violations.push(...(await accessibilityViolations(page)));
    expect((await t.dataSource.query('SELECT status FROM outbox_message WHERE id = $1', [id]))[0].status).toBe('pending');

    expect(violations).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
