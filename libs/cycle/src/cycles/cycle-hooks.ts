import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import type { Cycle } from './cycle.entity.js';
import type { CycleAction } from './cycle-state.machine.js';

/** What a lib above cycle (feedback) does when a cycle moves, without cycle importing it. */
export interface CycleHook {
  /** Runs inside the transition's transaction after the cycle is saved in its new status; throwing refuses it. */
  onTransition(ctx: RequestContext, cycle: Cycle, action: CycleAction): Promise<void>;
}

/** The registry libs above cycle register their hook with at start-up (dependency inversion, like TaskHooks). */
@Injectable()
export class CycleHooks {
  private readonly hooks: CycleHook[] = [];

  register(hook: CycleHook): void {
    this.hooks.push(hook);
  }

  async onTransition(ctx: RequestContext, cycle: Cycle, action: CycleAction): Promise<void> {
    for (const hook of this.hooks) await hook.onTransition(ctx, cycle, action);
  }
}
