import type request from 'supertest';
import { ROUTE_EXPECTATIONS } from '../authorization/route-expectations.js';
import type { RouteInfo } from '../authorization/route-table.js';
import type { SignedInUser, TestApp } from '../support/test-app.js';

/** How a route is reached: web pages and forms by browsers, the API by bearer tokens (as the authorization matrix does). */
export type Via = 'browser' | 'bearer';

export interface PreparedRequest {
  path: string;
  body: object | undefined;
  form: boolean;
  via: Via;
}

/**
 * The request the authorization matrix would send for `route` as `caller` (its `request` builder, which may seed a
 * target), or the route's own path when the matrix has no builder (its `:params` left as they are).
 */
export async function prepareRequest(t: TestApp, route: RouteInfo, caller: SignedInUser | null): Promise<PreparedRequest> {
  const spec = ROUTE_EXPECTATIONS[route.key];
  const via: Via = spec?.via ?? (route.path.startsWith('/api/') ? 'bearer' : 'browser');
  if (!spec?.request) return { path: route.path, body: undefined, form: false, via };
  const built = await spec.request({ t, caller, scope: 'own' });
  return { path: built.path, body: built.body, form: Boolean(built.form), via };
}

/** Sends `prepared` as `caller` (null: anonymous) the way the matrix does: a browser with its CSRF token, or a bearer token. */
export function send(t: TestApp, route: RouteInfo, prepared: PreparedRequest, caller: SignedInUser | null): request.Test {
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete';
  const client = prepared.via === 'browser' ? (caller?.browser ?? t.browser()) : (caller?.api ?? t.http);
  let pending = client[method](prepared.path);
  if (prepared.body !== undefined) pending = prepared.form ? pending.type('form').send(prepared.body as Record<string, string>) : pending.send(prepared.body);
  return pending;
}
