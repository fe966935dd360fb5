import { Injectable } from '@nestjs/common';
import type { DomainException, RequestContext } from '@arshjulet/core';
import { formatNumber } from '@arshjulet/indicators';
import type { OwnSections } from '../model/report-model.js';
import { ReportException } from '../report.exception.js';
import { ReportDocuments } from '../reports/report-documents.service.js';
import type { CurrentOwnSections } from '../reports/report.service.js';
import { ReportService } from '../reports/report.service.js';
import { REPORT_ACTIONS, REPORT_MACHINE, type ReportAction } from '../reports/report-state.machine.js';

export type FormBody = Record<string, unknown>;

const text = (body: FormBody, key: string): string => (typeof body[key] === 'string' ? (body[key] as string) : '');
const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
export const reportPath = (year: number | string) => `/arshjul/${year}/rapport`;

/** What the editor shows besides the report itself: a refusal's message and what the person typed. */
export interface EditorMessages {
  notice?: string | null;
  error?: string | null;
  errors?: Array<{ path: string; message: string }>;
  /** The own sections as typed (kept on a refusal). */
  typed?: OwnSections;
  conflict?: CurrentOwnSections | null;
}

/** The report pages' view models, on the same services as the API. */
@Injectable()
export class ReportPagesService {
  constructor(
    private readonly reports: ReportService,
    private readonly documents: ReportDocuments,
  ) {}

  async editor(ctx: RequestContext, yearText: string, messages: EditorMessages = {}) {
    const cycle = await this.documents.cycleByYear(ctx, yearText);
    const overview = await this.documents.overview(ctx, cycle.id);
    const report = overview.report;
    const state = report?.state ?? 'draft';
    const latest = overview.versions[0] ?? null;
    const base = reportPath(cycle.year);
    const fieldErrors = Object.fromEntries((messages.errors ?? []).map((e) => [e.path, e.message]));
    const sections = messages.typed ?? report?.ownSections ?? { conclusions: '', questions: '' };
    const conflict = messages.conflict ?? null;
    return {
      title: `Länsrapporten ${cycle.year}`,
      year: cycle.year,
      cycleHref: `/arshjul/${cycle.year}`,
      stateLabel: REPORT_MACHINE.stateLabel(state),
      exists: report !== null,
      isDraft: state === 'draft',
      preliminary: latest?.preliminary ?? false,
      canManage: overview.canManage,
      version: report?.version ?? 0,
      notice: messages.notice ?? null,
      error: messages.error ?? null,
      errorLinks: (messages.errors ?? []).map((e) => ({ href: `#${e.path}`, message: e.message })),
      assembleAction: `${base}/sammanstall`,
      ownSectionsAction: `${base}/egna-avsnitt`,
      transitionAction: `${base}/atgard`,
      previewHref: `${base}/forhandsgranska`,
      compilationHref: `/arshjul/${cycle.year}/sammanstallning/dokument`,
      conclusions: { id: 'conclusions', value: sections.conclusions, error: fieldErrors.conclusions ?? null },
      questions: { id: 'questions', value: sections.questions, error: fieldErrors.questions ?? null },
      conflict: conflict
        ? { conclusions: conflict.ownSections.conclusions || '(tomt)', questions: conflict.ownSections.questions || '(tomt)', savedAt: conflict.savedAt ? stockholm.format(new Date(conflict.savedAt)) : null }
        : null,
      actions: report
        ? this.reports.allowedActions(ctx, state).map((action) => ({
            action,
            label: REPORT_MACHINE.actionLabel(action),
            reason: REPORT_MACHINE.find(state, action)?.requiresReason ? { id: `skal-${action}`, label: 'Skäl (krävs)', error: fieldErrors[`skal-${action}`] ?? null } : null,
          }))
        : [],
      latest: latest
        ? { number: latest.number, href: `${base}/versioner/${latest.number}`, pdf: `${base}/versioner/${latest.number}?format=pdf`, xlsx: `${base}/versioner/${latest.number}?format=xlsx` }
        : null,
      versions: overview.versions.map((v) => ({
        number: v.number,
        href: `${base}/versioner/${v.number}`,
        stateLabel: REPORT_MACHINE.stateLabel(v.state),
        preliminary: v.preliminary,
        what: v.action === 'save' ? 'Sammanställd' : REPORT_MACHINE.actionLabel(v.action),
        reason: v.reason,
        createdAt: stockholm.format(new Date(v.createdAt)),
        createdBy: v.createdByName ?? 'systemet',
      })),
    };
  }

  async assemble(ctx: RequestContext, yearText: string): Promise<{ url: string; notice: string }> {
    const cycle = await this.documents.cycleByYear(ctx, yearText);
    const { version } = await this.reports.assemble(ctx, cycle.id);
    const preliminary = version?.preliminary ? ' Den är preliminär: alla analyser är inte godkända.' : '';
    return { url: reportPath(cycle.year), notice: `Rapporten är sammanställd och sparad som version ${formatNumber(version?.number ?? 0, { plain: true })}.${preliminary}` };
  }

  async saveOwnSections(ctx: RequestContext, yearText: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.documents.cycleByYear(ctx, yearText);
    const version = Number(text(body, 'version'));
    if (!Number.isInteger(version) || version < 0) throw ReportException.versionConflict(null);
    await this.reports.saveOwnSections(ctx, cycle.id, version, typedSections(body));
    return { url: reportPath(cycle.year), notice: 'Slutsatserna och frågorna är sparade. Sammanställ rapporten för att spara en ny version.' };
  }

  async transition(ctx: RequestContext, yearText: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const cycle = await this.documents.cycleByYear(ctx, yearText);
    const action = text(body, 'action') as ReportAction;
    if (!(REPORT_ACTIONS as readonly string[]).includes(action)) throw ReportException.unknownAction();
    const version = Number(text(body, 'version'));
    const { report, version: frozen } = await this.reports.transition(ctx, cycle.id, action, { reason: text(body, 'reason') || null }, Number.isInteger(version) && version > 0 ? version : undefined);
    return {
      url: reportPath(cycle.year),
      notice: `Rapporten är nu i läget ”${REPORT_MACHINE.stateLabel(report.state)}”, sparad som version ${frozen?.number ?? ''}.`,
    };
  }

  /** The editor again after a refused save: the message, what was typed, and on a conflict the text stored now. */
  refusedOwnSections(ctx: RequestContext, yearText: string, body: FormBody, exception: DomainException) {
    const current = exception.extensions.current as CurrentOwnSections | null | undefined;
    return this.editor(ctx, yearText, {
      error: exception.detail,
      errors: exception.errors.map((e) => ({ path: e.path === 'conclusions' || e.path === 'questions' ? e.path : 'conclusions', message: e.message })),
      typed: typedSections(body),
      conflict: current && typeof current === 'object' && 'ownSections' in current ? current : null,
    }).then((view) => (view.conflict && current ? { ...view, version: current.version } : view));
  }

  async published(ctx: RequestContext) {
    const rows = await this.documents.publishedList(ctx);
    return {
      title: 'Publicerade länsrapporter',
      reports: rows.map((row) => ({
        year: row.year,
        name: row.cycleName,
        href: `/rapporter/${row.year}`,
        pdf: `/rapporter/${row.year}?format=pdf`,
        xlsx: `/rapporter/${row.year}?format=xlsx`,
        publishedAt: stockholm.format(new Date(row.publishedAt)).slice(0, 10),
      })),
    };
  }
}

function typedSections(body: FormBody): OwnSections {
  return { conclusions: text(body, 'conclusions'), questions: text(body, 'questions') };
}
