import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { AccessService, Permission } from '@arshjulet/org';
import { AnalysisException } from '../analysis.exception.js';
import { AnalysisTasks } from '../tasks/analysis-tasks.service.js';
import { CommentRepository, type CommentRow } from './comment.repository.js';

/**
 * Review comments: the county comments on a field or a section (or the analysis as a whole) and resolves threads;
 * the delregion's own coordinators read them and reply.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly tasks: AnalysisTasks,
    private readonly comments: CommentRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestContext, taskId: string): Promise<CommentRow[]> {
    await this.tasks.readable(ctx, taskId);
    return this.comments.list(ctx, taskId);
  }

  async create(ctx: RequestContext, taskId: string, input: { target?: string | null; parentId?: string | null; body: string }): Promise<CommentRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const task = await this.tasks.readable(tx, taskId);
      const reviewer = this.access.hasPermission(tx, Permission.AnalysisReview);
      if (!reviewer) {
        // Not a reviewer: only the delregion's own coordinators, and only in a thread the county started.
        await this.access.requireAccess(tx, Permission.AnalysisEdit, { entityType: 'analysis_task', entityId: taskId, orgUnitId: task.delregionId });
        if (!input.parentId) throw AnalysisException.replyOnly();
      }
      let target = input.target ?? null;
      if (input.parentId) {
        const parent = await this.comments.find(tx, taskId, input.parentId);
        if (!parent) throw AnalysisException.commentNotFound();
        target = parent.target;
      } else if (target !== null) {
        const definition = await this.tasks.definition(tx, task);
        const keys = new Set((definition?.sections ?? []).flatMap((s) => [s.key, ...s.fields.map((f) => f.key)]));
        if (!keys.has(target)) throw AnalysisException.unknownTarget();
      }
      const id = await this.comments.create(tx, { taskId, target, parentId: input.parentId ?? null, body: input.body, authorId: tx.actor?.userId ?? null });
      await this.audit.record(tx, { action: 'analysis.comment_added', entityType: 'analysis_task', entityId: taskId, orgUnitId: task.delregionId, after: { commentId: id, target } });
      return (await this.comments.find(tx, taskId, id))!;
    });
  }

  async resolve(ctx: RequestContext, taskId: string, commentId: string): Promise<CommentRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const task = await this.tasks.readable(tx, taskId);
      this.access.requirePermission(tx, Permission.AnalysisReview);
      const comment = await this.comments.find(tx, taskId, commentId);
      if (!comment) throw AnalysisException.commentNotFound();
      if (!comment.resolvedAt) {
        await this.comments.resolve(tx, commentId, tx.actor?.userId ?? null);
        await this.audit.record(tx, { action: 'analysis.comment_resolved', entityType: 'analysis_task', entityId: taskId, orgUnitId: task.delregionId, after: { commentId } });
      }
      return (await this.comments.find(tx, taskId, commentId))!;
    });
  }
}
