import { randomUUID } from 'node:crypto';
import { RequestContext, Role } from '@arshjulet/core';
import { ApiTokenService, UserService } from '@arshjulet/org';
import type { SignedInUser, TestApp } from '../support/test-app.js';

/**
 * THE AUTHORIZATION MATRIX: for every route of the app, what each kind of caller gets. Written by hand, not
 * derived from the permission table, so a change to either shows up here. A route missing from this table,
 * or one declaring neither @Authenticated nor @Public, fails the suite (authorization-matrix.e2e-spec.ts).
 *
 * A cell is an exact status, or `ALLOWED`: the caller got past authorization (not 401/403, not a 5xx); used
 * where a minimal request cannot succeed (a file upload) but must still not be refused for who is asking.
 */
export const ALLOWED = 'allowed';
export type Cell = number | typeof ALLOWED;
export type Caller = 'anonymous' | Role;
/** A delregion coordinator is asked twice on scoped routes: for their own delregion and for another. */
export type Expectation = Record<Exclude<Caller, Role.DelregionCoordinator>, Cell> & {
  [Role.DelregionCoordinator]: Cell | { own: Cell; other: Cell };
};

export interface CellContext {
  t: TestApp;
  /** Null for the anonymous caller. */
  caller: SignedInUser | null;
  scope: 'own' | 'other';
}

export interface RouteCase {
  expect: Expectation;
  /** Web pages are visited by browsers (session cookie and CSRF token); API routes by bearer tokens. */
  via: 'browser' | 'bearer';
  /** Path and body for this caller; the default fills `:params` with harmless values. */
  request?: (cell: CellContext) => Promise<{ path: string; body?: object; form?: boolean }>;
  /** The request ends the caller's session (logout): give it a browser of its own. */
  fresh?: boolean;
}

const ROLES_ALL = [Role.Admin, Role.CountyCoordinator, Role.DelregionCoordinator, Role.VvgReviewer, Role.Viewer];

function table(anonymous: Cell, allowed: Role[], status: Cell, denied: Cell = 403): Expectation {
  const cells = Object.fromEntries(ROLES_ALL.map((role) => [role, allowed.includes(role) ? status : denied]));
  return { anonymous, ...cells } as Expectation;
}
/** Everyone, signed in or not. */
const open = (status: Cell): Expectation => table(status, ROLES_ALL, status);
/** Every signed-in role. */
const signedIn = (status: Cell, anonymous: Cell = 401): Expectation => table(anonymous, ROLES_ALL, status);
/** Only the roles listed; others 403, anonymous 401. */
const only = (roles: Role[], status: Cell): Expectation => table(401, roles, status);

const ADMIN = [Role.Admin];
const ADMIN_COUNTY = [Role.Admin, Role.CountyCoordinator];
const CYCLE_READERS = [Role.Admin, Role.CountyCoordinator, Role.DelregionCoordinator, Role.VvgReviewer];
const REPORT_READERS = [Role.Admin, Role.CountyCoordinator, Role.VvgReviewer];

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const system = () => RequestContext.system('matrix');

/** A fresh user to act on, so every cell starts from version 1. */
async function target(t: TestApp): Promise<{ id: string; assignmentId: string }> {
  const user = await t.app.get(UserService).create(system(), {
    email: `maltavla.${randomUUID()}@test.se`,
    name: 'Måltavla',
    assignments: [{ role: Role.Viewer }],
  });
  return { id: user.id, assignmentId: user.assignments[0]!.id };
}

const onTarget = (suffix: string, body?: object) => async ({ t }: CellContext) => ({ path: `/api/v1/users/${(await target(t)).id}${suffix}`, body });

