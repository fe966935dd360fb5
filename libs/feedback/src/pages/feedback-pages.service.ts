import { Injectable } from '@nestjs/common';
import { type FieldError, formatDateTime, readTogether, type RequestContext, ValidationException } from '@arshjulet/core';
import { type Cycle, CYCLE_STATUS_LABELS_SV, CycleException, CycleService } from '@arshjulet/cycle';
import { AccessService, OrgUnitService, OrgUnitType, Permission } from '@arshjulet/org';
import { renderMarkdown, ThemeTagService } from '@arshjulet/templates';
import type { FeedbackCommentRow } from '../comments/feedback-comment.repository.js';
import { FeedbackService, type FeedbackThread } from '../comments/feedback.service.js';
import { ACTION_STATUS_LABELS_SV, ACTION_STATUSES } from '../decisions/decision-action.entity.js';
import { DECISION_PRIORITIES, DECISION_PRIORITY_LABELS_SV } from '../decisions/decision.entity.js';
import type { DecisionRow } from '../decisions/decision.repository.js';
import { DECISION_CYCLE_STATUSES, DecisionService } from '../decisions/decision.service.js';

export type FormBody = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));
const all = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : value ? [value] : []);
const codes = (text: string): string[] => text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);

/** A year in a page address; anything else is a cycle that does not exist. */
function yearOf(text: string): number {
  if (!/^\d{4}$/.test(text)) throw CycleException.notFound();
  return Number(text);
}

export const reviewPath = (year: number): string => `/arshjul/${year}/rapport/granskning`;
export const decisionsPath = (year: number): string => `/arshjul/${year}/beslut`;
export const FOLLOWUP_PATH = '/beslut';

/** A form refusal shown again: the message, its field errors, and what was typed. */
export interface PageState {
  notice?: string | null;
  error?: string | null;
  errors?: FieldError[];
  /** The form the refusal belongs to (a section id, a comment id, 'decision'), and what was typed there. */
  form?: string | null;
  typed?: FormBody;
}

/** What the reviewer's pages ask of the feedback lib, each as one call returning a page's view. */
@Injectable()
export class FeedbackPagesService {
  constructor(
    private readonly cycles: CycleService,
    private readonly feedback: FeedbackService,
    private readonly decisions: DecisionService,
    private readonly access: AccessService,
    private readonly orgUnits: OrgUnitService,
    private readonly themes: ThemeTagService,
  ) {}

  private async cycle(ctx: RequestContext, yearText: string): Promise<Cycle> {
    this.access.requirePermission(ctx, Permission.ReportRead);
    return this.cycles.findByYear(ctx, yearOf(yearText));
  }

  /** The report in review: its sections with VVG's threads, a comment form per section, answers by the county. */
  async review(ctx: RequestContext, yearText: string, state: PageState = {}) {
    const cycle = await this.cycle(ctx, yearText);
    const view = await this.feedback.list(ctx, cycle.id);
    const canComment = view.open && this.access.hasPermission(ctx, Permission.FeedbackWrite);
    const canAnswer = this.access.hasPermission(ctx, Permission.ReportManage);
    const errorFor = (form: string) => (state.form === form ? (state.errors?.[0]?.message ?? state.error ?? null) : null);
    const thread = (t: FeedbackThread) => ({
      ...comment(t),
      answers: t.answers.map(comment),
      answerForm: canAnswer ? { id: `svar-${t.id}`, action: `${reviewPath(cycle.year)}/kommentarer/${t.id}/svar`, error: errorFor(t.id), typed: state.form === t.id ? first(state.typed?.body) : '' } : null,
    });
    return {
      title: `Granskning av länsrapporten ${cycle.year}`,
      cycleYear: cycle.year,
      back: `/arshjul/${cycle.year}`,
      notice: state.notice ?? null,
      error: state.error ?? null,
      errorLinks: state.form && state.errors?.length ? [{ href: `#${anchorOf(state.form)}`, message: state.errors[0]!.message }] : [],
      version: view.version ? { ...view.version, href: `/arshjul/${cycle.year}/rapport/versioner/${view.version.number}` } : null,
      open: view.open,
      canComment,
      decisionsHref: decisionsPath(cycle.year),
      sections: view.sections.map((s) => ({
        id: s.id,
        headingId: `rubrik-${s.id}`,
        title: s.title,
        sub: s.level === 2,
        threads: s.comments.map(thread),
        form: canComment ? { id: `kommentar-${s.id}`, error: errorFor(s.id), typed: state.form === s.id ? first(state.typed?.body) : '' } : null,
      })),
      elsewhere: view.elsewhere.map(thread),
      commentAction: `${reviewPath(cycle.year)}/kommentarer`,
    };
  }

