import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { LockKeys, TransactionalConnection } from '@arshjulet/db';
import { AnalysisTask } from './analysis-task.entity.js';
import type { TaskStatus } from './task-state.machine.js';

/** A task with what lists and pages show beside it. */
export interface TaskRow {
  id: string;
  cycleId: string;
  cycleYear: number;
  cycleStatus: string;
  delregionId: string;
  delregionCode: string;
  delregionName: string;
  status: TaskStatus;
  dueDate: string;
  dueDateReason: string | null;
  returnComment: string | null;
  templateVersion: string | null;
  lastActivityAt: Date;
  remindersSent: number;
  version: number;
}

export interface TaskFilter {
  cycleId?: string;
  delregionCode?: string;
  status?: TaskStatus;
  /** Delregions the caller may see; null for all. */
  visibleDelregionIds: string[] | null;
  page: number;
  pageSize: number;
}

/** A coordinator who hears about a delregion's task (to) or follows all of them (cc). */
export interface TaskRecipient {
  userId: string;
  email: string;
  name: string;
  /** The delregion they coordinate, or null for county coordinators (in copy). */
  delregionId: string | null;
}

const TASK_ROW = `SELECT t.id, t.cycle_id AS "cycleId", c.year AS "cycleYear", c.status AS "cycleStatus", t.delregion_id AS "delregionId",
    o.code AS "delregionCode", o.name AS "delregionName", t.status, to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
    t.due_date_reason AS "dueDateReason", t.return_comment AS "returnComment", t.template_version AS "templateVersion",
    t.last_activity_at AS "lastActivityAt", t.reminders_sent AS "remindersSent", t.version
  FROM analysis_task t JOIN cycle c ON c.id = t.cycle_id JOIN org_unit o ON o.id = t.delregion_id`;

/** The analysis task's SQL, named by what it does. */
@Injectable()
export class TaskRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** One task per active delregion that has none yet in the cycle (launch, and delregions activated later). */
  async createForActiveDelregions(ctx: RequestContext, cycleId: string, dueDate: string, templateVersion: string | null): Promise<number> {
    // After a deactivation in progress (it holds this lock from its start): the statement below then sees it.
    await this.connection.manager(ctx).query('SELECT pg_advisory_xact_lock($1)', [LockKeys.DelregionTasks]);
    const rows: unknown[] = await this.connection.manager(ctx).query(
      `INSERT INTO analysis_task (cycle_id, delregion_id, due_date, template_version, version)
       SELECT $1, o.id, $2, $3, 1 FROM org_unit o WHERE o.type = 'delregion' AND o.active
       ON CONFLICT (cycle_id, delregion_id) DO NOTHING
       RETURNING id`,
      [cycleId, dueDate, templateVersion],
    );
    return rows.length;
  }

  async findRow(ctx: RequestContext, id: string): Promise<TaskRow | null> {
    const [row] = await this.connection.manager(ctx).query(`${TASK_ROW} WHERE t.id = $1`, [id]);
    return (row as TaskRow | undefined) ?? null;
  }

  lockById(ctx: RequestContext, id: string): Promise<AnalysisTask | null> {
    return this.connection.getRepository(ctx, AnalysisTask).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(ctx: RequestContext, task: AnalysisTask): Promise<AnalysisTask> {
    return this.connection.getRepository(ctx, AnalysisTask).save(task);
  }

  async page(ctx: RequestContext, filter: TaskFilter): Promise<[TaskRow[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.cycleId) add('t.cycle_id = ?', filter.cycleId);
    if (filter.delregionCode) add('o.code = ?', filter.delregionCode);
    if (filter.status) add('t.status = ?', filter.status);
    if (filter.visibleDelregionIds) add('t.delregion_id = ANY(?::uuid[])', filter.visibleDelregionIds);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const manager = this.connection.manager(ctx);
    const [{ total }] = await manager.query(`SELECT count(*)::int AS total FROM (${TASK_ROW} ${condition}) x`, params);
    const rows: TaskRow[] = await manager.query(
      `${TASK_ROW} ${condition} ORDER BY c.year DESC, o.code LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    return [rows, total];
  }

  /** Every task of the given cycles with its delregion, in ONE statement (overviews must not grow with the data). */
  rowsOfCycles(ctx: RequestContext, cycleIds: string[]): Promise<TaskRow[]> {
    return this.connection.manager(ctx).query(`${TASK_ROW} WHERE t.cycle_id = ANY($1::uuid[]) ORDER BY o.code`, [cycleIds]);
  }

  /** Open tasks (not submitted or accepted) of cycles whose tasks still move (see the task machine): who the reminder job looks at. */
  openTasksOfRunningAnalyses(ctx: RequestContext): Promise<TaskRow[]> {
    return this.connection
      .manager(ctx)
      .query(`${TASK_ROW} WHERE c.status IN ('analysis', 'review') AND t.status IN ('not_started', 'in_progress', 'returned') ORDER BY c.year, o.code`);
  }

  async countReminder(ctx: RequestContext, taskId: string): Promise<void> {
    await this.connection.manager(ctx).query('UPDATE analysis_task SET reminders_sent = reminders_sent + 1 WHERE id = $1', [taskId]);
  }

  /**
   * Active delregion coordinators of `delregionIds` and every active county coordinator (in copy), in one
   * statement.
   */
  recipients(ctx: RequestContext, delregionIds: string[]): Promise<TaskRecipient[]> {
    return this.connection.manager(ctx).query(
      `SELECT DISTINCT u.id AS "userId", u.email, u.name, CASE WHEN ra.role = 'delregion_coordinator' THEN ra.org_unit_id END AS "delregionId"
       FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id
       WHERE u.active AND (ra.role = 'county_coordinator' OR (ra.role = 'delregion_coordinator' AND ra.org_unit_id = ANY($1::uuid[])))
       ORDER BY u.email`,
      [delregionIds],
    );
  }

  /** Everyone taking part in a cycle (every active user with a role other than reader), for phase announcements. */
  participants(ctx: RequestContext): Promise<Array<{ userId: string; email: string; name: string }>> {
    return this.connection.manager(ctx).query(
      `SELECT DISTINCT u.id AS "userId", u.email, u.name FROM app_user u JOIN role_assignment ra ON ra.user_id = u.id
       WHERE u.active AND ra.role <> 'viewer' ORDER BY u.email`,
    );
  }

  /** The user's own tasks (delregions they coordinate) in cycles that are not closed, for their calendar. */
  tasksOfCoordinator(ctx: RequestContext, userId: string): Promise<TaskRow[]> {
    return this.connection.manager(ctx).query(
      `${TASK_ROW} WHERE c.status <> 'closed' AND t.delregion_id IN (
         SELECT ra.org_unit_id FROM role_assignment ra WHERE ra.user_id = $1 AND ra.role = 'delregion_coordinator')
       ORDER BY t.due_date`,
      [userId],
    );
  }
}
