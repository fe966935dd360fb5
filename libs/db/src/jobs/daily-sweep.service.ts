import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Cron } from '@nestjs/schedule';
import { APP_CONFIG, type AppConfig, RequestContext } from '@arshjulet/core';
import { LockKeys } from '../lock-keys.js';
import { TransactionalConnection } from '../transactional-connection.js';
import { type DailyJob, DailyJobProvider, type SweepReport } from './daily-job.js';

export interface SweepOutcome {
  job: string;
  report?: SweepReport;
  /** The job failed; the others still ran. */
  error?: string;
}

const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date in Europe/Stockholm, YYYY-MM-DD. */
export function stockholmToday(now: Date = new Date()): string {
  return STOCKHOLM_DAY.format(now);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The daily sweep: every provider marked @DailyJobProvider(), run at 06:00 Europe/Stockholm (SCHEDULER; off in tests)
 * or for any date by `npm run cli -- scheduler:run --date`. Jobs are idempotent, so catch-up and re-runs are safe.
 */
@Injectable()
export class DailySweep implements OnModuleInit {
  private readonly logger = new Logger(DailySweep.name);
  private jobs: DailyJob[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly connection: TransactionalConnection,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs = this.discovery
      .getProviders({ metadataKey: DailyJobProvider.KEY })
      .map((wrapper) => wrapper.instance as DailyJob | undefined)
      .filter((job): job is DailyJob => Boolean(job))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get jobNames(): string[] {
    return this.jobs.map((job) => job.name);
  }

  /** Runs every daily job as of `date`, one after another; a failing job is reported and the rest still run. */
  async run(ctx: RequestContext, date: string): Promise<SweepOutcome[]> {
    if (!isIsoDate(date)) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
    const outcomes: SweepOutcome[] = [];
    for (const job of this.jobs) {
      try {
        outcomes.push({ job: job.name, report: await job.run(ctx, date) });
      } catch (error) {
        this.logger.error({ err: error, job: job.name, date }, 'daily job failed');
        outcomes.push({ job: job.name, error: error instanceof Error ? error.message : String(error) });
      }
    }
    return outcomes;
  }

  @Cron('0 6 * * *', { name: 'daily-sweep', timeZone: 'Europe/Stockholm' })
  async onSchedule(): Promise<void> {
    if (!(this.config.SCHEDULER ?? this.config.NODE_ENV !== 'test')) return;
    const date = stockholmToday();
    // One instance sweeps; the others skip. Correctness does not rest on this: the ledger makes a second sweep a no-op.
    await this.connection.withConnection({}, async (client) => {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [LockKeys.DailySweep]);
      if (!rows[0]?.ok) return;
      try {
        const outcomes = await this.run(RequestContext.system('scheduler'), date);
        this.logger.log({ date, outcomes }, 'daily sweep done');
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LockKeys.DailySweep]);
      }
    });
  }
}
