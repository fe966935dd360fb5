import { loadConfig, Role } from '@arshjulet/core';
import { createTestApp, TestApp, type TestBrowser } from '../support/test-app.js';

const GENERIC = 'Fel e-postadress eller lösenord.';

describe('web login and sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with a fresh session id, an httpOnly SameSite=Lax cookie, and opens "Mitt konto"', async () => {
    const { user, password } = await t.signedIn(Role.Viewer);
    const browser = t.browser();
    await browser.csrf('/logga-in');
    const before = browser.sessionCookie();
    expect(before).toBeTruthy();

    const response = await browser.login(user.email.toUpperCase(), password);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/');
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/arshjulet\.sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const after = browser.sessionCookie();
    expect(after).not.toBe(before);

    const account = await browser.get('/konto').expect(200);
    expect(account.text).toContain('Mitt konto');
    expect(account.text).toContain(user.email);
    expect(account.text).toContain('Logga ut');

    // The pre-login session id is worthless afterwards (no session fixation).
    const stale = await t.http.get('/konto').set('Cookie', `arshjulet.sid=${before}`).set('Accept', 'text/html');
    expect(stale.status).toBe(303);
    expect(stale.headers.location).toMatch(/^\/logga-in/);
  });

  it('answers an unknown e-mail and a wrong password alike: 401 and the same message', async () => {
    const { user } = await t.signedIn(Role.Viewer);
    const answers = [];
    for (const email of [user.email, 'finns.inte@test.se']) {
      const browser = t.browser();
      const response = await browser.login(email, 'fel lösenord helt enkelt');
      expect(response.status).toBe(401);
      expect(response.text).toContain(GENERIC);
      answers.push(response.text.replace(/value="[^"]*"/g, ''));
      const account = await browser.get('/konto');
      expect(account.status).toBe(303);
    }
    expect(answers[0]).toBe(answers[1]);
  });

  it('refuses a deactivated account with the same generic answer', async () => {
    const { user, password } = await t.signedIn(Role.Viewer);
    const admin = await t.userWith(Role.Admin);
    await admin.api.post(`/api/v1/users/${user.id}/deactivate`).send({ version: user.version }).expect(200);
    const response = await t.browser().login(user.email, password);
    expect(response.status).toBe(401);
    expect(response.text).toContain(GENERIC);
  });

  it('logs out: the session is destroyed and its cookie no longer opens anything', async () => {
    const { browser } = await t.signedIn(Role.Viewer);
    const cookie = browser.sessionCookie();
    const response = await browser.post('/logga-ut').type('form').send({}).expect(303);
    expect(response.headers.location).toBe('/logga-in?meddelande=utloggad');
    const rows = await t.dataSource.query('SELECT 1 FROM user_session WHERE sid = $1', [decodeURIComponent(cookie!).slice(2).split('.')[0]]);
    expect(rows).toHaveLength(0);
    const again = await t.http.get('/konto').set('Cookie', `arshjulet.sid=${cookie}`).set('Accept', 'text/html');
    expect(again.status).toBe(303);
    const page = await browser.get('/logga-in?meddelande=utloggad').expect(200);
    expect(page.text).toContain('Du är utloggad.');
  });

  it('lets the session reach the API, guarded by the CSRF token for writes', async () => {
    const { browser } = await t.signedIn(Role.Viewer);
    await browser.get('/api/v1/me/tokens').set('Accept', 'application/json').expect(200);
    const withoutToken = await browser.agent.post('/api/v1/me/tokens').send({ name: 'skript' });
    expect(withoutToken.status).toBe(403);
    expect(withoutToken.body.code).toBe('auth.csrf_invalid');
    await browser.post('/api/v1/me/tokens').set('Accept', 'application/json').send({ name: 'skript' }).expect(201);
  });

  it('refuses a form post without its CSRF token with a Swedish 403 page', async () => {
    const { browser } = await t.signedIn(Role.Viewer);
    const response = await browser.agent
      .post('/konto/losenord')
      .set('Accept', 'text/html')
      .type('form')
      .send({ currentPassword: 'x', newPassword: 'y', confirmPassword: 'y' });
    expect(response.status).toBe(403);
    expect(response.text).toContain('Åtkomst nekad');
    expect(response.text).toContain('Ladda om sidan och försök igen');

    const anonymous = await t.http.post('/logga-in').set('Accept', 'text/html').type('form').send({ email: 'a@b.se', password: 'x' });
    expect(anonymous.status).toBe(403);
    expect(anonymous.text).toContain('lang="sv"');
  });
});

describe('idle timeout and absolute lifetime', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SESSION_IDLE_MINUTES: '480', SESSION_MAX_DAYS: '7' });
  });
  afterAll(async () => {
    await t.close();
  });

  // The clock is the database's: time passes by moving the session's expiry or login time back, never by sleeping.
  const sidOf = (browser: TestBrowser): string => decodeURIComponent(browser.sessionCookie()!).slice(2).split('.')[0]!;
  const setExpiry = (sid: string, interval: string) => t.dataSource.query(`UPDATE user_session SET expire = now() + $2::interval WHERE sid = $1`, [sid, interval]);
  const setLoggedIn = (sid: string, ago: string) =>
    t.dataSource.query(`UPDATE user_session SET sess = jsonb_set(sess, '{loggedInAt}', to_jsonb(now() - $2::interval)) WHERE sid = $1`, [sid, ago]);

  it('keeps a session alive while it is used and ends it after the idle time', async () => {
    const { browser } = await t.signedIn(Role.Viewer);
    const sid = sidOf(browser);
    await setExpiry(sid, '1 minute'); // idle for 479 of its 480 minutes
    await browser.get('/konto').expect(200); // in use: the expiry moves a full idle time ahead
    const [renewed] = await t.dataSource.query(`SELECT expire > now() + interval '479 minutes' AS ok FROM user_session WHERE sid = $1`, [sid]);
    expect(renewed.ok).toBe(true);

    await setExpiry(sid, '-1 second'); // idle for 480 minutes and a second
    const expired = await browser.get('/konto');
    expect(expired.status).toBe(303);
    expect(expired.headers.location).toBe('/logga-in?next=%2Fkonto');
  });

  it('ends a busy session SESSION_MAX_DAYS after login, and never stores an expiry past that', async () => {
    const { browser } = await t.signedIn(Role.Viewer);
    const sid = sidOf(browser);
    await setLoggedIn(sid, '6 days 23 hours');
    await setExpiry(sid, '1 minute'); // due for renewal, which stops at the absolute end an hour away
    await browser.get('/konto').expect(200);
    const [capped] = await t.dataSource.query(
      `SELECT expire <= (sess->>'loggedInAt')::timestamptz + interval '7 days' AS ok FROM user_session WHERE sid = $1`,
      [sid],
    );
    expect(capped.ok).toBe(true);

    await setLoggedIn(sid, '7 days 1 minute');
    await setExpiry(sid, '8 hours'); // still fresh by idle time
    const ended = await browser.get('/konto');
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/logga-in?next=%2Fkonto');
  });

  it('refuses to start with an absolute lifetime that is not a number of days', () => {
    expect(() => loadConfig({ SESSION_MAX_DAYS: '0' })).toThrow(/SESSION_MAX_DAYS/);
    expect(() => loadConfig({ SESSION_MAX_DAYS: 'en vecka' })).toThrow(/SESSION_MAX_DAYS/);
    expect(loadConfig({}).SESSION_MAX_DAYS).toBe(7);
  });
});
