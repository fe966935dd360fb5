import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { CycleException } from '../cycle.exception.js';
import { dateWarnings } from './cycle-dates.js';
import type { Cycle } from './cycle.entity.js';
import { type CompilationRow, CycleRepository } from './cycle.repository.js';
import { CycleService, datesOf } from './cycle.service.js';
import { type CycleResponseDto, mapCycle } from './dto/cycle.dto.js';

/** Reads of one cycle as the API and pages show it. */
@Injectable()
export class CycleQueryService {
  constructor(
    private readonly cycles: CycleService,
    private readonly repository: CycleRepository,
  ) {}

  async get(ctx: RequestContext, id: string): Promise<CycleResponseDto> {
    const cycle = await this.cycles.get(ctx, id);
    return mapCycle(cycle, this.cycles.allowedActions(ctx, cycle), dateWarnings(datesOf(cycle)));
  }

  async compilation(ctx: RequestContext, id: string): Promise<{ cycle: Cycle; values: CompilationRow[] }> {
    const cycle = await this.repository.findById(ctx, id);
    if (!cycle) throw CycleException.notFound();
    return { cycle, values: await this.repository.compilation(ctx, id) };
  }
}