  async comment(ctx: RequestContext, yearText: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.cycle(ctx, yearText);
    const sectionId = first(body.sectionId);
    await this.feedback.comment(ctx, cycle.id, { sectionId, body: checkedBody(first(body.body), 'body', 'Skriv en kommentar.') });
    return { url: `${reviewPath(cycle.year)}#${anchorOf(sectionId)}`, notice: 'Kommentaren är sparad.' };
  }

  async answer(ctx: RequestContext, yearText: string, commentId: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.cycle(ctx, yearText);
    const saved = await this.feedback.answer(ctx, cycle.id, commentId, { body: checkedBody(first(body.body), 'body', 'Skriv ett svar.') });
    return { url: `${reviewPath(cycle.year)}#${anchorOf(saved.sectionId)}`, notice: 'Svaret är sparat.' };
  }

  /** The year's decisions and, while the cycle is in review or decision, the form to record one. */
  async decisionsPage(ctx: RequestContext, yearText: string, state: PageState = {}) {
    const cycle = await this.cycle(ctx, yearText);
    const open = DECISION_CYCLE_STATUSES.includes(cycle.status);
    const canRecord = open && this.decisions.canRecord(ctx);
    const [rows, owners, themes] = await readTogether(ctx, [
      () => this.decisions.list(ctx, { cycleId: cycle.id }),
      () => (canRecord ? this.orgUnits.list(ctx, { types: [OrgUnitType.County, OrgUnitType.Delregion, OrgUnitType.Municipality, OrgUnitType.Hospital] }) : Promise.resolve([])),
      () => (canRecord ? this.themes.list(ctx) : Promise.resolve([])),
    ]);
    const typed = state.typed ?? {};
    const fieldError = (path: string) => state.errors?.find((e) => e.path === path)?.message ?? null;
    const chosenOwner = first(typed.ownerOrgUnitCode);
    const chosenThemes = new Set(all(typed.themeKeys));
    const groups = [OrgUnitType.County, OrgUnitType.Delregion, OrgUnitType.Municipality, OrgUnitType.Hospital].map((type) => ({
      label: { county: 'Länet', delregion: 'Delregioner', municipality: 'Kommuner', hospital: 'Sjukhus' }[type as string] ?? type,
      options: owners.filter((o) => o.type === type).map((o) => ({ value: o.code, label: o.name, selected: o.code === chosenOwner })),
    })).filter((g) => g.options.length);
    return {
      title: `Beslut ${cycle.year}`,
      cycleYear: cycle.year,
      back: `/arshjul/${cycle.year}`,
      reviewHref: reviewPath(cycle.year),
      followupHref: FOLLOWUP_PATH,
      status: CYCLE_STATUS_LABELS_SV[cycle.status],
      closedNote: open ? null : `Beslut registreras när årshjulet är i granskning eller beslut. Nu: ”${CYCLE_STATUS_LABELS_SV[cycle.status]}”.`,
      notice: state.notice ?? null,
      error: state.error ?? null,
      errorLinks: (state.errors ?? []).map((e) => ({ href: `#beslut-${e.path}`, message: e.message })),
      decisions: rows.map(decisionView),
      form: canRecord ? {
        action: decisionsPath(cycle.year),
        text: { value: first(typed.text), error: fieldError('text') },
        priority: { error: fieldError('priority'), options: DECISION_PRIORITIES.map((p) => ({ value: p, label: DECISION_PRIORITY_LABELS_SV[p], checked: first(typed.priority || 'medium') === p })) },
        owner: { error: fieldError('ownerOrgUnitCode'), groups },
        dueDate: { value: first(typed.dueDate), error: fieldError('dueDate') },
        indicators: { value: first(typed.indicatorCodes), error: fieldError('indicatorCodes') },
        themes: { error: fieldError('themeKeys'), options: themes.map((t) => ({ value: t.key, label: t.label, checked: chosenThemes.has(t.key), id: `tema-${t.key}` })) },
      } : null,
    };
  }

