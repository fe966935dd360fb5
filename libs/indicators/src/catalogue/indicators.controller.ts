import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { CreateIndicatorDto, IndicatorQueryDto, IndicatorResponseDto, mapIndicator, UpdateIndicatorDto } from './dto/indicator.dto.js';
import { IndicatorCatalogueService } from './indicator-catalogue.service.js';
import { IndicatorEditorService } from './indicator-editor.service.js';

@ApiTags('indicators')
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(
    private readonly catalogue: IndicatorCatalogueService,
    private readonly editor: IndicatorEditorService,
  ) {}

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

  @Post()
  @Authenticated(Permission.IndicatorManage)
  @ApiOperation({ summary: 'Add an indicator to the catalogue (audited; the reference loader will leave it alone)' })
  @ApiCreatedResponse({ type: IndicatorResponseDto })
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateIndicatorDto): Promise<IndicatorResponseDto> {
    return mapIndicator(await this.editor.create(ctx, body));
  }

  @Patch(':code')
  @Authenticated(Permission.IndicatorManage)
  @ApiOperation({ summary: 'Edit an indicator; send the version you read (409 with the current indicator when it is stale)' })
  @ApiOkResponse({ type: IndicatorResponseDto })
  async update(@Ctx() ctx: RequestContext, @Param('code') code: string, @Body() body: UpdateIndicatorDto): Promise<IndicatorResponseDto> {
    return mapIndicator(await this.editor.update(ctx, code, body));
  }

  @Delete(':code')
  @HttpCode(204)
  @Authenticated(Permission.IndicatorManage)
  @ApiOperation({ summary: 'Remove an indicator that has no values (409 otherwise: deactivate it instead)' })
  @ApiNoContentResponse()
  async remove(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<void> {
    await this.editor.remove(ctx, code);
  }
}
