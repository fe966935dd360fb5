import { Injectable } from '@nestjs/common';
import { Actor, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { passwordHasher } from '../users/password.hasher.js';
import { User } from '../users/user.entity.js';
import { normalizeEmail } from '../users/email-address.util.js';
import { UserService } from '../users/user.service.js';
import { AuthException } from './auth.exception.js';
import { accountTracker, LOGIN_THROTTLE_ACCOUNT, throttleKey } from './login-throttle.js';
import { PgThrottlerStorage } from './pg-throttler.storage.js';

/** Checks e-mail and password. Unknown e-mail, wrong password and a deactivated account look exactly alike. */
@Injectable()
export class LoginService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly users: UserService,
    private readonly audit: AuditService,
    private readonly throttle: PgThrottlerStorage,
  ) {}

  async verify(ctx: RequestContext, email: string, password: string): Promise<Actor> {
    const normalized = normalizeEmail(email);
    const user = normalized
      ? await this.connection.getRepository(ctx, User).createQueryBuilder('user').addSelect('user.passwordHash').where('user.email = :email', { email: normalized }).getOne()
      : null;
    // verify() spends the same time on a missing hash, so response time does not tell whether the e-mail exists.
    const valid = await passwordHasher.verify(user?.active ? user.passwordHash : null, password);
    const actor = valid && user ? await this.users.loadActor(user.id, 'session') : null;
    if (!user || !actor) {
      await this.audit.record(ctx, { action: 'auth.login_failed', entityType: 'user', entityId: user?.id ?? null, after: { email: normalized.slice(0, 320) } });
      throw AuthException.invalidCredentials();
    }
    await this.throttle.reset(throttleKey(LOGIN_THROTTLE_ACCOUNT, accountTracker(normalized)));
    await this.connection.withTransaction(ctx.withActor(actor), async (tx) => {
      // Not an edit of the user: leave the version alone, or every login would make an admin's form stale.
      await this.connection.getRepository(tx, User).update(user.id, { lastLoginAt: new Date(), version: () => 'version', updatedAt: () => 'updated_at' });
      await this.audit.record(tx, { action: 'auth.login_succeeded', entityType: 'user', entityId: user.id });
    });
    return actor;
  }

  async logout(ctx: RequestContext): Promise<void> {
    if (!ctx.actor?.userId) return;
    await this.audit.record(ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  }
}
