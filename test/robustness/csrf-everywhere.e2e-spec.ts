import { Role } from '@arshjulet/core';
import type request from 'supertest';
import { ALLOWED, ROUTE_EXPECTATIONS, type Cell } from '../authorization/route-expectations.js';
import { routeTable, type RouteInfo } from '../authorization/route-table.js';
import { launchedTask } from '../analysis/analysis-fixtures.js';
import { createTestApp, type SignedInUser, type TestApp } from '../support/test-app.js';
import { prepareRequest, type PreparedRequest } from './route-walk.js';

/**
 * A write riding on the session cookie without the session's CSRF token is refused on EVERY route of the route
 * table that changes something: each form route answers 403 with the Swedish page (the API with problem+json), and
 * the database is exactly as before. Each route is tried as a caller the authorization matrix lets through (so the
 * refusal is the token's, not the role's), without a token, with a wrong one, with another session's, and as a
 * multipart form without its field; then once with the token, which must get past the check.
 */

const CSRF_DETAIL = 'Ladda om sidan och försök igen';
const ROLES = [Role.Admin, Role.CountyCoordinator, Role.DelregionCoordinator, Role.VvgReviewer, Role.Viewer];
/** Written by identification and the session store, not by the request's own work. */
const BOOKKEEPING_TABLES = ['user_session', 'migrations'];

