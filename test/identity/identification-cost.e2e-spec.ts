import { Role } from '@arshjulet/core';
import { hashToken } from '@arshjulet/org';
import { createTestApp, TestApp } from '../support/test-app.js';
import { recordStatements } from '../support/statement-recorder.js';

/**
 * What identifying a request costs in SQL, counted on the app's own pool: every statement any pooled client runs
 * (TypeORM's queries and the session store's alike) while one request is served.
 */
describe('identifying a request', () => {
  let t: TestApp;
  let statementsOf: (send: () => PromiseLike<unknown>) => Promise<string[]>;

  beforeAll(async () => {
    t = await createTestApp();
    statementsOf = recordStatements(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const writes = (statements: string[]) => statements.filter((sql) => /^(WITH\b[\s\S]*\b)?(UPDATE|INSERT|DELETE)\b/i.test(sql));

  it('identifies a token with its user, roles and scope in one statement, and records its use at most every few minutes', async () => {
    const { token, user } = await t.userWith(Role.DelregionCoordinator, 'DR-SKB');
    const anonymous = await statementsOf(() => t.http.get('/health').expect(200));

    const first = await statementsOf(() => t.http.get('/health').set('Authorization', `Bearer ${token}`).expect(200));
    expect(first.length - anonymous.length).toBe(2); // identification, then the first use recorded
    expect(writes(first)).toEqual([expect.stringMatching(/^UPDATE api_token SET last_used_at/)]);
    const [afterFirst] = await t.dataSource.query('SELECT last_used_at FROM api_token WHERE token_hash = $1', [hashToken(token)]);
    expect(afterFirst.last_used_at).not.toBeNull();

    const second = await statementsOf(() => t.http.get('/health').set('Authorization', `Bearer ${token}`).expect(200));
    expect(second.length - anonymous.length).toBe(1);
    expect(writes(second)).toEqual([]);

    // The identity is whole: the scoped role reaches its own delregion and not another's.
    const own = await statementsOf(() => t.http.get('/api/v1/org-units/DR-SKB').set('Authorization', `Bearer ${token}`).expect(200));
    expect(writes(own)).toEqual([]);
    const me = await t.http.get('/api/v1/me/tokens').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toHaveLength(1);

    // Ten minutes later (moved back in the database), the next read records the use once more.
    await t.dataSource.query(`UPDATE api_token SET last_used_at = now() - interval '10 minutes' WHERE user_id = $1`, [user.id]);
    const later = await statementsOf(() => t.http.get('/health').set('Authorization', `Bearer ${token}`).expect(200));
    expect(writes(later)).toHaveLength(1);
    const [row] = await t.dataSource.query(`SELECT last_used_at > now() - interval '1 minute' AS recent FROM api_token WHERE user_id = $1`, [user.id]);
    expect(row.recent).toBe(true);
  });

  it('takes a deactivation and a revocation into account on the very next request, without any write on reads', async () => {
    const admin = await t.userWith(Role.Admin);
    const { token, user } = await t.userWith(Role.Viewer);
    await t.http.get('/health').set('Authorization', `Bearer ${token}`).expect(200);
    await t.dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
    await t.http.get('/api/v1/me/tokens').set('Authorization', `Bearer ${token}`).expect(401);
    await t.dataSource.query('UPDATE app_user SET active = true WHERE id = $1', [user.id]);
    await t.http.get('/api/v1/me/tokens').set('Authorization', `Bearer ${token}`).expect(200);
    await t.dataSource.query('UPDATE api_token SET revoked_at = now() WHERE user_id = $1', [user.id]);
    await t.http.get('/api/v1/me/tokens').set('Authorization', `Bearer ${token}`).expect(401);
    await admin.api.get(`/api/v1/users/${user.id}`).expect(200);
  });

  it('loads a session with its user in one statement, and writes the session row only when its expiry is minutes old', async () => {
    const { browser, user } = await t.signedIn(Role.CountyCoordinator);
    await browser.get('/konto').expect(200);
    const anonymous = await statementsOf(() => t.http.get('/health').expect(200));
    const cookie = `arshjulet.sid=${browser.sessionCookie()}`;

    const read = await statementsOf(() => t.http.get('/health').set('Cookie', cookie).expect(200));
    expect(read.length - anonymous.length).toBe(1);
    expect(writes(read)).toEqual([]);
    const page = await statementsOf(() => browser.get('/konto').expect(200));
    expect(writes(page)).toEqual([]);
    expect((await browser.get('/konto').expect(200)).text).toContain(user.email);

    // The expiry was last moved ten minutes ago: this request moves it forward, once.
    const sid = decodeURIComponent(browser.sessionCookie()!).slice(2).split('.')[0];
    await t.dataSource.query(`UPDATE user_session SET expire = expire - interval '10 minutes' WHERE sid = $1`, [sid]);
    const due = await statementsOf(() => t.http.get('/health').set('Cookie', cookie).expect(200));
    expect(writes(due)).toEqual([expect.stringMatching(/^UPDATE user_session SET expire/)]);
    const [row] = await t.dataSource.query(`SELECT expire > now() + interval '479 minutes' AS renewed FROM user_session WHERE sid = $1`, [sid]);
    expect(row.renewed).toBe(true);
    const next = await statementsOf(() => t.http.get('/health').set('Cookie', cookie).expect(200));
    expect(writes(next)).toEqual([]);
  });
});
