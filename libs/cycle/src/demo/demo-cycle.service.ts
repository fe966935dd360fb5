import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, formatDateTime, projectRoot, RequestContext, Role, ROLE_LABELS_SV } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { PasswordLinkPurpose, PasswordResetService, UserService } from '@arshjulet/org';
import { addDays, defaultCycleDates, type Phase, phaseOn, todayInStockholm } from '../cycles/cycle-dates.js';
import { CycleRepository } from '../cycles/cycle.repository.js';
import { CycleService } from '../cycles/cycle.service.js';
import { CYCLE_STATUS_LABELS_SV, type CycleStatus } from '../cycles/cycle-state.machine.js';
import { CycleTransitionService } from '../cycles/cycle-transition.service.js';
import { type TaskRow, TaskRepository } from '../tasks/task.repository.js';
import { TaskHooks } from '../tasks/task-hooks.js';
import { TaskService } from '../tasks/task.service.js';
import type { TaskAction } from '../tasks/task-state.machine.js';

/** The development-only password of the demo users (documented in the README; never set outside SEED_DEMO). */
export const DEMO_PASSWORD = 'arshjulet-demo-2026';

const DEMO_USERS: Array<{ email: string; name: string; role: Role; orgUnitCode?: string }> = [
  { email: 'admin.demo@arshjulet.local', name: 'Agnes Administratör (demo)', role: Role.Admin },
  { email: 'lans.demo@arshjulet.local', name: 'Lena Länssamordnare (demo)', role: Role.CountyCoordinator },
  { email: 'skaraborg.demo@arshjulet.local', name: 'Sven Skaraborg (demo)', role: Role.DelregionCoordinator, orgUnitCode: 'DR-SKB' },
  { email: 'vvg.demo@arshjulet.local', name: 'Vera VVG (demo)', role: Role.VvgReviewer },
  { email: 'lasare.demo@arshjulet.local', name: 'Lars Läsare (demo)', role: Role.Viewer },
];

/** The status a cycle has while its wheel is in `phase`. */
const STATUS_IN_PHASE: Record<Phase, CycleStatus> = { plan: 'planning', do: 'analysis', study: 'review', act: 'decision' };

/**
 * Six tasks in mixed states: the delregions with a partly filled analysis in reference/demo/analyses are in progress
 * (the last of them overdue); the others, by delregion code order, two accepted, one submitted, one returned.
 */
const TASK_PATHS: TaskAction[][] = [
  ['start', 'submit', 'accept'],
  ['start', 'submit', 'accept'],
  ['start', 'submit'],
  ['start', 'submit', 'return'],
];

/** Partly filled analyses quoted from seed 002 (reference/demo/analyses/*.json), by delregion code. */
export interface DemoAnalysis {
  delregion: string;
  answers: Record<string, unknown>;
}

export const DEMO_ANALYSES_DIR = (): string => join(projectRoot(), 'reference', 'demo', 'analyses');

export function readDemoAnalyses(directory = DEMO_ANALYSES_DIR()): DemoAnalysis[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')) as DemoAnalysis);
}

export interface DemoCycleResult {
  outcome: 'created' | 'unchanged';
  year: number;
  status: CycleStatus;
  /** Each with its one-time link to choose an own password (24 h), printed once: the users are made only once. */
  usersCreated: Array<{ email: string; role: Role; orgUnitCode: string | null; link: string; linkExpiresAt: Date }>;
  /** demo:reset only: whether a demo cycle was there to remove. */
  removed?: boolean;
}

