import { RequestContext, Role } from '@arshjulet/core';
import { FirstAdminBootstrap, hashToken } from '@arshjulet/org';
import { createTestApp, TestApp, TestUser } from '../support/test-app.js';

describe('user administration API', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith(Role.Admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const auditOf = async (entityId: string): Promise<string[]> =>
    ((await t.dataSource.query('SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id', [entityId])) as Array<{ action: string }>).map((r) => r.action);

  it('creates a user with a lower-cased e-mail, refuses the same address in other case, and queues an invitation', async () => {
    const created = await admin.api
      .post('/api/v1/users')
      .send({ email: '  Karin.Berg@VGRegion.se ', name: 'Karin Berg', assignments: [{ role: 'delregion_coordinator', orgUnit: 'DR-SKB' }] })
      .expect(201);
    expect(created.body).toMatchObject({
      email: 'karin.berg@vgregion.se',
      name: 'Karin Berg',
      active: true,
      hasPassword: false,
      version: 1,
      assignments: [{ role: 'delregion_coordinator', orgUnit: 'DR-SKB', orgUnitName: 'Vårdsamverkan Skaraborg' }],
    });

    const duplicate = await admin.api.post('/api/v1/users').send({ email: 'KARIN.BERG@vgregion.se', name: 'Dubblett', assignments: [{ role: 'viewer' }] }).expect(409);
    expect(duplicate.body).toMatchObject({ code: 'user.email_taken', errors: [{ path: 'email' }] });

    const links = await admin.api.get(`/api/v1/users/${created.body.id}/password-links`).expect(200);
    expect(links.body).toHaveLength(1);
    expect(links.body[0]).toMatchObject({ purpose: 'invitation', link: expect.stringMatching(/^http:\/\/localhost:3000\/aterstall\/[A-Za-z0-9_-]{43}$/) });
    const outbox = await t.dataSource.query('SELECT kind, recipient, status FROM outbox_message WHERE recipient_user_id = $1', [created.body.id]);
    expect(outbox).toEqual([{ kind: 'user.invitation', recipient: 'karin.berg@vgregion.se', status: 'pending' }]);
    // The link's token is stored only as its hash: nowhere in the row in plain text, and the hash is the app's own.
    const token: string = links.body[0].link.split('/').pop();
    const stored = await t.dataSource.query('SELECT * FROM password_reset_token WHERE user_id = $1', [created.body.id]);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored[0])).not.toContain(token);
    expect(stored[0].token_hash).toBe(hashToken(token));
    expect(await auditOf(created.body.id)).toEqual(['user.created', 'user.invitation_sent']);

    const found = await admin.api.get('/api/v1/users?q=karin&role=delregion_coordinator&orgUnit=DR-SKB').expect(200);
    expect(found.body).toMatchObject({ total: 1, page: 1, items: [{ email: 'karin.berg@vgregion.se' }] });
  });

  it('validates role scope: a delregion coordinator needs a delregion, county-wide roles take none', async () => {
    const missing = await admin.api.post('/api/v1/users').send({ email: 'a1@test.se', name: 'A', assignments: [{ role: 'delregion_coordinator' }] }).expect(422);
    expect(missing.body).toMatchObject({ code: 'user.invalid_assignment', errors: [{ path: 'assignments[0].orgUnit', message: 'Ange vilken delregion rollen gäller.' }] });
    const extra = await admin.api.post('/api/v1/users').send({ email: 'a2@test.se', name: 'A', assignments: [{ role: 'county_coordinator', orgUnit: 'DR-SKB' }] }).expect(422);
    expect(extra.body.errors[0].path).toBe('assignments[0].orgUnit');
    const notDelregion = await admin.api.post('/api/v1/users').send({ email: 'a3@test.se', name: 'A', assignments: [{ role: 'delregion_coordinator', orgUnit: '1444' }] }).expect(422);
    expect(notDelregion.body.errors[0].message).toBe('Okänd delregion: 1444.');
    const badRole = await admin.api.post('/api/v1/users').send({ email: 'a4@test.se', name: 'A', assignments: [{ role: 'king' }] }).expect(400);
    expect(badRole.body.errors[0].path).toBe('assignments[0].role');
  });

  it('updates with optimistic locking: a stale version answers 409 with the current user', async () => {
    const { user } = await t.userWith(Role.Viewer);
    const first = await admin.api.patch(`/api/v1/users/${user.id}`).send({ version: 1, name: 'Nytt Namn', email: 'Ny.Adress@Test.se' }).expect(200);
    expect(first.body).toMatchObject({ name: 'Nytt Namn', email: 'ny.adress@test.se', version: 2 });
    const stale = await admin.api.patch(`/api/v1/users/${user.id}`).send({ version: 1, name: 'Krock' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'user.version_conflict', current: { name: 'Nytt Namn', version: 2 } });
    expect((await admin.api.get(`/api/v1/users/${user.id}`).expect(200)).body.name).toBe('Nytt Namn');
    const events = await t.dataSource.query(`SELECT before, after FROM audit_event WHERE entity_id = $1 AND action = 'user.updated'`, [user.id]);
    expect(events).toEqual([{ before: { name: user.name, email: user.email }, after: { name: 'Nytt Namn', email: 'ny.adress@test.se' } }]);
  });

  it('refuses a null e-mail or name with 400 (left out keeps them, null is no value), and changes nothing', async () => {
    const { user } = await t.userWith(Role.Viewer);
    for (const body of [{ email: null }, { name: null }]) {
      const refused = await admin.api.patch(`/api/v1/users/${user.id}`).send({ version: 1, ...body }).expect(400);
      expect(refused.body.code).toBe('invalid_request');
      expect([...new Set(refused.body.errors.map((error: { path: string }) => error.path))]).toEqual(Object.keys(body));
    }
    expect((await admin.api.get(`/api/v1/users/${user.id}`).expect(200)).body).toMatchObject({ email: user.email, name: user.name, version: 1 });
  });

  it('assigns and removes roles, versioned and audited with the delregion', async () => {
    const { user } = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    const added = await admin.api.post(`/api/v1/users/${user.id}/assignments`).send({ version: 1, role: 'delregion_coordinator', orgUnit: 'DR-FBD' }).expect(201);
    expect(added.body.assignments.map((a: { orgUnit: string }) => a.orgUnit)).toEqual(['DR-FBD', 'DR-SKB']);
    await admin.api.post(`/api/v1/users/${user.id}/assignments`).send({ version: 2, role: 'delregion_coordinator', orgUnit: 'DR-FBD' }).expect(422);
    await admin.api.post(`/api/v1/users/${user.id}/assignments`).send({ version: 1, role: 'viewer' }).expect(409);

    const skb = added.body.assignments.find((a: { orgUnit: string }) => a.orgUnit === 'DR-SKB');
    const removed = await admin.api.delete(`/api/v1/users/${user.id}/assignments/${skb.id}?version=2`).expect(200);
    expect(removed.body).toMatchObject({ version: 3, assignments: [{ orgUnit: 'DR-FBD' }] });

    const [fyr] = await t.dataSource.query(`SELECT id FROM org_unit WHERE code = 'DR-FBD'`);
    const events = await t.dataSource.query(`SELECT action, org_unit_id FROM audit_event WHERE entity_id = $1 AND action LIKE 'user.role%' ORDER BY id`, [user.id]);
    expect(events).toEqual([
      { action: 'user.role_assigned', org_unit_id: fyr.id },
      { action: 'user.role_removed', org_unit_id: expect.any(String) },
    ]);
  });

  it('keeps at least one active administrator', async () => {
    const t2 = await createTestApp();
    try {
      const only = await t2.userWith(Role.Admin);
      const response = await only.api.post(`/api/v1/users/${only.user.id}/deactivate`).send({ version: 1 }).expect(409);
      expect(response.body.code).toBe('user.last_admin');
      const second = await t2.userWith(Role.Admin);
      await second.api.post(`/api/v1/users/${only.user.id}/deactivate`).send({ version: 1 }).expect(200);
    } finally {
      await t2.close();
    }
  });

  it('answers 404 for an unknown user or a malformed id', async () => {
    await admin.api.get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
    await admin.api.get('/api/v1/users/inte-ett-id').expect(404);
  });
});

