import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { CycleOverviewService } from './cycle-overview.service.js';
import { CycleQueryService } from './cycle-query.service.js';
import { CycleService } from './cycle.service.js';
import { CycleTransitionService } from './cycle-transition.service.js';
import {
  CreateCycleDto, CycleOverviewDto, CyclePageDto, CycleQueryDto, CycleResponseDto, CycleTransitionDto, LaunchDto, mapCycle,
  mapOverview, UpdateCycleDto,
} from './dto/cycle.dto.js';



@ApiTags('cycles')
@Controller('api/v1/cycles')
export class CyclesController {
  constructor(
    private readonly cycles: CycleService,
    private readonly transitions: CycleTransitionService,
    private readonly overviews: CycleOverviewService,
    private readonly queries: CycleQueryService,
  ) {}

  @Get()
  @Authenticated(Permission.CycleRead)
  @ApiOperation({ summary: 'Cycles, newest year first, paged' })
  @ApiOkResponse({ type: CyclePageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: CycleQueryDto): Promise<CyclePageDto> {
    const [items, total] = await this.cycles.list(ctx, query);
    return { items: items.map((cycle) => mapCycle(cycle, this.cycles.allowedActions(ctx, cycle))), total, page: query.page, pageSize: query.pageSize };
  }

  @Post()
  @Authenticated(Permission.CycleManage)
  @ApiOperation({ summary: 'Create the cycle of a year in draft, dates prefilled from the default wheel' })
  @ApiCreatedResponse({ type: CycleResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Dates out of order, phases not contiguous, due date outside Do' })
  async create(@Ctx() ctx: RequestContext, @Body() { year, ...input }: CreateCycleDto): Promise<CycleResponseDto> {
    const { cycle, warnings } = await this.cycles.create(ctx, year, input);
    return mapCycle(cycle, this.cycles.allowedActions(ctx, cycle), warnings);
  }

  @Get(':id')
  @Authenticated(Permission.CycleRead)
  @ApiOperation({ summary: 'One cycle with what you may do with it now' })
  @ApiOkResponse({ type: CycleResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<CycleResponseDto> {
    return this.queries.get(ctx, id);
  }

  @Patch(':id')
  @Authenticated(Permission.CycleManage)
  @ApiOperation({ summary: 'Edit dates, scope and focus areas; weekend/holiday dates come back as warnings' })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiConflictResponse({ description: 'Stale version; `current` holds the cycle as it is now' })
  async update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() { version, ...input }: UpdateCycleDto): Promise<CycleResponseDto> {
    const { cycle, warnings } = await this.cycles.update(ctx, id, version, input);
    return mapCycle(cycle, this.cycles.allowedActions(ctx, cycle), warnings);
  }

  @Post(':id/launch')
  @HttpCode(200)
  @Authenticated(Permission.CycleManage)
  @ApiOperation({ summary: 'Launch: freeze the county compilation and create one task per active delregion, in one transaction' })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiConflictResponse({ description: 'Already launched, not in planning, or a guard refused (currentState, allowedActions)' })
  async launch(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: LaunchDto): Promise<CycleResponseDto> {
    const { cycle } = await this.transitions.launch(ctx, id, body.version);
    return mapCycle(cycle, this.cycles.allowedActions(ctx, cycle));
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Authenticated(Permission.CycleRead)
  @ApiOperation({ summary: 'Take an action of the cycle table (start_planning, launch, start_review, override_review, start_decision, close, reopen)' })
  @ApiOkResponse({ type: CycleResponseDto })
  @ApiConflictResponse({ description: 'Illegal in the current state: currentState and allowedActions' })
  async transition(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() body: CycleTransitionDto): Promise<CycleResponseDto> {
    const { cycle } = await this.transitions.transition(ctx, id, body.action, { reason: body.reason ?? null }, body.version);
    return mapCycle(cycle, this.cycles.allowedActions(ctx, cycle));
  }

  @Get(':id/overview')
  @Authenticated(Permission.CycleRead)
  @ApiOperation({ summary: 'Per delregion: task status, due date, days left or overdue, last activity, reminders sent' })
  @ApiOkResponse({ type: CycleOverviewDto })
  async overview(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<CycleOverviewDto> {
    const overview = await this.overviews.overview(ctx, id);
    return mapOverview(overview, this.cycles.allowedActions(ctx, overview.cycle));
  }
}
