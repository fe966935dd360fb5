import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { formatDateTime, readTogether, type RequestContext, ValidationException } from '@arshjulet/core';
import { CycleException, TASK_STATUS_LABELS_SV, TaskService, type TaskView } from '@arshjulet/cycle';
import { AccessService, Permission } from '@arshjulet/org';
import { type Answers, answerDisplayView, answerFormView, applyRowAction, parseAnswerForm, ThemeTagService } from '@arshjulet/templates';
import { AnalysisErrorCode } from '../analysis.exception.js';
import { AnswersService, type AnswersView } from '../answers/answers.service.js';
import { ATTACHMENT_MAX_BYTES, AttachmentService } from '../attachments/attachment.service.js';
import { receiveFile } from '../attachments/receive-file.js';
import { CommentService } from '../comments/comment.service.js';
import { RevisionService } from '../revisions/revision.service.js';
import { EDITABLE_STATUSES } from '../tasks/analysis-tasks.service.js';
import {
  analysisPath, attachmentsView, checklistView, clockTime, commentsByTarget, diffView, type FormBody, reviewPath, revisionsView, taskPath,
} from './analysis-pages.mapper.js';

const yearOf = (text: string): number => (/^\d{4}$/.test(text) ? Number(text) : NaN);
const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

/** My values carried through the conflict page; unreadable ones are a Swedish error, not a 500. */
function readMine(text: string): Answers {
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Answers;
  } catch {
    // Falls through to the error below.
  }
  throw new ValidationException([{ path: 'mine', message: 'Dina värden kunde inte läsas. Ladda om sidan.' }]);
}

/** What the conflict form asks to save: per field chosen as mine (`val.<key>=mine`), my value; the rest stays as saved. */
function chosenPatch(body: FormBody): Answers {
  const mine = readMine(first(body.mine));
  const patch: Answers = {};
  for (const [name, choice] of Object.entries(body)) {
    const key = /^val\.([a-z][a-z0-9_]*)$/.exec(name)?.[1];
    if (key && first(choice) === 'mine') patch[key] = mine[key] ?? null;
  }
  return patch;
}

/** The answers the form was shown with (its hidden `base`), or null when the form carries none or it is unreadable. */
function readBase(text: string): Answers | null {
  if (!text) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Answers) : null;
  } catch {
    return null;
  }
}

/** An answer compared by meaning: key order, empty texts, empty lists and absent values do not count. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.length ? items : null;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => [key, canonical(item)] as const).filter(([, item]) => item !== null);
    return entries.length ? Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : null;
  }
  return value === undefined || value === '' ? null : value;
}

const sameAnswer = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export interface Refusal {
  detail: string;
  code: string;
  errors: Array<{ path: string; message: string }>;
  extensions: Record<string, unknown>;
}

/**
 * The analysis pages: the delregion's form (save, rows added and removed, submit, a conflict resolved field by field),
 * the revisions and their diffs, and the county's review (comments, return, accept) – on the analysis services.
 */
@Injectable()
export class AnalysisPagesService {
  constructor(
    private readonly answers: AnswersService,
    private readonly revisions: RevisionService,
    private readonly comments: CommentService,
    private readonly tasks: TaskService,
    private readonly themes: ThemeTagService,
    private readonly access: AccessService,
    private readonly attachments: AttachmentService,
  ) {}

  /** The task if the caller may see it (another delregion's answers 404) and it belongs to that year. */
  private async taskOf(ctx: RequestContext, yearText: string, id: string): Promise<TaskView> {
    const task = await this.tasks.get(ctx, id);
    if (task.cycleYear !== yearOf(yearText)) throw CycleException.taskNotFound();
    return task;
  }

  private canEdit(ctx: RequestContext, task: TaskView): boolean {
    return this.access.hasPermission(ctx, Permission.AnalysisEdit) && EDITABLE_STATUSES.includes(task.status) && task.cycleStatus === 'analysis';
  }

