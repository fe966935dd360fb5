import { Injectable } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { AccessException } from '../access/access.exception.js';
import { passwordHasher } from '../users/password.hasher.js';
import { User } from '../users/user.entity.js';
import { AuthException } from './auth.exception.js';
import { checkPassword } from './password-policy.js';
import { SessionRegistry } from './session-registry.service.js';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** A signed-in user changes their own password; their other sessions end. */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly sessions: SessionRegistry,
    private readonly audit: AuditService,
  ) {}

  async change(ctx: RequestContext, change: PasswordChange, keepSessionId?: string): Promise<void> {
    const userId = ctx.actor?.userId;
    if (!userId) throw AccessException.unauthenticated();
    await this.connection.withTransaction(ctx, async (tx) => {
      const users = this.connection.getRepository(tx, User);
      const user = await users.createQueryBuilder('user').addSelect('user.passwordHash').where('user.id = :userId', { userId }).setLock('pessimistic_write').getOne();
      if (!user) throw AccessException.unauthenticated();
      if (!(await passwordHasher.verify(user.passwordHash, change.currentPassword))) throw AuthException.wrongCurrentPassword();
      const problems = checkPassword(change.newPassword, change.confirmPassword, user.email, 'newPassword');
      if (problems.length) throw AuthException.weakPassword(problems);
      await users.update(userId, { passwordHash: await passwordHasher.hash(change.newPassword), version: () => 'version' });
      const sessionsEnded = await this.sessions.endAllFor(tx, userId, keepSessionId);
      await this.audit.record(tx, { action: 'user.password_changed', entityType: 'user', entityId: userId, after: { otherSessionsEnded: sessionsEnded } });
    });
  }
}
