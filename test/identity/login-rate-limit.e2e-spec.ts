import { Role } from '@arshjulet/core';
import { createTestApp, TestApp } from '../support/test-app.js';

describe('login rate limits (per account and per IP, in PostgreSQL)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_LIMIT_PER_ACCOUNT: '3', LOGIN_LIMIT_PER_IP: '8', LOGIN_WINDOW_MINUTES: '15', TRUST_PROXY: 'loopback' });
  });
  afterAll(async () => {
    await t.close();
  });

  /** One attempt from a fresh browser; `ip` is the client address a proxy on loopback reports. */
  const attempt = async (email: string, password: string, ip: string) => {
    const browser = t.browser();
    await browser.csrf('/logga-in');
    return browser.post('/logga-in').set('X-Forwarded-For', ip).type('form').send({ email, password });
  };

  it('locks an account after too many failures: 429 with Retry-After, even for the right password', async () => {
    const { user, password } = await t.signedIn(Role.Viewer);
    for (let i = 0; i < 3; i++) expect((await attempt(user.email, 'inte rätt lösenord', '198.51.100.1')).status).toBe(401);

    const locked = await attempt(user.email, password, '198.51.100.2');
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(locked.text).toContain('För många inloggningsförsök. Vänta 15 minuter och försök igen.');

    // Other accounts are not affected.
    const other = await t.signedIn(Role.Viewer);
    expect((await attempt(other.user.email, other.password, '198.51.100.3')).status).toBe(303);
  });

  it('locks an unknown e-mail the same way, so lockouts do not reveal which addresses exist', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('ingen.alls@test.se', 'gissning', '198.51.100.4')).status).toBe(401);
    expect((await attempt('INGEN.alls@test.se', 'gissning', '198.51.100.5')).status).toBe(429);
  });

  it('forgets an account\'s failures once it logs in', async () => {
    const { user, password } = await t.signedIn(Role.Viewer);
    for (let i = 0; i < 2; i++) expect((await attempt(user.email, 'fel', '198.51.100.6')).status).toBe(401);
    expect((await attempt(user.email, password, '198.51.100.6')).status).toBe(303);
    for (let i = 0; i < 2; i++) expect((await attempt(user.email, 'fel', '198.51.100.6')).status).toBe(401);
    expect((await attempt(user.email, password, '198.51.100.6')).status).toBe(303);
  });

  it('limits attempts per client IP across accounts', async () => {
    for (let i = 0; i < 8; i++) expect((await attempt(`person${i}@test.se`, 'gissning', '203.0.113.9')).status).toBe(401);
    const blocked = await attempt('person99@test.se', 'gissning', '203.0.113.9');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Counted in PostgreSQL, where every app instance sees it; the account is stored as a hash, not an address.
    const keys = (await t.dataSource.query('SELECT key FROM rate_limit_counter')) as Array<{ key: string }>;
    expect(keys.map((row) => row.key)).toContain('login-ip:203.0.113.9');
    expect(keys.map((row) => row.key).join(' ')).not.toContain('@');
  });
});
