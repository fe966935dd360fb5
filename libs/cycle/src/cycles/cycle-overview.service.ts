import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { Role } from '@arshjulet/core';
import { AccessService, Permission } from '@arshjulet/org';
import { CycleException } from '../cycle.exception.js';
import { TaskHooks } from '../tasks/task-hooks.js';
import { TaskRepository } from '../tasks/task.repository.js';
import { TaskService, type TaskView } from '../tasks/task.service.js';
import { daysBetween, type Phase, phaseOn, todayInStockholm } from './cycle-dates.js';
import type { Cycle } from './cycle.entity.js';
import { CycleRepository } from './cycle.repository.js';
import { datesOf } from './cycle.service.js';

export interface CycleOverview {
  cycle: Cycle;
  /** The phase today's date falls in, by the cycle's dates. */
  phaseToday: Phase | null;
  tasks: TaskView[];
  counts: { tasks: number; submitted: number; accepted: number; returned: number; overdue: number };
}

/** Something the signed-in person is expected to do or know now, for the start page. */
export interface Expectation {
  cycleYear: number;
  /** Swedish sentence, e.g. "Er analys ska lämnas in senast 2026-09-30 – 12 dagar kvar". */
  text: string;
  link: string;
  dueDate: string | null;
  daysLeft: number | null;
}

/** Page-friendly reads over cycles: overviews in a constant number of statements, and "what is expected of me". */
@Injectable()
export class CycleOverviewService {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly tasks: TaskRepository,
    private readonly taskService: TaskService,
    private readonly access: AccessService,
    private readonly hooks: TaskHooks,
  ) {}

  async overview(ctx: RequestContext, cycleId: string, today = todayInStockholm()): Promise<CycleOverview> {
    const [overview] = await this.overviews(ctx, [cycleId], today);
    if (!overview) throw CycleException.notFound();
    return overview;
  }

  /** Three statements whatever the number of cycles and tasks: the cycles, all their tasks, their completeness. */
  async overviews(ctx: RequestContext, cycleIds: string[], today = todayInStockholm()): Promise<CycleOverview[]> {
    const cycles = await this.cycles.findByIds(ctx, cycleIds);
    if (cycles.length === 0) return [];
    const visible = this.access.visibleOrgUnits(ctx, Permission.AnalysisRead);
    const rows = (await this.tasks.rowsOfCycles(ctx, cycles.map((c) => c.id))).filter((row) => visible === null || visible.includes(row.delregionId));
    const completeness = await this.hooks.completeness(ctx, rows.map((row) => row.id));
    return cycles.map((cycle) => {
      const tasks = rows.filter((row) => row.cycleId === cycle.id).map((row) => this.taskService.view(ctx, row, today, completeness));
      return {
        cycle,
        phaseToday: phaseOn(datesOf(cycle), today),
        tasks,
        counts: {
          tasks: tasks.length,
          submitted: tasks.filter((t) => t.status === 'submitted' || t.status === 'accepted').length,
          accepted: tasks.filter((t) => t.status === 'accepted').length,
          returned: tasks.filter((t) => t.status === 'returned').length,
          overdue: tasks.filter((t) => t.overdue).length,
        },
      };
    });
  }

  /** What the actor is expected to do now, in Swedish, for their start page. */
  async expectationsFor(ctx: RequestContext, today = todayInStockholm()): Promise<Expectation[]> {
    const running = await this.cycles.findRunning(ctx);
    const overviews = await this.overviews(ctx, running.map((c) => c.id), today);
    const result: Expectation[] = [];
    const reviews = this.access.hasPermission(ctx, Permission.AnalysisReview);
    for (const { cycle, tasks, counts } of overviews) {
      const link = `/arshjul/${cycle.year}`;
      if (ctx.hasRole(Role.DelregionCoordinator)) {
        for (const task of tasks.filter((t) => t.daysLeft !== null)) {
          const days = task.daysLeft!;
          const when = days < 0 ? `${-days} dagar försenad` : days === 0 ? 'i dag' : `${days} dagar kvar`;
          const what = task.status === 'returned' ? 'Er analys är återsänd för komplettering och ska lämnas in' : 'Er analys ska lämnas in';
          result.push({ cycleYear: cycle.year, text: `${task.delregionName}: ${what} senast ${task.dueDate} – ${when}`, link: `${link}/uppgifter/${task.id}`, dueDate: task.dueDate, daysLeft: days });
        }
      }
      if (reviews && counts.tasks > 0) {
        const waiting = tasks.filter((t) => t.status === 'submitted').length;
        const text = `${counts.submitted} av ${counts.tasks} delregioner har lämnat in${waiting ? `; ${waiting} väntar på granskning` : ''}`;
        result.push({ cycleYear: cycle.year, text, link, dueDate: cycle.analysisDueDate, daysLeft: daysBetween(today, cycle.analysisDueDate) });
      }
    }
    return result;
  }
}
