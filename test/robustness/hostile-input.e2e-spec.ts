import { Role } from '@arshjulet/core';
import { routeTable, type RouteInfo } from '../authorization/route-table.js';
import { createTestApp, type SignedInUser, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * Every route, fed what careless or hostile clients send: unreadable ids, wrong types, broken JSON, absurd
 * paging. Whatever the answer, it is never a 500: a client's mistake is a 4xx with a reason.
 */
const PARAM_VALUES = ['not-a-uuid', '99999999999999999999999', '00000000-0000-0000-0000-000000000000', "x'; DROP TABLE app_user; --", 'å'.repeat(600)];
const QUERIES = [
  '?page=-1&pageSize=abc',
  '?page=99999999999999999999&pageSize=0',
  '?period=Q5-2025&from=igår&to=2025-13-45&orgUnit=%00&indicator=%27',
  '?version=abc&type=planet&group=&area=%22',
  '?sida=-3&period=R12-2025-13',
];
const BODIES: Array<{ type: string; body: string }> = [
  { type: 'application/json', body: '{"email": ' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '{"version":"x","name":{"nested":true},"role":42,"assignments":"all","expiresInDays":-5}' },
  { type: 'application/json', body: JSON.stringify({ version: 1e308, target: 'högt', active: 'kanske', code: '', years: ['tjugo'] }) },
  { type: 'text/plain', body: 'hej' },
  { type: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nno end' },
  {
    type: 'multipart/form-data; boundary=x',
    body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nindikator;enhet;period;värde\r\nHF01;14;2023;2832',
  },
];

function fill(path: string, value: string): string {
  return path.replace(/:[A-Za-z]+/g, encodeURIComponent(value));
}

/**
 * Text no route may pass on to PostgreSQL or to class-transformer, already percent-encoded as a client would
 * send it: a NUL byte, a lone UTF-16 surrogate (as UTF-8 it is the invalid ED A0 80), %-escapes that do not decode.
 */
const HOSTILE_SEGMENTS = ['%00', 'a%00b', '%ED%A0%80', '%zz', '%E0%A4%A'];
const HOSTILE_QUERIES = ['?breakdown=%00', '?q=a%00b&page=1', '?period=%ED%A0%80', '?orgUnit=%zz', '?a%00=1'];
const deepJson = (levels: number): string => `{"name":${'['.repeat(levels)}${']'.repeat(levels)}}`;
const HOSTILE_BODIES: Array<{ type: string; body: string }> = [
  { type: 'application/json', body: '{"name":"a\\u0000b","email":"x@test.se","version":1}' },
  { type: 'application/json', body: '{"assignments":[{"role":"viewer","orgUnit":"DR\\u0000"}]}' },
  { type: 'application/json', body: '{"a\\u0000":1}' },
  { type: 'application/json', body: '{"name":"a\\ud800b"}' },
  { type: 'application/json', body: '{"name":"\\udc00"}' },
  { type: 'application/json', body: deepJson(5000) },
  { type: 'application/json', body: deepJson(40) },
  { type: 'application/x-www-form-urlencoded', body: 'email=a%00b%40test.se&password=x&name=x' },
  { type: 'application/x-www-form-urlencoded', body: 'name=%ED%A0%80' },
  { type: 'application/x-www-form-urlencoded', body: 'name=100%zz&email=a%E0%A4%A' },
];

describe('hostile input never causes a 500', () => {
  let t: TestApp;
  let admin: TestUser;
  let browser: SignedInUser;
  let routes: RouteInfo[];

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '100000', LOGIN_LIMIT_PER_ACCOUNT: '100000' });
    admin = await t.userWith(Role.Admin);
    browser = await t.signedIn(Role.Admin);
    routes = routeTable(t.app);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('refuses an address longer than any route needs with 414, before it can be echoed into a header', async () => {
    const long = `/api/v1/indicators/${'x'.repeat(5000)}`;
    const response = await admin.api.get(long).expect(414);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'request.url_too_long', detail: 'Adressen är för lång.' });
    const page = await browser.browser.get(`/arshjul/${'å'.repeat(1000)}`).expect(414);
    expect(page.text).toContain('Adressen är för lång.');
  });

  it('answers odd path parameters and query strings with something other than 500', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      const client = route.path.startsWith('/api/') ? admin.api : browser.browser;
      for (const value of route.path.includes(':') ? PARAM_VALUES : ['']) {
        for (const query of QUERIES) {
          const url = fill(route.path, value) + query;
          // A response the client cannot even parse (e.g. headers too large) names its route too.
          const response = await client[method](url).catch((error: Error) => ({ status: error.message }));
          if (typeof response.status !== 'number' || response.status >= 500) failures.push(`${route.method} ${url} → ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers broken and wrongly typed bodies with a 4xx', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method))) {
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
      const client = route.path.startsWith('/api/') ? admin.api : browser.browser;
      const url = fill(route.path, '00000000-0000-0000-0000-000000000000');
      for (const { type, body } of BODIES) {
        const response = await client[method](url).set('Content-Type', type).send(body);
        if (response.status >= 500) failures.push(`${route.method} ${url} [${type}] ${body.slice(0, 40)} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses NUL bytes, lone surrogates and bad %-escapes in any path or query with a 400 at the edge', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method))) {
      const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
      const api = route.path.startsWith('/api/');
      const client = api ? admin.api : browser.browser;
      const urls = [
        ...(route.path.includes(':') ? HOSTILE_SEGMENTS.map((segment) => route.path.replace(/:[A-Za-z]+/g, segment)) : []),
        ...HOSTILE_QUERIES.map((query) => fill(route.path, '00000000-0000-0000-0000-000000000000') + query),
      ];
      for (const url of urls) {
        const response = await client[method](url);
        const refused = response.status === 400 && (api ? /^request\./.test(response.body.code) : response.text.includes('Felaktig begäran'));
        if (!refused) failures.push(`${route.method} ${url} → ${response.status} ${response.text.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('refuses NUL bytes, lone surrogates, bad %-escapes and deep JSON in any body with a 400, and stores nothing', async () => {
    const usersBefore = await t.dataSource.query('SELECT count(*)::int AS n FROM app_user');
    const failures: string[] = [];
    for (const route of routes.filter((r) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(r.method))) {
      const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
      const api = route.path.startsWith('/api/');
      const client = api ? admin.api : browser.browser;
      const url = fill(route.path, '00000000-0000-0000-0000-000000000000');
      for (const { type, body } of HOSTILE_BODIES) {
        const response = await client[method](url).set('Content-Type', type).send(body);
        const refused = response.status === 400 && (api ? /^request\./.test(response.body.code) : response.text.includes('Felaktig begäran'));
        if (!refused) failures.push(`${route.method} ${url} [${type}] ${body.slice(0, 40)} → ${response.status} ${response.text.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM app_user')).toEqual(usersBefore);
  }, 120_000);

  it('tells an API client what was wrong and where, in Swedish', async () => {
    const nul = await admin.api.post('/api/v1/users').set('Content-Type', 'application/json').send('{"email":"a@test.se","name":"a\\u0000b","assignments":[{"role":"viewer"}]}');
    expect(nul.status).toBe(400);
    expect(nul.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(nul.body).toMatchObject({ code: 'request.nul_character', errors: [{ path: 'name', message: 'Får inte innehålla NUL-tecken.' }] });
    expect(nul.headers['x-request-id']).toBe(nul.body.requestId);

    const deep = await admin.api.post('/api/v1/users').set('Content-Type', 'application/json').send(deepJson(5000));
    expect(deep.body).toMatchObject({ status: 400, code: 'request.too_deep', detail: 'JSON-innehållet är för djupt nästlat.' });

    const login = await t.browser().post('/logga-in').set('Accept', 'text/html').type('form').send('email=anna%00%40test.se&password=x');
    expect(login.status).toBe(400);
    expect(login.text).toContain('NUL-tecken');
  });

  it('says an upload that broke off midway did not arrive whole, and keeps no batch of it', async () => {
    const body = '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nindikator;enhet;period;värde\r\nHF01;14;2023;2832';
    const response = await admin.api.post('/api/v1/indicator-imports').set('Content-Type', 'multipart/form-data; boundary=x').send(body).expect(400);
    expect(response.body).toMatchObject({ code: 'indicator_import.broken_upload' });
    expect(response.body.detail).toMatch(/^Uppladdningen kom inte fram hel/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM import_batch')).toEqual([{ n: 0 }]);
  });
});
