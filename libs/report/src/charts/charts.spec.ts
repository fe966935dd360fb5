import { ChartRenderer, specHash } from './chart-renderer.js';
import { countyVsNationChart } from './county-vs-nation.chart.js';
import { hospitalsByQuarterChart } from './hospitals-by-quarter.chart.js';
import { municipalitiesChart } from './municipalities.chart.js';
import { runChart } from './run.chart.js';

const NBSP = '\u00a0';
const HOSTILE = '<script>alert(1)</script>';

function expectSafeSvg(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/<foreignObject/i);
  expect(svg).not.toMatch(/\son\w+\s*=/i);
  // Only in-document references: no href or url() leaving the SVG.
  expect(svg).not.toMatch(/href\s*=\s*"(?!#)/i);
  expect(svg).not.toMatch(/url\((?!#)/i);
  expect(svg).not.toMatch(/<image/i);
}

const years = (count: number, from = 2016): string[] => Array.from({ length: count }, (_, index) => String(from + index));

describe('countyVsNationChart', () => {
  it('draws county and nation as safe SVG with a Swedish alt text naming the latest values and a formatted table', async () => {
    const renderer = new ChartRenderer();
    const chart = await countyVsNationChart(renderer, {
      id: 'ind-42-over-time',
      indicatorName: 'Undvikbar slutenvård',
      unit: 'per_100000',
      series: years(6, 2020).map((period, index) => ({ period, county: 1200 + index * 10.4, nation: index === 5 ? null : 1300 })),
    });

    expect(chart).not.toBeNull();
    expectSafeSvg(chart!.svg);
    expect(chart!.kind).toBe('county_vs_nation');
    expect(chart!.alt).toBe(
      `Linjediagram över Undvikbar slutenvård i länet och riket 2020–2025. Senaste värden (2025): länet 1${NBSP}252 per 100${NBSP}000 invånare, riket uppgift saknas.`,
    );
    expect(chart!.table.id).toBe('ind-42-over-time-data');
    expect(chart!.table.columns).toEqual(['Period', 'Länet', 'Riket']);
    expect(chart!.table.rows[0]).toEqual(['2020', `1${NBSP}200`, `1${NBSP}300`]);
    expect(chart!.table.rows[5]).toEqual(['2025', `1${NBSP}252`, 'uppgift saknas']);
    expect(chart!.table.raw![5]).toEqual(['2025', 1252, null]);
    // Axis labels use the Swedish locale: grouping with a no-break space.
    expect(chart!.svg).toContain(`>1${NBSP}200<`);
  });

  it('returns null when there is nothing to draw', async () => {
    const renderer = new ChartRenderer();
    expect(await countyVsNationChart(renderer, { id: 'x', indicatorName: 'X', unit: 'percent', series: [] })).toBeNull();
    expect(await countyVsNationChart(renderer, { id: 'x', indicatorName: 'X', unit: 'percent', series: [{ period: '2025', county: null, nation: null }] })).toBeNull();
  });
});

describe('hospitalsByQuarterChart', () => {
  it('has a column per hospital, a decimal comma and uppgift saknas for a missing quarter', async () => {
    const renderer = new ChartRenderer();
    const chart = await hospitalsByQuarterChart(renderer, {
      id: 'medelvardtid-sjukhus',
      indicatorName: 'Medelvårdtid',
      unit: 'days',
      rows: [
        { hospital: 'SÄS', period: '2025-Q1', value: 4.25 },
        { hospital: 'SÄS', period: '2025-Q2', value: null },
        { hospital: 'NÄL', period: '2025-Q1', value: 5.5 },
        { hospital: 'NÄL', period: '2025-Q2', value: 5.125 },
      ],
    });

    expectSafeSvg(chart!.svg);
    expect(chart!.table.columns).toEqual(['Kvartal', 'NÄL', 'SÄS']);
    expect(chart!.table.rows).toEqual([
      ['2025-Q1', '5,5', '4,25'],
      ['2025-Q2', '5,13', 'uppgift saknas'],
    ]);
    expect(chart!.alt).toBe('Linjediagram över Medelvårdtid per sjukhus och kvartal 2025-Q1–2025-Q2, 2 sjukhus. Senaste kvartalet (2025-Q2): NÄL 5,13 dagar, SÄS uppgift saknas.');
  });
});

describe('municipalitiesChart', () => {
  it('sorts municipalities, prints uppgift saknas for missing ones and escapes hostile names', async () => {
    const renderer = new ChartRenderer();
    const chart = await municipalitiesChart(renderer, {
      id: 'kommuner-2025',
      indicatorName: 'Andel med fast läkarkontakt',
      unit: 'percent',
      period: '2025',
      county: 61.25,
      rows: [
        { name: 'Borås', value: 55.5 },
        { name: HOSTILE, value: 70 },
        { name: 'Ale', value: null },
        { name: 'Mölndal', value: 62.04 },
      ],
    });

    expectSafeSvg(chart!.svg);
    expect(chart!.svg).toContain('&lt;script&gt;');
    expect(chart!.svg).toContain('uppgift saknas');
    expect(chart!.table.rows).toEqual([
      [HOSTILE, `70${NBSP}%`],
      ['Mölndal', `62${NBSP}%`],
      ['Borås', `55,5${NBSP}%`],
      ['Ale', 'uppgift saknas'],
      ['Länet', `61,3${NBSP}%`],
    ]);
    expect(chart!.alt).toBe(
      `Stapeldiagram över Andel med fast läkarkontakt per kommun 2025, 4 kommuner. Högst ${HOSTILE} (70${NBSP}%), lägst Borås (55,5${NBSP}%). Länet: 61,3${NBSP}%. Uppgift saknas för 1 kommun.`,
    );
  });

  it('says uppgift saknas for a county value that is missing and returns null when no municipality has a value', async () => {
    const renderer = new ChartRenderer();
    const chart = await municipalitiesChart(renderer, { id: 'k', indicatorName: 'X', unit: 'count', period: '2025', county: null, rows: [{ name: 'Ale', value: 1204 }] });
    expect(chart!.alt).toContain('Länet: uppgift saknas.');
    expect(chart!.table.rows.at(-1)).toEqual(['Länet', 'uppgift saknas']);
    expect(await municipalitiesChart(renderer, { id: 'k', indicatorName: 'X', unit: 'count', period: '2025', rows: [{ name: 'Ale', value: null }] })).toBeNull();
  });
});

describe('runChart', () => {
  const points = (values: number[]): Array<{ period: string; value: number }> => values.map((value, index) => ({ period: years(values.length)[index], value }));

  it('gives no chart for fewer than 10 points', async () => {
    const renderer = new ChartRenderer();
    expect(await runChart(renderer, { id: 'r', indicatorName: 'X', unit: 'percent', orgUnitName: 'Länet', points: points([1, 2, 3, 4, 5, 6, 7, 8, 9]) })).toBeNull();
  });

  it('draws the median, marks the signals and names them in Swedish in the alt text and table', async () => {
    const renderer = new ChartRenderer();
    // Six points below the median, then six above: a shift each way and too few runs (no astronomical point: the level changed).
    const chart = await runChart(renderer, {
      id: 'run-1',
      indicatorName: 'Andel',
      unit: 'percent',
      orgUnitName: 'Västra Götaland',
      points: points([50.5, 51, 50, 51.5, 50.5, 51, 60, 61, 60.5, 61.5, 60, 61]),
    });

    expect(chart).not.toBeNull();
    expectSafeSvg(chart!.svg);
    expect(chart!.kind).toBe('run_chart');
    expect(chart!.median).toBe(55.75);
    expect(chart!.signals!.map((signal) => signal.rule)).toEqual(['shift', 'shift', 'runs']);
    expect(chart!.svg).toContain(`Median 55,8${NBSP}%`);
    expect(chart!.svg).toContain('Skift');
    expect(chart!.alt).toContain(`Seriediagram över Andel för Västra Götaland 2016–2027, 12 punkter med medianen 55,8${NBSP}%. Senaste värde (2027): 61${NBSP}%.`);
    expect(chart!.alt).toContain('Signaler: Skift: 2 gånger, senast 6 punkter i rad över medianen (2022 – 2027); För få serier: 2 serier runt medianen');
    expect(chart!.table.columns).toEqual(['Period', 'Värde', 'Signal']);
    expect(chart!.table.rows[0]).toEqual(['2016', `50,5${NBSP}%`, 'Skift']);
  });

  it('says when no rule fires', async () => {
    const renderer = new ChartRenderer();
    const chart = await runChart(renderer, { id: 'run-2', indicatorName: 'Andel', unit: 'percent', orgUnitName: 'Ale', points: points([5, 7, 4, 6, 8, 5, 4, 6, 7, 5, 6, 4]) });
    expect(chart!.signals).toEqual([]);
    expect(chart!.alt).toContain('Inga signaler enligt de fyra reglerna');
    expect(chart!.table.rows.every((row) => row[2] === 'Ingen')).toBe(true);
  });
});

describe('ChartRenderer', () => {
  const spec = (n: number): object => ({ width: 200, height: 100, data: { values: [{ x: 'a', y: n }, { x: 'b', y: 2.5 }] }, mark: 'bar', encoding: { x: { field: 'x', type: 'nominal' }, y: { field: 'y', type: 'quantitative' } } });

  it('is deterministic across renderers and caches by spec hash', async () => {
    const first = new ChartRenderer();
    const svg = await first.svg(spec(1.5));
    expect(await new ChartRenderer().svg(spec(1.5))).toBe(svg);
    expect(specHash(spec(1.5))).toBe(specHash(spec(1.5)));
    expect(specHash(spec(1.6))).not.toBe(specHash(spec(1.5)));
    expect(await first.svg(spec(1.5))).toBe(svg);
    expect(first.stats()).toMatchObject({ hits: 1, misses: 1, size: 1 });
    // The Swedish locale reaches vega's formatting (here the bar's aria label).
    expect(svg).toContain('y: 1,5');
  });

  it('keeps at most its bounded number of charts', async () => {
    const renderer = new ChartRenderer({ cacheSize: 2 });
    for (const n of [1, 2, 3]) {
      await renderer.svg(spec(n));
    }
    expect(renderer.stats()).toMatchObject({ size: 2, maxSize: 2, misses: 3 });
    await renderer.svg(spec(1));
    expect(renderer.stats().misses).toBe(4);
  });

  it('prefixes clip-path ids per chart so several charts can share one page', async () => {
    const renderer = new ChartRenderer();
    const clipped = { ...(spec(1) as Record<string, unknown>), mark: { type: 'bar', clip: true } };
    const svg = await renderer.svg(clipped);
    const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(0);
    const prefix = `c${specHash(clipped).slice(0, 10)}-`;
    expect(ids.every((id) => id.startsWith(prefix))).toBe(true);
    for (const match of svg.matchAll(/url\(#([^)]+)\)/g)) {
      expect(ids).toContain(match[1]);
    }
  });
});