export const ROUTE_EXPECTATIONS: Record<string, RouteCase> = {
  // Web pages and forms (libs/org auth)
  'GET /': { via: 'browser', expect: open(200) },
  'GET /logga-in': { via: 'browser', expect: open(200) },
  'POST /logga-in': { via: 'browser', expect: open(401), request: async () => ({ path: '/logga-in', body: { email: 'ingen@test.se', password: 'fel' }, form: true }) },
  'POST /logga-ut': { via: 'browser', fresh: true, expect: open(303), request: async () => ({ path: '/logga-ut', body: {}, form: true }) },
  'GET /konto': { via: 'browser', expect: signedIn(200, 303) },
  'POST /konto/losenord': { via: 'browser', expect: signedIn(303), request: async () => ({ path: '/konto/losenord', body: { currentPassword: 'fel' }, form: true }) },
  'POST /konto/delregion': { via: 'browser', expect: signedIn(303), request: async () => ({ path: '/konto/delregion', body: {}, form: true }) },
  'POST /konto/nycklar': { via: 'browser', expect: signedIn(200), request: async () => ({ path: '/konto/nycklar', body: { name: 'matris' }, form: true }) },
  'POST /konto/nycklar/:id/aterkalla': {
    via: 'browser',
    expect: signedIn(303),
    request: async ({ t, caller }) => {
      const id = caller ? (await t.app.get(ApiTokenService).issue(system(), caller.user.id, 'matris', null)).record.id : NO_SUCH_ID;
      return { path: `/konto/nycklar/${id}/aterkalla`, body: {}, form: true };
    },
  },
  'GET /aterstall/:token': { via: 'browser', expect: open(404), request: async () => ({ path: '/aterstall/okandlankokandlankokandlank' }) },
  'POST /aterstall/:token': {
    via: 'browser',
    expect: open(404),
    request: async () => ({ path: '/aterstall/okandlankokandlankokandlank', body: { password: 'x', confirmPassword: 'x' }, form: true }),
  },
  // Indicator and import pages (libs/indicators/src/pages)
  'GET /indikatorer': { via: 'browser', expect: signedIn(200, 303) },
  'GET /indikatorer/:code': { via: 'browser', expect: signedIn(200, 303), request: async () => ({ path: '/indikatorer/RL01' }) },
  // User administration pages (libs/org users): county coordinators read the list, only admins change anything.
  'GET /administration/anvandare': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'GET /administration/anvandare/ny': { via: 'browser', expect: table(303, ADMIN, 200) },
  'POST /administration/anvandare/ny': {
    via: 'browser',
    expect: only(ADMIN, 200),
    request: async () => ({ path: '/administration/anvandare/ny', body: { name: 'Matris', email: `matris.${randomUUID()}@test.se`, role: Role.Viewer }, form: true }),
  },
  'GET /administration/anvandare/:id': {
    via: 'browser',
    expect: table(303, ADMIN, 200),
    request: async ({ t }) => ({ path: `/administration/anvandare/${(await target(t)).id}` }),
  },
  'POST /administration/anvandare/:id/roller': {
    via: 'browser',
    expect: only(ADMIN, 303),
    request: async ({ t }) => ({ path: `/administration/anvandare/${(await target(t)).id}/roller`, body: { version: '1', role: Role.CountyCoordinator }, form: true }),
  },
  'POST /administration/anvandare/:id/roller/:assignmentId/ta-bort': {
    via: 'browser',
    expect: only(ADMIN, 303),
    request: async ({ t }) => {
      const { id, assignmentId } = await target(t);
      return { path: `/administration/anvandare/${id}/roller/${assignmentId}/ta-bort`, body: { version: '1' }, form: true };
    },
  },
  'POST /administration/anvandare/:id/inaktivera': {
    via: 'browser',
    expect: only(ADMIN, 303),
    request: async ({ t }) => ({ path: `/administration/anvandare/${(await target(t)).id}/inaktivera`, body: { version: '1' }, form: true }),
  },
  'POST /administration/anvandare/:id/aktivera': {
    via: 'browser',
    expect: only(ADMIN, 303),
    request: async ({ t }) => ({ path: `/administration/anvandare/${(await target(t)).id}/aktivera`, body: { version: '1' }, form: true }),
  },
  // My notifications (libs/workflow/src/notifications pages): one's own only, so everyone signed in
  'GET /aviseringar': { via: 'browser', expect: signedIn(200, 303) },
  'POST /aviseringar/las-alla': { via: 'browser', expect: signedIn(303), request: async () => ({ path: '/aviseringar/las-alla', body: {}, form: true }) },
  'POST /aviseringar/:id/last': { via: 'browser', expect: signedIn(404), request: async () => ({ path: `/aviseringar/${NO_SUCH_ID}/last`, body: {}, form: true }) },
  // The outbox page (libs/workflow): administrators only, like its API
  'GET /administration/utskick': { via: 'browser', expect: table(303, ADMIN, 200) },
  'POST /administration/utskick/:id/forsok-igen': {
    via: 'browser',
    expect: only(ADMIN, 404),
    request: async () => ({ path: `/administration/utskick/${NO_SUCH_ID}/forsok-igen`, body: {}, form: true }),
  },
  // My calendar link page (libs/cycle/src/pages): one's own, so everyone signed in
  'GET /konto/kalender': { via: 'browser', expect: signedIn(200, 303) },
  'POST /konto/kalender/lank': { via: 'browser', expect: signedIn(200), request: async () => ({ path: '/konto/kalender/lank', body: {}, form: true }) },
  'POST /konto/kalender/avsluta': { via: 'browser', expect: signedIn(303), request: async () => ({ path: '/konto/kalender/avsluta', body: {}, form: true }) },
  // Årshjul pages (libs/cycle/src/pages): 1999 has no cycle, so allowed callers get the Swedish 404 page
  'GET /arshjul': { via: 'browser', expect: table(303, CYCLE_READERS, 200) },
  'GET /arshjul/ny': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'POST /arshjul/ny': { via: 'browser', expect: only(ADMIN_COUNTY, 422), request: async () => ({ path: '/arshjul/ny', body: { year: 'x' }, form: true }) },
  'GET /arshjul/:year': { via: 'browser', expect: table(303, CYCLE_READERS, 404), request: async () => ({ path: '/arshjul/1999' }) },
  'GET /arshjul/:year/redigera': { via: 'browser', expect: table(303, ADMIN_COUNTY, 404), request: async () => ({ path: '/arshjul/1999/redigera' }) },
  'POST /arshjul/:year/redigera': { via: 'browser', expect: only(ADMIN_COUNTY, 404), request: async () => ({ path: '/arshjul/1999/redigera', body: {}, form: true }) },
  'POST /arshjul/:year/atgard': { via: 'browser', expect: only(CYCLE_READERS, 404), request: async () => ({ path: '/arshjul/1999/atgard', body: { action: 'close' }, form: true }) },
  'GET /arshjul/:year/starta': { via: 'browser', expect: table(303, ADMIN_COUNTY, 404), request: async () => ({ path: '/arshjul/1999/starta' }) },
  'POST /arshjul/:year/starta': { via: 'browser', expect: only(ADMIN_COUNTY, 404), request: async () => ({ path: '/arshjul/1999/starta', body: {}, form: true }) },
  'GET /arshjul/:year/sammanstallning': { via: 'browser', expect: table(303, CYCLE_READERS, 404), request: async () => ({ path: '/arshjul/1999/sammanstallning' }) },
  'GET /arshjul/:year/uppgifter': { via: 'browser', expect: table(303, CYCLE_READERS, 404), request: async () => ({ path: '/arshjul/1999/uppgifter' }) },
  'GET /arshjul/:year/uppgifter/:id': { via: 'browser', expect: table(303, CYCLE_READERS, 404), request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}` }) },
  'POST /arshjul/:year/uppgifter/:id/atgard': {
    via: 'browser',
    expect: only(CYCLE_READERS, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/atgard`, body: { action: 'start' }, form: true }),
  },
  // The analysis pages (libs/analysis/src/pages): read by CYCLE_READERS (scoped), saved by the delregion, reviewed by the county.
  'GET /arshjul/:year/uppgifter/:id/analys': { via: 'browser', expect: table(303, CYCLE_READERS, 404), request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys` }) },
  'POST /arshjul/:year/uppgifter/:id/analys': {
    via: 'browser',
    expect: only([Role.Admin, Role.DelregionCoordinator], 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys`, body: { version: '0', do: 'save' }, form: true }),
  },
  'POST /arshjul/:year/uppgifter/:id/analys/konflikt': {
    via: 'browser',
    expect: only([Role.Admin, Role.DelregionCoordinator], 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys/konflikt`, body: { version: '1', mine: '{}' }, form: true }),
  },
  'POST /arshjul/:year/uppgifter/:id/analys/bilagor': {
    via: 'browser',
    expect: only([Role.Admin, Role.DelregionCoordinator], 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys/bilagor`, body: {}, form: true }),
  },
  'POST /arshjul/:year/uppgifter/:id/analys/bilagor/:attachmentId/ta-bort': {
    via: 'browser',
    expect: only([Role.Admin, Role.DelregionCoordinator], 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys/bilagor/${NO_SUCH_ID}/ta-bort`, body: {}, form: true }),
  },
  'GET /arshjul/:year/uppgifter/:id/analys/versioner/:number': {
    via: 'browser',
    expect: table(303, CYCLE_READERS, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys/versioner/1` }),
  },
  'GET /arshjul/:year/uppgifter/:id/analys/versioner/:a/jamfor/:b': {
    via: 'browser',
    expect: table(303, CYCLE_READERS, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/analys/versioner/1/jamfor/2` }),
  },
  'GET /arshjul/:year/uppgifter/:id/granska': { via: 'browser', expect: table(303, ADMIN_COUNTY, 404), request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/granska` }) },
  'POST /arshjul/:year/uppgifter/:id/granska/kommentarer': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/granska/kommentarer`, body: { target: 'successes', body: 'Matris' }, form: true }),
  },
  'POST /arshjul/:year/uppgifter/:id/granska/kommentarer/:commentId/los': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/granska/kommentarer/${NO_SUCH_ID}/los`, body: {}, form: true }),
  },
  'POST /arshjul/:year/uppgifter/:id/granska/atgard': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/granska/atgard`, body: { action: 'accept' }, form: true }),
  },
  'POST /arshjul/:year/uppgifter/:id/sista-dag': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/arshjul/1999/uppgifter/${NO_SUCH_ID}/sista-dag`, body: { dueDate: '1999-09-30', reason: 'matris' }, form: true }),
  },
  'GET /importer': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  // Not multipart: no file, so the form answers with its Swedish message on the page (303 back).
  'POST /importer': { via: 'browser', expect: only(ADMIN_COUNTY, 303), request: async () => ({ path: '/importer', body: {}, form: true }) },
  'GET /importer/:id': { via: 'browser', expect: table(303, ADMIN_COUNTY, 404), request: async () => ({ path: `/importer/${NO_SUCH_ID}` }) },
  'POST /importer/:id/spara': { via: 'browser', expect: only(ADMIN_COUNTY, 404), request: async () => ({ path: `/importer/${NO_SUCH_ID}/spara`, body: {}, form: true }) },
  'POST /importer/:id/kasta': { via: 'browser', expect: only(ADMIN_COUNTY, 404), request: async () => ({ path: `/importer/${NO_SUCH_ID}/kasta`, body: {}, form: true }) },
  'GET /health': { via: 'bearer', expect: open(200) },
  'GET /health/ready': { via: 'bearer', expect: open(200) },

  // Org units
  'GET /api/v1/org-units': { via: 'bearer', expect: signedIn(200) },
  'GET /api/v1/org-units/:code': { via: 'bearer', expect: signedIn(200), request: async () => ({ path: '/api/v1/org-units/DR-SKB' }) },
  'GET /api/v1/org-units/:code/members': {
    via: 'bearer',
    expect: { ...only([Role.Admin, Role.CountyCoordinator, Role.VvgReviewer], 200), [Role.DelregionCoordinator]: { own: 200, other: 404 } },
    request: async ({ scope }) => ({ path: `/api/v1/org-units/${scope === 'own' ? 'DR-SKB' : 'DR-GBG'}/members` }),
  },
  'PATCH /api/v1/org-units/:code': {
    via: 'bearer',
    expect: only(ADMIN, 200),
    request: async ({ t }) => {
      const [{ version }] = await t.dataSource.query(`SELECT version FROM org_unit WHERE code = '1444'`);
      return { path: '/api/v1/org-units/1444', body: { version, name: 'Grästorp' } };
    },
  },
  // Org-unit administration pages (libs/org org-units): administrators only.
  'GET /administration/organisation': { via: 'browser', expect: table(303, ADMIN, 200) },
  'GET /administration/organisation/:code': { via: 'browser', expect: table(303, ADMIN, 200), request: async () => ({ path: '/administration/organisation/1444' }) },
  'POST /administration/organisation/:code': {
    via: 'browser',
    expect: only(ADMIN, 303),
    request: async ({ t }) => {
      const [{ version }] = await t.dataSource.query(`SELECT version FROM org_unit WHERE code = '1444'`);
      return { path: '/administration/organisation/1444', body: { version: String(version), name: 'Grästorp' }, form: true };
    },
  },

  // Users (administration)
  'GET /api/v1/users': { via: 'bearer', expect: only(ADMIN_COUNTY, 200) },
  'GET /api/v1/users/:id': { via: 'bearer', expect: only(ADMIN_COUNTY, 200), request: onTarget('') },
  'POST /api/v1/users': {
    via: 'bearer',
    expect: only(ADMIN, 201),
    request: async () => ({ path: '/api/v1/users', body: { email: `ny.${randomUUID()}@test.se`, name: 'Ny', assignments: [{ role: 'viewer' }] } }),
  },
  'PATCH /api/v1/users/:id': { via: 'bearer', expect: only(ADMIN, 200), request: onTarget('', { version: 1, name: 'Ändrad' }) },
  'POST /api/v1/users/:id/deactivate': { via: 'bearer', expect: only(ADMIN, 200), request: onTarget('/deactivate', { version: 1 }) },
  'POST /api/v1/users/:id/activate': { via: 'bearer', expect: only(ADMIN, 200), request: onTarget('/activate', { version: 1 }) },
  'POST /api/v1/users/:id/assignments': { via: 'bearer', expect: only(ADMIN, 201), request: onTarget('/assignments', { version: 1, role: 'vvg_reviewer' }) },
  'DELETE /api/v1/users/:id/assignments/:assignmentId': {
    via: 'bearer',
    expect: only(ADMIN, 200),
    request: async ({ t }) => {
      const { id, assignmentId } = await target(t);
      return { path: `/api/v1/users/${id}/assignments/${assignmentId}?version=1` };
    },
  },
  'POST /api/v1/users/:id/password-links': { via: 'bearer', expect: only(ADMIN, 201), request: onTarget('/password-links') },
  'GET /api/v1/users/:id/password-links': { via: 'bearer', expect: only(ADMIN, 200), request: onTarget('/password-links') },

  // My API tokens: created only from a signed-in session, never by another token
  'GET /api/v1/me/tokens': { via: 'bearer', expect: signedIn(200) },
  'POST /api/v1/me/tokens': { via: 'browser', expect: signedIn(201), request: async () => ({ path: '/api/v1/me/tokens', body: { name: 'matris' } }) },
  'DELETE /api/v1/me/tokens/:id': {
    via: 'bearer',
    expect: signedIn(204),
    request: async ({ t, caller }) => {
      const id = caller ? (await t.app.get(ApiTokenService).issue(system(), caller.user.id, 'matris', null)).record.id : NO_SUCH_ID;
      return { path: `/api/v1/me/tokens/${id}` };
    },
  },

  // My in-app notifications (libs/workflow/src/notifications): one's own only, so everyone signed in
  'GET /api/v1/notifications': { via: 'bearer', expect: signedIn(200) },
  'POST /api/v1/notifications/read-all': { via: 'bearer', expect: signedIn(200), request: async () => ({ path: '/api/v1/notifications/read-all', body: {} }) },
  'POST /api/v1/notifications/:id/read': { via: 'bearer', expect: signedIn(404), request: async () => ({ path: `/api/v1/notifications/${NO_SUCH_ID}/read`, body: {} }) },
  // The outbox (dead letters, waiting mail): administrators only
  'GET /api/v1/admin/outbox': { via: 'bearer', expect: only(ADMIN, 200) },
  'POST /api/v1/admin/outbox/:id/retry': { via: 'bearer', expect: only(ADMIN, 404), request: async () => ({ path: `/api/v1/admin/outbox/${NO_SUCH_ID}/retry`, body: {} }) },

  // Audit trail: read only
  'GET /api/v1/audit-events': { via: 'bearer', expect: only(ADMIN_COUNTY, 200) },
  // Administration index, the audit trail's page (libs/org) and the indicator catalogue's pages (libs/indicators)
  'GET /administration': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'GET /administration/logg': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'GET /administration/indikatorer': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'GET /administration/indikatorer/:code': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200), request: async () => ({ path: '/administration/indikatorer/RL01' }) },
  'POST /administration/indikatorer/:code': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: '/administration/indikatorer/XX99', body: { version: '1', name: 'Matris', direction: 'higher', unit: 'percent', active: 'ja' }, form: true }),
  },

  // Indicators (libs/indicators)
  'GET /api/v1/indicators': { via: 'bearer', expect: signedIn(200) },
  'GET /api/v1/indicators/:code': { via: 'bearer', expect: signedIn(200), request: async () => ({ path: '/api/v1/indicators/RL01' }) },
  'POST /api/v1/indicators': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/indicators', body: {} }) },
  'PATCH /api/v1/indicators/:code': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/indicators/XX99', body: {} }) },
  'DELETE /api/v1/indicators/:code': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/indicators/XX99' }) },
  'GET /api/v1/indicators/:code/comparison': { via: 'bearer', expect: signedIn(ALLOWED), request: async () => ({ path: '/api/v1/indicators/RL01/comparison' }) },
  'GET /api/v1/indicator-values': { via: 'bearer', expect: signedIn(ALLOWED) },
  'GET /api/v1/indicator-values/export': { via: 'bearer', expect: signedIn(ALLOWED) },
  'GET /api/v1/indicator-imports': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED) },
  'GET /api/v1/indicator-imports/:id': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: `/api/v1/indicator-imports/${NO_SUCH_ID}` }) },
  'POST /api/v1/indicator-imports': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/indicator-imports', body: {} }) },
  'POST /api/v1/indicator-imports/kolada': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/indicator-imports/kolada', body: {} }) },
  'POST /api/v1/indicator-imports/:id/commit': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/indicator-imports/${NO_SUCH_ID}/commit`, body: {} }),
  },
  'POST /api/v1/indicator-imports/:id/discard': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/indicator-imports/${NO_SUCH_ID}/discard`, body: {} }),
  },
  // Cycles, tasks and calendar feeds (libs/cycle)
  'GET /api/v1/cycles': { via: 'bearer', expect: only(CYCLE_READERS, 200) },
  'POST /api/v1/cycles': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/cycles', body: {} }) },
  'GET /api/v1/cycles/:id': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}` }) },
  'PATCH /api/v1/cycles/:id': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}`, body: {} }) },
  'POST /api/v1/cycles/:id/launch': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/launch`, body: {} }) },
  'POST /api/v1/cycles/:id/transitions': {
    via: 'bearer',
    expect: only(CYCLE_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/transitions`, body: { action: 'close' } }),
  },
  'GET /api/v1/cycles/:id/compilation': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/compilation` }) },
  'GET /api/v1/cycles/:id/overview': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/overview` }) },
  'GET /api/v1/tasks': { via: 'bearer', expect: only(CYCLE_READERS, 200) },
  'GET /api/v1/tasks/:id': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}` }) },
  'POST /api/v1/tasks/:id/transitions': {
    via: 'bearer',
    expect: only(CYCLE_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/transitions`, body: { action: 'start' } }),
  },
  'PATCH /api/v1/tasks/:id': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}`, body: {} }) },
  // Analyses (libs/analysis): read by CYCLE_READERS (scoped), edited by the delregion (AnalysisEdit), reviewed by the county.
  'GET /api/v1/tasks/:id/answers': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/answers` }) },
  'PATCH /api/v1/tasks/:id/answers': {
    via: 'bearer',
    expect: only([Role.Admin, Role.DelregionCoordinator], ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/answers`, body: {} }),
  },
  'GET /api/v1/tasks/:id/revisions': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/revisions` }) },
  'GET /api/v1/tasks/:id/revisions/:a': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/revisions/1` }) },
  'GET /api/v1/tasks/:id/revisions/:a/diff/:b': {
    via: 'bearer',
    expect: only(CYCLE_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/revisions/1/diff/2` }),
  },
  'GET /api/v1/tasks/:id/comments': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/comments` }) },
  'POST /api/v1/tasks/:id/comments': {
    via: 'bearer',
    expect: only(CYCLE_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/comments`, body: { body: 'Kommentar' } }),
  },
  'POST /api/v1/tasks/:id/comments/:cid/resolve': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/comments/${NO_SUCH_ID}/resolve`, body: {} }),
  },
  'GET /api/v1/tasks/:id/attachments': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/attachments` }) },
  'POST /api/v1/tasks/:id/attachments': {
    via: 'bearer',
    expect: only([Role.Admin, Role.DelregionCoordinator], ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/attachments`, body: {} }),
  },
  'GET /api/v1/tasks/:id/attachments/:aid': {
    via: 'bearer',
    expect: only(CYCLE_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/attachments/${NO_SUCH_ID}` }),
  },
  'DELETE /api/v1/tasks/:id/attachments/:aid': {
    via: 'bearer',
    expect: only([Role.Admin, Role.DelregionCoordinator], ALLOWED),
    request: async () => ({ path: `/api/v1/tasks/${NO_SUCH_ID}/attachments/${NO_SUCH_ID}` }),
  },
  // Templates: read by everyone who works with analyses (TemplateRead), managed by the county (TemplateManage).
  'GET /api/v1/templates': { via: 'bearer', expect: only(CYCLE_READERS, 200) },
  'POST /api/v1/templates': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/templates', body: {} }) },
  'GET /api/v1/templates/versions/:id': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/templates/versions/${NO_SUCH_ID}` }) },
  'PATCH /api/v1/templates/versions/:id': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/templates/versions/${NO_SUCH_ID}`, body: { rowVersion: 1 } }),
  },
  'POST /api/v1/templates/versions/:id/publish': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/templates/versions/${NO_SUCH_ID}/publish`, body: {} }),
  },
  // The template editor's pages (libs/templates/src/pages): the county and administrators.
  'GET /administration/mallar': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'POST /administration/mallar': { via: 'browser', expect: only(ADMIN_COUNTY, 303), request: async () => ({ path: '/administration/mallar', body: { name: '' }, form: true }) },
  'GET /administration/mallar/versioner/:id': { via: 'browser', expect: table(303, ADMIN_COUNTY, 404), request: async () => ({ path: `/administration/mallar/versioner/${NO_SUCH_ID}` }) },
  'POST /administration/mallar/versioner/:id': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({
      path: `/administration/mallar/versioner/${NO_SUCH_ID}`,
      body: { name: 'Matris', rowVersion: '1', definition: JSON.stringify({ sections: [{ key: 'a', title: 'A', fields: [{ key: 'b', type: 'short_text', label: 'B' }] }] }) },
      form: true,
    }),
  },
  'GET /administration/mallar/versioner/:id/forhandsgranska': {
    via: 'browser',
    expect: table(303, ADMIN_COUNTY, 404),
    request: async () => ({ path: `/administration/mallar/versioner/${NO_SUCH_ID}/forhandsgranska` }),
  },
  'GET /administration/mallar/versioner/:id/publicera': {
    via: 'browser',
    expect: table(303, ADMIN_COUNTY, 404),
    request: async () => ({ path: `/administration/mallar/versioner/${NO_SUCH_ID}/publicera` }),
  },
  'POST /administration/mallar/versioner/:id/publicera': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/administration/mallar/versioner/${NO_SUCH_ID}/publicera`, body: {}, form: true }),
  },
  'POST /administration/mallar/versioner/:id/kopiera': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/administration/mallar/versioner/${NO_SUCH_ID}/kopiera`, body: {}, form: true }),
  },
  'POST /api/v1/templates/versions/:id/copy': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/templates/versions/${NO_SUCH_ID}/copy`, body: {} }),
  },
  'GET /api/v1/theme-tags': { via: 'bearer', expect: only(CYCLE_READERS, 200) },
  'POST /api/v1/theme-tags': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/theme-tags', body: {} }) },
  'PATCH /api/v1/theme-tags/:key': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: '/api/v1/theme-tags/no_such_tag', body: { version: 1 } }) },
  // The theme vocabulary's page (libs/templates/src/pages)
  'GET /administration/teman': { via: 'browser', expect: table(303, ADMIN_COUNTY, 200) },
  'POST /administration/teman': { via: 'browser', expect: only(ADMIN_COUNTY, 303), request: async () => ({ path: '/administration/teman', body: { label: '' }, form: true }) },
  'POST /administration/teman/:key': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: '/administration/teman/no_such_tag', body: { version: '1', label: 'Matris' }, form: true }),
  },
  'POST /administration/teman/:key/inaktivera': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: '/administration/teman/no_such_tag/inaktivera', body: { version: '1' }, form: true }),
  },
  'POST /administration/teman/:key/aktivera': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: '/administration/teman/no_such_tag/aktivera', body: { version: '1' }, form: true }),
  },
  'POST /api/v1/me/calendar-token': { via: 'bearer', expect: signedIn(201), request: async () => ({ path: '/api/v1/me/calendar-token', body: {} }) },
  'DELETE /api/v1/me/calendar-token': { via: 'bearer', expect: signedIn(204) },
  'GET /api/v1/me/calendar.ics': { via: 'bearer', expect: open(404), request: async () => ({ path: '/api/v1/me/calendar.ics?token=arshcal_fel' }) },
  // The county report (libs/report): drafts are the county's (ReportManage), versions in review and later ReportRead (county, VVG),
  // the compilation every cycle reader, published reports everyone signed in (PUBLISHED_REPORTS_PUBLIC is off in tests).
  'GET /arshjul/:year/rapport': { via: 'browser', expect: table(303, REPORT_READERS, 404), request: async () => ({ path: '/arshjul/1999/rapport' }) },
  'POST /arshjul/:year/rapport/sammanstall': { via: 'browser', expect: only(ADMIN_COUNTY, 404), request: async () => ({ path: '/arshjul/1999/rapport/sammanstall', body: {}, form: true }) },
  'POST /arshjul/:year/rapport/egna-avsnitt': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: '/arshjul/1999/rapport/egna-avsnitt', body: { version: '0', conclusions: 'Matris', questions: '' }, form: true }),
  },
  'POST /arshjul/:year/rapport/atgard': { via: 'browser', expect: only(REPORT_READERS, 404), request: async () => ({ path: '/arshjul/1999/rapport/atgard', body: { action: 'publish' }, form: true }) },
  'GET /arshjul/:year/rapport/forhandsgranska': { via: 'browser', expect: table(303, ADMIN_COUNTY, 404), request: async () => ({ path: '/arshjul/1999/rapport/forhandsgranska' }) },
  'GET /arshjul/:year/rapport/versioner/:number': { via: 'browser', expect: table(303, REPORT_READERS, 404), request: async () => ({ path: '/arshjul/1999/rapport/versioner/1' }) },
  'GET /arshjul/:year/sammanstallning/dokument': { via: 'browser', expect: table(303, CYCLE_READERS, 404), request: async () => ({ path: '/arshjul/1999/sammanstallning/dokument' }) },
  'GET /rapporter': { via: 'browser', expect: signedIn(200, 303) },
  'GET /rapporter/:year': { via: 'browser', expect: signedIn(404, 303), request: async () => ({ path: '/rapporter/1999' }) },
  'GET /api/v1/cycles/:id/report/compilation': { via: 'bearer', expect: only(CYCLE_READERS, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/compilation` }) },
  'GET /api/v1/cycles/:id/report': { via: 'bearer', expect: only(REPORT_READERS, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report` }) },
  'POST /api/v1/cycles/:id/report/assemble': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/assemble`, body: {} }) },
  'PUT /api/v1/cycles/:id/report/own-sections': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, ALLOWED),
    request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/own-sections`, body: { conclusions: '', questions: '' } }),
  },
  'POST /api/v1/cycles/:id/report/transitions': {
    via: 'bearer',
    expect: only(REPORT_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/transitions`, body: { action: 'publish' } }),
  },
  'GET /api/v1/cycles/:id/report/versions': { via: 'bearer', expect: only(REPORT_READERS, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/versions` }) },
  'GET /api/v1/cycles/:id/report/versions/:number': {
    via: 'bearer',
    expect: only(REPORT_READERS, ALLOWED),
    request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/versions/1` }),
  },
  'GET /api/v1/cycles/:id/report/preview': { via: 'bearer', expect: only(ADMIN_COUNTY, ALLOWED), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/report/preview` }) },
  'GET /api/v1/reports': { via: 'bearer', expect: signedIn(200) },
  'GET /api/v1/reports/:year': { via: 'bearer', expect: signedIn(404), request: async () => ({ path: '/api/v1/reports/1999' }) },
  // VVG's feedback and decisions (libs/feedback): comments FeedbackWrite (VVG), answers ReportManage (county),
  // decisions DecisionRecord (VVG), reading ReportRead; an action's status VVG or the county.
  'GET /arshjul/:year/rapport/granskning': { via: 'browser', expect: table(303, REPORT_READERS, 404), request: async () => ({ path: '/arshjul/1999/rapport/granskning' }) },
  'POST /arshjul/:year/rapport/granskning/kommentarer': {
    via: 'browser',
    expect: only([Role.Admin, Role.VvgReviewer], 404),
    request: async () => ({ path: '/arshjul/1999/rapport/granskning/kommentarer', body: { sectionId: 'slutsatser', body: 'x' }, form: true }),
  },
  'POST /arshjul/:year/rapport/granskning/kommentarer/:commentId/svar': {
    via: 'browser',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/arshjul/1999/rapport/granskning/kommentarer/${NO_SUCH_ID}/svar`, body: { body: 'x' }, form: true }),
  },
  'GET /arshjul/:year/beslut': { via: 'browser', expect: table(303, REPORT_READERS, 404), request: async () => ({ path: '/arshjul/1999/beslut' }) },
  'POST /arshjul/:year/beslut': { via: 'browser', expect: only([Role.Admin, Role.VvgReviewer], 404), request: async () => ({ path: '/arshjul/1999/beslut', body: { text: 'x' }, form: true }) },
  'GET /beslut': { via: 'browser', expect: table(303, REPORT_READERS, 200) },
  'POST /beslut/:id/status': { via: 'browser', expect: only(REPORT_READERS, 404), request: async () => ({ path: `/beslut/${NO_SUCH_ID}/status`, body: { status: 'done' }, form: true }) },
  'GET /api/v1/cycles/:id/feedback': { via: 'bearer', expect: only(REPORT_READERS, 404), request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/feedback` }) },
  'POST /api/v1/cycles/:id/feedback': {
    via: 'bearer',
    expect: only([Role.Admin, Role.VvgReviewer], 404),
    request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/feedback`, body: { sectionId: 'slutsatser', body: 'x' } }),
  },
  'POST /api/v1/cycles/:id/feedback/:commentId/answers': {
    via: 'bearer',
    expect: only(ADMIN_COUNTY, 404),
    request: async () => ({ path: `/api/v1/cycles/${NO_SUCH_ID}/feedback/${NO_SUCH_ID}/answers`, body: { body: 'x' } }),
  },
  'GET /api/v1/decisions': { via: 'bearer', expect: only(REPORT_READERS, 200) },
  'GET /api/v1/decisions/:id': { via: 'bearer', expect: only(REPORT_READERS, 404), request: async () => ({ path: `/api/v1/decisions/${NO_SUCH_ID}` }) },
  'POST /api/v1/decisions': { via: 'bearer', expect: only([Role.Admin, Role.VvgReviewer], 404), request: async () => ({ path: '/api/v1/decisions', body: { cycleId: NO_SUCH_ID } }) },
  'PATCH /api/v1/decisions/:id': { via: 'bearer', expect: only([Role.Admin, Role.VvgReviewer], 428), request: async () => ({ path: `/api/v1/decisions/${NO_SUCH_ID}`, body: {} }) },
  'PATCH /api/v1/decisions/:id/action': {
    via: 'bearer',
    expect: only(REPORT_READERS, 404),
    request: async () => ({ path: `/api/v1/decisions/${NO_SUCH_ID}/action`, body: { status: 'done' } }),
  },
};
