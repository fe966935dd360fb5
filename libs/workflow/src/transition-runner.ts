import { Injectable } from '@nestjs/common';
import type { RequestContext, StateMachine, TransitionDef, TransitionInput } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { type OutboxDraft, OutboxService } from '@arshjulet/notify';
import { AccessService, type Permission } from '@arshjulet/org';
import { OptimisticLockVersionMismatchError } from 'typeorm';
import { WorkflowException } from './workflow.exception.js';

export interface TransitionSpec<S extends string, A extends string, R> {
  machine: StateMachine<S, A, R>;
  entityType: string;
  /** Loads and locks the subject in ctx's transaction (pessimistic_write); throws the lib's own NotFound. */
  load: (ctx: RequestContext) => Promise<R>;
  stateOf: (subject: R) => S;
  idOf: (subject: R) => string;
  /** The delregion, for scoped transitions (and the audit row). */
  orgUnitOf: (subject: R) => string | null;
  action: A;
  input?: TransitionInput;
  /** The version the client saw; a different current version answers 409. */
  expectedVersion?: number;
  /** Reads the subject's version; defaults to its `version` property. */
  versionOf?: (subject: R) => number | null;
  /** Saves the new state (with the @VersionColumn); returns the saved subject. */
  apply: (ctx: RequestContext, subject: R, to: S, input: TransitionInput) => Promise<R>;
  /** Messages the change announces, written as outbox rows in the same transaction. */
  effects?: (ctx: RequestContext, subject: R, t: TransitionDef<S, A, R>, input: TransitionInput) => Promise<OutboxDraft[]> | OutboxDraft[];
}

/**
 * The one path every transition takes, in one transaction: lock → table → access → reason/guard → save with
 * version → audit row → outbox rows. A failure anywhere leaves no state change, no audit row and no message.
 */
@Injectable()
export class TransitionRunner {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  run<S extends string, A extends string, R>(ctx: RequestContext, spec: TransitionSpec<S, A, R>): Promise<R> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const input: TransitionInput = spec.input ?? {};
      const subject = await spec.load(tx);
      const state = spec.stateOf(subject);
      const orgUnitId = spec.orgUnitOf(subject);
      const t = spec.machine.find(state, spec.action);
      if (!t) throw WorkflowException.illegal(spec.machine, spec.action, state, this.allowedActions(tx, spec.machine, state, orgUnitId));

      const permission = t.permission as Permission;
      if (t.scope === 'delregion') {
        await this.access.requireAccess(tx, permission, { entityType: spec.entityType, entityId: spec.idOf(subject), orgUnitId });
      } else {
        this.access.requirePermission(tx, permission);
      }

      const version = (spec.versionOf ?? defaultVersionOf)(subject);
      if (spec.expectedVersion !== undefined && version !== spec.expectedVersion) throw WorkflowException.stale(version, state);
      if (t.requiresReason && !input.reason?.trim()) throw WorkflowException.reasonRequired();
      const refusal = t.guard ? await t.guard(subject, input) : null;
      if (refusal) throw WorkflowException.guardRefused(spec.action, state, refusal);

      let saved: R;
      try {
        saved = await spec.apply(tx, subject, t.to, input);
      } catch (error) {
        if (error instanceof OptimisticLockVersionMismatchError) throw WorkflowException.stale(null, state);
        throw error;
      }
      await this.audit.record(tx, {
        action: t.audit,
        entityType: spec.entityType,
        entityId: spec.idOf(subject),
        orgUnitId,
        before: { state },
        after: { state: t.to, reason: input.reason?.trim() || null },
      });
      if (spec.effects) await this.outbox.enqueue(tx, await spec.effects(tx, saved, t, input));
      return saved;
    });
  }

  /** Actions the actor could take from `state` on a subject of `orgUnitId` (for 409 bodies and for buttons on pages). */
  allowedActions<S extends string, A extends string, R>(ctx: RequestContext, machine: StateMachine<S, A, R>, state: S, orgUnitId: string | null): A[] {
    return machine.allowedActions(state, (t) => {
      const permission = t.permission as Permission;
      return t.scope === 'delregion' ? this.access.canAccess(ctx, permission, orgUnitId) : this.access.hasPermission(ctx, permission);
    });
  }
}

function defaultVersionOf(subject: unknown): number | null {
  const version = (subject as { version?: unknown } | null)?.version;
  return typeof version === 'number' ? version : null;
}
