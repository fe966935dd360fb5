import { createHmac, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * A signed-in web session, stored as the session store stores one, and its signed cookie (what the browser sends
 * after signing in). `extra` adds session fields, e.g. the delregion a coordinator acts for.
 */
export async function seedSession(dataSource: DataSource, secret: string, userId: string, idleMinutes: number, extra: Record<string, unknown> = {}): Promise<string> {
  const sid = randomBytes(24).toString('base64url');
  const now = new Date();
  const expires = new Date(now.getTime() + idleMinutes * 60_000);
  const sess = {
    cookie: { originalMaxAge: idleMinutes * 60_000, expires: expires.toISOString(), secure: true, httpOnly: true, path: '/', sameSite: 'lax' },
    userId,
    loggedInAt: now.toISOString(),
    csrfToken: randomBytes(16).toString('hex'),
    ...extra,
  };
  await dataSource.query('INSERT INTO user_session (sid, sess, expire) VALUES ($1, $2, $3)', [sid, JSON.stringify(sess), expires]);
  // express-session's signed cookie: "s:" + sid + "." + base64 HMAC-SHA256 without padding (cookie-signature).
  const signature = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return `arshjulet.sid=${encodeURIComponent(`s:${sid}.${signature}`)}`;
}
