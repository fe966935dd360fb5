import { randomUUID } from 'node:crypto';
import { Role } from '@arshjulet/core';
import { UserService } from '@arshjulet/org';
import type request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The session cookie behind TLS: HttpOnly and SameSite=Lax always, Secure when the request came over TLS as Express
 * sees it (a trusted proxy's X-Forwarded-Proto: https), and in production never sent over plain http at all.
 * On plain http in development it is not Secure (test/identity/sessions.e2e-spec.ts).
 */
describe('the session cookie behind TLS', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>): Promise<TestApp> => {
    const t = await createTestApp({ LOGIN_LIMIT_PER_IP: '10000', ...env });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    await Promise.all(apps.map((t) => t.close()));
  });

  /** Signs in through the form, every request claiming `proto` through X-Forwarded-Proto; the login's session cookie. */
  async function login(t: TestApp, proto: 'https' | null): Promise<{ response: request.Response; cookie: string | undefined }> {
    const password = 'ett-långt-lösenord-för-tls';
    const user = await t.app.get(UserService).create(t.systemContext(), {
      email: `tls.${randomUUID()}@test.se`, name: 'Tls Testsson', password, assignments: [{ role: Role.Viewer, orgUnitCode: null }],
    });
    // The cookie is carried by hand: a cookie jar would rightly keep a Secure cookie from this plain-http test client.
    const withProto = (pending: request.Test) => (proto ? pending.set('X-Forwarded-Proto', proto) : pending).set('Accept', 'text/html');
    const form = await withProto(t.http.get('/logga-in'));
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
    const formCookie = sessionCookie(form);
    let post = withProto(t.http.post('/logga-in'));
    if (formCookie) post = post.set('Cookie', formCookie.split(';')[0]!);
    const response = await post.type('form').send({ _csrf: token, email: user.email, password });
    return { response, cookie: sessionCookie(response) };
  }

  const sessionCookie = (response: request.Response): string | undefined =>
    ([response.headers['set-cookie'] ?? []].flat() as string[]).find((line) => line.startsWith('arshjulet.sid='));

  const attributes = (cookie: string) => cookie.split(';').slice(1).map((part) => part.trim().toLowerCase());

  it('is Secure, HttpOnly and SameSite=Lax behind a trusted TLS proxy', async () => {
    const t = await start({ TRUST_PROXY: '1' });
    const { response, cookie } = await login(t, 'https');
    expect(response.status).toBe(303);
    expect(cookie).toBeDefined();
    expect(attributes(cookie!)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
    // The same app reached over plain http: a working session, without Secure.
    const plain = await login(t, null);
    expect(plain.response.status).toBe(303);
    expect(attributes(plain.cookie!)).toEqual(expect.arrayContaining(['httponly', 'samesite=lax']));
    expect(attributes(plain.cookie!)).not.toContain('secure');
  }, 60_000);

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const t = await start({});
    const { response, cookie } = await login(t, 'https');
    expect(response.status).toBe(303);
    expect(attributes(cookie!)).not.toContain('secure');
  }, 60_000);

  it('in production, is Secure behind TLS and never sent over plain http', async () => {
    const t = await start({ NODE_ENV: 'production', SESSION_SECRET: 'en-hemlighet-som-är-minst-32-tecken-lång', TRUST_PROXY: '1', OUTBOX_WORKER: 'false', SCHEDULER: 'false' });
    const secure = await login(t, 'https');
    expect(secure.response.status).toBe(303);
    expect(attributes(secure.cookie!)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
    // Helmet's CSP asks the browser to upgrade any http:// subresource in production.
    expect(String(secure.response.headers['content-security-policy'])).toContain('upgrade-insecure-requests');

    const plain = await login(t, null);
    expect(plain.cookie).toBeUndefined();
  }, 60_000);
});
