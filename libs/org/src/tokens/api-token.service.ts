import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { IsNull } from 'typeorm';
import { UserService } from '../users/user.service.js';
import { ApiToken } from './api-token.entity.js';

export const API_TOKEN_PREFIX = 'arsh_';

export interface IssuedToken {
  /** Shown to the user once, never stored. */
  token: string;
  record: ApiToken;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly users: UserService,
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

  /** The actor behind a presented token, or null if it is unknown, expired, revoked or its user deactivated. */
  async authenticate(token: string): Promise<Actor | null> {
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const repository = this.connection.dataSource.getRepository(ApiToken);
    const record = await repository.findOneBy({ tokenHash: hashToken(token), revokedAt: IsNull() });
    if (!record || (record.expiresAt && record.expiresAt.getTime() <= Date.now())) return null;
    const actor = await this.users.loadActor(record.userId, 'token', { tokenId: record.id });
    if (actor) await repository.update(record.id, { lastUsedAt: new Date() });
    return actor;
  }
}
