import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@arshjulet/core';
import { AuthModule } from '@arshjulet/org';
import { IndicatorCatalogueService } from './catalogue/indicator-catalogue.service.js';
import { IndicatorEditorService } from './catalogue/indicator-editor.service.js';
import { IndicatorReferenceLoader } from './catalogue/indicator-reference.loader.js';
import { IndicatorsController } from './catalogue/indicators.controller.js';
import { ComparisonController } from './comparison/comparison.controller.js';
import { ComparisonService } from './comparison/comparison.service.js';
import { DemoSeedService } from './demo/demo-seed.service.js';
import { DerivedValuesRepository } from './derived/derived-values.repository.js';
import { DerivedValuesService } from './derived/derived-values.service.js';
import { OrgUnitDerivedHook } from './derived/org-unit-derived.hook.js';
import { ImportBatchQueryService } from './imports/import-batch-query.service.js';
import { ImportBatchRepository } from './imports/import-batch.repository.js';
import { ImportCatalogLoader } from './imports/import-catalog.loader.js';
import { ImportCommitService } from './imports/import-commit.service.js';
import { IMPORT_LIMITS, importLimitsFrom } from './imports/import-limits.js';
import { ImportPreviewService } from './imports/import-preview.service.js';
import { IndicatorImportsController } from './imports/indicator-imports.controller.js';
import { KoladaFetcher } from './imports/kolada/kolada.fetcher.js';
import { UploadImportService } from './imports/upload-import.service.js';
import { ImportPagesController } from './pages/import-pages.controller.js';
import { IndicatorAdminPagesController } from './pages/indicator-admin-pages.controller.js';
import { IndicatorAdminPagesService } from './pages/indicator-admin-pages.service.js';
import { IndicatorPageService } from './pages/indicator-page.service.js';
import { IndicatorPagesController } from './pages/indicator-pages.controller.js';
import { IndicatorsReferenceBootstrap } from './indicators-reference.bootstrap.js';
import { IndicatorValueRepository } from './values/indicator-value.repository.js';
import { IndicatorValuesController } from './values/indicator-values.controller.js';
import { IndicatorValuesQueryService } from './values/indicator-values-query.service.js';

@Module({
  imports: [AuthModule],
  controllers: [
    IndicatorsController, ComparisonController, IndicatorValuesController, IndicatorImportsController,
    IndicatorPagesController, ImportPagesController, IndicatorAdminPagesController,
  ],
  providers: [
    IndicatorCatalogueService,
    IndicatorEditorService,
    IndicatorReferenceLoader,
    IndicatorsReferenceBootstrap,
    IndicatorValueRepository,
    IndicatorValuesQueryService,
    ComparisonService,
    IndicatorPageService,
    IndicatorAdminPagesService,
    DemoSeedService,
    DerivedValuesRepository,
    DerivedValuesService,
    OrgUnitDerivedHook,
    ImportBatchRepository,
    ImportCatalogLoader,
    ImportPreviewService,
    ImportCommitService,
    ImportBatchQueryService,
    UploadImportService,
    KoladaFetcher,
    { provide: IMPORT_LIMITS, useFactory: (config: AppConfig) => importLimitsFrom(config), inject: [APP_CONFIG] },
  ],
  exports: [DemoSeedService, IndicatorCatalogueService, IndicatorReferenceLoader, ImportPreviewService, ImportCommitService, ImportBatchQueryService, ComparisonService],
})
export class IndicatorsModule {}
