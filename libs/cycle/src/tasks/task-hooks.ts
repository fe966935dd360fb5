import { Injectable } from '@nestjs/common';
import type { RequestContext, TransitionInput } from '@arshjulet/core';
import type { AnalysisTask } from './analysis-task.entity.js';
import type { TaskAction } from './task-state.machine.js';

/**
 * What a lib above cycle (analysis) adds to a task without cycle importing it: checks and records in the
 * transition's own transaction, and the completeness shown beside each task.
 */
export interface TaskHook {
  /** Runs inside the transition's transaction after the table, access and guard allowed it; throwing refuses it. */
  onTransition?(ctx: RequestContext, task: AnalysisTask, action: TaskAction, input: TransitionInput): Promise<void>;
  /** Share (0..1) of required fields answered per task id, in ONE statement whatever the number of tasks. */
  completeness?(ctx: RequestContext, taskIds: string[]): Promise<Map<string, number>>;
  /** Demo data: fill the task's draft with a complete example answer, so a demo submission passes its checks. */
  fillExample?(ctx: RequestContext, taskId: string): Promise<void>;
  /** Demo data: save these (partial) answers as the task's draft, as a coordinator halfway through would have. */
  fillDraft?(ctx: RequestContext, taskId: string, answers: Record<string, unknown>): Promise<void>;
}

/** The registry the analysis lib registers its hook with at start-up (dependency inversion: cycle sits below it). */
@Injectable()
export class TaskHooks {
  private readonly hooks: TaskHook[] = [];

  register(hook: TaskHook): void {
    this.hooks.push(hook);
  }

  async onTransition(ctx: RequestContext, task: AnalysisTask, action: TaskAction, input: TransitionInput): Promise<void> {
    for (const hook of this.hooks) await hook.onTransition?.(ctx, task, action, input);
  }

  async fillExample(ctx: RequestContext, taskId: string): Promise<void> {
    for (const hook of this.hooks) await hook.fillExample?.(ctx, taskId);
  }

  async fillDraft(ctx: RequestContext, taskId: string, answers: Record<string, unknown>): Promise<void> {
    for (const hook of this.hooks) await hook.fillDraft?.(ctx, taskId, answers);
  }

  async completeness(ctx: RequestContext, taskIds: string[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    if (taskIds.length === 0) return result;
    for (const hook of this.hooks) {
      if (!hook.completeness) continue;
      for (const [id, share] of await hook.completeness(ctx, taskIds)) result.set(id, share);
    }
    return result;
  }
}