describe('one-time password links', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.userWith(Role.Admin);
  });
  afterAll(async () => {
    await t.close();
  });

  const invite = async (email: string): Promise<{ id: string; path: string }> => {
    const created = await admin.api.post('/api/v1/users').send({ email, name: 'Inbjuden Person', assignments: [{ role: 'viewer' }] }).expect(201);
    const links = await admin.api.get(`/api/v1/users/${created.body.id}/password-links`).expect(200);
    return { id: created.body.id, path: new URL(links.body[0].link).pathname };
  };

  it('lets an invited person choose a password once, then log in; the spent link shows a clear page and changes nothing', async () => {
    const { id, path } = await invite('inbjuden@test.se');
    const browser = t.browser();
    const page = await browser.get(path).expect(200);
    expect(page.text).toContain('Välkommen till Årshjulet, Inbjuden Person!');
    await browser.csrf(path);

    const weak = await browser.post(path).type('form').send({ password: 'kort', confirmPassword: 'kort' }).expect(422);
    expect(weak.text).toContain('Lösenordet måste ha minst 12 tecken.');
    const mismatch = await browser.post(path).type('form').send({ password: 'ett långt lösenord', confirmPassword: 'ett annat lösenord' }).expect(422);
    expect(mismatch.text).toContain('Lösenorden är inte likadana.');

    const chosen = await browser.post(path).type('form').send({ password: 'ett långt lösenord', confirmPassword: 'ett långt lösenord' }).expect(303);
    expect(chosen.headers.location).toBe('/logga-in?meddelande=losenord');
    expect((await t.browser().login('inbjuden@test.se', 'ett långt lösenord')).status).toBe(303);

    const reused = await browser.post(path).type('form').send({ password: 'ett tredje lösenord', confirmPassword: 'ett tredje lösenord' }).expect(410);
    expect(reused.text).toContain('Länken har redan använts');
    expect(reused.text).toContain('Ingenting har ändrats');
    await browser.get(path).expect(410);
    expect((await t.browser().login('inbjuden@test.se', 'ett långt lösenord')).status).toBe(303);
    expect((await t.browser().login('inbjuden@test.se', 'ett tredje lösenord')).status).toBe(401);
    expect((await admin.api.get(`/api/v1/users/${id}/password-links`).expect(200)).body).toEqual([]);
    const actions = await t.dataSource.query(`SELECT action, actor_id FROM audit_event WHERE entity_id = $1 AND action = 'user.invitation_accepted'`, [id]);
    expect(actions).toEqual([{ action: 'user.invitation_accepted', actor_id: id }]);
  });

  it('shows a clear page for an expired link and keeps the old password', async () => {
    const { id, path } = await invite('utgangen@test.se');
    await t.dataSource.query(`UPDATE password_reset_token SET expires_at = now() - interval '1 minute' WHERE user_id = $1`, [id]);
    const browser = t.browser();
    const page = await browser.get(path).expect(410);
    expect(page.text).toContain('Länken har gått ut – den gäller i 24 timmar.');
    await browser.csrf('/logga-in');
    await browser.post(path).type('form').send({ password: 'ett långt lösenord', confirmPassword: 'ett långt lösenord' }).expect(410);
    const [row] = await t.dataSource.query('SELECT password_hash FROM app_user WHERE id = $1', [id]);
    expect(row.password_hash).toBeNull();
  });

  it('answers an unknown link with 404 and the same kind of page', async () => {
    const page = await t.browser().get('/aterstall/finnsinteallsdennalankenhaller123').expect(404);
    expect(page.text).toContain('Länken är ogiltig.');
  });

  it('resets a forgotten password through a link an administrator sends; the user\'s sessions end', async () => {
    const { user, browser } = await t.signedIn(Role.Viewer);
    const sent = await admin.api.post(`/api/v1/users/${user.id}/password-links`).expect(201);
    expect(sent.body.purpose).toBe('reset');
    const path = new URL(sent.body.link).pathname;
    const other = t.browser();
    await other.csrf(path);
    await other.post(path).type('form').send({ password: 'helt nytt lösenord', confirmPassword: 'helt nytt lösenord' }).expect(303);
    expect((await browser.get('/konto')).status).toBe(303);
    expect((await t.browser().login(user.email, 'helt nytt lösenord')).status).toBe(303);
  });
});

describe('first administrator', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('is created with an invitation link only when there are no users at all', async () => {
    await t.dataSource.query('DELETE FROM app_user');
    const bootstrap = t.app.get(FirstAdminBootstrap);
    const first = await bootstrap.ensure(RequestContext.system('test'));
    expect(first).toMatchObject({ email: 'admin@arshjulet.local', invitation: { purpose: 'invitation', link: expect.stringContaining('/aterstall/') } });
    expect(await bootstrap.ensure(RequestContext.system('test'))).toBeNull();
    const users = await t.dataSource.query(`SELECT u.email, a.role FROM app_user u JOIN role_assignment a ON a.user_id = u.id`);
    expect(users).toEqual([{ email: 'admin@arshjulet.local', role: 'admin' }]);
    await t.browser().get(new URL(first!.invitation.link).pathname).expect(200);
  });
});
