import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { type OrgUnit, type OrgUnitHook, OrgUnitHooks, OrgUnitType } from '@arshjulet/org';
import { TASK_STATUS_LABELS_SV, type TaskStatus } from '../tasks/task-state.machine.js';

/**
 * A delregion with a task in a cycle that is not closed stays active: its analysis is still to be submitted or
 * reviewed, or is part of that year's report and decisions. Registered with org's hooks (org sits below cycle).
 */
@Injectable()
export class RunningTasksOrgHook implements OrgUnitHook, OnModuleInit {
  constructor(
    private readonly hooks: OrgUnitHooks,
    private readonly connection: TransactionalConnection,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async deactivationRefusal(ctx: RequestContext, unit: OrgUnit): Promise<string | null> {
    if (unit.type !== OrgUnitType.Delregion) return null;
    const running: Array<{ year: number; status: TaskStatus }> = await this.connection.manager(ctx).query(
      `SELECT c.year, t.status FROM analysis_task t JOIN cycle c ON c.id = t.cycle_id
        WHERE t.delregion_id = $1 AND c.status <> 'closed' ORDER BY c.year`,
      [unit.id],
    );
    if (running.length === 0) return null;
    const listed = running.map((task) => `${task.year} (uppgiften: ${TASK_STATUS_LABELS_SV[task.status]})`).join(', ');
    return running.length === 1
      ? `${unit.name} har en analysuppgift i årshjulet ${listed}, som inte är avslutat. Delregionen kan inaktiveras när årshjulet är avslutat.`
      : `${unit.name} har analysuppgifter i årshjulen ${listed}, som inte är avslutade. Delregionen kan inaktiveras när årshjulen är avslutade.`;
  }
}
