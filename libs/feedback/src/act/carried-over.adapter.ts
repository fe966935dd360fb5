import { Injectable } from '@nestjs/common';
import type { AnswerPrefillPort } from '@arshjulet/analysis';
import type { RequestContext } from '@arshjulet/core';
import type { CarriedOverDecisionsPort } from '@arshjulet/cycle';
import type { Answers } from '@arshjulet/templates';
import { ACTION_STATUS_LABELS_SV } from '../decisions/decision-action.entity.js';
import { DECISION_PRIORITY_LABELS_SV } from '../decisions/decision.entity.js';
import { DecisionRepository, type DecisionRow } from '../decisions/decision.repository.js';

/** The template field a task's follow-up of last year's decisions goes into (section decisions_followup). */
export const FOLLOWUP_FIELD = 'previous_decisions_followup';

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Last year's decisions, read from the actions as they stand: one line per action on next year's planning page
 * (CarriedOverDecisionsPort), and a Markdown list prefilled into each task's follow-up field (AnswerPrefillPort).
 */
@Injectable()
export class CarriedOverAdapter implements CarriedOverDecisionsPort, AnswerPrefillPort {
  constructor(private readonly decisions: DecisionRepository) {}

  async forYear(ctx: RequestContext, year: number): Promise<string[]> {
    return (await this.decisions.actionsForYear(ctx, year)).map(
      (a) => `${oneLine(a.text)} – ansvarig: ${a.ownerName}, senast ${a.dueDate}, prioritet ${DECISION_PRIORITY_LABELS_SV[a.priority]}, status: ${ACTION_STATUS_LABELS_SV[a.actionStatus ?? 'open'].toLowerCase()}`,
    );
  }

  async suggest(ctx: RequestContext, task: { cycleYear: number }): Promise<Answers> {
    const actions = await this.decisions.actionsForYear(ctx, task.cycleYear);
    return actions.length ? { [FOLLOWUP_FIELD]: followupMarkdown(task.cycleYear - 1, actions) } : {};
  }
}

/** "VVG:s beslut för årshjulet 2025:" and one list item per decision: text, owner, due date; ready to comment on. */
export function followupMarkdown(decisionYear: number, actions: Array<Pick<DecisionRow, 'text' | 'ownerName' | 'dueDate'>>): string {
  const items = actions.map((a) => `- ${escapeMarkdown(oneLine(a.text))} (ansvarig: ${escapeMarkdown(a.ownerName)}, senast ${a.dueDate})`);
  return [`VVG:s beslut för årshjulet ${decisionYear}:`, '', ...items, ''].join('\n');
}

/** A decision's text is shown as written: characters Markdown would read as markup are escaped. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
