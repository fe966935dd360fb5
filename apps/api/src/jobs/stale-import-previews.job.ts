import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RequestContext } from '@arshjulet/core';
import { type DailyJob, DailyJobProvider, JobLedger, type SweepReport, TransactionalConnection } from '@arshjulet/db';
import { ImportCommitService, IndicatorErrorCode, IndicatorException } from '@arshjulet/indicators';

/**
 * Import previews nobody saved or discarded hold their staged rows for ever: discard those older than
 * IMPORT_PREVIEW_RETENTION_DAYS, through the import lib's own discard (audited, like a person's), once each.
 */
@Injectable()
@DailyJobProvider()
export class StaleImportPreviewsJob implements DailyJob {
  readonly name = 'imports.discard_stale_previews';

  constructor(
    private readonly connection: TransactionalConnection,
    private readonly ledger: JobLedger,
    private readonly imports: ImportCommitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(ctx: RequestContext, date: string): Promise<SweepReport> {
    const days = this.config.IMPORT_PREVIEW_RETENTION_DAYS;
    const stale: Array<{ id: string; file_name: string }> = await this.connection.manager(ctx).query(
      `SELECT id, file_name FROM import_batch
        WHERE status = 'previewed' AND created_at < (($1::date - $2::int)::timestamp AT TIME ZONE 'Europe/Stockholm')
        ORDER BY created_at`,
      [date, days],
    );
    const report: SweepReport = { done: 0, skipped: 0, notes: [] };
    for (const batch of stale) {
      const ran = await this.ledger
        .once(ctx, { job: this.name, subject: batch.id, date }, async (tx) => {
          await this.imports.discard(tx, batch.id);
          return { fileName: batch.file_name };
        })
        .catch((error: unknown) => {
          // Saved or discarded by someone meanwhile: nothing left to do.
          if (error instanceof IndicatorException && error.code === IndicatorErrorCode.BatchClosed) return false;
          throw error;
        });
      if (ran) {
        report.done++;
        report.notes!.push(`Kastade förhandsgranskningen av ${batch.file_name} (äldre än ${days} dagar)`);
      } else {
        report.skipped++;
      }
    }
    return report;
  }
}
