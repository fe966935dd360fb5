import { createTestApp, type TestApp } from '../support/test-app.js';
import { ROUTE_EXPECTATIONS } from './route-expectations.js';
import { routeTable } from './route-table.js';

/**
 * The authorization matrix walks the routes Nest's controllers declare; this compares them with what Express really
 * serves. A handler mounted on Express directly (outside any controller, so with no permission and no row in the
 * matrix) fails here unless it is one of the API documentation's routes below, which are public and read-only.
 */

/** What `SwaggerModule.setup('api/docs', …)` mounts besides the controllers: the UI, its assets and the document. */
const API_DOCUMENTATION = [
  'GET /api/docs',
  'GET /api/docs/',
  'GET /api/docs-yaml',
  'GET /api/docs/LICENSE',
  'GET /api/docs/docs/swagger-ui-init.js',
  'GET /api/docs/index.html',
  'GET /api/docs/openapi.json',
  'GET /api/docs/swagger-ui-init.js',
];
/** Middleware Nest mounts for every method (request context, sessions, CSRF): no handler of its own. */
const MIDDLEWARE_PATHS = ['{/*splat}', '/{*path}'];

interface Layer {
  name: string;
  route?: { path: string; methods: Record<string, boolean> };
}

describe('the router against the authorization matrix', () => {
  let t: TestApp;
  let served: string[];
  let allMethods: string[];

  beforeAll(async () => {
    t = await createTestApp();
    const express = t.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
    const routes = express.router.stack.flatMap((layer) => (layer.route ? [layer.route] : []));
    // A route answering every method is a middleware mount (`app.use` through Nest's consumer), not a handler.
    const isMiddleware = (route: { methods: Record<string, boolean> }) => Object.keys(route.methods).length > 20;
    allMethods = routes.filter(isMiddleware).map((route) => route.path);
    served = [...new Set(routes.filter((route) => !isMiddleware(route)).flatMap((route) => Object.keys(route.methods).map((method) => `${method.toUpperCase()} ${route.path}`)))];
  }, 60_000);
  afterAll(() => t.close());

  it('serves nothing beyond the matrix’s routes and the API documentation', () => {
    expect(served.length).toBeGreaterThan(150);
    const unlisted = served.filter((key) => !(key in ROUTE_EXPECTATIONS) && !API_DOCUMENTATION.includes(key));
    expect(unlisted).toEqual([]);
    expect(allMethods.filter((path) => !MIDDLEWARE_PATHS.includes(path))).toEqual([]);
  });

  it('really mounts every route of the matrix and of the controllers', () => {
    expect(Object.keys(ROUTE_EXPECTATIONS).filter((key) => !served.includes(key))).toEqual([]);
    expect(routeTable(t.app).map((route) => route.key).filter((key) => !served.includes(key))).toEqual([]);
  });

  it('keeps the API documentation public and read-only, and lists only what is there', async () => {
    expect(API_DOCUMENTATION.filter((key) => !served.includes(key))).toEqual([]);
    for (const path of ['/api/docs/', '/api/docs/openapi.json']) {
      expect([path, (await t.http.get(path)).status]).toEqual([path, 200]);
      expect([path, (await t.http.post(path)).status]).toEqual([path, 404]);
    }
  });
});
