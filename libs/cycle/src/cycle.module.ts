import { Module } from '@nestjs/common';
import { AuthModule } from '@arshjulet/org';
import { CalendarController } from './calendar/calendar.controller.js';
import { CalendarService } from './calendar/calendar.service.js';
import { CycleHooks } from './cycles/cycle-hooks.js';
import { CycleOverviewService } from './cycles/cycle-overview.service.js';
import { CycleQueryService } from './cycles/cycle-query.service.js';
import { CycleRepository } from './cycles/cycle.repository.js';
import { CycleService } from './cycles/cycle.service.js';
import { CycleTransitionService } from './cycles/cycle-transition.service.js';
import { CyclesController } from './cycles/cycles.controller.js';
import { DemoCycleService } from './demo/demo-cycle.service.js';
import { RunningTasksOrgHook } from './org/running-tasks.org-hook.js';
import { PhaseAnnouncementJob } from './reminders/phase-announcement.job.js';
import { ReminderJob } from './reminders/reminder.job.js';
import { TaskHooks } from './tasks/task-hooks.js';
import { TaskRepository } from './tasks/task.repository.js';
import { TaskService } from './tasks/task.service.js';
import { TasksController } from './tasks/tasks.controller.js';

/** The annual cycle: phases and dates, launch and the frozen compilation, tasks, deadlines, reminders, calendars. */
@Module({
  imports: [AuthModule],
  controllers: [CyclesController, TasksController, CalendarController],
  providers: [
    CycleRepository, TaskRepository, CycleService, CycleQueryService, CycleTransitionService, CycleOverviewService, TaskService, CalendarService,
    DemoCycleService, ReminderJob, PhaseAnnouncementJob, TaskHooks, CycleHooks, RunningTasksOrgHook,
  ],
  exports: [CycleService, CycleQueryService, CycleTransitionService, CycleOverviewService, TaskService, CalendarService, DemoCycleService, TaskHooks, CycleHooks],
})
export class CycleModule {}
