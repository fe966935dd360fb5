import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

export interface CommentRow {
  id: string;
  taskId: string;
  target: string | null;
  parentId: string | null;
  body: string;
  author: string | null;
  authorId: string | null;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  createdAt: Date;
  version: number;
}

const COMMENT = `SELECT c.id, c.task_id AS "taskId", c.target, c.parent_id AS "parentId", c.body, a.name AS author, c.author_id AS "authorId",
    c.resolved_at AS "resolvedAt", r.name AS "resolvedBy", c.created_at AS "createdAt", c.version
  FROM analysis_comment c LEFT JOIN app_user a ON a.id = c.author_id LEFT JOIN app_user r ON r.id = c.resolved_by_id`;

/** The review comments' SQL, named by what it does. */
@Injectable()
export class CommentRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async create(
    ctx: RequestContext,
    comment: { taskId: string; target: string | null; parentId: string | null; body: string; authorId: string | null },
  ): Promise<string> {
    const [row] = await this.connection.manager(ctx).query(
      `INSERT INTO analysis_comment (task_id, target, parent_id, body, author_id, created_at, version)
       VALUES ($1, $2, $3, $4, $5, clock_timestamp(), 1) RETURNING id`,
      [comment.taskId, comment.target, comment.parentId, comment.body, comment.authorId],
    );
    return row.id as string;
  }

  list(ctx: RequestContext, taskId: string): Promise<CommentRow[]> {
    return this.connection.manager(ctx).query(`${COMMENT} WHERE c.task_id = $1 ORDER BY c.created_at, c.id`, [taskId]);
  }

  async find(ctx: RequestContext, taskId: string, id: string): Promise<CommentRow | null> {
    const [row] = await this.connection.manager(ctx).query(`${COMMENT} WHERE c.task_id = $1 AND c.id = $2`, [taskId, id]);
    return (row as CommentRow | undefined) ?? null;
  }

  /** Marks a thread resolved once; resolving it again changes nothing. */
  async resolve(ctx: RequestContext, id: string, userId: string | null): Promise<void> {
    await this.connection
      .manager(ctx)
      .query('UPDATE analysis_comment SET resolved_at = now(), resolved_by_id = $2, version = version + 1 WHERE id = $1 AND resolved_at IS NULL', [id, userId]);
  }
}
