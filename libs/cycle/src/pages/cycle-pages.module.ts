import { Module } from '@nestjs/common';
import { IndicatorsModule } from '@arshjulet/indicators';
import { AuthModule } from '@arshjulet/org';
import { CycleModule } from '../cycle.module.js';
import { CalendarPagesController } from './calendar-pages.controller.js';
import { CyclePagesController } from './cycle-pages.controller.js';
import { CyclePagesService } from './cycle-pages.service.js';
import { CycleStartService } from './cycle-start.service.js';

/** The årshjul's Swedish pages, on the services of CycleModule. */
@Module({
  imports: [CycleModule, AuthModule, IndicatorsModule],
  controllers: [CyclePagesController, CalendarPagesController],
  providers: [CyclePagesService, CycleStartService],
  exports: [CycleStartService],
})
export class CyclePagesModule {}
