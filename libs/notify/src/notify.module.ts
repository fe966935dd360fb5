import { Global, Module } from '@nestjs/common';
import { NotifyService } from './notify.service.js';
import { OutboxService } from './outbox.service.js';

@Global()
@Module({ providers: [NotifyService, OutboxService], exports: [NotifyService, OutboxService] })
export class NotifyModule {}
