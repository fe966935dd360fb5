import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, RequestContext, Role } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { UserService } from '@arshjulet/org';
import { addDays, defaultCycleDates, type Phase, phaseOn, todayInStockholm } from '../cycles/cycle-dates.js';
import { CycleRepository } from '../cycles/cycle.repository.js';
import { CycleService } from '../cycles/cycle.service.js';
import { CYCLE_STATUS_LABELS_SV, type CycleStatus } from '../cycles/cycle-state.machine.js';
import { CycleTransitionService } from '../cycles/cycle-transition.service.js';
import { TaskRepository } from '../tasks/task.repository.js';
import { TaskHooks } from '../tasks/task-hooks.js';
import { TaskService } from '../tasks/task.service.js';
import type { TaskAction } from '../tasks/task-state.machine.js';

/** The development-only password of the demo users (documented in the README; never set outside SEED_DEMO). */
export const DEMO_PASSWORD = 'arshjulet-demo-2026';

const DEMO_USERS: Array<{ email: string; name: string; role: Role; orgUnitCode?: string }> = [
  { email: 'lans.demo@arshjulet.local', name: 'Lena Länssamordnare (demo)', role: Role.CountyCoordinator },
  { email: 'skaraborg.demo@arshjulet.local', name: 'Sven Skaraborg (demo)', role: Role.DelregionCoordinator, orgUnitCode: 'DR-SKB' },
  { email: 'vvg.demo@arshjulet.local', name: 'Vera VVG (demo)', role: Role.VvgReviewer },
  { email: 'lasare.demo@arshjulet.local', name: 'Lars Läsare (demo)', role: Role.Viewer },
];

/** The status a cycle has while its wheel is in `phase`. */
const STATUS_IN_PHASE: Record<Phase, CycleStatus> = { plan: 'planning', do: 'analysis', study: 'review', act: 'decision' };

/** Six tasks in mixed states, by delregion code order: two accepted, two submitted, one returned, one overdue. */
const TASK_PATHS: TaskAction[][] = [
  ['start', 'submit', 'accept'],
  ['start', 'submit', 'accept'],
  ['start', 'submit'],
  ['start', 'submit'],
  ['start', 'submit', 'return'],
  ['start'],
];

export interface DemoCycleResult {
  outcome: 'created' | 'unchanged';
  year: number;
  status: CycleStatus;
  usersCreated: string[];
}

/**
 * A demo cycle for the year today falls in, in the phase of today's date, launched through the real transition
 * path, with six tasks in mixed states, and demo users per role. Idempotent: a second run changes nothing.
 */
@Injectable()
export class DemoCycleService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly cycles: CycleService,
    private readonly repository: CycleRepository,
    private readonly transitions: CycleTransitionService,
    private readonly tasks: TaskService,
    private readonly hooks: TaskHooks,
    private readonly taskRows: TaskRepository,
    private readonly users: UserService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Seeds in ONE transaction (a failure leaves nothing half-built for the next run to mistake as done). `today` is
   * the clock: the phase, the overdue task and the returned task's new due date follow from it. Demo users (with a
   * published password) are never created when NODE_ENV=production.
   */
  async seed(ctx: RequestContext = RequestContext.system('demo'), today = todayInStockholm()): Promise<DemoCycleResult> {
    let year = Number(today.slice(0, 4));
    if (today < defaultCycleDates(year).planStart) year -= 1; // January–March: last year's wheel is in Act
    try {
      return await this.connection.withTransaction(ctx, (tx) => this.seedIn(tx, year, today));
    } catch (error) {
      // Another instance seeding at the same moment won the unique year: its cycle is the demo cycle.
      const existing = await this.repository.findByYear(ctx, year);
      if (existing) return { outcome: 'unchanged', year, status: existing.status, usersCreated: [] };
      throw error;
    }
  }

  private async seedIn(ctx: RequestContext, year: number, today: string): Promise<DemoCycleResult> {
    const usersCreated = this.config.NODE_ENV === 'production' ? [] : await this.seedUsers(ctx);
    const existing = await this.repository.findByYear(ctx, year);
    if (existing) return { outcome: 'unchanged', year, status: existing.status, usersCreated };

    const phase = phaseOn(defaultCycleDates(year), today) ?? 'plan';
    const target = STATUS_IN_PHASE[phase];
    const { cycle } = await this.cycles.create(ctx, year, {
      name: `Årshjulet ${year} (demo)`,
      focusAreas: ['avvikelser i samverkan', 'in- och utskrivning', 'läkemedel'],
    });
    await this.transitions.transition(ctx, cycle.id, 'start_planning');
    if (target === 'planning') return { outcome: 'created', year, status: target, usersCreated };

    await this.transitions.launch(ctx, cycle.id);
    const [rows] = await this.taskRows.page(ctx, { cycleId: cycle.id, visibleDelregionIds: null, page: 1, pageSize: 50 });
    for (const [index, row] of rows.entries()) {
      const path = TASK_PATHS[index % TASK_PATHS.length]!;
      // A submission is checked against the pinned template: the demo's analyses are filled in first.
      if (path.includes('submit')) await this.hooks.fillExample(ctx, row.id);
      for (const action of path) {
        const reason = action === 'return' ? 'Komplettera avsnittet om avvikelser med åtgärder på delregional nivå.' : null;
        await this.tasks.transition(ctx, row.id, action, { reason });
      }
    }
    // The returned one gets two more weeks; the last one is overdue (its due date lies before today).
    const fresh = async (id: string) => (await this.tasks.get(ctx, id, today)).version;
    const returned = rows[4];
    if (returned) await this.tasks.extendDueDate(ctx, returned.id, await fresh(returned.id), addDays(today, 14), 'Ny tid för kompletteringen.');
    const late = rows[5];
    if (late && late.dueDate >= today) await this.tasks.extendDueDate(ctx, late.id, await fresh(late.id), addDays(today, -3), 'Demo: en försenad analys.');

    if (target === 'review' || target === 'decision') {
      await this.transitions.transition(ctx, cycle.id, 'override_review', { reason: 'Demo: sammanställningen börjar med de analyser som finns.' });
    }
    if (target === 'decision') await this.transitions.transition(ctx, cycle.id, 'start_decision');
    return { outcome: 'created', year, status: target, usersCreated };
  }

  private async seedUsers(ctx: RequestContext): Promise<string[]> {
    const created: string[] = [];
    for (const demo of DEMO_USERS) {
      const [found] = await this.connection.manager(ctx).query('SELECT 1 FROM app_user WHERE email = $1', [demo.email]);
      if (found) continue;
      await this.users.create(ctx, { email: demo.email, name: demo.name, password: DEMO_PASSWORD, assignments: [{ role: demo.role, orgUnitCode: demo.orgUnitCode ?? null }] });
      created.push(demo.email);
    }
    return created;
  }
}

export function describeDemoCycle(result: DemoCycleResult): string[] {
  const status = CYCLE_STATUS_LABELS_SV[result.status];
  const lines = [
    result.outcome === 'created'
      ? `Demo-årshjul ${result.year} skapat, i läget ”${status}”, med sex analysuppgifter i blandade lägen: /arshjul/${result.year}`
      : `Demo-årshjul ${result.year} fanns redan (läget ”${status}”); inget ändrat.`,
  ];
  if (result.usersCreated.length) lines.push(`Demoanvändare (lösenord i README, bara i utveckling): ${result.usersCreated.join(', ')}`);
  return lines;
}
