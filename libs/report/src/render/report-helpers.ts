import { formatDateTime } from '@arshjulet/core';
import { formatIndicatorValue, formatNumber, INDICATOR_UNITS } from '@arshjulet/indicators';
import { renderMarkdown } from '@arshjulet/templates';
import type Handlebars from 'handlebars';

/** What the report prints wherever a figure or an answer is absent: never NaN, undefined or an empty cell. */
export const MISSING = 'uppgift saknas';

type Unit = Parameters<typeof formatIndicatorValue>[1];
const UNITS: readonly string[] = INDICATOR_UNITS;

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A figure by its indicator unit (the catalogue's precision), or 'uppgift saknas'. Unknown units get plain Swedish numbers. */
export function formatValue(value: unknown, unit: string | null | undefined, withUnit = false): string {
  if (!isNumber(value)) return MISSING;
  return unit && UNITS.includes(unit) ? formatIndicatorValue(value, unit as Unit, { withUnit }) : formatNumber(value);
}

export function formatCount(value: unknown): string {
  return isNumber(value) ? formatNumber(value) : MISSING;
}

/** Stored text or 'uppgift saknas'; a number is formatted the Swedish way. */
export function textOrMissing(value: unknown): string {
  if (typeof value === 'number') return formatCount(value);
  if (typeof value !== 'string' || value.trim() === '') return MISSING;
  return value;
}

/** Only web links leave the report as links: a `javascript:` or `data:` address a delregion typed stays text. */
export function safeUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value.trim()) ? value.trim() : null;
}

/**
 * Headings in an answer start at `level` (the one below the heading they sit under) and keep their steps, so the
 * document's outline never skips a level. The sanitiser lets only bare <h3>–<h6> through.
 */
export function nestHeadings(html: string, level: number): string {
  const levels = [...html.matchAll(/<h([3-6])>/g)].map((match) => Number(match[1]));
  if (levels.length === 0) return html;
  const shift = level - Math.min(...levels);
  return html.replace(/<(\/?)h([3-6])>/g, (_, slash: string, n: string) => `<${slash}h${Math.min(6, Math.max(1, Number(n) + shift))}>`);
}

const CHANGE_LABELS: Record<string, string> = { better: 'Bättre', worse: 'Sämre', unchanged: 'Oförändrat' };

/**
 * The report's helpers on its own Handlebars instance. Every helper returns plain text (escaped by `{{ }}`) except
 * `markdown`, whose output comes from the sanitiser: user text is never triple-stashed.
 */
export function registerReportHelpers(handlebars: typeof Handlebars, labels: { taskStatus: Record<string, string> }): void {
  const helper = (name: string, fn: (...args: unknown[]) => unknown): void => {
    // Handlebars passes its options object last; the helpers take only the template's arguments.
    handlebars.registerHelper(name, (...args: unknown[]) => fn(...args.slice(0, -1)));
  };
  helper('value', (value, unit, withUnit) => formatValue(value, typeof unit === 'string' ? unit : null, withUnit === true));
  helper('number', (value) => formatCount(value));
  helper('orMissing', (value) => textOrMissing(value));
  helper('cell', (value) => textOrMissing(value));
  handlebars.registerHelper('markdown', (text: unknown, options: Handlebars.HelperOptions) => {
    if (typeof text !== 'string' || text.trim() === '') return new handlebars.SafeString(`<p class="missing">${MISSING}</p>`);
    const level = Number(options.hash?.headings ?? 3);
    // Braces become entities too: a stored version's HTML never carries a live `{{` into any later template.
    return new handlebars.SafeString(nestHeadings(renderMarkdown(text), level).replace(/[{}]/g, (brace) => (brace === '{' ? '&#123;' : '&#125;')));
  });
  helper('dateTime', (iso) => {
    const date = typeof iso === 'string' ? new Date(iso) : null;
    return date && !Number.isNaN(date.getTime()) ? formatDateTime(date) : MISSING;
  });
  helper('yesNo', (value) => (value === true ? 'Ja' : value === false ? 'Nej' : MISSING));
  helper('changeLabel', (change, direction) => {
    if (typeof change !== 'string') return MISSING;
    if (direction === 'none' && change !== 'unchanged') return 'Förändrat (centralt mått utan bättre eller sämre)';
    return CHANGE_LABELS[change] ?? MISSING;
  });
  helper('taskStatusLabel', (status) => (typeof status === 'string' ? (labels.taskStatus[status] ?? status) : MISSING));
  helper('statusClass', (status) =>
    String(status ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/gi, '-')
      .toLowerCase(),
  );
  helper('safeUrl', (value) => safeUrl(value));
  helper('eq', (a, b) => a === b);
}
