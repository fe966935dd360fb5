import { Module } from '@nestjs/common';
import { AuthModule } from '@arshjulet/org';
import { TemplatePagesController } from './template-pages.controller.js';
import { TemplatePagesService } from './template-pages.service.js';
import { ThemePagesController } from './theme-pages.controller.js';

/** The template editor's and the theme vocabulary's Swedish pages, on the services of the global TemplatesModule. */
@Module({
  imports: [AuthModule],
  controllers: [TemplatePagesController, ThemePagesController],
  providers: [TemplatePagesService],
})
export class TemplatePagesModule {}
