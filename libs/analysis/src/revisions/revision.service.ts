import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { AnalysisException } from '../analysis.exception.js';
import { AnalysisRepository } from '../tasks/analysis.repository.js';
import { AnalysisTasks } from '../tasks/analysis-tasks.service.js';
import { diffAnswers, type FieldDiff } from './revision-diff.js';
import { RevisionRepository, type RevisionRow } from './revision.repository.js';

/** Reading the submitted revisions of a task and comparing any two. */
@Injectable()
export class RevisionService {
  constructor(
    private readonly tasks: AnalysisTasks,
    private readonly repository: AnalysisRepository,
    private readonly revisions: RevisionRepository,
  ) {}

  async list(ctx: RequestContext, taskId: string): Promise<RevisionRow[]> {
    await this.tasks.readable(ctx, taskId);
    return this.revisions.list(ctx, taskId);
  }

  async get(ctx: RequestContext, taskId: string, number: number): Promise<RevisionRow> {
    await this.tasks.readable(ctx, taskId);
    return this.require(ctx, taskId, number);
  }

  /** What changed from revision `a` to revision `b`, field by field, in the template of `b`. */
  async diff(ctx: RequestContext, taskId: string, a: number, b: number): Promise<{ from: RevisionRow; to: RevisionRow; fields: FieldDiff[] }> {
    await this.tasks.readable(ctx, taskId);
    const [from, to] = [await this.require(ctx, taskId, a), await this.require(ctx, taskId, b)];
    const versionId = to.templateVersionId ?? from.templateVersionId;
    const definition = versionId ? await this.repository.definition(ctx, versionId) : null;
    return { from, to, fields: diffAnswers(definition, from.answers, to.answers) };
  }

  private async require(ctx: RequestContext, taskId: string, number: number): Promise<RevisionRow> {
    const revision = await this.revisions.find(ctx, taskId, number);
    if (!revision) throw AnalysisException.revisionNotFound();
    return revision;
  }
}
