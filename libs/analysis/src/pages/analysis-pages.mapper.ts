import { formatDateTime } from '@arshjulet/core';
import { type Answers, answerDisplayView, type CommentView, fieldId, missingRequired, type TemplateDefinition } from '@arshjulet/templates';
import type { AttachmentRow } from '../attachments/attachment.repository.js';
import type { CommentRow } from '../comments/comment.repository.js';
import type { FieldDiff, TextPart, ValueChange } from '../revisions/revision-diff.js';
import type { RevisionRow } from '../revisions/revision.repository.js';

export const taskPath = (year: number, id: string) => `/arshjul/${year}/uppgifter/${id}`;
export const analysisPath = (year: number, id: string) => `${taskPath(year, id)}/analys`;
export const reviewPath = (year: number, id: string) => `${taskPath(year, id)}/granska`;

export type FormBody = Record<string, string | string[] | undefined>;

/** Stockholm clock time of a save, as the status line says it: "Sparat 10:42". */
export const clockTime = (at: Date | string | null): string => (at ? formatDateTime(new Date(at)).slice(11) : '');

/** Comments grouped by the field or section they are about; the thread's replies follow their opening comment. */
export function commentsByTarget(rows: CommentRow[], openOnly: boolean): Record<string, CommentView[]> {
  const roots = new Map(rows.filter((c) => !c.parentId).map((c) => [c.id, c]));
  const grouped: Record<string, CommentView[]> = {};
  for (const row of rows) {
    const root = row.parentId ? roots.get(row.parentId) : row;
    if (!root || (openOnly && root.resolvedAt)) continue;
    const key = root.target ?? '';
    (grouped[key] ??= []).push({ id: row.id, author: row.author ?? 'Okänd', at: formatDateTime(new Date(row.createdAt)), body: row.body, resolved: Boolean(root.resolvedAt) });
  }
  return grouped;
}

/** Submitting needs these: each missing required field with a link to it. */
export function checklistView(definition: TemplateDefinition, answers: Answers, anchorOf: (path: string) => string) {
  return missingRequired(definition, answers).map((item) => ({ href: `#${anchorOf(item.field)}`, label: item.label }));
}

export function revisionsView(year: number, id: string, revisions: RevisionRow[]) {
  const base = analysisPath(year, id);
  return [...revisions]
    .sort((a, b) => b.number - a.number)
    .map((r) => ({
      label: `Version ${r.number}`,
      href: `${base}/versioner/${r.number}`,
      at: formatDateTime(new Date(r.submittedAt)),
      by: r.submittedBy ?? 'Okänd',
      diffHref: r.number > 1 ? `${base}/versioner/${r.number - 1}/jamfor/${r.number}` : null,
    }));
}

const asText = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
};

/** Where in the field a value sits, in words: `deviations_most_frequent[1].count` → "rad 2, count". */
function whereIn(field: string, path: string): string {
  return path
    .slice(field.length)
    .replace(/\.rows\[(\d+)\]/g, '[$1]')
    .replace(/\[(\d+)\]/g, (_, n: string) => `, rad ${Number(n) + 1}`)
    .replace(/\.interpretation/g, ', samlad tolkning')
    .replace(/\./g, ', ')
    .replace(/^, /, '');
}

function partsView(parts: TextPart[]) {
  return parts.map((p) => ({ value: p.value, added: p.added, removed: p.removed }));
}

/** Changed fields with ins/del and words ("Tillagt", "Borttaget"), never colour alone. */
export function diffView(diffs: FieldDiff[]) {
  const CHANGE_SV = { changed: 'Ändrat', added: 'Tillagt', removed: 'Borttaget' } as const;
  return diffs.map((d) => ({
    label: d.label,
    change: CHANGE_SV[d.change],
    anchor: fieldId(d.field),
    changes: d.changes.map((c: ValueChange) => ({
      where: whereIn(d.field, c.path),
      change: CHANGE_SV[c.change],
      words: c.words ? partsView(c.words) : null,
      before: c.words ? null : asText(c.before),
      after: c.words ? null : asText(c.after),
    })),
  }));
}

export { answerDisplayView };

const sizeNumber = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** A file's size as a reader says it: "850 B", "12,5 kB", "3,2 MB". */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${sizeNumber.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${sizeNumber.format(bytes / 1024)} kB`;
  return `${sizeNumber.format(bytes / (1024 * 1024))} MB`;
}

/** The analysis's attachments: name, size, who and when, a download link and, while a draft, a removal form. */
export function attachmentsView(rows: AttachmentRow[], year: number, taskId: string, canRemove: boolean) {
  return rows.map((row) => ({
    fileName: row.fileName,
    size: fileSizeText(row.size),
    uploadedBy: row.uploadedBy ?? 'okänd',
    uploadedAt: formatDateTime(new Date(row.uploadedAt)),
    href: `/api/v1/tasks/${taskId}/attachments/${row.id}`,
    removeAction: canRemove ? `${analysisPath(year, taskId)}/bilagor/${row.id}/ta-bort` : null,
  }));
}
