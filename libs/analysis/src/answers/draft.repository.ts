import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { Answers } from '@arshjulet/templates';

/** A task's draft with the name of whoever saved it last. */
export interface DraftRow {
  answers: Answers;
  version: number;
  completeness: number;
  savedBy: string | null;
  savedAt: Date | null;
}

/** The drafts' SQL, named by what it does. */
@Injectable()
export class DraftRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async find(ctx: RequestContext, taskId: string): Promise<DraftRow | null> {
    const [row] = await this.connection.manager(ctx).query(
      `SELECT d.answers, d.version, d.completeness, u.name AS "savedBy", d.updated_at AS "savedAt"
         FROM analysis_draft d LEFT JOIN app_user u ON u.id = d.updated_by_id WHERE d.task_id = $1`,
      [taskId],
    );
    return (row as DraftRow | undefined) ?? null;
  }

  /** Writes the answers as version `version` (1 creates the draft); the caller holds the task's row lock. */
  async write(ctx: RequestContext, taskId: string, answers: Answers, completeness: number, version: number, userId: string | null): Promise<void> {
    await this.connection.manager(ctx).query(
      `INSERT INTO analysis_draft (task_id, answers, completeness, updated_by_id, updated_at, version)
       VALUES ($1, $2::jsonb, $3, $4, now(), $5)
       ON CONFLICT (task_id) DO UPDATE SET answers = EXCLUDED.answers, completeness = EXCLUDED.completeness,
         updated_by_id = EXCLUDED.updated_by_id, updated_at = now(), version = EXCLUDED.version`,
      [taskId, JSON.stringify(answers), completeness, userId, version],
    );
  }

  /** Completeness per task, in one statement (overviews and task lists). */
  async completeness(ctx: RequestContext, taskIds: string[]): Promise<Map<string, number>> {
    const rows: Array<{ taskId: string; completeness: number }> = await this.connection
      .manager(ctx)
      .query('SELECT task_id AS "taskId", completeness FROM analysis_draft WHERE task_id = ANY($1::uuid[])', [taskIds]);
    return new Map(rows.map((row) => [row.taskId, Number(row.completeness)]));
  }
}
