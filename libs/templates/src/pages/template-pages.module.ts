import { Module } from '@nestjs/common';
import { AuthModule } from '@arshjulet/org';
import { TemplatePagesController } from './template-pages.controller.js';
import { TemplatePagesService } from './template-pages.service.js';

/** The template editor's Swedish pages, on the services of the global TemplatesModule. */
@Module({
  imports: [AuthModule],
  controllers: [TemplatePagesController],
  providers: [TemplatePagesService],
})
export class TemplatePagesModule {}
