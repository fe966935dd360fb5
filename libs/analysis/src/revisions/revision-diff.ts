import { diffLines, diffWordsWithSpace } from 'diff';
import type { Answers, TemplateDefinition } from '@arshjulet/templates';

export type ChangeKind = 'changed' | 'added' | 'removed';

/** A stretch of text: kept, added or removed. */
export interface TextPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/** One value that differs, at a path like `successes`, `deviations_most_frequent[1].count`. */
export interface ValueChange {
  path: string;
  change: ChangeKind;
  before?: unknown;
  after?: unknown;
  /** Texts: the word diff (spaces and line breaks kept). */
  words?: TextPart[];
  /** Texts of several lines: the line diff. */
  lines?: TextPart[];
}

export interface FieldDiff {
  field: string;
  section: string;
  label: string;
  change: ChangeKind;
  changes: ValueChange[];
}

/**
 * Field by field, in template order, only what differs: a field added, removed or changed, and inside it each
 * value that changed — texts as word and line diffs, repeatable rows and lists by index.
 */
export function diffAnswers(definition: TemplateDefinition | null, before: Answers, after: Answers): FieldDiff[] {
  const known = (definition?.sections ?? []).flatMap((s) => s.fields.map((f) => ({ field: f.key, section: s.key, label: f.label })));
  const extra = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => !known.some((k) => k.field === key))
    .sort()
    .map((key) => ({ field: key, section: '', label: key }));
  const result: FieldDiff[] = [];
  for (const { field, section, label } of [...known, ...extra]) {
    const a = present(before, field);
    const b = present(after, field);
    if (a === undefined && b === undefined) continue;
    const changes: ValueChange[] = [];
    diffValue(field, a, b, changes);
    if (changes.length === 0) continue;
    result.push({ field, section, label, change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', changes });
  }
  return result;
}

function present(answers: Answers, key: string): unknown {
  const value = Object.prototype.hasOwnProperty.call(answers, key) ? answers[key] : undefined;
  return value === null ? undefined : value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function diffValue(path: string, before: unknown, after: unknown, out: ValueChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ path, change: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ path, change: 'removed', before });
    return;
  }
  if (typeof before === 'string' && typeof after === 'string') {
    if (before === after) return;
    const change: ValueChange = { path, change: 'changed', before, after, words: parts(diffWordsWithSpace(before, after)) };
    if (before.includes('\n') || after.includes('\n')) change.lines = parts(diffLines(before, after, { ignoreNewlineAtEof: true }));
    out.push(change);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) diffValue(`${path}[${i}]`, before[i], after[i], out);
    return;
  }
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
      diffValue(`${path}.${key}`, before[key] ?? undefined, after[key] ?? undefined, out);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path, change: 'changed', before, after });
}

function parts(changes: Array<{ value: string; added?: boolean; removed?: boolean }>): TextPart[] {
  return changes.map((c) => ({ value: c.value, added: Boolean(c.added), removed: Boolean(c.removed) }));
}
