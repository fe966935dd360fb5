import type { RequestContext } from '@arshjulet/core';

/**
 * What the cycle shows of last year's decisions, provided by the feedback lib (above cycle): read when the cycle is
 * shown, so the planning page always lists the actions as they stand (text, owner, due date, status).
 */
export interface CarriedOverDecisionsPort {
  /** One line per action belonging to `year` (decisions of cycle `year - 1`), in priority order. */
  forYear(ctx: RequestContext, year: number): Promise<string[]>;
}

export const CARRIED_OVER_DECISIONS_PORT = Symbol.for('arshjulet.cycle.CarriedOverDecisionsPort');
