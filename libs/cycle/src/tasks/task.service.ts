import { Injectable } from '@nestjs/common';
import type { RequestContext, TransitionInput } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { AccessService, Permission } from '@arshjulet/org';
import { TransitionRunner } from '@arshjulet/workflow';
import { CycleException } from '../cycle.exception.js';
import { draftsFor } from '../cycles/cycle-messages.js';
import { daysBetween, todayInStockholm } from '../cycles/cycle-dates.js';
import { TaskHooks } from './task-hooks.js';
import { TaskRepository, type TaskRow } from './task.repository.js';
import { TASK_MACHINE, TASK_STATUS_LABELS_SV, type TaskAction, type TaskStatus } from './task-state.machine.js';

/** A task as lists and pages show it: `overdue` and `daysLeft` computed from today in Stockholm. */
export interface TaskView extends TaskRow {
  overdue: boolean;
  /** Negative when overdue; null once submitted or accepted. */
  daysLeft: number | null;
  allowedActions: TaskAction[];
  /** Share (0..1) of the template's required fields answered in the draft; 0 before anything is saved. */
  completeness: number;
}

export function isOpen(status: TaskStatus): boolean {
  return status === 'not_started' || status === 'in_progress' || status === 'returned';
}

/** Overdue is never stored: an open task whose due date has passed, in Europe/Stockholm. */
export function isOverdue(row: Pick<TaskRow, 'status' | 'dueDate'>, today: string): boolean {
  return isOpen(row.status) && row.dueDate < today;
}

/** Reading tasks, their transitions and the county coordinator's due-date extension. */
@Injectable()
export class TaskService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly tasks: TaskRepository,
    private readonly runner: TransitionRunner,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly hooks: TaskHooks,
  ) {}

  async list(
    ctx: RequestContext,
    filter: { cycleId?: string; delregionCode?: string; status?: TaskStatus; page: number; pageSize: number },
    today = todayInStockholm(),
  ): Promise<[TaskView[], number]> {
    const visibleDelregionIds = this.access.visibleOrgUnits(ctx, Permission.AnalysisRead);
    const [rows, total] = await this.tasks.page(ctx, { ...filter, visibleDelregionIds });
    const completeness = await this.hooks.completeness(ctx, rows.map((row) => row.id));
    return [rows.map((row) => this.view(ctx, row, today, completeness)), total];
  }

  /** One task; another delregion's answers 404 and is audited. */
  async get(ctx: RequestContext, id: string, today = todayInStockholm()): Promise<TaskView> {
    const row = await this.tasks.findRow(ctx, id);
    if (!row) throw CycleException.taskNotFound();
    await this.access.requireAccess(ctx, Permission.AnalysisRead, { entityType: 'analysis_task', entityId: id, orgUnitId: row.delregionId });
    return this.view(ctx, row, today, await this.hooks.completeness(ctx, [id]));
  }

  async transition(ctx: RequestContext, id: string, action: TaskAction, input: TransitionInput = {}, expectedVersion?: number): Promise<TaskView> {
    await this.runner.run(ctx, {
      machine: TASK_MACHINE,
      entityType: 'analysis_task',
      action,
      input,
      expectedVersion,
      versionOf: (s) => s.task.version,
      load: async (tx) => {
        const task = await this.tasks.lockById(tx, id);
        const row = task && (await this.tasks.findRow(tx, id));
        if (!task || !row) throw CycleException.taskNotFound();
        // Outside the caller's delregion the task does not exist for them (404, audited), whatever the action.
        await this.access.requireAccess(tx, Permission.AnalysisRead, { entityType: 'analysis_task', entityId: id, orgUnitId: task.delregionId });
        return { task, cycleStatus: row.cycleStatus, cycleYear: row.cycleYear, delregionName: row.delregionName };
      },
      stateOf: (s) => s.task.status,
      idOf: (s) => s.task.id,
      orgUnitOf: (s) => s.task.delregionId,
      apply: async (tx, s, to, given) => {
        s.task.status = to;
        s.task.lastActivityAt = new Date();
        if (action === 'return') s.task.returnComment = given.reason?.trim() ?? null;
        // The analysis lib checks a submission and stores its revision here, in this transaction.
        await this.hooks.onTransition(tx, s.task, action, given);
        return { ...s, task: await this.tasks.save(tx, s.task) };
      },
      effects: async (tx, s, t, given) => {
        const recipients = await this.tasks.recipients(tx, [s.task.delregionId]);
        // Submissions go to the county; returns and acceptances to the delregion's own coordinators.
        const people = recipients.filter((r) => (action === 'submit' ? r.delregionId === null : r.delregionId !== null));
        const label = TASK_STATUS_LABELS_SV[t.to];
        const text = `${s.delregionName}: analysen för årshjulet ${s.cycleYear} är nu ”${label}”.${given.reason ? `\nKommentar: ${given.reason.trim()}` : ''}`;
        return draftsFor(people, {
          kind: `task.${t.to}`,
          subject: `Analys ${s.cycleYear} – ${s.delregionName}: ${label}`,
          text,
          link: `/arshjul/${s.cycleYear}/uppgifter/${s.task.id}`,
          key: `task.${t.to}:${s.task.id}:${s.task.version}`,
        });
      },
    });
    return this.get(ctx, id);
  }

  /** The county coordinator moves a task's due date, with a reason; a stale version answers 409. */
  async extendDueDate(ctx: RequestContext, id: string, version: number, dueDate: string, reason: string): Promise<TaskView> {
    await this.connection.withTransaction(ctx, async (tx) => {
      const task = await this.tasks.lockById(tx, id);
      if (!task) throw CycleException.taskNotFound();
      if (task.version !== version) throw CycleException.taskVersionConflict({ id, version: task.version, dueDate: task.dueDate, status: task.status });
      if (task.status === 'accepted') throw CycleException.taskClosed();
      const before = { dueDate: task.dueDate };
      task.dueDate = dueDate;
      task.dueDateReason = reason.trim();
      task.lastActivityAt = new Date();
      await this.tasks.save(tx, task);
      await this.audit.record(tx, {
        action: 'task.due_date_changed', entityType: 'analysis_task', entityId: id, orgUnitId: task.delregionId, before, after: { dueDate, reason: task.dueDateReason },
      });
    });
    return this.get(ctx, id);
  }

  view(ctx: RequestContext, row: TaskRow, today: string, completeness: Map<string, number> = new Map()): TaskView {
    return {
      ...row,
      overdue: isOverdue(row, today),
      daysLeft: isOpen(row.status) ? daysBetween(today, row.dueDate) : null,
      allowedActions: this.runner.allowedActions(ctx, TASK_MACHINE, row.status, row.delregionId),
      completeness: completeness.get(row.id) ?? 0,
    };
  }
}
