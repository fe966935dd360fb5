import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { AnalysisException } from '../analysis.exception.js';
import { AnalysisTasks } from '../tasks/analysis-tasks.service.js';
import { cleanFileName, detectAttachmentType } from './attachment-type.js';
import { AttachmentRepository, type AttachmentRow } from './attachment.repository.js';

export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

/** The delregion's files beside its analysis: added and removed while the analysis is a draft, read by whoever sees the task. */
@Injectable()
export class AttachmentService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly tasks: AnalysisTasks,
    private readonly attachments: AttachmentRepository,
    private readonly audit: AuditService,
  ) {}

  /** Refuses before a byte of the file is read when the caller could not attach it anyway. */
  async requireUploadable(ctx: RequestContext, taskId: string): Promise<void> {
    await this.connection.withTransaction(ctx, (tx) => this.tasks.editable(tx, taskId));
  }

  async upload(ctx: RequestContext, taskId: string, file: { fileName: string; bytes: Buffer }): Promise<AttachmentRow> {
    if (file.bytes.length > ATTACHMENT_MAX_BYTES) throw AnalysisException.tooLarge(ATTACHMENT_MAX_BYTES);
    const contentType = await detectAttachmentType(file.bytes);
    if (!contentType) throw AnalysisException.wrongType();
    return this.connection.withTransaction(ctx, async (tx) => {
      const task = await this.tasks.editable(tx, taskId);
      const fileName = cleanFileName(file.fileName);
      const id = await this.attachments.create(tx, { taskId, fileName, contentType, content: file.bytes, userId: tx.actor?.userId ?? null });
      await this.audit.record(tx, {
        action: 'analysis.attachment_added', entityType: 'analysis_task', entityId: taskId, orgUnitId: task.delregionId,
        after: { attachmentId: id, fileName, contentType, size: file.bytes.length },
      });
      return (await this.attachments.find(tx, taskId, id))!;
    });
  }

  async list(ctx: RequestContext, taskId: string): Promise<AttachmentRow[]> {
    await this.tasks.readable(ctx, taskId);
    return this.attachments.list(ctx, taskId);
  }

  async download(ctx: RequestContext, taskId: string, id: string): Promise<AttachmentRow & { content: Buffer }> {
    await this.tasks.readable(ctx, taskId);
    const row = await this.attachments.find(ctx, taskId, id);
    if (!row) throw AnalysisException.attachmentNotFound();
    return { ...row, content: await this.attachments.content(ctx, id) };
  }

  async remove(ctx: RequestContext, taskId: string, id: string): Promise<void> {
    await this.connection.withTransaction(ctx, async (tx) => {
      const task = await this.tasks.editable(tx, taskId);
      const row = await this.attachments.find(tx, taskId, id);
      if (!row) throw AnalysisException.attachmentNotFound();
      await this.attachments.delete(tx, id);
      await this.audit.record(tx, {
        action: 'analysis.attachment_removed', entityType: 'analysis_task', entityId: taskId, orgUnitId: task.delregionId, before: { attachmentId: id, fileName: row.fileName },
      });
    });
  }
}
