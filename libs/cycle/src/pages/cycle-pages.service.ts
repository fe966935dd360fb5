import { Inject, Injectable, Optional } from '@nestjs/common';
import { readTogether, type RequestContext, ValidationException } from '@arshjulet/core';
import { formatNumber, IndicatorCatalogueService } from '@arshjulet/indicators';
import { AccessService, OrgUnitService, Permission } from '@arshjulet/org';
import { CycleException } from '../cycle.exception.js';
import { CARRIED_OVER_DECISIONS_PORT, type CarriedOverDecisionsPort } from '../cycles/carried-over-decisions.port.js';
import { dateWarnings, todayInStockholm } from '../cycles/cycle-dates.js';
import type { Cycle } from '../cycles/cycle.entity.js';
import { CycleOverviewService } from '../cycles/cycle-overview.service.js';
import { CycleQueryService } from '../cycles/cycle-query.service.js';
import { CycleService, datesOf } from '../cycles/cycle.service.js';
import { CYCLE_ACTIONS, CYCLE_STATUS_LABELS_SV, type CycleAction } from '../cycles/cycle-state.machine.js';
import { CycleTransitionService } from '../cycles/cycle-transition.service.js';
import { TaskService, type TaskView } from '../tasks/task.service.js';
import { TASK_ACTIONS, TASK_STATUS_LABELS_SV, type TaskAction } from '../tasks/task-state.machine.js';
import * as view from './cycle-pages.mapper.js';

const CYCLES_PAGE_SIZE = 20;

/** A year in a page address; anything else is a cycle that does not exist. */
export function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text)) throw CycleException.notFound();
  return Number(text);
}

const n = (value: number) => formatNumber(value);

/**
 * What the årshjul pages ask of the cycle lib, each as one call returning a page's view: it looks cycles up by
 * year, keeps a task inside the year of its address, and turns form fields into the services' plain arguments.
 */
@Injectable()
export class CyclePagesService {
  constructor(
    private readonly cycles: CycleService,
    private readonly queries: CycleQueryService,
    private readonly transitions: CycleTransitionService,
    private readonly overviews: CycleOverviewService,
    private readonly tasks: TaskService,
    private readonly access: AccessService,
    private readonly orgUnits: OrgUnitService,
    private readonly catalogue: IndicatorCatalogueService,
    @Optional() @Inject(CARRIED_OVER_DECISIONS_PORT) private readonly carriedOver: CarriedOverDecisionsPort | null = null,
  ) {}

  async list(ctx: RequestContext, page: number) {
    const [cycles, total] = await this.cycles.list(ctx, { page, pageSize: CYCLES_PAGE_SIZE });
    return { ...view.cycleListView(cycles, total, page, CYCLES_PAGE_SIZE, todayInStockholm()), canCreate: this.cycles.canManage(ctx) };
  }

  /** The form for the next year without a cycle, with the default wheel. */
  async newForm(ctx: RequestContext) {
    const [newest] = await this.cycles.newest(ctx, 1);
    const thisYear = Number(todayInStockholm().slice(0, 4));
    return view.cycleFormView('create', { values: view.newCycleValues(newest && newest.year >= thisYear ? newest.year + 1 : thisYear) });
  }

  async create(ctx: RequestContext, body: view.FormBody): Promise<{ url: string; notice: string }> {
    const { year, input } = view.parseCycleForm(body, true);
    const { cycle, warnings } = await this.cycles.create(ctx, year, input);
    return { url: view.cyclePath(cycle.year), notice: `${cycle.name} är skapat som utkast.${warnings.length ? ' Se varningarna om datum nedan.' : ''}` };
  }

  async show(ctx: RequestContext, yearText: string, fieldErrors: view.FieldErrorsById) {
    const cycle = await this.byYear(ctx, yearText);
    const carried = (await this.carriedOver?.forYear(ctx, cycle.year)) ?? [];
    return view.cyclePageView(cycle, this.cycles.allowedActions(ctx, cycle), dateWarnings(datesOf(cycle)), this.cycles.canManage(ctx), todayInStockholm(), fieldErrors, carried);
  }

  async editForm(ctx: RequestContext, yearText: string) {
    const cycle = await this.byYear(ctx, yearText);
    return { ...view.cycleFormView('edit', { values: view.cycleFormValues(cycle) }, { version: cycle.version, year: cycle.year }), launched: cycle.launchedAt !== null };
  }

  async update(ctx: RequestContext, yearText: string, body: view.FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.byYear(ctx, yearText);
    const { version, input } = view.parseCycleForm(body, false);
    const saved = await this.cycles.update(ctx, cycle.id, version, input);
    return { url: view.cyclePath(cycle.year), notice: `Ändringarna i ${saved.cycle.name} är sparade.${saved.warnings.length ? ' Se varningarna om datum nedan.' : ''}` };
  }

