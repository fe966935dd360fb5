import { Global, Module } from '@nestjs/common';
import { OutboxAdminService } from './admin/outbox-admin.service.js';
import { MailSender } from './delivery/mail-sender.js';
import { OutboxWorker } from './delivery/outbox-worker.js';
import { NotificationService } from './notifications/notification.service.js';
import { NotifyService } from './notify.service.js';
import { OutboxService } from './outbox.service.js';

@Global()
@Module({
  providers: [NotifyService, OutboxService, OutboxWorker, MailSender, NotificationService, OutboxAdminService],
  exports: [NotifyService, OutboxService, OutboxWorker, NotificationService, OutboxAdminService],
})
export class NotifyModule {}
