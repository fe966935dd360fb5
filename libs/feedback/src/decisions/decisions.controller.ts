import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { ActionStatusDto, CreateDecisionDto, DecisionQueryDto, DecisionResponseDto, mapDecision, UpdateDecisionDto } from './decision.dto.js';
import { DecisionService } from './decision.service.js';
import { etagOf, versionFromIfMatch } from './if-match.util.js';

@ApiTags('feedback')
@Controller('api/v1/decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionService) {}

  @Get()
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'VVG’s decisions, by cycle or the cycle’s year, with their actions (once the cycle is closed)' })
  @ApiOkResponse({ type: [DecisionResponseDto] })
  async list(@Ctx() ctx: RequestContext, @Query() query: DecisionQueryDto): Promise<DecisionResponseDto[]> {
    return (await this.decisions.list(ctx, { cycleId: query.cycle, year: query.year })).map(mapDecision);
  }

  @Get(':id')
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'One decision; ETag is its version' })
  @ApiOkResponse({ type: DecisionResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Res({ passthrough: true }) response: Response): Promise<DecisionResponseDto> {
    const decision = mapDecision(await this.decisions.get(ctx, id));
    response.setHeader('ETag', etagOf(decision.version));
    return decision;
  }

  @Post()
  @Authenticated(Permission.DecisionRecord)
  @ApiOperation({ summary: 'Record a decision on the year’s report (VVG), while the cycle is in review or decision' })
  @ApiCreatedResponse({ type: DecisionResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'Every problem beside its field (text, priority, ownerOrgUnitCode, dueDate, indicatorCodes, themeKeys)' })
  @ApiConflictResponse({ description: 'The cycle is not in review or decision' })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateDecisionDto, @Res({ passthrough: true }) response: Response): Promise<DecisionResponseDto> {
    const { cycleId, ...input } = body;
    const decision = mapDecision(await this.decisions.create(ctx, cycleId, input));
    response.setHeader('ETag', etagOf(decision.version));
    return decision;
  }

  @Patch(':id')
  @Authenticated(Permission.DecisionRecord)
  @ApiOperation({ summary: 'Change a decision; If-Match required (428 without, 409 with the current decision when stale)' })
  @ApiHeader({ name: 'If-Match', required: true, description: 'The version you read, e.g. "3"' })
  @ApiOkResponse({ type: DecisionResponseDto })
  @ApiConflictResponse({ description: 'Stale version (`current` holds the decision) or the cycle is past decision' })
  @ApiUnprocessableEntityResponse({ description: 'Every problem beside its field' })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('id', ParseUUIDPipe) id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateDecisionDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionResponseDto> {
    const decision = mapDecision(await this.decisions.update(ctx, id, versionFromIfMatch(ifMatch)!, body));
    response.setHeader('ETag', etagOf(decision.version));
    return decision;
  }

  @Patch(':id/action')
  @Authenticated(Permission.ReportRead)
  @ApiOperation({ summary: 'Follow up the decision’s action: open, in_progress or done (VVG, county coordinator); If-Match (the action’s version) optional' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The action’s version you read' })
  @ApiOkResponse({ type: DecisionResponseDto })
  async setActionStatus(
    @Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Headers('if-match') ifMatch: string | undefined, @Body() body: ActionStatusDto,
  ): Promise<DecisionResponseDto> {
    return mapDecision(await this.decisions.setActionStatus(ctx, id, body.status, versionFromIfMatch(ifMatch, false)));
  }
}
