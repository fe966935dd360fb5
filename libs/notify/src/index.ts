export * from './admin/outbox-admin.service.js';
export * from './delivery/mail-sender.js';
export * from './delivery/message-renderer.js';
export * from './delivery/outbox-worker.js';
export * from './notification.entity.js';
export * from './notifications/notification.service.js';
export * from './notify.exception.js';
export * from './notify.module.js';
export * from './notify.service.js';
export * from './outbox-draft.js';
export * from './outbox-message.entity.js';
export * from './outbox.service.js';

import { Notification } from './notification.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
export const NOTIFY_ENTITIES = [OutboxMessage, Notification];
