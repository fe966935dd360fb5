import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { TaskRevisionRow } from './delregion-summary.mapper.js';

/** The report's reads beyond the compilation: the cycle's tasks with their latest revision, and the theme vocabulary. */
@Injectable()
export class AssemblyRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Every task of the cycle with its delregion and the answers of its latest revision (null when none), in one statement. */
  tasksWithLatestRevision(ctx: RequestContext, cycleId: string): Promise<TaskRevisionRow[]> {
    return this.connection.manager(ctx).query(
      `SELECT t.id AS "taskId", t.status AS "taskStatus", o.code AS "delregionCode", o.name AS "delregionName",
              r.number AS "revisionNumber", r.answers
         FROM analysis_task t
         JOIN org_unit o ON o.id = t.delregion_id
         LEFT JOIN LATERAL (
           SELECT number, answers FROM analysis_revision WHERE task_id = t.id ORDER BY number DESC LIMIT 1
         ) r ON true
        WHERE t.cycle_id = $1
        ORDER BY o.name, o.code`,
      [cycleId],
    );
  }

  /** Every theme tag, inactive ones too: an analysis keeps the tags it was given. */
  async themeLabels(ctx: RequestContext): Promise<Record<string, string>> {
    const rows: Array<{ key: string; label: string }> = await this.connection.manager(ctx).query('SELECT key, label FROM theme_tag');
    return Object.fromEntries(rows.map((row) => [row.key, row.label]));
  }
}
