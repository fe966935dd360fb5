import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { type DailyJob, DailyJobProvider, JobLedger, type SweepReport } from '@arshjulet/db';
import { OutboxService } from '@arshjulet/notify';
import { draftsFor } from '../cycles/cycle-messages.js';
import { CycleRepository } from '../cycles/cycle.repository.js';
import { CycleTransitionService } from '../cycles/cycle-transition.service.js';
import { TaskRepository } from '../tasks/task.repository.js';
import { reminderFor, REMINDER_TEXT_SV } from './reminder-schedule.js';

/**
 * The daily deadline sweep: gives a task to delregions activated after launch, then sends each open task's one
 * due reminder (14, 7, 1 days before; the day it becomes overdue) to the delregion's coordinators with the county
 * coordinators in copy. Each reminder is keyed in the job ledger by (job, task, the reminder's own date), so any
 * number of instances and re-runs send it once, and a catch-up after downtime sends only the latest missed one.
 */
@Injectable()
@DailyJobProvider()
export class ReminderJob implements DailyJob {
  readonly name = 'cycle.task_reminders';

  constructor(
    private readonly ledger: JobLedger,
    private readonly cycles: CycleRepository,
    private readonly transitions: CycleTransitionService,
    private readonly tasks: TaskRepository,
    private readonly outbox: OutboxService,
  ) {}

  async run(ctx: RequestContext, date: string): Promise<SweepReport> {
    const report: Required<SweepReport> = { done: 0, skipped: 0, notes: [] };
    for (const cycle of await this.cycles.findRunning(ctx)) {
      const created = await this.transitions.createMissingTasks(ctx, cycle);
      if (created) report.notes.push(`Årshjulet ${cycle.year}: ${created} ny(a) analysuppgift(er) för delregioner som aktiverats efter start.`);
    }
    for (const task of await this.tasks.openTasksOfRunningAnalyses(ctx)) {
      const moment = reminderFor(task.dueDate, date);
      if (!moment) continue;
      const sent = await this.ledger.once(ctx, { job: `task.reminder.${moment.kind}`, subject: task.id, date: moment.date }, async (tx) => {
        const people = await this.tasks.recipients(tx, [task.delregionId]);
        const text = `${task.delregionName}: ${REMINDER_TEXT_SV[moment.kind](task.dueDate)}`;
        await this.outbox.enqueue(tx, draftsFor(people, {
          kind: 'task.reminder',
          subject: `Påminnelse: analys ${task.cycleYear} – ${task.delregionName}`,
          text,
          link: `/arshjul/${task.cycleYear}/uppgifter/${task.id}`,
          key: `task.reminder:${task.id}:${moment.kind}:${moment.date}`,
        }));
        await this.tasks.countReminder(tx, task.id);
        return { recipients: people.length };
      });
      if (sent) {
        report.done += 1;
        report.notes.push(`Påminnelse ${moment.kind} för ${task.delregionCode} (årshjul ${task.cycleYear}, sista dag ${task.dueDate}).`);
      } else report.skipped += 1;
    }
    return report;
  }
}
