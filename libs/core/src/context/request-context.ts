import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Role } from './role.js';

export interface RoleAssignmentRef {
  role: Role;
  /** The delregion a scoped role applies to; null for county-wide roles. */
  orgUnitId: string | null;
}

/** Who is acting. Built once per request by the authentication guard, or by the CLI and the scheduler. */
export interface Actor {
  userId: string | null;
  email: string;
  name: string;
  assignments: readonly RoleAssignmentRef[];
  via: 'session' | 'token' | 'cli' | 'system';
  sessionId?: string;
  tokenId?: string;
}

type AfterCommit = () => void | Promise<void>;

/**
 * Travels as the first argument of every service method (Vendure's RequestContext): the acting user and
 * their scopes, the request id for logs and audit, and the open transaction, if any.
 */
export class RequestContext {
  private constructor(
    readonly requestId: string,
    readonly actor: Actor | null,
    readonly ip: string | null,
    /** Set inside {@link TransactionalConnection.withTransaction}; services read and write through it. */
    readonly manager: EntityManager | null,
    private readonly afterCommitQueue: AfterCommit[] | null,
  ) {}

  static create(init: { requestId?: string; actor?: Actor | null; ip?: string | null } = {}): RequestContext {
    return new RequestContext(init.requestId ?? randomUUID(), init.actor ?? null, init.ip ?? null, null, null);
  }

  /** A context for work nobody asked for in a request: start-up, the scheduler, migrations. */
  static system(name = 'system'): RequestContext {
    return RequestContext.create({
      actor: { userId: null, email: `${name}@arshjulet.local`, name, assignments: [{ role: Role.Admin, orgUnitId: null }], via: 'system' },
    });
  }

  get isAuthenticated(): boolean {
    return this.actor !== null;
  }

  get inTransaction(): boolean {
    return this.manager !== null;
  }

  hasRole(role: Role): boolean {
    return this.actor?.assignments.some((assignment) => assignment.role === role) ?? false;
  }

  /** Org units the actor holds `role` for (empty for county-wide roles). */
  scopesFor(role: Role): string[] {
    return (this.actor?.assignments ?? [])
      .filter((assignment) => assignment.role === role && assignment.orgUnitId !== null)
      .map((assignment) => assignment.orgUnitId as string);
  }

  withActor(actor: Actor | null): RequestContext {
    return new RequestContext(this.requestId, actor, this.ip, this.manager, this.afterCommitQueue);
  }

  /** Used by the transaction helper only. */
  withTransaction(manager: EntityManager, queue: AfterCommit[]): RequestContext {
    return new RequestContext(this.requestId, this.actor, this.ip, manager, queue);
  }

  /**
   * Runs `job` once the surrounding transaction has committed (never if it rolls back), so notifications
   * and events only describe changes that happened. Outside a transaction it runs at once.
   */
  async afterCommit(job: AfterCommit): Promise<void> {
    if (this.afterCommitQueue) this.afterCommitQueue.push(job);
    else await job();
  }
}
