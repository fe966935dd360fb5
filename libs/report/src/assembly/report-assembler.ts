import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, readTogether, type RequestContext } from '@arshjulet/core';
import { comparedRange } from '@arshjulet/cycle';
import { Period } from '@arshjulet/indicators';
import { ChartRenderer } from '../charts/index.js';
import { buildCompilation } from '../compilation/compilation.builder.js';
import { CompilationRepository, type CompilationCycleRow } from '../compilation/compilation.repository.js';
import type { CompilationModel, OwnSections, ReportModel } from '../model/report-model.js';
import { ReportException } from '../report.exception.js';
import { synthesize } from '../synthesis/synthesize.js';
import { AssemblyRepository } from './assembly.repository.js';
import { toDelregionSummary } from './delregion-summary.mapper.js';

/** Compilations kept per process: a few years' reports are worked on at once, each a few MB with its charts. */
const COMPILATIONS_KEPT = 4;

export interface AssembleOptions {
  ownSections: OwnSections;
  state: string;
  versionNumber: number | null;
}

/**
 * Builds the county compilation and the county report as data (report-model.ts) for the renderer. Reads a fixed
 * number of statements whatever the number of indicators or delregions; the charts are rendered once and cached
 * by the one ChartRenderer this singleton holds.
 */
@Injectable()
export class ReportAssembler {
  private readonly charts = new ChartRenderer();
  /**
   * Compilations of launched cycles by cycle id, with what they were made from: a launched cycle's figures are
   * frozen, so while nothing it reads has changed since (see CompilationCycleRow.freshness) assembling again reuses
   * it. Read-only for everyone who gets it. Per process and bounded; another instance makes its own.
   */
  private readonly compiled = new Map<string, { freshness: string; model: CompilationModel }>();

  constructor(
    private readonly compilations: CompilationRepository,
    private readonly assembly: AssemblyRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The county compilation from the cycle's frozen snapshot; before launch, a preview of the live figures (frozenAt null). */
  async compilation(ctx: RequestContext, cycleId: string): Promise<CompilationModel> {
    const cycle = await this.compilations.cycle(ctx, cycleId);
    if (!cycle) throw ReportException.cycleNotFound();
    return this.compile(ctx, cycle);
  }

  async assemble(ctx: RequestContext, cycleId: string, options: AssembleOptions): Promise<ReportModel> {
    const cycle = await this.compilations.cycle(ctx, cycleId);
    if (!cycle) throw ReportException.cycleNotFound();
    // Assembling a report version runs in its transaction, on one connection: the reads go one after the other there.
    const [compilation, tasks, themeLabels] = await readTogether(ctx, [
      () => this.compile(ctx, cycle),
      () => this.assembly.tasksWithLatestRevision(ctx, cycle.id),
      () => this.assembly.themeLabels(ctx),
    ]);
    const delregions = tasks
      .map((task) => toDelregionSummary(task, themeLabels))
      .sort((a, b) => a.delregionName.localeCompare(b.delregionName, 'sv') || a.delregionCode.localeCompare(b.delregionCode));
    return {
      cycleId: cycle.id,
      year: cycle.year,
      title: `Länsgemensam uppföljning ${cycle.year}: sammanställd rapport`,
      preliminary: delregions.length === 0 || delregions.some((summary) => !summary.accepted),
      state: options.state,
      versionNumber: options.versionNumber,
      generatedAt: new Date().toISOString(),
      compilation,
      delregions,
      synthesis: synthesize(delregions, { threshold: this.config.REPORT_COMMON_THEME_MIN, themeLabels }),
      ownSections: options.ownSections,
    };
  }

  private async compile(ctx: RequestContext, cycle: CompilationCycleRow): Promise<CompilationModel> {
    if (cycle.launchedAt === null) return this.build(ctx, cycle);
    const known = this.compiled.get(cycle.id);
    if (known?.freshness === cycle.freshness) return known.model;
    const model = await this.build(ctx, cycle);
    this.compiled.delete(cycle.id);
    if (this.compiled.size >= COMPILATIONS_KEPT) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(cycle.id, { freshness: cycle.freshness, model });
    return model;
  }

  private async build(ctx: RequestContext, cycle: CompilationCycleRow): Promise<CompilationModel> {
    const { from, to, dataStart } = figureRange(cycle);
    const [catalogue, units, figures] = await readTogether(ctx, [
      () => this.compilations.catalogue(ctx, cycle.indicatorCodes),
      () => this.compilations.units(ctx),
      () => this.compilations.figures(ctx, { cycleId: cycle.id, frozen: cycle.launchedAt !== null, codes: cycle.indicatorCodes, from, to, dataStart }),
    ]);
    const frozenAt = cycle.launchedAt ? new Date(cycle.launchedAt).toISOString() : null;
    return buildCompilation({ cycle, frozenAt, catalogue, units, figures }, this.charts);
  }
}

/**
 * The range a launch freezes (the data periods and the year before them, as the cycle lib computes it) and where
 * the data periods themselves start (the compared period lies in them). A cycle without a readable data period
 * (none can be launched) falls back to its own year.
 */
function figureRange(cycle: CompilationCycleRow): { from: string; to: string; dataStart: string } {
  const starts = cycle.dataPeriods.flatMap((text) => {
    const parsed = Period.tryParse(text);
    return parsed.ok ? [parsed.period.start] : [];
  });
  if (starts.length === 0) return { from: `${cycle.year - 1}-01-01`, to: `${cycle.year}-12-31`, dataStart: `${cycle.year}-01-01` };
  const [from, to] = comparedRange(cycle.dataPeriods);
  return { from, to, dataStart: starts.sort()[0]! };
}
