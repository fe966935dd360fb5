import { Role } from '@arshjulet/core';
import request from 'supertest';
import { ROUTE_EXPECTATIONS } from '../authorization/route-expectations.js';
import { routeTable } from '../authorization/route-table.js';
import { onOwnApp } from '../support/own-app.js';
import { createTestApp, type SignedInUser, type TestApp } from '../support/test-app.js';
import { prepareRequest, send } from './route-walk.js';

/**
 * Every response carries helmet's headers: each route of the route table as an anonymous caller, a viewer (mostly
 * 403) and an administrator, the error answers (400, 401, 403, 404, 413, 429, 500, 503), the static assets and
 * the API documentation. Helmet runs first of all middleware, so nothing may answer without them.
 */

/** What every answer must say, header by header (a function for the CSP, whose directives may come in any order). */
const REQUIRED: Record<string, RegExp | ((value: string) => string | null)> = {
  'content-security-policy': cspProblem,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^no-referrer$/,
  'x-frame-options': /^SAMEORIGIN$/,
  // Sent on every answer; a browser heeds it only over TLS, so on http://localhost it does nothing.
  'strict-transport-security': /^max-age=\d{7,}; includeSubDomains$/,
  'cross-origin-opener-policy': /^same-origin$/,
  'cross-origin-resource-policy': /^same-origin$/,
  'origin-agent-cluster': /^\?1$/,
  'x-dns-prefetch-control': /^off$/,
  'x-download-options': /^noopen$/,
  'x-permitted-cross-domain-policies': /^none$/,
  'x-xss-protection': /^0$/,
};

function cspProblem(csp: string): string | null {
  const directives = new Map(csp.split(';').map((part) => part.trim().split(/\s+/)).filter((words) => words[0]).map(([name, ...values]) => [name!, values.join(' ')]));
  const expected: Record<string, string> = {
    'default-src': "'self'",
    'script-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'self'",
    'form-action': "'self'",
    'frame-ancestors': "'self'",
    'script-src-attr': "'none'",
  };
  const wrong = Object.entries(expected).filter(([name, value]) => directives.get(name) !== value).map(([name, value]) => `${name} should be ${value}, is ${directives.get(name) ?? 'missing'}`);
  return wrong.length ? wrong.join(', ') : null;
}

/**
 * What is missing or wrong in `response`'s headers, as lines naming `what`. Answers of the app's own routes (and its
 * error filter) also carry their X-Request-Id; static files and Swagger UI are served before the request logger.
 */
function headerProblems(response: request.Response, what: string, requestId = true): string[] {
  const problems: string[] = [];
  if (requestId && !/^\S+$/.test(String(response.headers['x-request-id'] ?? ''))) problems.push(`${what} (${response.status}): no x-request-id`);
  for (const [name, rule] of Object.entries(REQUIRED)) {
    const value = response.headers[name] as string | undefined;
    if (value === undefined) {
      problems.push(`${what} (${response.status}): no ${name}`);
      continue;
    }
    const wrong = typeof rule === 'function' ? rule(value) : rule.test(value) ? null : `${value}`;
    if (wrong) problems.push(`${what} (${response.status}): ${name}: ${wrong}`);
  }
  if (response.headers['x-powered-by']) problems.push(`${what} (${response.status}): x-powered-by ${response.headers['x-powered-by']}`);
  return problems;
}

