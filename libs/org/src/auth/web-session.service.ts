import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Actor, APP_CONFIG, type AppConfig } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { Request, RequestHandler } from 'express';
import session from 'express-session';
import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { IdentityRepository } from '../access/identity.repository.js';
import { IdentifyingSessionStore } from './identifying-session.store.js';
import { resolveSessionSecret } from './session-secret.js';
import type { Flash } from './session.types.js';
import './session.types.js';

export const SESSION_COOKIE = 'arshjulet.sid';
export const SESSION_TABLE = 'user_session';

/**
 * Web sessions: express-session with the rows in PostgreSQL (shared by every instance, on TypeORM's pool),
 * a rolling idle timeout (the stored expiry moved at most once per touch interval), an absolute lifetime from
 * login (SESSION_MAX_DAYS), and the session id rotated at login.
 */
@Injectable()
export class WebSessionService implements OnModuleDestroy {
  private readonly logger = new Logger(WebSessionService.name);
  private readonly store: IdentifyingSessionStore;
  readonly handler: RequestHandler;

  constructor(connection: TransactionalConnection, identities: IdentityRepository, @Inject(APP_CONFIG) config: AppConfig) {
    const lifetime = { idleSeconds: config.SESSION_IDLE_MINUTES * 60, maxAgeSeconds: config.SESSION_MAX_DAYS * 24 * 60 * 60 };
    this.store = new IdentifyingSessionStore(identities, lifetime, {
      pool: (connection.dataSource.driver as PostgresDriver).master as Pool,
      tableName: SESSION_TABLE,
      createTableIfMissing: false,
      pruneSessionInterval: 15 * 60,
      errorLog: (...args: unknown[]) => this.logger.error(args.map(String).join(' ')),
    });
    this.handler = session({
      name: SESSION_COOKIE,
      secret: resolveSessionSecret(config),
      store: this.store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      unset: 'destroy',
      cookie: {
        httpOnly: true,
        sameSite: 'lax',
        // Production: only ever over TLS (behind a proxy, TRUST_PROXY makes X-Forwarded-Proto count). Elsewhere
        // Secure whenever the request came over TLS, so a development or test instance behind TLS is no weaker.
        secure: config.NODE_ENV === 'production' ? true : 'auto',
        maxAge: Math.round(config.SESSION_IDLE_MINUTES * 60_000),
        path: '/',
      },
    });
  }

  /** Logs `actor` in on a fresh session id, so an id planted before login is worthless after it. */
  async establish(request: Request, actor: Actor): Promise<void> {
    await new Promise<void>((done, fail) => request.session.regenerate((error) => (error ? fail(error) : done())));
    request.session.userId = actor.userId ?? undefined;
    request.session.loggedInAt = new Date().toISOString();
    await this.save(request);
  }

  async destroy(request: Request): Promise<void> {
    if (!request.session) return;
    await new Promise<void>((done, fail) => request.session.destroy((error) => (error ? fail(error) : done())));
  }

  /**
   * Keeps a message for the next page and saves the session now: express-session would save it only while the
   * redirect is already on its way, and a quick browser could load the next page before the message is stored.
   */
  async setFlash(request: Request, flash: Flash): Promise<void> {
    if (!request.session) return;
    request.session.flash = flash;
    await this.save(request);
  }

  /** Remembers which of their delregions the signed-in person acts for (null: all of them), saved before the redirect. */
  async actFor(request: Request, delregionId: string | null): Promise<void> {
    if (delregionId) request.session.actingDelregionId = delregionId;
    else delete request.session.actingDelregionId;
    await this.save(request);
  }

  takeFlash(request: Request): Flash | undefined {
    const flash = request.session?.flash;
    if (flash) delete request.session.flash;
    return flash;
  }

  private save(request: Request): Promise<void> {
    return new Promise<void>((done, fail) => request.session.save((error) => (error ? fail(error) : done())));
  }

  onModuleDestroy(): void {
    this.store.close();
  }
}