/** The demo cycle's name; demo:reset removes only a cycle by that name. */
const demoCycleName = (year: number) => `Årshjulet ${year} (demo)`;

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
    private readonly links: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Seeds in ONE transaction (a failure leaves nothing half-built for the next run to mistake as done). `today` is
   * the clock: the phase, the overdue task and the returned task's new due date follow from it. Demo users (with a
   * published password) are never created when NODE_ENV=production.
   */
  async seed(ctx: RequestContext = RequestContext.system('demo'), today = todayInStockholm()): Promise<DemoCycleResult> {
    const year = demoYear(today);
    try {
      return await this.connection.withTransaction(ctx, (tx) => this.seedIn(tx, year, today));
    } catch (error) {
      // Another instance seeding at the same moment won the unique year: its cycle is the demo cycle.
      const existing = await this.repository.findByYear(ctx, year);
      if (existing) return { outcome: 'unchanged', year, status: existing.status, usersCreated: [] };
      throw error;
    }
  }

  /**
   * `demo:reset`: removes the demo cycle of today's year (its tasks, analyses, frozen figures, report and feedback;
   * the audit trail stays) and makes it again. Development only unless forced; never a cycle not named as the demo's.
   */
  async reset(ctx: RequestContext = RequestContext.system('demo'), today = todayInStockholm(), options: { force?: boolean } = {}): Promise<DemoCycleResult> {
    if (this.config.NODE_ENV !== 'development' && !options.force) {
      throw new Error(`demo:reset tar bort ett årshjul och körs bara i utveckling (NODE_ENV är ${this.config.NODE_ENV}); lägg till --force om du verkligen menar det.`);
    }
    const year = demoYear(today);
    const removed = await this.connection.withTransaction(ctx, async (tx) => {
      const existing = await this.repository.findByYear(tx, year);
      if (!existing) return false;
      if (existing.name !== demoCycleName(year)) {
        throw new Error(`Årshjulet ${year} ("${existing.name}") är inte demo-årshjulet; demo:reset rör det inte.`);
      }
      await this.removeCycle(tx, existing.id);
      return true;
    });
    return { ...(await this.seed(ctx, today)), removed };
  }

  /** The cycle's rows, children first. Frozen report versions refuse deletion by trigger: the demo's are let go. */
  private async removeCycle(ctx: RequestContext, cycleId: string): Promise<void> {
    const manager = this.connection.manager(ctx);
    const [versions] = await manager.query(
      'SELECT count(*)::int AS n FROM report_version v JOIN county_report r ON r.id = v.report_id WHERE r.cycle_id = $1', [cycleId],
    );
    await manager.query('DELETE FROM feedback_comment WHERE cycle_id = $1', [cycleId]);
    await manager.query('DELETE FROM decision WHERE cycle_id = $1', [cycleId]);
    if ((versions as { n: number }).n > 0) {
      // Only around this one statement: with the replica role no trigger runs, cascades included.
      await manager.query('SET LOCAL session_replication_role = replica');
      await manager.query('DELETE FROM report_version WHERE report_id IN (SELECT id FROM county_report WHERE cycle_id = $1)', [cycleId]);
      await manager.query('SET LOCAL session_replication_role = DEFAULT');
    }
    await manager.query('DELETE FROM county_report WHERE cycle_id = $1', [cycleId]);
    await manager.query('DELETE FROM analysis_revision WHERE task_id IN (SELECT id FROM analysis_task WHERE cycle_id = $1)', [cycleId]);
    await manager.query('DELETE FROM analysis_task WHERE cycle_id = $1', [cycleId]);
    await manager.query('DELETE FROM cycle_compilation_value WHERE cycle_id = $1', [cycleId]);
    await manager.query('DELETE FROM cycle WHERE id = $1', [cycleId]);
  }

  private async seedIn(ctx: RequestContext, year: number, today: string): Promise<DemoCycleResult> {
    const usersCreated = this.config.NODE_ENV === 'production' ? [] : await this.seedUsers(ctx);
    const existing = await this.repository.findByYear(ctx, year);
    if (existing) return { outcome: 'unchanged', year, status: existing.status, usersCreated };

    const phase = phaseOn(defaultCycleDates(year), today) ?? 'plan';
    const target = STATUS_IN_PHASE[phase];
    const { cycle } = await this.cycles.create(ctx, year, {
      name: demoCycleName(year),
      focusAreas: ['avvikelser i samverkan', 'in- och utskrivning', 'läkemedel'],
    });
    await this.transitions.transition(ctx, cycle.id, 'start_planning');
    if (target === 'planning') return { outcome: 'created', year, status: target, usersCreated };

    await this.transitions.launch(ctx, cycle.id);
    const [rows] = await this.taskRows.page(ctx, { cycleId: cycle.id, visibleDelregionIds: null, page: 1, pageSize: 50 });
    const analyses = new Map(readDemoAnalyses().map((analysis) => [analysis.delregion, analysis.answers]));
    const partly = rows.filter((row) => analyses.has(row.delregionCode));
    const others = rows.filter((row) => !analyses.has(row.delregionCode));
    let returned: TaskRow | undefined;
    for (const [index, row] of others.entries()) {
      const path = TASK_PATHS[index % TASK_PATHS.length]!;
      // A submission is checked against the pinned template: the demo's analyses are filled in first.
      if (path.includes('submit')) await this.hooks.fillExample(ctx, row.id);
      for (const action of path) {
        const reason = action === 'return' ? 'Komplettera avsnittet om avvikelser med åtgärder på delregional nivå.' : null;
        await this.tasks.transition(ctx, row.id, action, { reason });
      }
      if (path.includes('return')) returned = row;
    }
    for (const row of partly) {
      await this.tasks.transition(ctx, row.id, 'start', { reason: null });
      await this.hooks.fillDraft(ctx, row.id, analyses.get(row.delregionCode)!);
    }
    // The returned one gets two more weeks; the last partly filled one is overdue (its due date lies before today).
    const fresh = async (id: string) => (await this.tasks.get(ctx, id, today)).version;
    if (returned) await this.tasks.extendDueDate(ctx, returned.id, await fresh(returned.id), addDays(today, 14), 'Ny tid för kompletteringen.');
    // In Study and Act every unfinished task is past its due date: the first partly filled one was given more time.
    for (const row of partly.slice(0, -1)) {
      if (row.dueDate < today) await this.tasks.extendDueDate(ctx, row.id, await fresh(row.id), addDays(today, 14), 'Demo: mer tid för analysen.');
    }
    const late = partly.at(-1) ?? others.at(-1);
    if (late && late.dueDate >= today) await this.tasks.extendDueDate(ctx, late.id, await fresh(late.id), addDays(today, -3), 'Demo: en försenad analys.');

    if (target === 'review' || target === 'decision') {
      await this.transitions.transition(ctx, cycle.id, 'override_review', { reason: 'Demo: sammanställningen börjar med de analyser som finns.' });
    }
    if (target === 'decision') await this.transitions.transition(ctx, cycle.id, 'start_decision');
    return { outcome: 'created', year, status: target, usersCreated };
  }

  private async seedUsers(ctx: RequestContext): Promise<DemoCycleResult['usersCreated']> {
    const created: DemoCycleResult['usersCreated'] = [];
    for (const demo of DEMO_USERS) {
      const [found] = await this.connection.manager(ctx).query('SELECT 1 FROM app_user WHERE email = $1', [demo.email]);
      if (found) continue;
      const user = await this.users.create(ctx, { email: demo.email, name: demo.name, password: DEMO_PASSWORD, assignments: [{ role: demo.role, orgUnitCode: demo.orgUnitCode ?? null }] });
      // As an administrator's invitation would: the person chooses an own password once, like the first administrator.
      const invitation = await this.links.issue(ctx, user, PasswordLinkPurpose.Invitation);
      created.push({ email: demo.email, role: demo.role, orgUnitCode: demo.orgUnitCode ?? null, link: invitation.link, linkExpiresAt: invitation.expiresAt });
    }
    return created;
  }
}

