export * from './audit-event.entity.js';
export * from './audit.module.js';
export * from './audit.service.js';

import { AuditEvent } from './audit-event.entity.js';
export const AUDIT_ENTITIES = [AuditEvent];
