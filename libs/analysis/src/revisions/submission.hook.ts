import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { RequestContext, TransitionInput } from '@arshjulet/core';
import { type AnalysisTask, type TaskAction, type TaskHook, TaskHooks } from '@arshjulet/cycle';
import { completeness, type TemplateDefinition, validateAnswers } from '@arshjulet/templates';
import { AnalysisException, type SectionProblem } from '../analysis.exception.js';
import { DraftRepository } from '../answers/draft.repository.js';
import { exampleAnswers } from '../answers/example-answers.js';
import { CommentRepository } from '../comments/comment.repository.js';
import { AnalysisRepository } from '../tasks/analysis.repository.js';
import { RevisionRepository } from './revision.repository.js';

/**
 * What the task machine's transitions do to the analysis, in their own transaction: a submission is checked in
 * full and stored as an immutable revision; a return's summary becomes a comment on the analysis.
 */
@Injectable()
export class SubmissionHook implements TaskHook, OnModuleInit {
  constructor(
    private readonly hooks: TaskHooks,
    private readonly repository: AnalysisRepository,
    private readonly drafts: DraftRepository,
    private readonly revisions: RevisionRepository,
    private readonly comments: CommentRepository,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async onTransition(ctx: RequestContext, task: AnalysisTask, action: TaskAction, input: TransitionInput): Promise<void> {
    if (action === 'submit') await this.submit(ctx, task);
    if (action === 'return' && input.reason?.trim()) {
      await this.comments.create(ctx, { taskId: task.id, target: null, parentId: null, body: input.reason.trim(), authorId: ctx.actor?.userId ?? null });
    }
  }

  completeness(ctx: RequestContext, taskIds: string[]): Promise<Map<string, number>> {
    return this.drafts.completeness(ctx, taskIds);
  }

  /** Demo data: a complete example draft for the task's pinned template (nothing for a task without one). */
  async fillExample(ctx: RequestContext, taskId: string): Promise<void> {
    const task = await this.repository.task(ctx, taskId);
    const definition = task?.templateVersion ? await this.repository.definition(ctx, task.templateVersion) : null;
    if (!task || !definition) return;
    const answers = exampleAnswers(definition, await this.repository.activeThemeTags(ctx), task.delregionName);
    const version = (await this.drafts.find(ctx, taskId))?.version ?? 0;
    await this.drafts.write(ctx, taskId, answers, completeness(definition, answers), version + 1, ctx.actor?.userId ?? null);
  }

  /** Demo data: the given answers as the task's draft (nothing for a task without a pinned template). */
  async fillDraft(ctx: RequestContext, taskId: string, answers: Record<string, unknown>): Promise<void> {
    const task = await this.repository.task(ctx, taskId);
    const definition = task?.templateVersion ? await this.repository.definition(ctx, task.templateVersion) : null;
    if (!task || !definition) return;
    const version = (await this.drafts.find(ctx, taskId))?.version ?? 0;
    await this.drafts.write(ctx, taskId, answers, completeness(definition, answers), version + 1, ctx.actor?.userId ?? null);
  }

  private async submit(ctx: RequestContext, task: AnalysisTask): Promise<void> {
    const answers = (await this.drafts.find(ctx, task.id))?.answers ?? {};
    const definition = task.templateVersion ? await this.repository.definition(ctx, task.templateVersion) : null;
    // A task launched before any template was published has no form to check against; it is stored as it is.
    if (definition) {
      const problems = validateAnswers(definition, answers, 'submit', { themeTags: await this.repository.activeThemeTags(ctx) });
      if (problems.length) throw AnalysisException.incomplete(problems, bySection(definition, problems));
    }
    await this.revisions.create(ctx, task.id, answers, definition ? task.templateVersion : null, ctx.actor?.userId ?? null);
  }
}

/** Problems grouped by the template's sections, in template order (unknown keys last). */
export function bySection(definition: TemplateDefinition, problems: SectionProblem[]): Array<{ section: string; title: string; problems: SectionProblem[] }> {
  const groups = definition.sections
    .map((section) => ({ section: section.key, title: section.title, problems: problems.filter((p) => p.section === section.key) }))
    .filter((group) => group.problems.length > 0);
  const orphans = problems.filter((p) => !definition.sections.some((s) => s.key === p.section));
  return orphans.length ? [...groups, { section: '', title: 'Okända fält', problems: orphans }] : groups;
}