describe('CSRF: every form post without its token is refused and changes nothing', () => {
  let t: TestApp;
  let writes: RouteInfo[];
  const users = new Map<Role, SignedInUser>();
  let stranger: string;
  let anonymous: ReturnType<TestApp['browser']>;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '10000', LOGIN_LIMIT_PER_ACCOUNT: '10000' });
    writes = routeTable(t.app).filter((route) => route.method !== 'GET');
    for (const role of ROLES) users.set(role, await t.signedIn(role, role === Role.DelregionCoordinator ? 'DR-SKB' : undefined));
    // A token valid in someone else's session.
    stranger = await t.browser().csrf('/logga-in');
  }, 60_000);
  afterAll(() => t.close());

  /** Every table's row count and a digest of its rows, in one statement. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = ((await t.dataSource.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
    )) as Array<{ name: string }>).map((row) => row.name).filter((name) => !BOOKKEEPING_TABLES.includes(name));
    const sql = tables.map((name) => `SELECT '${name}' AS name, count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS digest FROM "${name}" x`).join(' UNION ALL ');
    return Object.fromEntries(((await t.dataSource.query(sql)) as Array<{ name: string; digest: string }>).map((row) => [row.name, row.digest]));
  }

  /** The first role the matrix lets through on `route` (own delregion), so only the missing token can refuse it. */
  function allowedRole(route: RouteInfo): Role {
    return ROLES.find((role) => {
      const own = expectedFor(route, role);
      return own === ALLOWED || (own !== 401 && own !== 403);
    }) ?? Role.Admin;
  }

  function expectedFor(route: RouteInfo, role: Role): Cell {
    const cell = ROUTE_EXPECTATIONS[route.key]!.expect[role];
    return typeof cell === 'object' ? cell.own : cell;
  }

  /** The request as a browser with `caller`'s session would send it, but with `token` (or none) as its CSRF field. */
  function post(route: RouteInfo, prepared: PreparedRequest, caller: SignedInUser | null, token: string | undefined, multipart = false): request.Test {
    const browser = caller?.browser ?? anonymous;
    const isApi = route.path.startsWith('/api/');
    const method = route.method.toLowerCase() as 'post' | 'patch' | 'put' | 'delete';
    let pending = browser.agent[method](prepared.path).set('Accept', isApi ? 'application/json' : 'text/html');
    const body = { ...(prepared.body as Record<string, unknown> | undefined) };
    if (multipart) {
      if (token !== undefined) pending = pending.field('_csrf', token);
      for (const [key, value] of Object.entries(body)) if (typeof value === 'string') pending = pending.field(key, value);
      return pending.attach('file', Buffer.from('indikator;enhet;period;värde\nHF01;14;2025;1\n'), 'varden.csv');
    }
    if (isApi && !prepared.form) return token === undefined ? pending.send(body) : pending.set('X-CSRF-Token', token).send(body);
    return pending.type('form').send(token === undefined ? body : { ...body, _csrf: token });
  }

  /** How `response` falls short of the CSRF refusal: 403, the Swedish page (or problem+json), the token's reason. */
  function notRefused(route: RouteInfo, response: request.Response): string | null {
    if (response.status !== 403) return `status ${response.status}`;
    if (route.path.startsWith('/api/')) return response.body?.code === 'auth.csrf_invalid' ? null : `code ${response.body?.code}`;
    if (!response.text.includes('lang="sv"') || !response.text.includes('Åtkomst nekad')) return 'not the Swedish 403 page';
    return response.text.includes(CSRF_DETAIL) ? null : 'refused for another reason';
  }

  it('finds the form routes and the API writes', () => {
    expect(writes.filter((route) => !route.path.startsWith('/api/')).length).toBeGreaterThan(40);
    expect(writes.filter((route) => route.path.startsWith('/api/')).length).toBeGreaterThan(40);
  });

  it.each([['form routes', false], ['API writes made with a session', true]])('refuses %s without their token, leaving the database as it was', async (_, api) => {
    anonymous = t.browser();
    await anonymous.csrf('/logga-in');
    const problems: string[] = [];
    for (const route of writes.filter((r) => r.path.startsWith('/api/') === api)) {
      const role = allowedRole(route);
      const caller = ROUTE_EXPECTATIONS[route.key]?.fresh ? await t.signedIn(role, role === Role.DelregionCoordinator ? 'DR-SKB' : undefined) : users.get(role)!;
      const prepared = await prepareRequest(t, route, caller);
      const before = await fingerprint();
      const attempts: Array<[string, SignedInUser | null, string | undefined, boolean]> = [
        ['no token', caller, undefined, false],
        ['a wrong token', caller, 'fel-token', false],
        ['another session’s token', caller, stranger, false],
        ['multipart without the field', caller, undefined, true],
        // An anonymous API call carries no ambient credential (401 without a session); a form has its session.
        ...(api ? [] : [['anonymous, a session but no token', null, undefined, false] as [string, null, undefined, boolean]]),
      ];
      for (const [what, who, token, multipart] of attempts) {
        const response = await post(route, prepared, who, token, multipart);
        // An upload form reads its token from the body, after refusing a missing target without reading the file
        // (the matrix's 404); a real upload without the token is refused below.
        if (multipart && response.status === 404 && expectedFor(route, role) === 404) continue;
        const reason = notRefused(route, response);
        if (reason) problems.push(`${route.key} as ${who ? role : 'anonymous'} with ${what}: ${reason}`);
      }
      const after = await fingerprint();
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) problems.push(`${route.key}: changed ${changed.join(', ')}`);
      // With its token the same request gets past the check (whatever the route then makes of it).
      const token = await caller.browser.csrf('/konto');
      const accepted = await post(route, prepared, caller, token);
      if (!notRefused(route, accepted)) problems.push(`${route.key} as ${role}: refused even with its token`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('refuses a file upload to a real draft without its token, storing nothing, and takes it with the token', async () => {
    const skb = users.get(Role.DelregionCoordinator)!;
    const { taskId, year } = await launchedTask(t, await t.userWith(Role.CountyCoordinator), 'DR-SKB');
    const action = `/arshjul/${year}/uppgifter/${taskId}/analys/bilagor`;
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const upload = (token?: string) => {
      let pending = skb.browser.agent.post(action).set('Accept', 'text/html');
      if (token !== undefined) pending = pending.field('_csrf', token);
      return pending.attach('file', pdf, 'arsrapport.pdf');
    };
    const before = await fingerprint();
    for (const token of [undefined, 'fel-token', stranger]) {
      const refused = await upload(token);
      expect([token, notRefused({ path: action } as RouteInfo, refused)]).toEqual([token, null]);
    }
    expect(await fingerprint()).toEqual(before);
    expect((await skb.api.get(`/api/v1/tasks/${taskId}/attachments`).expect(200)).body).toEqual([]);
    expect((await upload(await skb.browser.csrf('/konto'))).status).toBe(303);
    expect((await skb.api.get(`/api/v1/tasks/${taskId}/attachments`).expect(200)).body).toHaveLength(1);
  }, 120_000);
});
