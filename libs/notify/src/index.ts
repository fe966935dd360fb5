export * from './notify.module.js';
export * from './notify.service.js';
export * from './outbox-draft.js';
export * from './outbox-message.entity.js';
export * from './outbox.service.js';

import { OutboxMessage } from './outbox-message.entity.js';
export const NOTIFY_ENTITIES = [OutboxMessage];
