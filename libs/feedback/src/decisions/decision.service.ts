import { Injectable } from '@nestjs/common';
import { type FieldError, type RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { CycleService, isIsoDate } from '@arshjulet/cycle';
import { TransactionalConnection } from '@arshjulet/db';
import { AccessService, Permission } from '@arshjulet/org';
import { FeedbackException } from '../feedback.exception.js';
import { ACTION_STATUSES, type ActionStatus } from './decision-action.entity.js';
import { DECISION_PRIORITIES, type DecisionPriority } from './decision.entity.js';
import { DecisionRepository, type DecisionRow, type DecisionValues } from './decision.repository.js';

/** What a client sends for a decision; every member optional on an edit (the rest is kept). Types checked here. */
export interface DecisionInput {
  text?: unknown;
  priority?: unknown;
  ownerOrgUnitCode?: unknown;
  dueDate?: unknown;
  indicatorCodes?: unknown;
  themeKeys?: unknown;
}

/** VVG records decisions while the cycle is in review or decision; after the close they are next year's actions. */
export const DECISION_CYCLE_STATUSES: readonly string[] = ['review', 'decision'];
export const DECISION_TEXT_MAX = 2000;
const LIST_MAX = 50;

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...new Set(value.map((v: string) => v.trim()).filter(Boolean))] : null;

