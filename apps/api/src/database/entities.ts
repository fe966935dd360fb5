import { ANALYSIS_ENTITIES } from '@arshjulet/analysis';
import { AUDIT_ENTITIES } from '@arshjulet/audit';
import { CYCLE_ENTITIES } from '@arshjulet/cycle';
import { DB_ENTITIES } from '@arshjulet/db';
import { FEEDBACK_ENTITIES } from '@arshjulet/feedback';
import { INDICATOR_ENTITIES } from '@arshjulet/indicators';
import { NOTIFY_ENTITIES } from '@arshjulet/notify';
import { ORG_ENTITIES } from '@arshjulet/org';
import { REPORT_ENTITIES } from '@arshjulet/report';
import { TEMPLATE_ENTITIES } from '@arshjulet/templates';

/** Every entity of the app: the one list the app, the migration scripts and the drift check share. */
export const ENTITIES = [...ORG_ENTITIES, ...AUDIT_ENTITIES, ...INDICATOR_ENTITIES, ...NOTIFY_ENTITIES, ...DB_ENTITIES, ...CYCLE_ENTITIES, ...TEMPLATE_ENTITIES, ...ANALYSIS_ENTITIES, ...REPORT_ENTITIES, ...FEEDBACK_ENTITIES];
