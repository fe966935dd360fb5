import { Role } from '@arshjulet/core';
import { createTestApp, TestApp } from '../support/test-app.js';

describe('API tokens and deactivation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('creates a token shown once, lists it without the secret, and revocation works at once', async () => {
    const { browser } = await t.signedIn(Role.CountyCoordinator);
    const created = await browser.post('/api/v1/me/tokens').set('Accept', 'application/json').send({ name: 'Uppladdning', expiresInDays: 30 }).expect(201);
    expect(created.body).toMatchObject({ name: 'Uppladdning', status: 'active', token: expect.stringMatching(/^arsh_/) });
    const days = (new Date(created.body.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const token = created.body.token as string;

    const listed = await t.http.get('/api/v1/me/tokens').set(bearer(token)).expect(200);
    expect(listed.body.map((t: { name: string }) => t.name)).toEqual(['Uppladdning', 'test']);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(listed.body[0].prefix).toBe(token.slice(0, 12));

    await t.http.get('/api/v1/org-units/DR-SKB').set(bearer(token)).expect(200);
    await browser.delete(`/api/v1/me/tokens/${created.body.id}`).set('Accept', 'application/json').expect(204);
    const refused = await t.http.get('/api/v1/org-units/DR-SKB').set(bearer(token)).expect(401);
    expect(refused.body.code).toBe('access.unauthenticated');
    const actions = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [created.body.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['api_token.created', 'api_token.revoked']);
  });

  it('refuses an expired token', async () => {
    const { token, user } = await t.userWith(Role.Viewer);
    await t.http.get('/api/v1/me/tokens').set(bearer(token)).expect(200);
    await t.dataSource.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    await t.http.get('/api/v1/me/tokens').set(bearer(token)).expect(401);
  });

  it('does not let a token mint new tokens, nor revoke someone else\'s', async () => {
    const me = await t.userWith(Role.Viewer);
    const other = await t.userWith(Role.Viewer);
    const response = await me.api.post('/api/v1/me/tokens').send({ name: 'kopia' }).expect(403);
    expect(response.body.code).toBe('api_token.requires_login');
    const [theirs] = await other.api.get('/api/v1/me/tokens').expect(200).then((r) => r.body);
    await me.api.delete(`/api/v1/me/tokens/${theirs.id}`).expect(404);
    await other.api.get('/api/v1/me/tokens').expect(200);
  });

  it('creates and revokes tokens on "Mitt konto", showing the new token once', async () => {
    const { browser } = await t.signedIn(Role.Viewer);
    await browser.csrf('/konto');
    const created = await browser.post('/konto/nycklar').type('form').send({ name: 'Mitt skript', expiresInDays: '7' }).expect(200);
    const token = /value="(arsh_[^"]+)"/.exec(created.text)?.[1];
    expect(token).toBeDefined();
    expect(created.text).toContain('Den visas bara den här gången');
    const account = await browser.get('/konto').expect(200);
    expect(account.text).toContain('Mitt skript');
    expect(account.text).not.toContain(token);
    const id = /action="\/konto\/nycklar\/([0-9a-f-]+)\/aterkalla"/.exec(account.text)![1];
    await browser.post(`/konto/nycklar/${id}/aterkalla`).type('form').send({}).expect(303);
    const after = await browser.get('/konto').expect(200);
    expect(after.text).toContain('API-nyckeln är återkallad');
    expect(after.text).toContain('Återkallad');
    await t.http.get('/api/v1/me/tokens').set(bearer(token!)).expect(401);
  });

  it('changes the password on "Mitt konto": wrong current password is refused, other sessions end', async () => {
    const { user, password, browser } = await t.signedIn(Role.Viewer);
    const elsewhere = t.browser();
    expect((await elsewhere.login(user.email, password)).status).toBe(303);

    await browser.post('/konto/losenord').type('form').send({ currentPassword: 'fel', newPassword: 'ett nytt långt lösenord', confirmPassword: 'ett nytt långt lösenord' }).expect(303);
    expect((await browser.get('/konto').expect(200)).text).toContain('Nuvarande lösenord stämmer inte.');

    await browser.post('/konto/losenord').type('form').send({ currentPassword: password, newPassword: 'ett nytt långt lösenord', confirmPassword: 'ett nytt långt lösenord' }).expect(303);
    expect((await browser.get('/konto').expect(200)).text).toContain('Ditt lösenord är ändrat.');
    expect((await elsewhere.get('/konto')).status).toBe(303);
    expect((await browser.get('/konto')).status).toBe(200);
    const sessions = await t.dataSource.query(`SELECT sid FROM user_session WHERE sess->>'userId' = $1`, [user.id]);
    expect(sessions.map((row: { sid: string }) => row.sid)).toEqual([decodeURIComponent(browser.sessionCookie()!).slice(2).split('.')[0]]);
    expect((await t.browser().login(user.email, 'ett nytt långt lösenord')).status).toBe(303);
  });

  it('ends all sessions and tokens of a deactivated user at once', async () => {
    const admin = await t.userWith(Role.Admin);
    const { user, token, browser } = await t.signedIn(Role.DelregionCoordinator, 'DR-GBG');
    await browser.get('/konto').expect(200);
    await t.http.get('/api/v1/me/tokens').set(bearer(token)).expect(200);

    const response = await admin.api.post(`/api/v1/users/${user.id}/deactivate`).send({ version: 1 }).expect(200);
    expect(response.body.active).toBe(false);

    expect((await browser.get('/konto')).status).toBe(303);
    await t.http.get('/api/v1/me/tokens').set(bearer(token)).expect(401);
    const sessions = await t.dataSource.query(`SELECT 1 FROM user_session WHERE sess->>'userId' = $1`, [user.id]);
    expect(sessions).toHaveLength(0);
    // The user's one token is revoked (an empty result would prove nothing), and their token list says so.
    const tokens = await t.dataSource.query('SELECT revoked_at FROM api_token WHERE user_id = $1', [user.id]);
    expect(tokens).toHaveLength(1);
    expect(tokens[0].revoked_at).toBeInstanceOf(Date);
    const listed = await admin.api.get(`/api/v1/users/${user.id}`).expect(200);
    expect(listed.body.active).toBe(false);
    const [event] = await t.dataSource.query(`SELECT after FROM audit_event WHERE entity_id = $1 AND action = 'user.deactivated'`, [user.id]);
    expect(event.after).toEqual({ active: false, tokensRevoked: 1, sessionsEnded: 1 });
  });
});
