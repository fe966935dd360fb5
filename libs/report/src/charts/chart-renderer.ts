import { createHash } from 'node:crypto';
import { parse, View, type ViewOptions } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { LruCache } from './lru-cache.js';
import { installTextMetrics } from './text-metrics.js';

/** Swedish number and time locale for vega's d3-format/d3-time-format: `1 234,5`, `−3`, `62,6 %`, `mars 2024`. */
export const SWEDISH_VEGA_LOCALE = {
  number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0kr'], minus: '\u2212', percent: '\u00a0%' },
  time: {
    dateTime: '%A %e %B %Y %X',
    date: '%Y-%m-%d',
    time: '%H:%M:%S',
    periods: ['fm', 'em'],
    days: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
    shortDays: ['sön', 'mån', 'tis', 'ons', 'tor', 'fre', 'lör'],
    months: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
    shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  },
};

export interface ChartRendererOptions {
  /**
   * How many rendered SVGs to keep. Default 500: a whole report's charts (about 40 indicators × 4) with room to spare;
   * at 15–90 kB per chart that bounds the cache near 25 MB.
   */
  cacheSize?: number;
}

/**
 * Renders a Vega-Lite spec to SVG on the server: vega-lite compiles, vega runs headless (renderer 'none', no canvas;
 * text widths from Helvetica's metrics, see text-metrics.ts) with the Swedish locale. The same spec always gives the same SVG: element ids (clip paths,
 * gradients) are renamed from vega's process-wide counters to ones derived from the spec's hash, which also keeps
 * them unique when several charts sit in one HTML page. Charts are pure functions of their data, so results are
 * cached by that hash in a bounded LRU.
 */
export class ChartRenderer {
  private readonly cache: LruCache<string, Promise<string>>;
  private hits = 0;
  private misses = 0;

  constructor(options: ChartRendererOptions = {}) {
    installTextMetrics();
    this.cache = new LruCache(options.cacheSize ?? 500);
  }

  svg(vegaLiteSpec: object): Promise<string> {
    const key = specHash(vegaLiteSpec);
    const cached = this.cache.get(key);
    if (cached) {
      this.hits += 1;
      return cached;
    }
    this.misses += 1;
    // The promise is cached, so concurrent requests for one chart render it once; a failure is not kept.
    const rendering = renderSvg(vegaLiteSpec, key.slice(0, 10));
    this.cache.set(key, rendering);
    rendering.catch(() => this.cache.delete(key));
    return rendering;
  }

  /** Cache counters, for benches and tests. */
  stats(): { hits: number; misses: number; size: number; maxSize: number } {
    return { hits: this.hits, misses: this.misses, size: this.cache.size, maxSize: this.cache.maxEntries };
  }
}

async function renderSvg(vegaLiteSpec: object, idPrefix: string): Promise<string> {
  const vegaSpec = compile(vegaLiteSpec as TopLevelSpec).spec;
  // The View takes locale definitions ({ number, time }) and builds the formatters; vega-typings calls it the formatters.
  const view = new View(parse(vegaSpec), { renderer: 'none', locale: SWEDISH_VEGA_LOCALE as unknown as ViewOptions['locale'] });
  try {
    return localiseIds(await view.toSVG(), `c${idPrefix}`);
  } finally {
    view.finalize();
  }
}

/** Renames every `id="x"` and its `url(#x)` / `href="#x"` references to `prefix-x`. */
function localiseIds(svg: string, prefix: string): string {
  const ids = new Set<string>();
  for (const match of svg.matchAll(/\sid="([^"]+)"/g)) {
    ids.add(match[1]);
  }
  if (ids.size === 0) {
    return svg;
  }
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, head: string, id: string, tail: string) => `${head}${prefix}-${id}${tail}`)
    .replace(/url\(#([^)]+)\)/g, (all, id: string) => (ids.has(id) ? `url(#${prefix}-${id})` : all))
    .replace(/(href=")#([^"]+)(")/g, (all, head: string, id: string, tail: string) => (ids.has(id) ? `${head}#${prefix}-${id}${tail}` : all));
}

/**
 * SHA-256 of the spec as plain JSON. The builders write every spec in one fixed key order, so the native
 * serialiser keys the cache as well as a key-sorting one would, at a fraction of its cost (a key-sorting walk was
 * the most expensive function of a report's assembly: about 100 ms for 129 charts).
 */
export function specHash(spec: unknown): string {
  return createHash('sha256').update(JSON.stringify(spec) ?? 'null').digest('hex');
}