describe('security headers on every response', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let viewer: SignedInUser;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_ACCOUNT: '2', LOGIN_LIMIT_PER_IP: '10000' });
    admin = await t.signedIn(Role.Admin);
    viewer = await t.signedIn(Role.Viewer);
  }, 60_000);
  afterAll(() => t.close());

  it('answers every route of the route table with them, whoever asks', async () => {
    const routes = routeTable(t.app);
    expect(routes.length).toBeGreaterThan(100);
    const problems: string[] = [];
    const statuses = new Set<number>();
    for (const route of routes) {
      for (const role of [null, Role.Viewer, Role.Admin] as const) {
        // A logout ends the session it is sent with: give it one of its own.
        let caller = role === Role.Admin ? admin : role === Role.Viewer ? viewer : null;
        if (role && ROUTE_EXPECTATIONS[route.key]?.fresh) caller = await t.signedIn(role);
        const prepared = await prepareRequest(t, route, caller);
        const response = await send(t, route, prepared, caller);
        statuses.add(response.status);
        problems.push(...headerProblems(response, `${route.key} as ${role ?? 'anonymous'}`));
      }
    }
    expect(problems).toEqual([]);
    // The walk met successes, redirects and refusals alike.
    for (const status of [200, 303, 401, 403, 404]) expect([status, statuses.has(status)]).toEqual([status, true]);
  }, 300_000);

  it('sends them with the error answers too: 400, 401, 403, 404, 413 and 429', async () => {
    const answers: Array<[string, number, request.Test]> = [
      ['a NUL in the path', 400, t.http.get('/api/v1/cycles/%00')],
      ['a %-escape that does not decode', 400, t.http.get('/indikatorer?q=%E0%A4%A').set('Accept', 'text/html')],
      ['an API call without a token', 401, t.http.get('/api/v1/cycles')],
      ['a bad token', 401, t.http.get('/api/v1/cycles').set('Authorization', 'Bearer arsh_fel')],
      ['a page for a viewer', 403, viewer.browser.get('/administration/anvandare')],
      ['an API route for a viewer', 403, viewer.api.get('/api/v1/users')],
      ['a form without its CSRF token', 403, admin.browser.agent.post('/konto/nycklar').set('Accept', 'text/html').type('form').send({ name: 'x' })],
      ['an unknown page', 404, admin.browser.get('/finns-inte')],
      ['an unknown API path', 404, admin.api.get('/api/v1/finns-inte')],
      ['an unknown page, anonymously', 404, t.http.get('/finns-inte').set('Accept', 'text/html')],
      ['a JSON body over 1 MB', 413, admin.api.post('/api/v1/theme-tags').set('Content-Type', 'application/json').send(JSON.stringify({ key: 'x', label: 'å'.repeat(1_200_000) }))],
      ['malformed JSON', 400, admin.api.post('/api/v1/theme-tags').set('Content-Type', 'application/json').send('{"key":')],
    ];
    const problems: string[] = [];
    for (const [what, status, pending] of answers) {
      const response = await pending;
      if (response.status !== status) problems.push(`${what}: expected ${status}, got ${response.status}`);
      problems.push(...headerProblems(response, what));
    }
    // Past the per-account login limit: 429 with Retry-After.
    const email = `rate.${Date.now()}@test.se`;
    let limited: request.Response | undefined;
    for (let attempt = 0; attempt < 4 && limited?.status !== 429; attempt++) {
      const browser = t.browser();
      await browser.csrf('/logga-in');
      limited = await browser.post('/logga-in').type('form').send({ email, password: 'gissning' });
    }
    expect(limited!.status).toBe(429);
    expect(limited!.headers['retry-after']).toBeDefined();
    problems.push(...headerProblems(limited!, 'the login limit'));
    expect(problems).toEqual([]);
  }, 120_000);

  it('sends them with the static assets and the API documentation', async () => {
    const problems: string[] = [];
    const seen: Array<[string, number]> = [];
    for (const path of ['/static/css/app.css', '/static/js/autosave.js', '/static/favicon.svg', '/static/finns-inte.css', '/api/docs', '/api/docs/', '/api/docs/openapi.json', '/api/docs/swagger-ui-init.js', '/api/docs/swagger-ui.css', '/health', '/health/ready']) {
      const response = await t.http.get(path);
      seen.push([path, response.status]);
      problems.push(...headerProblems(response, path, path.startsWith('/health')));
    }
    const options = await request(t.app.getHttpServer()).options('/api/v1/cycles');
    problems.push(...headerProblems(options, 'OPTIONS /api/v1/cycles'));
    const head = await request(t.app.getHttpServer()).head('/logga-in');
    problems.push(...headerProblems(head, 'HEAD /logga-in'));
    expect(problems).toEqual([]);
    expect(seen.filter(([path, status]) => status !== (path.includes('finns-inte') ? 404 : path === '/api/docs' ? status : 200))).toEqual([]);
  }, 60_000);

  it('sends them when the database fails: 503 past the statement timeout, 500 on an unexpected error', async () => {
    await onOwnApp(async (own) => {
      const reader = await own.userWith(Role.CountyCoordinator);
      const locker = own.dataSource.createQueryRunner();
      const problems: string[] = [];
      try {
        await locker.connect();
        await locker.startTransaction();
        await locker.query('LOCK TABLE indicator_value IN ACCESS EXCLUSIVE MODE');
        const slow = await reader.api.get('/api/v1/indicator-values');
        expect(slow.status).toBe(503);
        problems.push(...headerProblems(slow, 'the statement timeout'));
        const slowPage = await own.http.get('/indikatorer/HF01').set('Authorization', `Bearer ${reader.token}`).set('Accept', 'text/html');
        expect(slowPage.status).toBe(503);
        problems.push(...headerProblems(slowPage, 'the statement timeout on a page'));
      } finally {
        if (locker.isTransactionActive) await locker.rollbackTransaction();
        await locker.release();
      }
      // A table gone from under the app (its own database): an error no code expects, answered 500.
      await own.dataSource.query('ALTER TABLE theme_tag RENAME TO theme_tag_away');
      const broken = await reader.api.get('/api/v1/theme-tags');
      expect(broken.status).toBe(500);
      expect(broken.text).not.toContain('theme_tag_away');
      problems.push(...headerProblems(broken, 'an unexpected error'));
      await own.dataSource.query('ALTER TABLE theme_tag_away RENAME TO theme_tag');
      expect(problems).toEqual([]);
    }, { DB_STATEMENT_TIMEOUT_SECONDS: '0.5' });
  }, 120_000);
});