  async recordDecision(ctx: RequestContext, yearText: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.cycle(ctx, yearText);
    await this.decisions.create(ctx, cycle.id, {
      text: first(body.text),
      priority: first(body.priority),
      ownerOrgUnitCode: first(body.ownerOrgUnitCode),
      dueDate: first(body.dueDate).trim(),
      indicatorCodes: codes(first(body.indicatorCodes)),
      themeKeys: all(body.themeKeys),
    });
    return { url: decisionsPath(cycle.year), notice: 'Beslutet är registrerat.' };
  }

  /** Every year's decisions with their actions' status, newest year first; a status form for VVG and the county. */
  async followup(ctx: RequestContext, state: PageState = {}) {
    const rows = await this.decisions.list(ctx, {});
    const canFollowUp = this.decisions.canFollowUp(ctx);
    const years = new Map<number, DecisionRow[]>();
    for (const row of rows) years.set(row.cycleYear, [...(years.get(row.cycleYear) ?? []), row]);
    return {
      title: 'Beslut och uppföljning',
      notice: state.notice ?? null,
      error: state.error ?? null,
      years: [...years.entries()].map(([year, decisions]) => ({
        cycleYear: year,
        headingId: `ar-${year}`,
        href: decisionsPath(year),
        decisions: decisions.map((d) => ({
          ...decisionView(d),
          statusForm: canFollowUp && d.actionId ? {
            action: `${FOLLOWUP_PATH}/${d.id}/status`,
            id: `status-${d.id}`,
            version: d.actionVersion,
            options: ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS_SV[s], selected: s === d.actionStatus })),
          } : null,
        })),
      })),
    };
  }

  async setStatus(ctx: RequestContext, decisionId: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const version = Number(first(body.version));
    const saved = await this.decisions.setActionStatus(ctx, decisionId, first(body.status), Number.isInteger(version) && version > 0 ? version : undefined);
    return { url: `${FOLLOWUP_PATH}#beslut-${saved.id}`, notice: `Status är ändrad till ”${ACTION_STATUS_LABELS_SV[saved.actionStatus!].toLowerCase()}”.` };
  }
}

const anchorOf = (form: string): string => (/^[0-9a-f-]{36}$/.test(form) ? `svar-${form}` : `kommentar-${form}`);

function checkedBody(text: string, path: string, empty: string): string {
  const trimmed = text.trim();
  // The API's DTO refuses the same before the service; a form arrives as text and is checked here.
  if (!trimmed) throw new ValidationException([{ path, message: empty }], empty);
  if (trimmed.length > 4000) throw new ValidationException([{ path, message: 'Texten får vara högst 4 000 tecken.' }], 'Texten får vara högst 4 000 tecken.');
  return trimmed;
}

function comment(row: FeedbackCommentRow) {
  return { id: row.id, anchor: `kommentar-id-${row.id}`, author: row.author ?? 'Okänd', at: formatDateTime(row.createdAt), version: row.reportVersionNumber, html: renderMarkdown(row.body) };
}

function decisionView(d: DecisionRow) {
  return {
    id: d.id,
    anchor: `beslut-${d.id}`,
    html: renderMarkdown(d.text),
    priority: DECISION_PRIORITY_LABELS_SV[d.priority],
    owner: d.ownerName,
    dueDate: d.dueDate,
    indicators: d.indicatorCodes.join(', '),
    themes: d.themeKeys.join(', '),
    createdBy: d.createdBy ?? 'Okänd',
    action: d.actionId ? { year: d.actionYear, status: ACTION_STATUS_LABELS_SV[d.actionStatus!] } : null,
  };
}
