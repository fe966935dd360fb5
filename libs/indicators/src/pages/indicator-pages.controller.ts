import { Controller, Get, Param, Query, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { IndicatorCatalogueService } from '../catalogue/indicator-catalogue.service.js';
import { IndicatorPageService } from './indicator-page.service.js';
import { catalogueView, indicatorPageView } from './indicator-pages.mapper.js';

/** "Indikatorer": the catalogue, and one indicator with its comparison and figures. */
@ApiExcludeController()
@Controller('indikatorer')
export class IndicatorPagesController {
  constructor(
    private readonly catalogue: IndicatorCatalogueService,
    private readonly pages: IndicatorPageService,
  ) {}

  @Get()
  @Authenticated(Permission.IndicatorRead)
  @Render('indicators/index')
  async index(@Ctx() ctx: RequestContext) {
    return { title: 'Indikatorer', groups: catalogueView(await this.catalogue.list(ctx)) };
  }

  @Get(':code')
  @Authenticated(Permission.IndicatorRead)
  @Render('indicators/show')
  async show(@Ctx() ctx: RequestContext, @Param('code') code: string, @Query('period') period?: string) {
    return indicatorPageView(await this.pages.show(ctx, code, period || undefined));
  }
}
