import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';
import { createTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium; never a downloaded browser. CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (npm run test:browser needs it)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Collects what a user would suffer from: CSP violations, script errors, and assets (styles, icons, scripts)
 * that fail to load. A page itself answering 4xx (a refused login) is not a problem.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') problems.push(`${response.status()}: ${response.url()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // A load the browser itself abandons because the page moved on (ERR_ABORTED) is no fault of the app.
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  return problems;
}

export interface BrowserApp {
  t: TestApp;
  browser: Browser;
  /** `http://127.0.0.1:<port>` of the app, listening on a free port. */
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app listening on a free port, and a headless Chromium to drive it. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  const baseUrl = await t.app.getUrl();
  const browser = await launchChromium().catch(async (error: unknown) => {
    await t.close();
    throw error;
  });
  return {
    t,
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/** Signs `user` in through the login form, as a person would, and waits for the start page everyone lands on. */
export async function logIn(page: Page, baseUrl: string, user: { user: { email: string }; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/logga-in`);
  await page.getByLabel('E-postadress').fill(user.user.email);
  await page.getByLabel('Lösenord').fill(user.password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await page.waitForURL(`${baseUrl}/`);
}
