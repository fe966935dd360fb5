import { formatDateTime } from '@arshjulet/core';
import { summarizeImport } from '../imports/dto/import-batch.dto.js';
import type { ImportBatch, ImportBatchStatus } from '../imports/import-batch.entity.js';
import type { ImportBatchReport } from '../imports/import-batch-query.service.js';
import { formatNumber } from '../format/swedish-number.util.js';
import { columnLetter } from '../parse/column-letter.util.js';
import { Period } from '../period/period.js';

/** Rejected rows listed on the preview page; the rest are counted ("och 1 234 rader till"). */
export const REJECTIONS_SHOWN = 100;
/** Changed figures listed on the preview page. */
export const CHANGES_SHOWN = 20;

const STATUS_LABELS_SV: Record<ImportBatchStatus, string> = {
  previewed: 'Förhandsgranskad – inte sparad',
  committed: 'Sparad',
  discarded: 'Kastad',
};

const n = (value: number) => formatNumber(value);

function counts(batch: ImportBatch) {
  return { rows: n(batch.rowCount), inserts: n(batch.insertCount), updates: n(batch.updateCount), unchanged: n(batch.unchangedCount), rejected: n(batch.rejectedCount) };
}

export function importBatchRowView(batch: ImportBatch) {
  return {
    href: `/importer/${batch.id}`,
    createdAt: formatDateTime(batch.createdAt),
    createdBy: batch.createdByLabel,
    fileName: batch.fileName,
    status: STATUS_LABELS_SV[batch.status],
    counts: counts(batch),
  };
}

export function importListView(batches: ImportBatch[], total: number, page: number, pageSize: number) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return {
    batches: batches.map(importBatchRowView),
    total: n(total),
    pager: pages > 1 ? {
      label: `Sida ${page} av ${pages}`,
      previous: page > 1 ? `/importer?sida=${page - 1}` : null,
      next: page < pages ? `/importer?sida=${page + 1}` : null,
    } : null,
  };
}

function periodLabel(text: string): string {
  const parsed = Period.tryParse(text);
  return parsed.ok ? parsed.period.label('short') : text;
}

export function importReportView({ batch, sameFileAs }: ImportBatchReport) {
  const open = batch.status === 'previewed';
  const shown = batch.rejectedRows.slice(0, REJECTIONS_SHOWN);
  const notShown = batch.rejectedCount - shown.length;
  return {
    title: `Import av ${batch.fileName}`,
    id: batch.id,
    ...importBatchRowView(batch),
    summary: summarizeImport(batch),
    sheet: batch.sheet,
    indicator: batch.indicatorCode,
    open,
    closedAt: formatDateTime(batch.committedAt ?? batch.discardedAt),
    closedBy: batch.closedByLabel,
    committed: batch.status === 'committed',
    derived: batch.derivedCount > 0 ? n(batch.derivedCount) : null,
    committable: open && batch.rejectedCount === 0,
    nothingToWrite: batch.insertCount + batch.updateCount === 0,
    sameFileAs: sameFileAs ? { href: `/importer/${sameFileAs.id}`, createdAt: formatDateTime(sameFileAs.createdAt) } : null,
    rejections: shown.map((row) => ({
      line: n(row.line),
      column: row.column ? columnLetter(row.column) : '',
      reason: row.errors.map((error) => error.message).join(' '),
    })),
    hasColumns: shown.some((row) => row.column),
    rejectionsNotShown: notShown > 0 ? `… och ${n(notShown)} ${notShown === 1 ? 'avvisad rad' : 'avvisade rader'} till, som inte visas här.` : null,
    changes: batch.changes.slice(0, CHANGES_SHOWN).map((change) => ({
      line: n(change.line),
      indicator: change.indicator,
      orgUnit: change.orgUnit,
      period: periodLabel(change.period),
      breakdown: change.breakdown,
      oldValue: formatNumber(change.oldValue),
      newValue: formatNumber(change.newValue),
    })),
    changesNotShown: batch.updateCount > Math.min(batch.changes.length, CHANGES_SHOWN)
      ? `Visar ${n(Math.min(batch.changes.length, CHANGES_SHOWN))} av ${n(batch.updateCount)} ändrade värden.`
      : null,
  };
}

type PageFlash = { notice?: string; error?: string; errors?: Array<{ path: string; message: string }> } | undefined;

const UPLOAD_FIELD_IDS: Record<string, string> = { file: 'fil', sheet: 'blad', indicator: 'indikator' };

/** The message carried over from the last form (post/redirect/get), with each field's own error. */
export function formMessagesView(flash: PageFlash) {
  const errors = flash?.errors ?? [];
  const fieldError = (path: string) => errors.find((error) => error.path === path)?.message ?? null;
  return {
    notice: flash?.notice ?? null,
    error: flash?.error ?? null,
    errorLinks: errors.map((error) => ({ href: `#${UPLOAD_FIELD_IDS[error.path] ?? 'fil'}`, message: error.message })),
    fieldErrors: { file: fieldError('file'), sheet: fieldError('sheet'), indicator: fieldError('indicator') },
  };
}

export function commitNotice(batch: ImportBatch): string {
  const written = batch.insertCount + batch.updateCount;
  if (written === 0) return 'Importen är sparad. Inga värden ändrades – alla fanns redan.';
  return `Importen är sparad: ${n(batch.insertCount)} nya och ${n(batch.updateCount)} ändrade värden.`;
}

export const DISCARD_NOTICE = 'Importen är kastad. Inget sparades.';
