import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { type Cycle, type CycleAction, type CycleHook, CycleHooks } from '@arshjulet/cycle';
import { DecisionRepository } from '../decisions/decision.repository.js';

/**
 * Act: closing a cycle turns its decisions into next year's actions, in the close's own transaction. Idempotent by
 * the unique decision id: a re-close after a reopen adds actions only for decisions recorded in between.
 */
@Injectable()
export class ActHook implements CycleHook, OnModuleInit {
  constructor(
    private readonly hooks: CycleHooks,
    private readonly decisions: DecisionRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onTransition(ctx: RequestContext, cycle: Cycle, action: CycleAction): Promise<void> {
    if (action !== 'close') return;
    const created = await this.decisions.createActions(ctx, cycle.id, cycle.year + 1);
    if (created > 0) {
      await this.audit.record(ctx, { action: 'decision.actions_created', entityType: 'cycle', entityId: cycle.id, orgUnitId: null, after: { year: cycle.year + 1, actions: created } });
    }
  }
}
