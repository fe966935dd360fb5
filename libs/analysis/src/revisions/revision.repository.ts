import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { Answers } from '@arshjulet/templates';

export interface RevisionRow {
  id: string;
  taskId: string;
  number: number;
  answers: Answers;
  templateVersionId: string | null;
  submittedBy: string | null;
  submittedAt: Date;
}

const REVISION = `SELECT r.id, r.task_id AS "taskId", r.number, r.answers, r.template_version_id AS "templateVersionId",
    u.name AS "submittedBy", r.submitted_at AS "submittedAt"
  FROM analysis_revision r LEFT JOIN app_user u ON u.id = r.submitted_by_id`;

/** The revisions' SQL: written once per submission, read as they were. */
@Injectable()
export class RevisionRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** The next number is taken under the task's row lock, which the submitting transition holds. */
  async create(ctx: RequestContext, taskId: string, answers: Answers, templateVersionId: string | null, userId: string | null): Promise<number> {
    const [row] = await this.connection.manager(ctx).query(
      `INSERT INTO analysis_revision (task_id, number, answers, template_version_id, submitted_by_id, submitted_at)
       SELECT $1, COALESCE(MAX(number), 0) + 1, $2::jsonb, $3, $4, now() FROM analysis_revision WHERE task_id = $1
       RETURNING number`,
      [taskId, JSON.stringify(answers), templateVersionId, userId],
    );
    return Number(row.number);
  }

  list(ctx: RequestContext, taskId: string): Promise<RevisionRow[]> {
    return this.connection.manager(ctx).query(`${REVISION} WHERE r.task_id = $1 ORDER BY r.number`, [taskId]);
  }

  async find(ctx: RequestContext, taskId: string, number: number): Promise<RevisionRow | null> {
    const [row] = await this.connection.manager(ctx).query(`${REVISION} WHERE r.task_id = $1 AND r.number = $2`, [taskId, number]);
    return (row as RevisionRow | undefined) ?? null;
  }
}
