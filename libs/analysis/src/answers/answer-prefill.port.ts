import type { RequestContext } from '@arshjulet/core';
import type { Answers } from '@arshjulet/templates';

/**
 * Answers a lib above analysis (feedback) suggests for a task's empty fields, e.g. last year's decisions in the
 * follow-up field. Shown in the form while the draft has no answer there, and saved with the draft's first save.
 */
export interface AnswerPrefillPort {
  /** Field key → suggested answer for the task of cycle `cycleId` (year `cycleYear`); keys the template lacks are ignored. */
  suggest(ctx: RequestContext, task: { cycleId: string; cycleYear: number; delregionId: string }): Promise<Answers>;
}

export const ANSWER_PREFILL_PORT = Symbol.for('arshjulet.analysis.AnswerPrefillPort');