  async act(ctx: RequestContext, yearText: string, body: view.FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.byYear(ctx, yearText);
    const { action, reason, version } = view.actionInput(body);
    if (!(CYCLE_ACTIONS as readonly string[]).includes(action)) throw new ValidationException([{ path: 'action', message: 'Okänd åtgärd.' }]);
    const { cycle: moved } = await this.transitions.transition(ctx, cycle.id, action as CycleAction, { reason }, version);
    return { url: view.cyclePath(cycle.year), notice: `Årshjulet ${cycle.year} är nu i läget ”${CYCLE_STATUS_LABELS_SV[moved.status]}”.` };
  }

  async launchPage(ctx: RequestContext, yearText: string) {
    const cycle = await this.byYear(ctx, yearText);
    const allowed = this.cycles.allowedActions(ctx, cycle);
    // Counted only when the launch is possible: the page shows it beside the button.
    const [delregions, preview] = await readTogether(ctx, [
      () => this.orgUnits.delregions(ctx),
      () => (allowed.includes('launch') ? this.transitions.launchPreview(ctx, cycle.id) : undefined),
    ]);
    return view.launchView(cycle, delregions, allowed, preview);
  }

  async launch(ctx: RequestContext, yearText: string, body: view.FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.byYear(ctx, yearText);
    const { compilationRows, tasksCreated } = await this.transitions.launch(ctx, cycle.id, view.actionInput(body).version);
    return {
      url: `${view.cyclePath(cycle.year)}/uppgifter`,
      notice: `Årshjulet ${cycle.year} är startat: länssammanställningen är fryst med ${n(compilationRows)} värden och ${n(tasksCreated)} delregioner har fått sin analysuppgift.`,
    };
  }

  async compilation(ctx: RequestContext, yearText: string) {
    const cycle = await this.byYear(ctx, yearText);
    const [{ values }, indicators] = await readTogether(ctx, [() => this.queries.compilation(ctx, cycle.id), () => this.catalogue.list(ctx)]);
    return view.compilationView(cycle, values, new Map(indicators.map((i) => [i.code, { name: i.name, unit: i.unit, group: i.group }])));
  }

  async overview(ctx: RequestContext, yearText: string, fieldErrors: view.FieldErrorsById) {
    const cycle = await this.byYear(ctx, yearText);
    return view.overviewView(await this.overviews.overview(ctx, cycle.id), this.canReview(ctx), fieldErrors);
  }

  async task(ctx: RequestContext, yearText: string, id: string, fieldErrors: view.FieldErrorsById) {
    return view.taskPageView(await this.taskOf(ctx, yearText, id), this.canReview(ctx), fieldErrors);
  }

  async taskAction(ctx: RequestContext, yearText: string, id: string, body: view.FormBody): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    const { action, reason, version } = view.actionInput(body);
    if (!(TASK_ACTIONS as readonly string[]).includes(action)) throw new ValidationException([{ path: 'action', message: 'Okänd åtgärd.' }]);
    const moved = await this.tasks.transition(ctx, id, action as TaskAction, { reason }, version);
    return { url: backTo(task, body), notice: `${task.delregionName}: analysen är nu ”${TASK_STATUS_LABELS_SV[moved.status]}”.` };
  }

  async extend(ctx: RequestContext, yearText: string, id: string, body: view.FormBody): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    const { version, dueDate, reason } = view.parseExtendForm(body);
    const moved = await this.tasks.extendDueDate(ctx, id, version, dueDate, reason);
    return { url: backTo(task, body), notice: `${task.delregionName}: sista dag är nu ${moved.dueDate}.` };
  }

  private byYear(ctx: RequestContext, yearText: string): Promise<Cycle> {
    return this.cycles.findByYear(ctx, yearOf(yearText));
  }

  /** The task, if the caller may see it (another delregion's answers 404, audited) and it belongs to that year. */
  private async taskOf(ctx: RequestContext, yearText: string, id: string): Promise<TaskView> {
    const year = yearOf(yearText);
    const task = await this.tasks.get(ctx, id);
    if (task.cycleYear !== year) throw CycleException.taskNotFound();
    return task;
  }

  private canReview(ctx: RequestContext): boolean {
    return this.access.hasPermission(ctx, Permission.AnalysisReview);
  }
}

function backTo(task: TaskView, body: view.FormBody): string {
  return body?.from === 'oversikt' ? `${view.cyclePath(task.cycleYear)}/uppgifter` : view.taskPath(task.cycleYear, task.id);
}
