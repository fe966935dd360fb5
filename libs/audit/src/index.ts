export * from './audit-event.entity.js';
export * from './audit-query.service.js';
export * from './audit.module.js';
export * from './audit.service.js';
export * from './dto/audit-event.dto.js';

import { AuditEvent } from './audit-event.entity.js';
export const AUDIT_ENTITIES = [AuditEvent];
