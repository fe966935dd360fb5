import { ConfigValidationError, loadConfig, parseTrustProxy } from '@arshjulet/core';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Whose X-Forwarded-For the app believes decides who shares a login bucket (and, through X-Forwarded-Proto,
 * whether Express sees https and sets the Secure cookie). Tests reach the app from loopback, as a proxy on the
 * same host would.
 */
describe('TRUST_PROXY', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>): Promise<TestApp> => {
    const t = await createTestApp({ LOGIN_LIMIT_PER_IP: '3', LOGIN_LIMIT_PER_ACCOUNT: '100', ...env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
  });

  /** A failed login from a fresh browser, claiming to come from `forwardedFor`. */
  const attempt = async (t: TestApp, email: string, forwardedFor: string) => {
    const browser = t.browser();
    await browser.csrf('/logga-in');
    return browser.post('/logga-in').set('X-Forwarded-For', forwardedFor).type('form').send({ email, password: 'gissning' });
  };
  const ipKeys = async (t: TestApp): Promise<string[]> =>
    ((await t.dataSource.query("SELECT key FROM rate_limit_counter WHERE key LIKE 'login-ip:%' ORDER BY key")) as Array<{ key: string }>).map((row) => row.key);

  it('is off by default: a forged X-Forwarded-For does not buy a fresh login bucket', async () => {
    const t = await start({});
    for (let i = 1; i <= 3; i++) expect((await attempt(t, `gissning${i}@test.se`, `198.51.100.${i}`)).status).toBe(401);
    const blocked = await attempt(t, 'gissning4@test.se', '198.51.100.4');
    expect(blocked.status).toBe(429);
    const keys = await ipKeys(t);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^login-ip:(::ffff:)?127\.0\.0\.1$|^login-ip:::1$/);
  });

  it('uses the forwarded address when the proxy is trusted, so clients behind one load balancer do not share a bucket', async () => {
    const t = await start({ TRUST_PROXY: 'loopback' });
    for (let i = 0; i < 3; i++) expect((await attempt(t, `anna${i}@test.se`, '203.0.113.7')).status).toBe(401);
    expect((await attempt(t, 'anna9@test.se', '203.0.113.7')).status).toBe(429);
    // Another client behind the same proxy still has its own attempts.
    expect((await attempt(t, 'bertil@test.se', '203.0.113.8')).status).toBe(401);
    expect(await ipKeys(t)).toEqual(['login-ip:203.0.113.7', 'login-ip:203.0.113.8']);
  });

  it('with a hop count, believes only the address the trusted proxy added, not what the client wrote before it', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    for (let i = 0; i < 3; i++) expect((await attempt(t, `c${i}@test.se`, `10.9.9.${i}, 203.0.113.20`)).status).toBe(401);
    expect((await attempt(t, 'c9@test.se', '10.9.9.99, 203.0.113.20')).status).toBe(429);
    expect(await ipKeys(t)).toEqual(['login-ip:203.0.113.20']);
  });

  it.each(['banana', '1.2.3', '10.0.0.0/33', 'loopback,evil', '-1', '100', 'true'])('refuses to start on TRUST_PROXY=%s and names it', (value) => {
    let error: unknown;
    try {
      loadConfig({ TRUST_PROXY: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).problems).toEqual([expect.stringMatching(/^TRUST_PROXY=.*must be off, a hop count/)]);
  });

  it.each([
    ['off', false],
    ['2', 2],
    ['10.0.0.0/8, 192.168.1.10,::1,fd00::/8,uniquelocal', ['10.0.0.0/8', '192.168.1.10', '::1', 'fd00::/8', 'uniquelocal']],
  ])('accepts TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    expect(parseTrustProxy(value)).toEqual(expected);
  });
});
