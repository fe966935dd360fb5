import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { NotifyService } from '@arshjulet/notify';
import { IsNull, MoreThan } from 'typeorm';
import { hashToken } from '../tokens/token-hash.util.js';
import { passwordHasher } from '../users/password.hasher.js';
import { User } from '../users/user.entity.js';
import { AuthException } from './auth.exception.js';
import { checkPassword } from './password-policy.js';
import { PasswordLinkPurpose, PasswordResetToken } from './password-reset-token.entity.js';
import { SessionRegistry } from './session-registry.service.js';

export const PASSWORD_LINK_TTL_MS = 24 * 60 * 60 * 1000;
export const PASSWORD_LINK_PATH = '/aterstall/';

export interface PasswordLink {
  id: string;
  purpose: PasswordLinkPurpose;
  link: string;
  expiresAt: Date;
  createdAt: Date;
}

export interface OpenPasswordLink {
  purpose: PasswordLinkPurpose;
  email: string;
  name: string;
}

const MESSAGE_KIND: Record<PasswordLinkPurpose, string> = {
  [PasswordLinkPurpose.Invitation]: 'user.invitation',
  [PasswordLinkPurpose.Reset]: 'user.password_reset',
};

/** Invitations and password resets by one-time link: hashed at rest, 24 h, single use, sent through the outbox. */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
    private readonly notify: NotifyService,
    private readonly sessions: SessionRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a link for `user` and queues the message carrying it, in the caller's transaction. */
  async issue(ctx: RequestContext, user: Pick<User, 'id' | 'email' | 'name'>, purpose: PasswordLinkPurpose): Promise<PasswordLink> {
    const token = randomBytes(32).toString('base64url');
    const link = `${this.baseUrl()}${PASSWORD_LINK_PATH}${token}`;
    return this.connection.withTransaction(ctx, async (tx) => {
      const record = await this.connection.getRepository(tx, PasswordResetToken).save({
        userId: user.id,
        tokenHash: hashToken(token),
        purpose,
        expiresAt: new Date(Date.now() + PASSWORD_LINK_TTL_MS),
        usedAt: null,
      });
      await this.notify.enqueue(tx, {
        kind: MESSAGE_KIND[purpose],
        recipient: user.email,
        recipientUserId: user.id,
        ...renderMessage(purpose, user.name, link),
        payload: { link, passwordLinkId: record.id, expiresAt: record.expiresAt.toISOString() },
      });
      await this.audit.record(tx, {
        action: purpose === PasswordLinkPurpose.Invitation ? 'user.invitation_sent' : 'user.password_reset_sent',
        entityType: 'user',
        entityId: user.id,
        after: { passwordLinkId: record.id, expiresAt: record.expiresAt.toISOString() },
      });
      return { id: record.id, purpose, link, expiresAt: record.expiresAt, createdAt: record.createdAt };
    });
  }

  /** Whom an unused, unexpired link is for; a clear exception otherwise. Changes nothing. */
  async inspect(ctx: RequestContext, token: string): Promise<OpenPasswordLink> {
    const { record, user } = await this.find(ctx, token);
    return { purpose: record.purpose, email: user.email, name: user.name };
  }

  /** Sets the password through a link, once: the link is spent, the user's sessions end, other open links die. */
  async consume(ctx: RequestContext, token: string, password: string, confirmation: string): Promise<User> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const { record, user } = await this.find(tx, token);
      const problems = checkPassword(password, confirmation, user.email);
      if (problems.length) throw AuthException.weakPassword(problems);
      // Compare-and-set: of two concurrent submissions only one spends the link.
      const spent = await this.connection
        .getRepository(tx, PasswordResetToken)
        .createQueryBuilder()
        .update()
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL AND expires_at > now()', { id: record.id })
        .execute();
      if (!spent.affected) throw AuthException.linkUsed();
      await this.invalidateOpenLinks(tx, user.id);
      await this.connection.getRepository(tx, User).update(user.id, { passwordHash: await passwordHasher.hash(password), version: () => 'version' });
      await this.sessions.endAllFor(tx, user.id);
      const actorCtx = tx.withActor({ userId: user.id, email: user.email, name: user.name, assignments: [], via: 'session' });
      await this.audit.record(actorCtx, {
        action: record.purpose === PasswordLinkPurpose.Invitation ? 'user.invitation_accepted' : 'user.password_reset',
        entityType: 'user',
        entityId: user.id,
        after: { passwordLinkId: record.id },
      });
      return user;
    });
  }

  /** Links still usable, with the address an administrator can pass on while no e-mail is sent. */
  async openLinks(ctx: RequestContext, userId: string): Promise<PasswordLink[]> {
    const records = await this.connection.getRepository(ctx, PasswordResetToken).find({
      where: { userId, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { createdAt: 'DESC' },
    });
    if (!records.length) return [];
    const messages = await this.notify.pendingFor(ctx, userId, Object.values(MESSAGE_KIND));
    const linkById = new Map(messages.map((message) => [message.payload.passwordLinkId, message.payload.link]));
    return records
      .filter((record) => typeof linkById.get(record.id) === 'string')
      .map((record) => ({ id: record.id, purpose: record.purpose, link: linkById.get(record.id) as string, expiresAt: record.expiresAt, createdAt: record.createdAt }));
  }

  /** Every open link of the user stops working (deactivation, a new password). */
  async invalidateOpenLinks(ctx: RequestContext, userId: string): Promise<void> {
    await this.connection
      .getRepository(ctx, PasswordResetToken)
      .update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
  }

  private async find(ctx: RequestContext, token: string): Promise<{ record: PasswordResetToken; user: User }> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw AuthException.linkUnknown();
    const record = await this.connection.getRepository(ctx, PasswordResetToken).findOneBy({ tokenHash: hashToken(token) });
    if (!record) throw AuthException.linkUnknown();
    if (record.usedAt) throw AuthException.linkUsed();
    if (record.expiresAt.getTime() <= Date.now()) throw AuthException.linkExpired();
    const user = await this.connection.getRepository(ctx, User).findOneBy({ id: record.userId, active: true });
    if (!user) throw AuthException.linkUnknown();
    return { record, user };
  }

  private baseUrl(): string {
    return (this.config.APP_BASE_URL ?? `http://localhost:${this.config.PORT}`).replace(/\/$/, '');
  }
}

/** Kinds of message this service queues; for lookups. */
export const PASSWORD_LINK_MESSAGE_KINDS = Object.values(MESSAGE_KIND);

function renderMessage(purpose: PasswordLinkPurpose, name: string, link: string): { subject: string; body: string } {
  if (purpose === PasswordLinkPurpose.Invitation) {
    return {
      subject: 'Välkommen till Årshjulet – välj ditt lösenord',
      body: `Hej ${name}!\n\nDu har fått ett konto i Årshjulet, Vårdsamverkan Västra Götalands verktyg för den länsgemensamma uppföljningen av god och nära vård.\n\nVälj ditt lösenord här. Länken gäller i 24 timmar och kan bara användas en gång:\n${link}\n\nHar du inte väntat dig det här meddelandet kan du bortse från det.`,
    };
  }
  return {
    subject: 'Årshjulet – återställ ditt lösenord',
    body: `Hej ${name}!\n\nVälj ett nytt lösenord till Årshjulet här. Länken gäller i 24 timmar och kan bara användas en gång:\n${link}\n\nHar du inte bett om att få byta lösenord kan du bortse från det här meddelandet; ditt nuvarande lösenord fortsätter att gälla.`,
  };
}
