import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuthModule } from '@arshjulet/org';
import { NotificationPagesController } from './notification-pages.controller.js';
import { OutboxPagesController } from './outbox-pages.controller.js';
import { OutboxPagesService } from './outbox-pages.service.js';
import { UnreadNotificationsInterceptor } from './unread-notifications.interceptor.js';

// Beside the notifications API (above org for its access decorators); the bell is on every page.
@Module({
  imports: [AuthModule],
  controllers: [NotificationPagesController, OutboxPagesController],
  providers: [OutboxPagesService, { provide: APP_INTERCEPTOR, useClass: UnreadNotificationsInterceptor }],
})
export class NotificationPagesModule {}
