import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { ComparisonService } from './comparison.service.js';
import { ComparisonQueryDto, ComparisonResponseDto, mapComparison } from './dto/comparison.dto.js';

@ApiTags('indicators')
@Controller('api/v1/indicators')
export class ComparisonController {
  constructor(private readonly comparisons: ComparisonService) {}

  @Get(':code/comparison')
  @Authenticated(Permission.IndicatorValueRead)
  @ApiOperation({ summary: 'County vs nation, change vs the previous period, lowest/highest unit, delregion ranking, target, and Swedish sentences' })
  @ApiOkResponse({ type: ComparisonResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('code') code: string, @Query() query: ComparisonQueryDto): Promise<ComparisonResponseDto> {
    return mapComparison(await this.comparisons.compare(ctx, code, query.period, query.breakdown ?? ''));
  }
}
