import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '../transactional-connection.js';

export interface JobKey {
  /** e.g. `task.reminder.7d`. */
  job: string;
  /** What the effect is about, e.g. a task id. */
  subject: string;
  /** The run date, YYYY-MM-DD (Europe/Stockholm). */
  date: string;
}

/**
 * Does an effect once per (job, subject, date), however many instances or re-runs try: the ledger row and the
 * effect commit together, so a crash undoes both and the next run does it; a concurrent run waits on the unique key
 * and then finds it done.
 */
@Injectable()
export class JobLedger {
  constructor(private readonly connection: TransactionalConnection) {}

  /** True when this call did the effect; false when it was already done. `effect` may return a result to record. */
  async once(ctx: RequestContext, key: JobKey, effect: (ctx: RequestContext) => Promise<void | Record<string, unknown>>): Promise<boolean> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const manager = this.connection.manager(tx);
      const inserted: Array<{ id: string }> = await manager.query(
        'INSERT INTO job_run (job, subject, run_date) VALUES ($1, $2, $3) ON CONFLICT (job, subject, run_date) DO NOTHING RETURNING id',
        [key.job, key.subject, key.date],
      );
      if (inserted.length === 0) return false;
      const result = await effect(tx);
      if (result) await manager.query('UPDATE job_run SET result = $2 WHERE id = $1', [inserted[0]!.id, JSON.stringify(result)]);
      return true;
    });
  }

  /** Whether the effect is recorded as done. */
  async done(ctx: RequestContext, key: JobKey): Promise<boolean> {
    const rows: unknown[] = await this.connection
      .manager(ctx)
      .query('SELECT 1 FROM job_run WHERE job = $1 AND subject = $2 AND run_date = $3', [key.job, key.subject, key.date]);
    return rows.length > 0;
  }
}
