import { Module } from '@nestjs/common';
import { IndicatorCatalogueService } from './catalogue/indicator-catalogue.service.js';
import { IndicatorReferenceLoader } from './catalogue/indicator-reference.loader.js';
import { IndicatorsController } from './catalogue/indicators.controller.js';
import { IndicatorsReferenceBootstrap } from './indicators-reference.bootstrap.js';

@Module({
  controllers: [IndicatorsController],
  providers: [IndicatorCatalogueService, IndicatorReferenceLoader, IndicatorsReferenceBootstrap],
  exports: [IndicatorCatalogueService, IndicatorReferenceLoader],
})
export class IndicatorsModule {}