  private async themeTags(ctx: RequestContext) {
    return (await this.themes.list(ctx)).filter((tag) => tag.active);
  }

  /** My analysis: the form while it may be changed, else the answers as submitted. */
  async form(
    ctx: RequestContext, yearText: string, id: string,
    state: { answers?: Answers; version?: number; base?: string; errors?: Array<{ path: string; message: string }>; error?: string | null; notice?: string | null; fileError?: string | null } = {},
  ) {
    const task = await this.taskOf(ctx, yearText, id);
    const [view, comments, revisions, themeTags, files] = await readTogether(ctx, [
      () => this.answers.get(ctx, id), () => this.comments.list(ctx, id), () => this.revisions.list(ctx, id), () => this.themeTags(ctx), () => this.attachments.list(ctx, id),
    ]);
    const year = task.cycleYear;
    const editable = this.canEdit(ctx, task);
    const base = {
      attachments: attachmentsView(files, year, id, editable),
      attachmentAction: editable ? `${analysisPath(year, id)}/bilagor` : null,
      fileError: state.fileError ?? null,
      title: `Analys ${year}: ${task.delregionName}`,
      back: taskPath(year, id),
      status: TASK_STATUS_LABELS_SV[task.status],
      revisions: revisionsView(year, id, revisions),
      reviewHref: this.access.hasPermission(ctx, Permission.AnalysisReview) ? reviewPath(year, id) : null,
      notice: state.notice ?? null,
    };
    if (!view.definition) return { ...base, noTemplate: true };
    const answers = state.answers ?? view.answers;
    const errors = state.errors ?? [];
    const form = answerFormView({ definition: view.definition, answers, errors, prefill: view.prefill, themeTags, comments: commentsByTarget(comments, true) });
    return {
      ...base,
      editable,
      form,
      sections: form.sections,
      display: editable ? null : answerDisplayView(view.definition, view.answers, { themeTags, prefill: view.prefill }),
      action: analysisPath(year, id),
      autosaveUrl: `/api/v1/tasks/${id}/answers`,
      version: state.version ?? view.version,
      // The answers this form starts from: on a stale save, what only the colleague changed is told from what I changed.
      base: state.base ?? JSON.stringify(view.answers),
      savedText: view.savedAt ? `Senast sparat ${formatDateTime(new Date(view.savedAt))}${view.savedBy ? ` av ${view.savedBy}` : ''}.` : 'Inget sparat ännu.',
      checklist: checklistView(view.definition, answers, form.anchorOf),
      error: state.error ?? (errors.length ? 'Analysen innehåller fel. Rätta de markerade fälten.' : null),
      errorLinks: state.fileError ? [{ href: '#bilaga', message: state.fileError }] : form.errorLinks,
      scripts: editable ? ['/static/js/autosave.js'] : [],
    };
  }

  /** "Spara", "Lägg till rad", "Ta bort rad" and "Lämna in": the whole form is saved first, with the version read. */
  async save(ctx: RequestContext, yearText: string, id: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    const current = await this.answers.get(ctx, id);
    if (!current.definition) throw new ValidationException([], 'Uppgiften har ingen analysmall.');
    const parsed = parseAnswerForm(current.definition, body);
    if (parsed.errors.length) throw new ValidationException(parsed.errors, 'Analysen innehåller fel. Inget har sparats.');
    const action = first(body.do);
    const { answers, focus } = applyRowAction(current.definition, parsed.answers, action);
    const saved = await this.answers.save(ctx, id, Number(first(body.version)) || 0, answers);
    const path = analysisPath(task.cycleYear, id);
    if (action === 'submit') {
      await this.tasks.transition(ctx, id, 'submit');
      return { url: taskPath(task.cycleYear, id), notice: 'Analysen är inlämnad. Länet granskar den nu.' };
    }
    return { url: focus ? `${path}#${focus}` : path, notice: `Sparat ${clockTime(saved.savedAt)}.` };
  }

