import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AccessService, Permission } from '@arshjulet/org';
import type { TemplateDefinition } from '@arshjulet/templates';
import { AnalysisException } from '../analysis.exception.js';
import { AnalysisRepository, type AnalysisTaskRow } from './analysis.repository.js';

export const EDITABLE_STATUSES = ['not_started', 'in_progress', 'returned'];

/** Finding a task for the analysis: who may read it, who may change its draft, and the form it is pinned to. */
@Injectable()
export class AnalysisTasks {
  constructor(
    private readonly repository: AnalysisRepository,
    private readonly access: AccessService,
  ) {}

  /** A task the caller may read; another delregion's answers 404 and is audited. */
  async readable(ctx: RequestContext, id: string): Promise<AnalysisTaskRow> {
    const task = await this.repository.task(ctx, id);
    return this.check(ctx, task, id, Permission.AnalysisRead);
  }

  /**
   * The task locked in ctx's transaction, for a change to its draft or attachments: the own delregion only, while
   * the task is open and the cycle in its analysis phase.
   */
  async editable(ctx: RequestContext, id: string): Promise<AnalysisTaskRow> {
    const task = await this.check(ctx, await this.repository.lockTask(ctx, id), id, Permission.AnalysisRead);
    await this.access.requireAccess(ctx, Permission.AnalysisEdit, { entityType: 'analysis_task', entityId: id, orgUnitId: task.delregionId });
    if (!EDITABLE_STATUSES.includes(task.status)) {
      throw AnalysisException.notEditable(
        task.status === 'accepted' ? 'Analysen är godkänd och kan inte längre ändras.' : 'Analysen är inlämnad och kan inte ändras medan länet granskar den.',
      );
    }
    if (task.cycleStatus !== 'analysis') throw AnalysisException.notEditable('Årshjulet är inte i analysfasen; analysen kan inte ändras nu.');
    return task;
  }

  /** The definition of the template version the task is pinned to (null for a task launched before any template). */
  definition(ctx: RequestContext, task: AnalysisTaskRow): Promise<TemplateDefinition | null> {
    return task.templateVersion ? this.repository.definition(ctx, task.templateVersion) : Promise.resolve(null);
  }

  private async check(ctx: RequestContext, task: AnalysisTaskRow | null, id: string, permission: Permission): Promise<AnalysisTaskRow> {
    if (!task) throw AnalysisException.taskNotFound();
    await this.access.requireAccess(ctx, permission, { entityType: 'analysis_task', entityId: id, orgUnitId: task.delregionId });
    return task;
  }
}
