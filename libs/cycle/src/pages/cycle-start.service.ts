import { Injectable } from '@nestjs/common';
import { type RequestContext, Role } from '@arshjulet/core';
import { AccessService, Permission } from '@arshjulet/org';
import { phaseOn, todayInStockholm } from '../cycles/cycle-dates.js';
import type { Cycle } from '../cycles/cycle.entity.js';
import { type CycleOverview, CycleOverviewService } from '../cycles/cycle-overview.service.js';
import { CycleService, datesOf } from '../cycles/cycle.service.js';
import type { CycleAction } from '../cycles/cycle-state.machine.js';

/** What the start page needs from the cycle lib to say what is expected of the signed-in person now. */
export interface CycleStart {
  today: string;
  /** The cycle whose wheel today falls in, else the newest one not closed, else the newest; null before the first. */
  overview: CycleOverview | null;
  allowedActions: CycleAction[];
  who: { admin: boolean; manages: boolean; delregion: boolean; reviewer: boolean };
}

/** The cycle lib's "what is expected of me now" query, for the app's start page. */
@Injectable()
export class CycleStartService {
  constructor(
    private readonly cycles: CycleService,
    private readonly overviews: CycleOverviewService,
    private readonly access: AccessService,
  ) {}

  async forMe(ctx: RequestContext, today = todayInStockholm()): Promise<CycleStart> {
    const who = {
      admin: ctx.hasRole(Role.Admin),
      manages: this.access.hasPermission(ctx, Permission.CycleManage),
      delregion: ctx.hasRole(Role.DelregionCoordinator),
      reviewer: ctx.hasRole(Role.VvgReviewer),
    };
    if (!this.access.hasPermission(ctx, Permission.CycleRead)) return { today, overview: null, allowedActions: [], who };
    const recent = await this.cycles.newest(ctx, 5);
    const cycle = currentCycle(recent, today);
    if (!cycle) return { today, overview: null, allowedActions: [], who };
    return { today, overview: await this.overviews.overview(ctx, cycle.id, today), allowedActions: this.cycles.allowedActions(ctx, cycle), who };
  }
}

export function currentCycle(newestFirst: Cycle[], today: string): Cycle | null {
  return newestFirst.find((cycle) => phaseOn(datesOf(cycle), today) !== null)
    ?? newestFirst.find((cycle) => cycle.status !== 'closed')
    ?? newestFirst[0]
    ?? null;
}