  /** "Ladda upp": the file streamed from the multipart form (CSRF token first), refused before reading when not a draft. */
  async upload(ctx: RequestContext, yearText: string, id: string, request: Request): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    await this.attachments.requireUploadable(ctx, id);
    const row = await this.attachments.upload(ctx, id, await receiveFile(request, ATTACHMENT_MAX_BYTES));
    return { url: `${analysisPath(task.cycleYear, id)}#bilagor-rubrik`, notice: `Bilagan ${row.fileName} är uppladdad.` };
  }

  async removeAttachment(ctx: RequestContext, yearText: string, id: string, attachmentId: string): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    await this.attachments.remove(ctx, id, attachmentId);
    return { url: `${analysisPath(task.cycleYear, id)}#bilagor-rubrik`, notice: 'Bilagan är borttagen.' };
  }

  /** The form again after a refused upload: the message beside the file field and in the summary. */
  async refusedUpload(ctx: RequestContext, yearText: string, id: string, exception: Refusal) {
    const fileError = exception.errors.find((e) => e.path === 'file')?.message ?? exception.detail;
    return this.form(ctx, yearText, id, { error: 'Bilagan laddades inte upp.', fileError });
  }

  /** The conflict resolved: per field, mine or the one saved in between, on top of the draft as it is now. */
  async resolveConflict(ctx: RequestContext, yearText: string, id: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    const saved = await this.answers.save(ctx, id, Number(first(body.version)) || 0, chosenPatch(body));
    return { url: analysisPath(task.cycleYear, id), notice: `Sparat ${clockTime(saved.savedAt)}. Dina val är sparade.` };
  }

  /** The form again after a refusal: typed values and errors, the checklist of a refused submit, or the conflict. */
  async refused(ctx: RequestContext, yearText: string, id: string, body: FormBody, exception: Refusal) {
    const current = exception.extensions.current as { answers: Answers; version: number; savedBy: string | null; savedAt: string | null } | undefined;
    const view = await this.answers.get(ctx, id);
    if (exception.code === AnalysisErrorCode.VersionConflict && current && view.definition) {
      if (body.mine !== undefined) {
        // The conflict form itself was stale (a third save in between): my choices against the newest, each offered again.
        const mine = { ...(current.answers ?? {}), ...chosenPatch(body) };
        return { ...(await this.form(ctx, yearText, id)), conflict: this.conflictView(view, mine, current, null), scripts: [] };
      }
      const mine = parseAnswerForm(view.definition, body).answers;
      return { ...(await this.form(ctx, yearText, id)), conflict: this.conflictView(view, mine, current, readBase(first(body.base))), scripts: [] };
    }
    if (exception.code === AnalysisErrorCode.Incomplete) {
      return this.form(ctx, yearText, id, { errors: exception.errors, error: 'Analysen kan inte lämnas in än: fälten nedan saknas eller behöver rättas.' });
    }
    const typed = view.definition ? parseAnswerForm(view.definition, body).answers : undefined;
    return this.form(ctx, yearText, id, {
      answers: typed, version: Number(first(body.version)) || 0, base: first(body.base) || undefined, errors: exception.errors, error: exception.errors.length ? null : exception.detail,
    });
  }

  /**
   * The stale save, field by field against the answers the form started from (`base`): a field both changed differently
   * is offered with both versions; one only I changed is saved as mine; one only the colleague changed keeps theirs.
   * Without a base (an older form) every differing field is offered.
   */
  private conflictView(view: AnswersView, mine: Answers, current: { answers: Answers; version: number; savedBy: string | null; savedAt: string | null }, base: Answers | null) {
    const definition = view.definition!;
    const theirs = current.answers ?? {};
    const fields = definition.sections.flatMap((s) => s.fields);
    const differing = fields.map((f) => f.key).filter((key) => !sameAnswer(mine[key], theirs[key]));
    const changedByMe = (key: string) => !base || !sameAnswer(mine[key], base[key]);
    const changedByThem = (key: string) => !base || !sameAnswer(theirs[key], base[key]);
    const both = differing.filter((key) => changedByMe(key) && changedByThem(key));
    const mineOnly = differing.filter((key) => changedByMe(key) && !changedByThem(key));
    const theirsOnly = differing.filter((key) => !changedByMe(key));
    const show = (answers: Answers) => new Map(answerDisplayView(definition, answers, { prefill: view.prefill }).flatMap((s) => s.fields).map((f) => [f.key, f]));
    const [mineShown, theirsShown] = [show(mine), show(theirs)];
    const labelOf = (key: string) => fields.find((f) => f.key === key)?.label ?? key;
    return {
      version: current.version,
      savedBy: current.savedBy ?? 'Någon annan',
      savedAt: current.savedAt ? formatDateTime(new Date(current.savedAt)) : '',
      mine: JSON.stringify(Object.fromEntries([...both, ...mineOnly].map((key) => [key, mine[key] ?? null]))),
      fields: both.map((key) => ({ key, label: labelOf(key), mine: mineShown.get(key), theirs: theirsShown.get(key), name: `val.${key}` })),
      keptMine: mineOnly.map((key) => ({ label: labelOf(key), name: `val.${key}` })),
      keptTheirs: theirsOnly.map((key) => ({ label: labelOf(key) })),
    };
  }

  /** A submitted revision, as it was. */
  async revision(ctx: RequestContext, yearText: string, id: string, number: number) {
    const task = await this.taskOf(ctx, yearText, id);
    const [revision, view, themeTags] = await readTogether(ctx, [() => this.revisions.get(ctx, id, number), () => this.answers.get(ctx, id), () => this.themeTags(ctx)]);
    return {
      title: `Analys ${task.cycleYear}: ${task.delregionName}, version ${revision.number}`,
      back: analysisPath(task.cycleYear, id),
      submitted: `Inlämnad ${formatDateTime(new Date(revision.submittedAt))} av ${revision.submittedBy ?? 'okänd'}.`,
      sections: view.definition ? answerDisplayView(view.definition, revision.answers, { themeTags, prefill: view.prefill }) : [],
      diffHref: revision.number > 1 ? `${analysisPath(task.cycleYear, id)}/versioner/${revision.number - 1}/jamfor/${revision.number}` : null,
    };
  }

  async diff(ctx: RequestContext, yearText: string, id: string, a: number, b: number) {
    const task = await this.taskOf(ctx, yearText, id);
    const result = await this.revisions.diff(ctx, id, a, b);
    return {
      title: `Ändringar från version ${a} till version ${b}`,
      subtitle: `${task.delregionName}, analys ${task.cycleYear}`,
      back: analysisPath(task.cycleYear, id),
      fields: diffView(result.fields),
    };
  }

  /** The county's review: the answers in the template's structure, comments per field, return or accept. */
  async review(ctx: RequestContext, yearText: string, id: string, state: { errors?: Array<{ path: string; message: string }>; error?: string | null; notice?: string | null } = {}) {
    const task = await this.taskOf(ctx, yearText, id);
    const [view, comments, revisions, themeTags, files] = await readTogether(ctx, [
      () => this.answers.get(ctx, id), () => this.comments.list(ctx, id), () => this.revisions.list(ctx, id), () => this.themeTags(ctx), () => this.attachments.list(ctx, id),
    ]);
    const year = task.cycleYear;
    const byTarget = commentsByTarget(comments, false);
    const openRoots = new Set(comments.filter((c) => !c.parentId && !c.resolvedAt).map((c) => c.id));
    const latest = [...revisions].sort((x, y) => y.number - x.number)[0];
    const shown = latest?.answers ?? view.answers;
    const base = reviewPath(year, id);
    const errorOf = (path: string) => state.errors?.find((e) => e.path === path)?.message ?? null;
    return {
      title: `Granska: ${task.delregionName}, analys ${year}`,
      back: taskPath(year, id),
      status: TASK_STATUS_LABELS_SV[task.status],
      showing: latest ? `Visar version ${latest.number}, inlämnad ${formatDateTime(new Date(latest.submittedAt))} av ${latest.submittedBy ?? 'okänd'}.` : 'Analysen är inte inlämnad än; utkastet visas.',
      diffHref: latest && latest.number > 1 ? `${analysisPath(year, id)}/versioner/${latest.number - 1}/jamfor/${latest.number}` : null,
      revisions: revisionsView(year, id, revisions),
      attachments: attachmentsView(files, year, id, false),
      sections: view.definition
        ? answerDisplayView(view.definition, shown, { themeTags, prefill: view.prefill }).map((section) => ({
            ...section,
            fields: section.fields.map((field) => ({
              ...field,
              comments: (byTarget[field.key] ?? []).map((c) => ({ ...c, resolveAction: openRoots.has(c.id) ? `${base}/kommentarer/${c.id}/los` : null })),
              commentId: `kommentar-${field.key}`,
              commentError: errorOf(`kommentar-${field.key}`),
            })),
          }))
        : [],
      general: (byTarget[''] ?? []).map((c) => ({ ...c, resolveAction: openRoots.has(c.id) ? `${base}/kommentarer/${c.id}/los` : null })),
      commentAction: `${base}/kommentarer`,
      actionUrl: `${base}/atgard`,
      canReturn: task.allowedActions.includes('return'),
      canAccept: task.allowedActions.includes('accept'),
      taskVersion: task.version,
      reasonError: errorOf('reason'),
      notice: state.notice ?? null,
      error: state.error ?? null,
      errorLinks: (state.errors ?? []).map((e) => ({ href: `#${e.path}`, message: e.message })),
    };
  }

  async comment(ctx: RequestContext, yearText: string, id: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    const target = first(body.target).trim() || null;
    const text = first(body.body).trim();
    const fieldRef = `kommentar-${target ?? 'analys'}`;
    if (!text) throw new ValidationException([{ path: fieldRef, message: 'Skriv en kommentar.' }], 'Kommentaren är tom.');
    if (text.length > 5000) throw new ValidationException([{ path: fieldRef, message: 'Högst 5 000 tecken.' }], 'Kommentaren är för lång.');
    await this.comments.create(ctx, id, { target, body: text });
    return { url: `${reviewPath(task.cycleYear, id)}#${fieldRef}`, notice: 'Kommentaren är sparad.' };
  }

  async resolveComment(ctx: RequestContext, yearText: string, id: string, commentId: string): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    await this.comments.resolve(ctx, id, commentId);
    return { url: reviewPath(task.cycleYear, id), notice: 'Kommentaren är markerad som löst.' };
  }

  /** Return with a summary comment, or accept. */
  async act(ctx: RequestContext, yearText: string, id: string, body: FormBody): Promise<{ url: string; notice: string }> {
    const task = await this.taskOf(ctx, yearText, id);
    const action = first(body.action);
    const reason = first(body.reason).trim();
    if (action === 'return' && !reason) throw new ValidationException([{ path: 'reason', message: 'Skriv en sammanfattande kommentar till delregionen.' }], 'Analysen har inte skickats tillbaka.');
    if (action !== 'return' && action !== 'accept') throw new ValidationException([{ path: 'action', message: 'Okänd åtgärd.' }]);
    const moved = await this.tasks.transition(ctx, id, action, action === 'return' ? { reason } : {}, Number(first(body.version)) || undefined);
    return { url: action === 'return' ? taskPath(task.cycleYear, id) : reviewPath(task.cycleYear, id), notice: `${task.delregionName}: analysen är nu ”${TASK_STATUS_LABELS_SV[moved.status]}”.` };
  }
}
