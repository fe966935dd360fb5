import * as vega from 'vega';

/**
 * Text widths for vega without a canvas. Vega's fallback guesses 0.8 em per character, about 1.5 × too wide for
 * Arial/Helvetica, which shrinks plots and cuts labels short. These are Helvetica's advance widths (Adobe AFM, in
 * 1/1000 em; Arial shares them), close enough for layout and truncation.
 */
const WIDTHS: Record<string, number> = {
  ' ': 278, '\u00a0': 278, '!': 278, '"': 355, '#': 556, $: 556, '%': 889, '&': 667, "'": 191, '(': 333, ')': 333,
  '*': 389, '+': 584, ',': 278, '-': 333, '.': 278, '/': 278, ':': 278, ';': 278, '<': 584, '=': 584, '>': 584,
  '?': 556, '@': 1015, '[': 278, '\\': 278, ']': 278, _: 556, '|': 260, '\u2013': 556, '\u2014': 1000, '\u2212': 584,
  '\u2026': 1000, A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556,
  M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556,
  o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  '\u00c5': 667, '\u00c4': 667, '\u00d6': 778, '\u00e5': 556, '\u00e4': 556, '\u00f6': 556, '\u00e9': 556, '\u00fc': 556,
};
const DIGIT = 556;
const OTHER = 600;
const BOLD = 1.08;

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    units += WIDTHS[char] ?? (char >= '0' && char <= '9' ? DIGIT : OTHER);
  }
  return (units / 1000) * fontSize * (bold ? BOLD : 1);
}

function itemWidth(item: TextItem, text: unknown): number {
  const line = text == null ? '' : String(text).trim();
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600;
  const width = textWidth(line, item.fontSize != null ? Number(item.fontSize) || 0 : 11, bold);
  // Vega also calls this while truncating to `limit`: capping keeps "too wide" too wide without recursing.
  return item.limit && item.limit > 0 ? Math.min(width, item.limit) : width;
}

let installed = false;

/** Installs the widths in vega (process-wide; vega supports a user-defined `textMetrics.width`). Idempotent. */
export function installTextMetrics(): void {
  if (installed) {
    return;
  }
  const metrics = (vega as unknown as { textMetrics?: { width: (item: TextItem, text: unknown) => number } }).textMetrics;
  if (metrics) {
    metrics.width = itemWidth;
  }
  installed = true;
}
