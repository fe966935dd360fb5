import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { UserSession } from './user-session.entity.js';

/** Server-side sessions seen as data: the ones a user has, and ending them (deactivation, new password). */
@Injectable()
export class SessionRegistry {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Ends every session of the user, except `keepSid` (the one changing its own password). Returns how many. */
  async endAllFor(ctx: RequestContext, userId: string, keepSid?: string): Promise<number> {
    const query = this.connection
      .getRepository(ctx, UserSession)
      .createQueryBuilder()
      .delete()
      .where(`sess->>'userId' = :userId`, { userId });
    if (keepSid) query.andWhere('sid <> :keepSid', { keepSid });
    const result = await query.execute();
    return result.affected ?? 0;
  }

  async countActiveFor(ctx: RequestContext, userId: string): Promise<number> {
    return this.connection
      .getRepository(ctx, UserSession)
      .createQueryBuilder('s')
      .where(`s.sess->>'userId' = :userId`, { userId })
      .andWhere('s.expire > now()')
      .getCount();
  }
}
