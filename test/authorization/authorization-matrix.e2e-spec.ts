import { Role } from '@arshjulet/core';
import type request from 'supertest';
import { createTestApp, SignedInUser, TestApp } from '../support/test-app.js';
import { ALLOWED, Caller, Cell, CellContext, RouteCase, ROUTE_EXPECTATIONS } from './route-expectations.js';
import { RouteInfo, routeTable } from './route-table.js';

const CALLERS: Caller[] = ['anonymous', Role.Admin, Role.CountyCoordinator, Role.DelregionCoordinator, Role.VvgReviewer, Role.Viewer];

describe('authorization matrix: every route × every role', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const signedIn = new Map<Caller, SignedInUser>();

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_IP: '10000', LOGIN_LIMIT_PER_ACCOUNT: '10000' });
    routes = routeTable(t.app);
    for (const role of CALLERS) {
      if (role !== 'anonymous') signedIn.set(role, await t.signedIn(role, role === Role.DelregionCoordinator ? 'DR-SKB' : undefined));
    }
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes of every controller', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((route) => route.key)).toContain('GET /api/v1/users/:id');
  });

  it('has every route declare a permission or @Public', () => {
    const undeclared = routes.filter((route) => !route.isPublic && !route.permission).map((route) => `${route.key} (${route.controller}.${route.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('has an expectation for every route, and no expectation for a route that is gone', () => {
    const keys = routes.map((route) => route.key);
    expect(keys.filter((key) => !(key in ROUTE_EXPECTATIONS))).toEqual([]);
    expect(Object.keys(ROUTE_EXPECTATIONS).filter((key) => !keys.includes(key))).toEqual([]);
  });

  it('offers no route that changes or deletes audit events', () => {
    expect(routes.filter((route) => route.path.startsWith('/api/v1/audit-events') && route.method !== 'GET')).toEqual([]);
  });

  it('answers each caller as the table says', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const spec = ROUTE_EXPECTATIONS[route.key];
      if (!spec) continue;
      for (const caller of CALLERS) {
        const cell = spec.expect[caller as keyof typeof spec.expect];
        const scopes: Array<['own' | 'other', Cell]> = typeof cell === 'object' ? [['own', cell.own], ['other', cell.other]] : [['own', cell]];
        for (const [scope, expected] of scopes) {
          const status = await call(route, spec, caller, scope);
          const ok = expected === ALLOWED ? status !== 401 && status !== 403 && status < 500 : status === expected;
          if (!ok) mismatches.push(`${route.key} as ${caller}${typeof cell === 'object' ? ` (${scope} delregion)` : ''}: expected ${expected}, got ${status}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);

  async function call(route: RouteInfo, spec: RouteCase, caller: Caller, scope: 'own' | 'other'): Promise<number> {
    let user = caller === 'anonymous' ? null : signedIn.get(caller)!;
    if (spec.fresh && caller !== 'anonymous') user = await t.signedIn(caller, caller === Role.DelregionCoordinator ? 'DR-SKB' : undefined);
    const context: CellContext = { t, caller: user, scope };
    const { path, body, form } = spec.request ? await spec.request(context) : { path: route.path, body: undefined, form: false };
    const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
    let pending: request.Test;
    if (spec.via === 'browser') {
      const browser = user?.browser ?? t.browser();
      if (!user) await browser.csrf('/logga-in');
      pending = browser[method](path);
    } else {
      pending = user ? user.api[method](path) : t.http[method](path);
    }
    if (body !== undefined) pending = form ? pending.type('form').send(body as Record<string, string>) : pending.send(body);
    return (await pending).status;
  }
});
