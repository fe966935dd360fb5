import { Global, Module } from '@nestjs/common';
import { NotificationsController } from './notifications/notifications.controller.js';
import { OutboxAdminController } from './notifications/outbox-admin.controller.js';
import { TransitionRunner } from './transition-runner.js';

// The notification routes live here, above org, because they need its access decorators (notify sits below org).
@Global()
@Module({ controllers: [NotificationsController, OutboxAdminController], providers: [TransitionRunner], exports: [TransitionRunner] })
export class WorkflowModule {}
