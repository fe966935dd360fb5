import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { IsNull } from 'typeorm';
import { AccessException } from '../access/access.exception.js';
import { IdentityRepository, toActor } from '../access/identity.repository.js';
import { ApiTokenException } from './api-token.exception.js';
import { ApiToken } from './api-token.entity.js';
import { hashToken } from './token-hash.util.js';

export const API_TOKEN_PREFIX = 'arsh_';
export const API_TOKEN_DEFAULT_DAYS = 90;
export const API_TOKEN_MAX_DAYS = 365;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface IssuedToken {
  /** Shown to the user once, never stored. */
  token: string;
  record: ApiToken;
}

/** The acting person's id; tokens always belong to a person. */
function selfId(ctx: RequestContext): string {
  if (!ctx.actor?.userId) throw AccessException.unauthenticated();
  return ctx.actor.userId;
}

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly identities: IdentityRepository,
    private readonly audit: AuditService,
  ) {}

  async issue(ctx: RequestContext, userId: string, name: string, expiresAt: Date | null): Promise<IssuedToken> {
    const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return this.connection.withTransaction(ctx, async (tx) => {
      const record = await this.connection.getRepository(tx, ApiToken).save({
        userId,
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        expiresAt,
        revokedAt: null,
        lastUsedAt: null,
      });
      await this.audit.record(tx, {
        action: 'api_token.created',
        entityType: 'api_token',
        entityId: record.id,
        after: { userId, name, expiresAt: expiresAt?.toISOString() ?? null },
      });
      return { token, record };
    });
  }

  /** A token for the acting user; only a person who logged in (or the CLI) may create one. */
  async issueForSelf(ctx: RequestContext, name: string, expiresInDays = API_TOKEN_DEFAULT_DAYS): Promise<IssuedToken> {
    const userId = selfId(ctx);
    if (ctx.actor?.via === 'token') throw ApiTokenException.requiresLogin();
    return this.issue(ctx, userId, name.trim(), new Date(Date.now() + expiresInDays * 24 * 60 * 60 * 1000));
  }

  /** The user's tokens, newest first, revoked and expired ones included so the list explains itself. */
  async listForUser(ctx: RequestContext, userId: string): Promise<ApiToken[]> {
    return this.connection.getRepository(ctx, ApiToken).find({ where: { userId }, order: { createdAt: 'DESC' } });
  }

  /** Revokes one of the user's own tokens; effective with the next request, since every request looks it up. */
  async revoke(ctx: RequestContext, userId: string, tokenId: string): Promise<void> {
    if (!UUID.test(tokenId)) throw ApiTokenException.notFound();
    await this.connection.withTransaction(ctx, async (tx) => {
      const repository = this.connection.getRepository(tx, ApiToken);
      const token = await repository.findOneBy({ id: tokenId, userId });
      if (!token) throw ApiTokenException.notFound();
      if (token.revokedAt) return;
      await repository.update(token.id, { revokedAt: new Date() });
      await this.audit.record(tx, { action: 'api_token.revoked', entityType: 'api_token', entityId: token.id, after: { userId, name: token.name } });
    });
  }

  listForSelf(ctx: RequestContext): Promise<ApiToken[]> {
    return this.listForUser(ctx, selfId(ctx));
  }

  revokeForSelf(ctx: RequestContext, tokenId: string): Promise<void> {
    return this.revoke(ctx, selfId(ctx), tokenId);
  }

  /** Revokes every live token of a user (deactivation). Returns how many. */
  async revokeAllFor(ctx: RequestContext, userId: string): Promise<number> {
    const result = await this.connection.getRepository(ctx, ApiToken).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return result.affected ?? 0;
  }

  /**
   * The actor behind a presented token, or null if it is unknown, expired, revoked or its user deactivated: one
   * query. Its use is recorded at most once per touch interval, so reading with a token does not write.
   */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const found = await this.identities.findByTokenHash(hashToken(token));
    if (!found) return null;
    if (found.touchDue) await this.identities.touchToken(found.tokenId);
    return toActor(found.identity, 'token', { tokenId: found.tokenId });
  }
}
