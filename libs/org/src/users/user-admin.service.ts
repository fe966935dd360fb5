import { Injectable } from '@nestjs/common';
import { RequestContext, Role, VersionConflictException } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { LockKeys, TransactionalConnection } from '@arshjulet/db';
import { PasswordLinkPurpose } from '../auth/password-reset-token.entity.js';
import { PasswordLink, PasswordResetService } from '../auth/password-reset.service.js';
import { SessionRegistry } from '../auth/session-registry.service.js';
import { ApiTokenService } from '../tokens/api-token.service.js';
import { mapUser } from './dto/user.dto.js';
import { RoleAssignment } from './role-assignment.entity.js';
import { User } from './user.entity.js';
import { UserException, UserErrorCode } from './user.exception.js';
import { acceptableEmail, describeAssignment, NewAssignment, NewUser, UserService } from './user.service.js';

export interface UserChanges {
  email?: string;
  name?: string;
}

/**
 * What an administrator does to users. Every write compares and bumps the user's version in one UPDATE
 * (optimistic locking over the whole user, assignments included) and is audited in the same transaction.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly users: UserService,
    private readonly tokens: ApiTokenService,
    private readonly sessions: SessionRegistry,
    private readonly passwordLinks: PasswordResetService,
    private readonly audit: AuditService,
  ) {}

  /** Creates a user without a password and queues their invitation link. */
  async invite(ctx: RequestContext, input: Omit<NewUser, 'password'>): Promise<{ user: User; invitation: PasswordLink }> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const created = await this.users.create(tx, { ...input, password: null });
      const invitation = await this.passwordLinks.issue(tx, created, PasswordLinkPurpose.Invitation);
      return { user: await this.users.get(tx, created.id), invitation };
    });
  }

  async update(ctx: RequestContext, id: string, version: number, changes: UserChanges): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const before = await this.users.get(tx, id);
      const next: UserChanges = {};
      if (changes.name !== undefined && changes.name.trim() !== before.name) next.name = changes.name.trim();
      const email = changes.email === undefined ? undefined : acceptableEmail(changes.email);
      if (email !== undefined && email !== before.email) {
        next.email = email;
        const taken = await this.connection.getRepository(tx, User).existsBy({ email: next.email });
        if (taken) throw UserException.emailTaken(next.email);
      }
      await this.bumpVersion(tx, id, version, next);
      await this.audit.record(tx, {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        before: { name: before.name, email: before.email },
        after: { name: next.name ?? before.name, email: next.email ?? before.email },
      });
      return this.users.get(tx, id);
    });
  }

  /** Deactivates at once: sessions end, tokens are revoked, open password links die. */
  async deactivate(ctx: RequestContext, id: string, version: number): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const user = await this.users.get(tx, id);
      if (user.active && user.assignments.some((a) => a.role === Role.Admin)) await this.requireAnotherAdmin(tx, id);
      await this.bumpVersion(tx, id, version, { active: false });
      const tokensRevoked = await this.tokens.revokeAllFor(tx, id);
      const sessionsEnded = await this.sessions.endAllFor(tx, id);
      await this.passwordLinks.invalidateOpenLinks(tx, id);
      await this.audit.record(tx, {
        action: 'user.deactivated',
        entityType: 'user',
        entityId: id,
        before: { active: user.active },
        after: { active: false, tokensRevoked, sessionsEnded },
      });
      return this.users.get(tx, id);
    });
  }

  async activate(ctx: RequestContext, id: string, version: number): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const user = await this.users.get(tx, id);
      await this.bumpVersion(tx, id, version, { active: true });
      await this.audit.record(tx, { action: 'user.activated', entityType: 'user', entityId: id, before: { active: user.active }, after: { active: true } });
      return this.users.get(tx, id);
    });
  }

  async assignRole(ctx: RequestContext, id: string, version: number, wanted: NewAssignment): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const user = await this.users.get(tx, id);
      const [assignment] = await this.users.resolveAssignments(tx, [wanted]);
      if (!assignment) throw UserException.invalidAssignment('role', 'Ange en roll.');
      if (user.assignments.some((a) => a.role === assignment.role && a.orgUnitId === assignment.orgUnitId)) {
        throw UserException.invalidAssignment('role', 'Användaren har redan den rollen.');
      }
      await this.bumpVersion(tx, id, version);
      const saved = await this.connection.getRepository(tx, RoleAssignment).save({ ...assignment, userId: id });
      await this.audit.record(tx, {
        action: 'user.role_assigned',
        entityType: 'user',
        entityId: id,
        orgUnitId: saved.orgUnitId,
        after: { assignmentId: saved.id, role: describeAssignment(saved) },
      });
      return this.users.get(tx, id);
    });
  }

  async removeRole(ctx: RequestContext, id: string, version: number, assignmentId: string): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const user = await this.users.get(tx, id);
      const assignment = user.assignments.find((a) => a.id === assignmentId);
      if (!assignment) throw UserException.assignmentNotFound();
      if (assignment.role === Role.Admin && user.active) await this.requireAnotherAdmin(tx, id);
      await this.bumpVersion(tx, id, version);
      await this.connection.getRepository(tx, RoleAssignment).delete(assignment.id);
      await this.audit.record(tx, {
        action: 'user.role_removed',
        entityType: 'user',
        entityId: id,
        orgUnitId: assignment.orgUnitId,
        before: { assignmentId: assignment.id, role: describeAssignment(assignment) },
      });
      return this.users.get(tx, id);
    });
  }

  /** Queues a new password link (an invitation if the user never chose a password). */
  async sendPasswordLink(ctx: RequestContext, id: string): Promise<PasswordLink> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const user = await this.users.get(tx, id);
      if (!user.active) throw UserException.notFound();
      const purpose = user.passwordHash ? PasswordLinkPurpose.Reset : PasswordLinkPurpose.Invitation;
      return this.passwordLinks.issue(tx, user, purpose);
    });
  }

  async openPasswordLinks(ctx: RequestContext, id: string): Promise<PasswordLink[]> {
    const user = await this.users.get(ctx, id);
    return this.passwordLinks.openLinks(ctx, user.id);
  }

  /** Compare-and-set on the version: a stale version answers 409 carrying the current user. */
  private async bumpVersion(ctx: RequestContext, id: string, expected: number, changes: Partial<Pick<User, 'name' | 'email' | 'active'>> = {}): Promise<void> {
    const result = await this.connection
      .getRepository(ctx, User)
      .createQueryBuilder()
      .update()
      .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expected', { id, expected })
      .execute();
    if (!result.affected) throw new VersionConflictException(UserErrorCode.VersionConflict, mapUser(await this.users.get(ctx, id)));
  }

  /**
   * Serialised across transactions and instances: two admins deactivating each other at the same moment would
   * otherwise each count the other and leave none. The lock is held until the caller's transaction ends.
   */
  private async requireAnotherAdmin(ctx: RequestContext, exceptUserId: string): Promise<void> {
    await this.connection.manager(ctx).query('SELECT pg_advisory_xact_lock($1)', [LockKeys.LastAdmin]);
    const others = await this.connection
      .getRepository(ctx, RoleAssignment)
      .createQueryBuilder('ra')
      .innerJoin('ra.user', 'user')
      .where('ra.role = :role', { role: Role.Admin })
      .andWhere('user.active = true')
      .andWhere('user.id <> :id', { id: exceptUserId })
      .getCount();
    if (others === 0) throw UserException.lastAdmin();
  }
}
