import { Inject, Injectable, Optional } from '@nestjs/common';
import type { RequestContext, TransitionInput } from '@arshjulet/core';
import { Period } from '@arshjulet/indicators';
import { TransitionRunner } from '@arshjulet/workflow';
import { CycleException } from '../cycle.exception.js';
import { TaskRepository } from '../tasks/task.repository.js';
import { addDays } from './cycle-dates.js';
import { CycleHooks } from './cycle-hooks.js';
import type { Cycle } from './cycle.entity.js';
import { statusChangedDrafts } from './cycle-messages.js';
import { CycleRepository } from './cycle.repository.js';
import { CYCLE_MACHINE, type CycleAction, type CycleSubject } from './cycle-state.machine.js';
import { TEMPLATE_VERSION_PORT, type TemplateVersionPort } from './template-version.port.js';

/** What a launch would freeze if it ran now. */
export interface LaunchPreview {
  /** The figures the compilation would hold. */
  values: number;
}

export interface LaunchResult {
  cycle: Cycle;
  compilationRows: number;
  tasksCreated: number;
}

/**
 * Moves cycles through their table with the one TransitionRunner path. Launch is the transition `launch`: in
 * its one transaction it freezes the compilation and creates one task per active delregion.
 */
@Injectable()
export class CycleTransitionService {
  constructor(
    private readonly runner: TransitionRunner,
    private readonly cycles: CycleRepository,
    private readonly tasks: TaskRepository,
    private readonly hooks: CycleHooks,
    @Optional() @Inject(TEMPLATE_VERSION_PORT) private readonly templateVersions: TemplateVersionPort | null = null,
  ) {}

  async transition(ctx: RequestContext, id: string, action: CycleAction, input: TransitionInput = {}, expectedVersion?: number): Promise<LaunchResult> {
    let compilationRows = 0;
    let tasksCreated = 0;
    const subject = await this.runner.run(ctx, {
      machine: CYCLE_MACHINE,
      entityType: 'cycle',
      action,
      input,
      expectedVersion,
      versionOf: (s) => s.cycle.version,
      load: (tx) => this.load(tx, id),
      stateOf: (s) => s.cycle.status,
      idOf: (s) => s.cycle.id,
      orgUnitOf: () => null,
      apply: async (tx, s, to) => {
        const cycle = s.cycle;
        if (action === 'launch') {
          const frozen = await this.cycles.freezeCompilation(tx, cycle, ...comparedRange(cycle.dataPeriods));
          // A cycle made before any template was published pins the latest one now; each task keeps it for good.
          cycle.templateVersion ??= (await this.templateVersions?.latestPublishedId(tx)) ?? null;
          tasksCreated = await this.tasks.createForActiveDelregions(tx, cycle.id, cycle.analysisDueDate, cycle.templateVersion);
          compilationRows = frozen.rows;
          cycle.snapshotBatchIds = frozen.batchIds;
          cycle.launchedAt = new Date();
        }
        cycle.status = to;
        const saved = await this.cycles.save(tx, cycle);
        await this.hooks.onTransition(tx, saved, action);
        return { ...s, cycle: saved };
      },
      effects: async (tx, s, t, given) => statusChangedDrafts(s.cycle, t.to, await this.tasks.participants(tx), given.reason?.trim() || null),
    });
    return { cycle: subject.cycle, compilationRows, tasksCreated };
  }

  launch(ctx: RequestContext, id: string, expectedVersion?: number): Promise<LaunchResult> {
    return this.transition(ctx, id, 'launch', {}, expectedVersion);
  }

  /** What launching the cycle now would freeze (read only; the launch counts again in its own transaction). */
  async launchPreview(ctx: RequestContext, cycleId: string): Promise<LaunchPreview> {
    const cycle = await this.cycles.findById(ctx, cycleId);
    if (!cycle) throw CycleException.notFound();
    return { values: await this.cycles.countCompilation(ctx, cycle, ...comparedRange(cycle.dataPeriods)) };
  }

  /** Gives a task to every active delregion that has none in a launched cycle (a delregion activated later). */
  async createMissingTasks(ctx: RequestContext, cycle: Cycle): Promise<number> {
    if (cycle.status !== 'analysis') return 0;
    return this.tasks.createForActiveDelregions(ctx, cycle.id, cycle.analysisDueDate, cycle.templateVersion);
  }

  private async load(tx: RequestContext, id: string): Promise<CycleSubject> {
    const cycle = await this.cycles.lockById(tx, id);
    if (!cycle) throw CycleException.notFound();
    const activeDelregions = await this.cycles.countActiveDelregions(tx);
    const counts = await this.cycles.taskCounts(tx, id);
    return { cycle, activeDelregions, tasks: counts.tasks, acceptedTasks: counts.accepted };
  }
}

/**
 * The periods the compilation freezes: from one year before the earliest data period starts (the comparisons'
 * "previous" figures) to the end of the latest one; quarters and months inside that range come along.
 */
export function comparedRange(dataPeriods: readonly string[]): [string, string] {
  const parsed = dataPeriods.map((text) => Period.tryParse(text)).flatMap((result) => (result.ok ? [result.period] : []));
  if (parsed.length === 0) throw new Error('a cycle without a readable data period cannot be launched');
  const start = parsed.map((p) => p.start).sort()[0]!;
  const end = parsed.map((p) => p.end).sort().at(-1)!;
  const yearBefore = `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`;
  return [yearBefore.endsWith('-02-29') ? addDays(yearBefore.replace('-29', '-28'), 1) : yearBefore, end];
}