/** The year whose wheel today's date falls in: January–March is last year's Act. */
function demoYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today < defaultCycleDates(year).planStart ? year - 1 : year;
}

export function describeDemoCycle(result: DemoCycleResult): string[] {
  const status = CYCLE_STATUS_LABELS_SV[result.status];
  const lines = [
    ...(result.removed ? [`Demo-årshjul ${result.year} borttaget (uppgifter, analyser, frysta värden, rapport och återkoppling).`] : []),
    result.outcome === 'created'
      ? `Demo-årshjul ${result.year} skapat, i läget ”${status}”, med sex analysuppgifter i blandade lägen (två delvis ifyllda ur seed 002): /arshjul/${result.year}`
      : `Demo-årshjul ${result.year} fanns redan (läget ”${status}”); inget ändrat.`,
  ];
  if (result.usersCreated.length) {
    const expires = formatDateTime(result.usersCreated[0]!.linkExpiresAt);
    lines.push(
      `Demoanvändare (bara i utveckling). Logga in på /logga-in med lösenordet ${DEMO_PASSWORD}, eller välj ett eget med användarens engångslänk (gäller till ${expires}, en gång; visas bara nu):`,
    );
    for (const user of result.usersCreated) {
      lines.push(`  ${user.email} – ${ROLE_LABELS_SV[user.role]}${user.orgUnitCode ? ` (${user.orgUnitCode})` : ''}`, `    ${user.link}`);
    }
  }
  return lines;
}
