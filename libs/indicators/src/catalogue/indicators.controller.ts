import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { IndicatorQueryDto, IndicatorResponseDto, mapIndicator } from './dto/indicator.dto.js';
import { IndicatorCatalogueService } from './indicator-catalogue.service.js';

@ApiTags('indicators')
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(private readonly catalogue: IndicatorCatalogueService) {}

  @Get()
  @Authenticated(Permission.IndicatorRead)
  @ApiOperation({ summary: 'The indicator catalogue, filterable by group and area' })
  @ApiOkResponse({ type: [IndicatorResponseDto] })
  async list(@Ctx() ctx: RequestContext, @Query() query: IndicatorQueryDto): Promise<IndicatorResponseDto[]> {
    return (await this.catalogue.list(ctx, query)).map(mapIndicator);
  }

  @Get(':code')
  @Authenticated(Permission.IndicatorRead)
  @ApiOperation({ summary: 'One indicator by code' })
  @ApiOkResponse({ type: IndicatorResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<IndicatorResponseDto> {
    return mapIndicator(await this.catalogue.getByCode(ctx, code));
  }
}
