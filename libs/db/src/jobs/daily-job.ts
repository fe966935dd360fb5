import { DiscoveryService } from '@nestjs/core';
import type { RequestContext } from '@arshjulet/core';

/** What one daily job did for one date, printed by `scheduler:run` and logged by the 06:00 sweep. */
export interface SweepReport {
  /** Effects done now. */
  done: number;
  /** Effects found already done (an earlier run, another instance). */
  skipped: number;
  /** Swedish, one line each: what was done, for people reading the CLI output. */
  notes?: string[];
}

/** One job of the daily sweep. Its body must be idempotent: key every effect through JobLedger.once. */
export interface DailyJob {
  /** Stable, dotted: `imports.discard_stale_previews`. */
  readonly name: string;
  run(ctx: RequestContext, date: string): Promise<SweepReport>;
}

/**
 * Marks a provider as a daily job (Nest has no multi-providers; the sweep discovers every provider carrying this):
 * `@Injectable() @DailyJobProvider() class ReminderJob implements DailyJob { … }`, listed in its module's providers.
 */
export const DailyJobProvider = DiscoveryService.createDecorator<void>();
