import { Inject, Injectable, Optional } from '@nestjs/common';
import { readTogether, type RequestContext } from '@arshjulet/core';
import { TaskService } from '@arshjulet/cycle';
import { TransactionalConnection } from '@arshjulet/db';
import { type Answers, completeness, type TemplateDefinition, validateAnswers } from '@arshjulet/templates';
import { ANSWER_PREFILL_PORT, type AnswerPrefillPort } from './answer-prefill.port.js';
import { AnalysisException } from '../analysis.exception.js';
import { AnalysisRepository, type AnalysisTaskRow } from '../tasks/analysis.repository.js';
import { AnalysisTasks, EDITABLE_STATUSES } from '../tasks/analysis-tasks.service.js';
import { type BreakdownPrefill, prefillOf } from './breakdown-prefill.js';
import { DraftRepository } from './draft.repository.js';

/** A task's answers as the form shows them. */
export interface AnswersView {
  taskId: string;
  taskStatus: string;
  answers: Answers;
  /** 0 before the first save; the ETag. */
  version: number;
  savedBy: string | null;
  savedAt: Date | null;
  completeness: number;
  templateVersionId: string | null;
  definition: TemplateDefinition | null;
  /** Per indicator_breakdown field: the delregion's municipalities and hospital with the cycle's frozen figures. */
  prefill: Record<string, BreakdownPrefill>;
}

/** Reading and saving a task's draft, field by field, with optimistic locking. */
@Injectable()
export class AnswersService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly tasks: AnalysisTasks,
    private readonly repository: AnalysisRepository,
    private readonly drafts: DraftRepository,
    private readonly taskService: TaskService,
    @Optional() @Inject(ANSWER_PREFILL_PORT) private readonly suggestions: AnswerPrefillPort | null = null,
  ) {}

  async get(ctx: RequestContext, taskId: string): Promise<AnswersView> {
    const task = await this.tasks.readable(ctx, taskId);
    return this.view(ctx, task);
  }

  /**
   * Merges `patch` (field key → value; null clears a field) into the draft saved as `expectedVersion`. Types and
   * bounds are checked (a draft may be incomplete); the first save starts the task, a save after a return resumes it.
   * `prefill: false` (a client that asked for a minimal answer, like the form's autosave) skips the breakdown figures.
   */
  async save(ctx: RequestContext, taskId: string, expectedVersion: number, patch: Answers, options: { prefill?: boolean } = {}): Promise<AnswersView> {
    const prefill = options.prefill ?? true;
    return this.connection.withTransaction(ctx, async (tx) => {
      const task = await this.tasks.editable(tx, taskId);
      const definition = await this.tasks.definition(tx, task);
      if (!definition) throw AnalysisException.noTemplate();
      const draft = await this.drafts.find(tx, taskId);
      const version = draft?.version ?? 0;
      if (version !== expectedVersion) {
        throw AnalysisException.versionConflict({
          answers: draft?.answers ?? {},
          version,
          savedBy: draft?.savedBy ?? null,
          savedAt: draft?.savedAt ? new Date(draft.savedAt).toISOString() : null,
        });
      }
      // A save keeps what the form showed prefilled, even when the client sent only the fields it changed.
      const suggestions = await this.suggestionsFor(tx, task, definition);
      const answers: Answers = withSuggestions(definition, suggestions, draft?.answers ?? {});
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete answers[key];
        else answers[key] = value;
      }
      const problems = validateAnswers(definition, answers, 'save', { themeTags: await this.repository.activeThemeTags(tx) });
      if (problems.length) throw AnalysisException.invalidAnswers(problems);
      await this.drafts.write(tx, taskId, answers, completeness(definition, answers), version + 1, tx.actor?.userId ?? null);
      const transition = task.status === 'not_started' ? 'start' : task.status === 'returned' ? 'resume' : null;
      if (!transition) return this.view(tx, task, { definition, suggestions, prefill });
      await this.taskService.transition(tx, taskId, transition);
      // The task's status changed (still editable): the view reads it again, with what the template suggests now.
      return this.view(tx, (await this.repository.task(tx, taskId)) ?? task, { definition, prefill });
    });
  }

  /** The port's suggestions while the task is editable (none otherwise). */
  private async suggestionsFor(ctx: RequestContext, task: AnalysisTaskRow, definition: TemplateDefinition | null): Promise<Answers> {
    if (!this.suggestions || !definition || !EDITABLE_STATUSES.includes(task.status)) return {};
    return this.suggestions.suggest(ctx, task);
  }

  /**
   * The view of `task`'s answers. After a save, `known` holds what the same transaction already read — the pinned
   * template's definition and the suggestions — so they are not read twice; the draft is read back (who saved, when).
   */
  private async view(
    ctx: RequestContext,
    task: AnalysisTaskRow,
    known: { definition?: TemplateDefinition | null; suggestions?: Answers; prefill?: boolean } = {},
  ): Promise<AnswersView> {
    // After a save this runs in its transaction, on one connection: the two reads go one after the other there.
    const [definition, draft] = await readTogether(ctx, [
      () => (known.definition !== undefined ? known.definition : this.tasks.definition(ctx, task)),
      () => this.drafts.find(ctx, task.id),
    ]);
    const suggestions = known.suggestions ?? (await this.suggestionsFor(ctx, task, definition));
    const breakdowns = (definition?.sections ?? []).flatMap((s) => s.fields).filter((f) => f.type === 'indicator_breakdown' && typeof f.indicator === 'string');
    const codes = [...new Set(breakdowns.map((f) => f.indicator as string))];
    const rows = codes.length && known.prefill !== false ? await this.repository.prefill(ctx, task, codes) : [];
    return {
      taskId: task.id,
      taskStatus: task.status,
      answers: withSuggestions(definition, suggestions, draft?.answers ?? {}),
      version: draft?.version ?? 0,
      savedBy: draft?.savedBy ?? null,
      savedAt: draft?.savedAt ?? null,
      completeness: draft ? Number(draft.completeness) : 0,
      templateVersionId: task.templateVersion,
      definition,
      prefill: known.prefill === false ? {} : Object.fromEntries(breakdowns.map((f) => [f.key, prefillOf(f.indicator as string, rows)])),
    };
  }
}

/** `answers` plus the suggestions for the template's fields without an answer. */
function withSuggestions(definition: TemplateDefinition | null, suggestions: Answers, answers: Answers): Answers {
  if (!definition) return { ...answers };
  const keys = new Set(definition.sections.flatMap((s) => s.fields.map((f) => f.key)));
  return { ...Object.fromEntries(Object.entries(suggestions).filter(([key]) => keys.has(key) && !(key in answers))), ...answers };
}
