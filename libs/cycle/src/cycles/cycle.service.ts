import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { AuditService } from '@arshjulet/audit';
import { AccessService, Permission } from '@arshjulet/org';
import { TransitionRunner } from '@arshjulet/workflow';
import { CycleException } from '../cycle.exception.js';
import { type CycleDates, dateWarnings, type DateWarning, defaultCycleDates, validateCycleDates } from './cycle-dates.js';
import type { Cycle } from './cycle.entity.js';
import { CycleRepository } from './cycle.repository.js';
import { CYCLE_MACHINE, type CycleAction } from './cycle-state.machine.js';
import { TEMPLATE_VERSION_PORT, type TemplateVersionPort } from './template-version.port.js';

export interface CycleInput extends Partial<CycleDates> {
  name?: string;
  dataPeriods?: string[];
  focusAreas?: string[];
  indicatorCodes?: string[];
  templateVersion?: string | null;
  carriedOverDecisions?: string[] | null;
}

export interface SavedCycle {
  cycle: Cycle;
  /** Weekend and public-holiday warnings: saved anyway, shown to the user. */
  warnings: DateWarning[];
}

const DATE_FIELDS: Array<keyof CycleDates> = ['planStart', 'planEnd', 'doStart', 'doEnd', 'studyStart', 'studyEnd', 'actStart', 'actEnd', 'analysisDueDate'];

export function datesOf(cycle: Cycle): CycleDates {
  return Object.fromEntries(DATE_FIELDS.map((field) => [field, cycle[field]])) as unknown as CycleDates;
}

/** Creating, editing and reading cycles. Transitions and the launch live in CycleTransitionService. */
@Injectable()
export class CycleService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly cycles: CycleRepository,
    private readonly audit: AuditService,
    private readonly access: AccessService,
    private readonly runner: TransitionRunner,
    @Optional() @Inject(TEMPLATE_VERSION_PORT) private readonly templateVersions: TemplateVersionPort | null = null,
  ) {}

  /** A new cycle for `year` in draft, with the default wheel and every active indicator unless told otherwise. */
  async create(ctx: RequestContext, year: number, input: CycleInput = {}): Promise<SavedCycle> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const dates: CycleDates = { ...defaultCycleDates(year), ...pickDates(input) };
      const errors = validateCycleDates(dates);
      if (errors.length) throw CycleException.invalidDates(errors);
      if (await this.cycles.findByYear(tx, year)) throw CycleException.yearTaken(year);
      const indicatorCodes = input.indicatorCodes ?? (await this.cycles.activeIndicatorCodes(tx));
      await this.requireKnownIndicators(tx, indicatorCodes);
      const templateVersion = input.templateVersion ? await this.requirePublishedTemplate(tx, input.templateVersion) : await this.defaultTemplateVersion(tx);
      const cycle = await this.cycles.create(tx, {
        year,
        name: input.name?.trim() || `Årshjulet ${year}`,
        dataPeriods: input.dataPeriods ?? [String(year - 1)],
        status: 'draft',
        ...dates,
        focusAreas: input.focusAreas ?? [],
        indicatorCodes,
        templateVersion,
        carriedOverDecisions: input.carriedOverDecisions ?? null,
      });
      await this.audit.record(tx, { action: 'cycle.created', entityType: 'cycle', entityId: cycle.id, after: { year, ...dates } });
      return { cycle, warnings: dateWarnings(dates) };
    });
  }

  /** Edits with the version the client read; a stale one answers 409 with the cycle as it is now. */
  async update(ctx: RequestContext, id: string, version: number, input: CycleInput): Promise<SavedCycle> {
    return this.connection.withTransaction(ctx, async (tx) => {
      const cycle = await this.cycles.lockById(tx, id);
      if (!cycle) throw CycleException.notFound();
      if (cycle.version !== version) throw CycleException.versionConflict(cycle);
      const frozen = cycle.launchedAt ? (['dataPeriods', 'indicatorCodes', 'templateVersion'] as const).filter((field) => input[field] !== undefined) : [];
      if (frozen.length) throw CycleException.frozenAfterLaunch([...frozen]);
      const before = { ...datesOf(cycle), name: cycle.name };
      const dates: CycleDates = { ...datesOf(cycle), ...pickDates(input) };
      const errors = validateCycleDates(dates);
      if (errors.length) throw CycleException.invalidDates(errors);
      if (input.indicatorCodes) await this.requireKnownIndicators(tx, input.indicatorCodes);
      if (input.templateVersion) await this.requirePublishedTemplate(tx, input.templateVersion);
      Object.assign(cycle, dates);
      if (input.name !== undefined) cycle.name = input.name.trim();
      for (const field of ['dataPeriods', 'focusAreas', 'indicatorCodes', 'templateVersion', 'carriedOverDecisions'] as const) {
        if (input[field] !== undefined) (cycle as unknown as Record<string, unknown>)[field] = input[field];
      }
      const saved = await this.cycles.save(tx, cycle);
      await this.audit.record(tx, { action: 'cycle.updated', entityType: 'cycle', entityId: id, before, after: { ...datesOf(saved), name: saved.name } });
      return { cycle: saved, warnings: dateWarnings(dates) };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Cycle> {
    const cycle = await this.cycles.findById(ctx, id);
    if (!cycle) throw CycleException.notFound();
    return cycle;
  }

  async findByYear(ctx: RequestContext, year: number): Promise<Cycle> {
    const cycle = await this.cycles.findByYear(ctx, year);
    if (!cycle) throw CycleException.notFound();
    return cycle;
  }

  list(ctx: RequestContext, filter: { status?: string; page: number; pageSize: number }): Promise<[Cycle[], number]> {
    return this.cycles.page(ctx, filter);
  }

  newest(ctx: RequestContext, count: number): Promise<Cycle[]> {
    return this.cycles.newest(ctx, count);
  }

  /** What the actor may do with the cycle now: for 409 bodies, buttons on pages and the API's `allowedActions`. */
  allowedActions(ctx: RequestContext, cycle: Cycle): CycleAction[] {
    return this.runner.allowedActions(ctx, CYCLE_MACHINE, cycle.status, null);
  }

  /** Whether the actor may edit cycles (for pages that show the edit form). */
  canManage(ctx: RequestContext): boolean {
    return this.access.hasPermission(ctx, Permission.CycleManage);
  }

  /** The template version tasks will pin when none is chosen: the one published most recently (null without templates). */
  async defaultTemplateVersion(ctx: RequestContext): Promise<string | null> {
    return (await this.templateVersions?.latestPublishedId(ctx)) ?? null;
  }

  private async requirePublishedTemplate(ctx: RequestContext, versionId: string): Promise<string> {
    if (this.templateVersions && !(await this.templateVersions.isPublished(ctx, versionId))) throw CycleException.unknownTemplateVersion();
    return versionId;
  }

  private async requireKnownIndicators(ctx: RequestContext, codes: string[]): Promise<void> {
    const unknown = await this.cycles.unknownIndicatorCodes(ctx, codes);
    if (unknown.length) throw CycleException.unknownIndicators(unknown);
  }
}

function pickDates(input: CycleInput): Partial<CycleDates> {
  return Object.fromEntries(DATE_FIELDS.filter((field) => input[field] !== undefined).map((field) => [field, input[field]]));
}