/** Recording, editing (If-Match) and listing decisions, and following up their actions. */
@Injectable()
export class DecisionService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly cycles: CycleService,
    private readonly decisions: DecisionRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  canRecord(ctx: RequestContext): boolean {
    return this.access.hasPermission(ctx, Permission.DecisionRecord);
  }

  /** VVG and the county coordinator follow the actions up. */
  canFollowUp(ctx: RequestContext): boolean {
    return this.access.hasPermission(ctx, Permission.DecisionRecord) || this.access.hasPermission(ctx, Permission.ReportManage);
  }

  async list(ctx: RequestContext, filter: { cycleId?: string; year?: number }): Promise<DecisionRow[]> {
    this.access.requirePermission(ctx, Permission.ReportRead);
    if (filter.cycleId) await this.cycles.get(ctx, filter.cycleId);
    return this.decisions.list(ctx, filter);
  }

  async get(ctx: RequestContext, id: string): Promise<DecisionRow> {
    this.access.requirePermission(ctx, Permission.ReportRead);
    const row = await this.decisions.find(ctx, id);
    if (!row) throw FeedbackException.decisionNotFound();
    return row;
  }

  async create(ctx: RequestContext, cycleId: string, input: DecisionInput): Promise<DecisionRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      this.access.requirePermission(tx, Permission.DecisionRecord);
      const cycle = await this.decisions.lockCycle(tx, cycleId);
      if (!cycle) throw FeedbackException.cycleNotFound();
      const values = await this.validate(tx, input, null);
      if (!DECISION_CYCLE_STATUSES.includes(cycle.status)) throw FeedbackException.decisionsClosed(cycle.status);
      const id = await this.decisions.create(tx, cycleId, values, tx.actor?.userId ?? null);
      await this.audit.record(tx, { action: 'decision.recorded', entityType: 'decision', entityId: id, orgUnitId: values.ownerOrgUnitId, after: { ...values, cycleId } });
      return (await this.decisions.find(tx, id))!;
    });
  }

  /** Edits the decision saved as `expectedVersion` (If-Match); a stale version gets 409 with the current row. */
  async update(ctx: RequestContext, id: string, expectedVersion: number, input: DecisionInput): Promise<DecisionRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      this.access.requirePermission(tx, Permission.DecisionRecord);
      const current = await this.decisions.find(tx, id);
      if (!current) throw FeedbackException.decisionNotFound();
      const cycle = await this.decisions.lockCycle(tx, current.cycleId);
      const locked = (await this.decisions.find(tx, id, true))!;
      if (locked.version !== expectedVersion) throw FeedbackException.versionConflict(locked);
      const values = await this.validate(tx, input, locked);
      if (!cycle || !DECISION_CYCLE_STATUSES.includes(cycle.status)) throw FeedbackException.decisionsClosed(cycle?.status ?? '');
      if (!(await this.decisions.update(tx, id, expectedVersion, values))) throw FeedbackException.versionConflict(await this.decisions.find(tx, id));
      await this.audit.record(tx, { action: 'decision.changed', entityType: 'decision', entityId: id, orgUnitId: values.ownerOrgUnitId, after: { ...values } });
      return (await this.decisions.find(tx, id))!;
    });
  }

  /** Sets the status of the decision's action (it exists once the cycle closed); If-Match optional here. */
  async setActionStatus(ctx: RequestContext, decisionId: string, status: unknown, expectedVersion?: number): Promise<DecisionRow> {
    return this.connection.withTransaction(ctx, async (tx) => {
      if (!this.canFollowUp(tx)) this.access.requirePermission(tx, Permission.DecisionRecord);
      const decision = await this.decisions.find(tx, decisionId, true);
      if (!decision) throw FeedbackException.decisionNotFound();
      if (!decision.actionId) throw FeedbackException.actionNotFound();
      if (typeof status !== 'string' || !(ACTION_STATUSES as readonly string[]).includes(status)) {
        throw FeedbackException.invalidDecision([{ path: 'status', message: 'Välj status: inte påbörjad, pågår eller klar.' }]);
      }
      if (!(await this.decisions.setActionStatus(tx, decision.actionId, status as ActionStatus, expectedVersion))) {
        throw FeedbackException.versionConflict(decision);
      }
      await this.audit.record(tx, { action: 'decision.action_status_changed', entityType: 'decision', entityId: decisionId, orgUnitId: decision.ownerOrgUnitId, before: { status: decision.actionStatus }, after: { status } });
      return (await this.decisions.find(tx, decisionId))!;
    });
  }

  /** Every rule at once, each problem beside its field; `current` fills what an edit leaves out. */
  private async validate(ctx: RequestContext, input: DecisionInput, current: DecisionRow | null): Promise<DecisionValues> {
    const errors: FieldError[] = [];
    const given = (key: keyof DecisionInput): unknown => input[key];

    let text = current?.text ?? '';
    const rawText = given('text');
    if (rawText !== undefined || !current) {
      if (typeof rawText !== 'string' || !rawText.trim()) errors.push({ path: 'text', message: 'Skriv beslutet.' });
      else if (rawText.trim().length > DECISION_TEXT_MAX) errors.push({ path: 'text', message: 'Beslutet får vara högst 2 000 tecken.' });
      else text = rawText.trim();
    }

    let priority: DecisionPriority = current?.priority ?? 'medium';
    const rawPriority = given('priority');
    if (rawPriority !== undefined || !current) {
      if (typeof rawPriority !== 'string' || !(DECISION_PRIORITIES as readonly string[]).includes(rawPriority)) {
        errors.push({ path: 'priority', message: 'Välj prioritet: hög, medel eller låg.' });
      } else priority = rawPriority as DecisionPriority;
    }

    let ownerOrgUnitId = current?.ownerOrgUnitId ?? '';
    const rawOwner = given('ownerOrgUnitCode');
    if (rawOwner !== undefined || !current) {
      if (typeof rawOwner !== 'string' || !rawOwner.trim()) errors.push({ path: 'ownerOrgUnitCode', message: 'Välj vem som ansvarar för beslutet.' });
      else {
        const found = rawOwner.length <= 32 ? await this.decisions.activeOrgUnitByCode(ctx, rawOwner.trim()) : null;
        if (!found) errors.push({ path: 'ownerOrgUnitCode', message: 'Det finns ingen aktiv organisation med den koden.' });
        else ownerOrgUnitId = found;
      }
    }

    let dueDate = current?.dueDate ?? '';
    const rawDue = given('dueDate');
    if (rawDue !== undefined || !current) {
      if (!isIsoDate(rawDue)) errors.push({ path: 'dueDate', message: 'Ange sista dag som ÅÅÅÅ-MM-DD.' });
      else dueDate = rawDue;
    }

    const list = async (key: 'indicatorCodes' | 'themeKeys', fallback: string[], unknown: (values: string[]) => Promise<string[]>, what: string) => {
      const raw = given(key);
      if (raw === undefined) return fallback;
      const values = raw === null ? [] : strings(raw);
      if (!values) errors.push({ path: key, message: `Ange ${what} som en lista av koder.` });
      else if (values.length > LIST_MAX) errors.push({ path: key, message: `Högst ${LIST_MAX} ${what}.` });
      else if (values.some((v) => v.length > 64)) errors.push({ path: key, message: `Okända ${what}.` });
      else {
        const missing = await unknown(values);
        if (missing.length) errors.push({ path: key, message: `Okända ${what}: ${missing.join(', ')}.` });
        else return values;
      }
      return fallback;
    };
    const indicatorCodes = await list('indicatorCodes', current?.indicatorCodes ?? [], (v) => this.decisions.unknownIndicators(ctx, v), 'indikatorer');
    const themeKeys = await list('themeKeys', current?.themeKeys ?? [], (v) => this.decisions.unknownThemes(ctx, v), 'teman');

    if (errors.length) throw FeedbackException.invalidDecision(errors);
    return { text, priority, ownerOrgUnitId, dueDate, indicatorCodes, themeKeys };
  }
}
