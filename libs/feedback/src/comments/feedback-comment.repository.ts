import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

export interface FeedbackCommentRow {
  id: string;
  cycleId: string;
  reportVersionId: string;
  reportVersionNumber: number;
  sectionId: string;
  body: string;
  parentId: string | null;
  author: string | null;
  authorId: string | null;
  createdAt: Date;
}

const COMMENT = `SELECT c.id, c.cycle_id AS "cycleId", c.report_version_id AS "reportVersionId", c.report_version_number AS "reportVersionNumber", c.section_id AS "sectionId", c.body,
    c.parent_id AS "parentId", u.name AS author, c.author_id AS "authorId", c.created_at AS "createdAt"
  FROM feedback_comment c LEFT JOIN app_user u ON u.id = c.author_id`;

/** The feedback comments' SQL, named by what it does. */
@Injectable()
export class FeedbackCommentRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async create(
    ctx: RequestContext,
    comment: { cycleId: string; reportVersionId: string; reportVersionNumber: number; sectionId: string; body: string; parentId: string | null; authorId: string | null },
  ): Promise<string> {
    const [row] = await this.connection.manager(ctx).query(
      `INSERT INTO feedback_comment (cycle_id, report_version_id, report_version_number, section_id, body, parent_id, author_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp()) RETURNING id`,
      [comment.cycleId, comment.reportVersionId, comment.reportVersionNumber, comment.sectionId, comment.body, comment.parentId, comment.authorId],
    );
    return row.id as string;
  }

  /** The cycle's comments and answers on every version of its report, oldest first. */
  listForCycle(ctx: RequestContext, cycleId: string): Promise<FeedbackCommentRow[]> {
    return this.connection.manager(ctx).query(`${COMMENT} WHERE c.cycle_id = $1 ORDER BY c.created_at, c.id LIMIT 5000`, [cycleId]);
  }

  async find(ctx: RequestContext, cycleId: string, id: string): Promise<FeedbackCommentRow | null> {
    const [row] = await this.connection.manager(ctx).query(`${COMMENT} WHERE c.cycle_id = $1 AND c.id = $2`, [cycleId, id]);
    return (row as FeedbackCommentRow | undefined) ?? null;
  }
}
