import connectPgSimple from 'connect-pg-simple';
import session, { type SessionData } from 'express-session';
import { IdentityRepository } from '../access/identity.repository.js';
import type { LoadedSession } from './session.types.js';

const PgStore = connectPgSimple(session);

export interface SessionLifetime {
  idleSeconds: number;
  /** Absolute lifetime from login (SESSION_MAX_DAYS), however busy the session is. */
  maxAgeSeconds: number;
}

/**
 * connect-pg-simple's store (destroy, pruning) with its reads and writes replaced: loading a session also
 * loads its user, roles and scopes in the same query (the AuthGuard reads them from `session.loaded`), and a
 * request that changes nothing moves the expiry forward at most once per touch interval instead of on every
 * request. `loaded` is recomputed on every load and never stored.
 */
export class IdentifyingSessionStore extends PgStore {
  private firstPrune: NodeJS.Timeout | undefined;

  constructor(
    private readonly identities: IdentityRepository,
    private readonly lifetime: SessionLifetime,
    options: connectPgSimple.PGStoreOptions & { pruneSessionInterval: number },
  ) {
    super(options);
    // connect-pg-simple arms its prune timer from its own get/set, which are replaced here.
    this.firstPrune = setTimeout(() => this.pruneSessions(), options.pruneSessionInterval * 1000);
    this.firstPrune.unref();
  }

  override get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): void {
    this.identities.findSession(sid, this.lifetime.idleSeconds, this.lifetime.maxAgeSeconds).then(
      (row) => {
        if (!row) return callback(null, null);
        const loaded: LoadedSession = { identity: row.identity, touchDue: row.touch_due };
        callback(null, { ...(row.sess as unknown as SessionData), loaded });
      },
      (error: unknown) => callback(error),
    );
  }

  override set(sid: string, sess: SessionData, callback?: (err?: unknown) => void): void {
    const { loaded: _loaded, ...stored } = sess;
    this.identities.saveSession(sid, stored, this.expiry(sess)).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override touch(sid: string, sess: SessionData, callback?: (err?: unknown) => void): void {
    if (sess.loaded && !sess.loaded.touchDue) return callback?.();
    this.identities.touchSession(sid, this.expiry(sess)).then(() => callback?.(), (error: unknown) => callback?.(error));
  }

  override close(): void {
    clearTimeout(this.firstPrune);
    super.close();
  }

  /** The cookie's rolling expiry, but never past the absolute lifetime since login. */
  private expiry(sess: SessionData): Date {
    const idle = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + this.lifetime.idleSeconds * 1000);
    if (!sess.loggedInAt) return idle;
    const absolute = new Date(new Date(sess.loggedInAt).getTime() + this.lifetime.maxAgeSeconds * 1000);
    return absolute < idle ? absolute : idle;
  }
}
