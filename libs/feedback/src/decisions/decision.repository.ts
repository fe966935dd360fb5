import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import type { ActionStatus } from './decision-action.entity.js';
import type { DecisionPriority } from './decision.entity.js';

export interface DecisionRow {
  id: string;
  cycleId: string;
  cycleYear: number;
  text: string;
  priority: DecisionPriority;
  ownerOrgUnitId: string;
  ownerCode: string;
  ownerName: string;
  dueDate: string;
  indicatorCodes: string[];
  themeKeys: string[];
  createdBy: string | null;
  createdAt: Date;
  version: number;
  actionId: string | null;
  actionYear: number | null;
  actionStatus: ActionStatus | null;
  actionVersion: number | null;
}

export interface DecisionValues {
  text: string;
  priority: DecisionPriority;
  ownerOrgUnitId: string;
  dueDate: string;
  indicatorCodes: string[];
  themeKeys: string[];
}

const PRIORITY_ORDER = `CASE d.priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END`;

const DECISION = `SELECT d.id, d.cycle_id AS "cycleId", cy.year AS "cycleYear", d.text, d.priority, d.owner_org_unit_id AS "ownerOrgUnitId",
    o.code AS "ownerCode", o.name AS "ownerName", to_char(d.due_date, 'YYYY-MM-DD') AS "dueDate", d.indicator_codes AS "indicatorCodes",
    d.theme_keys AS "themeKeys", u.name AS "createdBy", d.created_at AS "createdAt", d.version,
    a.id AS "actionId", a.year AS "actionYear", a.status AS "actionStatus", a.version AS "actionVersion"
  FROM decision d JOIN cycle cy ON cy.id = d.cycle_id JOIN org_unit o ON o.id = d.owner_org_unit_id
  LEFT JOIN app_user u ON u.id = d.created_by_id LEFT JOIN decision_action a ON a.decision_id = d.id`;

/** The decisions' and actions' SQL, named by what it does. */
@Injectable()
export class DecisionRepository {
  constructor(private readonly connection: TransactionalConnection) {}

  /** The cycle, share-locked so a close waits for a decision being recorded (and the decision sees a close). */
  async lockCycle(ctx: RequestContext, cycleId: string): Promise<{ id: string; year: number; status: string } | null> {
    const [row] = await this.connection.manager(ctx).query('SELECT id, year, status FROM cycle WHERE id = $1 FOR SHARE', [cycleId]);
    return row ?? null;
  }

  async activeOrgUnitByCode(ctx: RequestContext, code: string): Promise<string | null> {
    const [row] = await this.connection.manager(ctx).query('SELECT id FROM org_unit WHERE code = $1 AND active', [code]);
    return (row?.id as string | undefined) ?? null;
  }

  /** Of `codes`, those no indicator has. */
  async unknownIndicators(ctx: RequestContext, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: Array<{ code: string }> = await this.connection.manager(ctx).query(
      'SELECT c AS code FROM unnest($1::text[]) AS c WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.code = c)', [codes],
    );
    return rows.map((r) => r.code);
  }

  /** Of `keys`, those no theme tag has. */
  async unknownThemes(ctx: RequestContext, keys: string[]): Promise<string[]> {
    if (!keys.length) return [];
    const rows: Array<{ key: string }> = await this.connection.manager(ctx).query(
      'SELECT k AS key FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM theme_tag t WHERE t.key = k)', [keys],
    );
    return rows.map((r) => r.key);
  }

  async create(ctx: RequestContext, cycleId: string, values: DecisionValues, createdById: string | null): Promise<string> {
    const [row] = await this.connection.manager(ctx).query(
      `INSERT INTO decision (cycle_id, text, priority, owner_org_unit_id, due_date, indicator_codes, theme_keys, created_by_id, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1) RETURNING id`,
      [cycleId, values.text, values.priority, values.ownerOrgUnitId, values.dueDate, values.indicatorCodes, values.themeKeys, createdById],
    );
    return row.id as string;
  }

  /** Writes `values` over version `expected`; false when the row moved on (nothing written). */
  async update(ctx: RequestContext, id: string, expected: number, values: DecisionValues): Promise<boolean> {
    const [, count] = await this.connection.manager(ctx).query(
      `UPDATE decision SET text = $3, priority = $4, owner_org_unit_id = $5, due_date = $6, indicator_codes = $7, theme_keys = $8,
         version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2`,
      [id, expected, values.text, values.priority, values.ownerOrgUnitId, values.dueDate, values.indicatorCodes, values.themeKeys],
    );
    return count === 1;
  }

  async find(ctx: RequestContext, id: string, lock = false): Promise<DecisionRow | null> {
    const [row] = await this.connection.manager(ctx).query(`${DECISION} WHERE d.id = $1${lock ? ' FOR UPDATE OF d' : ''}`, [id]);
    return (row as DecisionRow | undefined) ?? null;
  }

  /** Decisions by cycle and/or the cycle's year, newest cycle first, then by priority and due date. */
  list(ctx: RequestContext, filter: { cycleId?: string; year?: number }): Promise<DecisionRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.cycleId) where.push(`d.cycle_id = $${params.push(filter.cycleId)}`);
    if (filter.year !== undefined) where.push(`cy.year = $${params.push(filter.year)}`);
    return this.connection.manager(ctx).query(
      `${DECISION}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY cy.year DESC, ${PRIORITY_ORDER}, d.due_date, d.created_at LIMIT 1000`, params,
    );
  }

  /** The actions belonging to `year` (decisions of cycle year - 1), by priority and due date. */
  actionsForYear(ctx: RequestContext, year: number): Promise<DecisionRow[]> {
    return this.connection.manager(ctx).query(`${DECISION} WHERE a.year = $1 ORDER BY ${PRIORITY_ORDER}, d.due_date, d.created_at`, [year]);
  }

  /** One action per decision of the cycle, for `year`; decisions that already have one keep it (re-close after reopen). */
  async createActions(ctx: RequestContext, cycleId: string, year: number): Promise<number> {
    const rows: unknown[] = await this.connection.manager(ctx).query(
      `INSERT INTO decision_action (decision_id, year, status, version)
       SELECT d.id, $2, 'open', 1 FROM decision d WHERE d.cycle_id = $1
       ON CONFLICT (decision_id) DO NOTHING RETURNING id`,
      [cycleId, year],
    );
    return rows.length;
  }

  /** Sets the action's status over version `expected` (any version when undefined); false when it moved on. */
  async setActionStatus(ctx: RequestContext, actionId: string, status: ActionStatus, expected: number | undefined): Promise<boolean> {
    const [, count] = await this.connection.manager(ctx).query(
      `UPDATE decision_action SET status = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ($3::int IS NULL OR version = $3)`,
      [actionId, status, expected ?? null],
    );
    return count === 1;
  }
}
