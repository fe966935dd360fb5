import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import type { OrgUnit } from './org-unit.entity.js';

/**
 * What a lib above org (indicators: the delregion figures derived from municipalities; cycle: a delregion with
 * running tasks stays active) does when the tree changes, without org importing it. Each runs inside the change's transaction; throwing refuses the change.
 */
export interface OrgUnitHook {
  /** A municipality now belongs to `toParentId` instead of `fromParentId`. */
  onMoved?(ctx: RequestContext, unit: OrgUnit, fromParentId: string | null, toParentId: string | null): Promise<void>;
  /** The unit was activated or deactivated (`unit.active` is the new state). */
  onActiveChanged?(ctx: RequestContext, unit: OrgUnit): Promise<void>;
  /**
   * Why the unit may not be deactivated now (a Swedish sentence shown beside the status field), or null. Asked
   * before the change, inside its transaction, after the delregion rows are locked.
   */
  deactivationRefusal?(ctx: RequestContext, unit: OrgUnit): Promise<string | null>;
}

/** The registry libs above org register their hook with at start-up (dependency inversion, like TaskHooks). */
@Injectable()
export class OrgUnitHooks {
  private readonly hooks: OrgUnitHook[] = [];

  register(hook: OrgUnitHook): void {
    this.hooks.push(hook);
  }

  async onMoved(ctx: RequestContext, unit: OrgUnit, fromParentId: string | null, toParentId: string | null): Promise<void> {
    for (const hook of this.hooks) await hook.onMoved?.(ctx, unit, fromParentId, toParentId);
  }

  async onActiveChanged(ctx: RequestContext, unit: OrgUnit): Promise<void> {
    for (const hook of this.hooks) await hook.onActiveChanged?.(ctx, unit);
  }

  /** The first hook's reason the unit may not be deactivated, or null when none objects. */
  async deactivationRefusal(ctx: RequestContext, unit: OrgUnit): Promise<string | null> {
    for (const hook of this.hooks) {
      const refusal = await hook.deactivationRefusal?.(ctx, unit);
      if (refusal) return refusal;
    }
    return null;
  }
}
