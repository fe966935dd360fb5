import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { type DailyJob, DailyJobProvider, JobLedger, type SweepReport } from '@arshjulet/db';
import { OutboxService } from '@arshjulet/notify';
import { PHASE_LABELS_SV, phaseOn, phaseRange } from '../cycles/cycle-dates.js';
import { draftsFor } from '../cycles/cycle-messages.js';
import { CycleRepository } from '../cycles/cycle.repository.js';
import { datesOf } from '../cycles/cycle.service.js';
import { TaskRepository } from '../tasks/task.repository.js';

/**
 * Announces a phase to everyone taking part when its start date arrives (besides the announcements a status
 * transition makes). Keyed in the job ledger by (`cycle.phase_arrived.<phase>`, cycle, the phase's start date): the
 * sweep of any day inside the phase names the same key, so it goes out once on any number of instances, and a
 * catch-up after downtime announces only the phase the date falls in, never the ones missed before it.
 */
@Injectable()
@DailyJobProvider()
export class PhaseAnnouncementJob implements DailyJob {
  readonly name = 'cycle.phase_announcements';

  constructor(
    private readonly ledger: JobLedger,
    private readonly cycles: CycleRepository,
    private readonly tasks: TaskRepository,
    private readonly outbox: OutboxService,
  ) {}

  async run(ctx: RequestContext, date: string): Promise<SweepReport> {
    const report: Required<SweepReport> = { done: 0, skipped: 0, notes: [] };
    for (const cycle of await this.cycles.findRunning(ctx)) {
      const dates = datesOf(cycle);
      const phase = phaseOn(dates, date);
      if (!phase) continue;
      const [start, end] = phaseRange(dates, phase);
      const label = PHASE_LABELS_SV[phase];
      const sent = await this.ledger.once(ctx, { job: `cycle.phase_arrived.${phase}`, subject: cycle.id, date: start }, async (tx) => {
        const people = await this.tasks.participants(tx);
        await this.outbox.enqueue(tx, draftsFor(people, {
          kind: 'cycle.phase_arrived',
          subject: `Årshjulet ${cycle.year}: ${label} har börjat`,
          text: `Årshjulet ${cycle.year} är nu i fasen ${label} (${start} – ${end}).`,
          link: `/arshjul/${cycle.year}`,
          key: `cycle.phase_arrived:${cycle.id}:${phase}:${start}`,
        }));
        return { phase, recipients: people.length };
      });
      if (sent) {
        report.done += 1;
        report.notes.push(`Årshjulet ${cycle.year}: fasen ${label} (från ${start}) meddelad till alla som deltar.`);
      } else report.skipped += 1;
    }
    return report;
  }
}
