import { Global, Module } from '@nestjs/common';
import { TEMPLATE_VERSION_PORT } from '@arshjulet/cycle';
import { AuthModule } from '@arshjulet/org';
import { TemplateReferenceLoader } from './reference/template-reference.loader.js';
import { TemplatesReferenceBootstrap } from './reference/templates-reference.bootstrap.js';
import { ThemeTagService } from './themes/theme-tag.service.js';
import { ThemeTagsController } from './themes/theme-tags.controller.js';
import { TemplateVersionAdapter } from './versions/template-version.adapter.js';
import { TemplateRepository } from './versions/template.repository.js';
import { TemplateService } from './versions/template.service.js';
import { TemplatesController } from './versions/templates.controller.js';

/**
 * Analysis templates, their versions and the theme vocabulary. Global so the cycle lib (below it) receives the
 * TEMPLATE_VERSION_PORT it declares without importing this lib.
 */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [TemplatesController, ThemeTagsController],
  providers: [
    TemplateRepository, TemplateService, ThemeTagService, TemplateReferenceLoader, TemplatesReferenceBootstrap, TemplateVersionAdapter,
    { provide: TEMPLATE_VERSION_PORT, useExisting: TemplateVersionAdapter },
  ],
  exports: [TemplateService, ThemeTagService, TemplateReferenceLoader, TEMPLATE_VERSION_PORT],
})
export class TemplatesModule {}
