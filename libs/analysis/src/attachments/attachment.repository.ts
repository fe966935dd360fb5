import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';

export interface AttachmentRow {
  id: string;
  taskId: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string | null;
  uploadedAt: Date;
}

const ATTACHMENT = `SELECT a.id, a.task_id AS "taskId", a.file_name AS "fileName", a.content_type AS "contentType", a.size,
    u.name AS "uploadedBy", a.uploaded_at AS "uploadedAt"
  FROM analysis_attachment a LEFT JOIN app_user u ON u.id = a.uploaded_by_id`;

/** The attachments' SQL; the bytes are read only for a download. */
@Injectable()
export class AttachmentRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  async create(ctx: RequestContext, a: { taskId: string; fileName: string; contentType: string; content: Buffer; userId: string | null }): Promise<string> {
    const [row] = await this.connection.manager(ctx).query(
      `INSERT INTO analysis_attachment (task_id, file_name, content_type, size, content, uploaded_by_id, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING id`,
      [a.taskId, a.fileName, a.contentType, a.content.length, a.content, a.userId],
    );
    return row.id as string;
  }

  list(ctx: RequestContext, taskId: string): Promise<AttachmentRow[]> {
    return this.connection.manager(ctx).query(`${ATTACHMENT} WHERE a.task_id = $1 ORDER BY a.uploaded_at, a.id`, [taskId]);
  }

  async find(ctx: RequestContext, taskId: string, id: string): Promise<AttachmentRow | null> {
    const [row] = await this.connection.manager(ctx).query(`${ATTACHMENT} WHERE a.task_id = $1 AND a.id = $2`, [taskId, id]);
    return (row as AttachmentRow | undefined) ?? null;
  }

  async content(ctx: RequestContext, id: string): Promise<Buffer> {
    const [row] = await this.connection.manager(ctx).query('SELECT content FROM analysis_attachment WHERE id = $1', [id]);
    return row.content as Buffer;
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.connection.manager(ctx).query('DELETE FROM analysis_attachment WHERE id = $1', [id]);
  }
}
