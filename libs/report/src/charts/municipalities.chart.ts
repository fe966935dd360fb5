import type { ChartView } from '../model/report-model.js';
import type { ChartRenderer } from './chart-renderer.js';
import { axisFormat, chartValueText, MISSING_VALUE, rawValue, unitLabel } from './chart-format.util.js';
import { baseSpec, INK, PALETTE } from './chart-theme.js';

export interface MunicipalitiesInput {
  id: string;
  indicatorName: string;
  unit: string;
  period: string;
  rows: Array<{ name: string; value: number | null }>;
  county?: number | null;
}

const BAR_STEP = 16;

/**
 * The municipalities in one period as horizontal bars, highest first; those without a value last, labelled
 * 'uppgift saknas'. The county's value is a vertical rule.
 */
export async function municipalitiesChart(renderer: ChartRenderer, input: MunicipalitiesInput): Promise<ChartView | null> {
  const collator = new Intl.Collator('sv-SE');
  const rows = input.rows.map((row) => ({ name: row.name, value: rawValue(row.value) }));
  const known = rows.filter((row): row is { name: string; value: number } => row.value !== null).sort((a, b) => b.value - a.value || collator.compare(a.name, b.name));
  if (known.length === 0) {
    return null;
  }
  const missing = rows.filter((row) => row.value === null).sort((a, b) => collator.compare(a.name, b.name));
  const ordered = [...known, ...missing];
  const county = rawValue(input.county);
  const text = (value: number | null): string => chartValueText(value, input.unit, { withUnit: true });

  const highest = known[0];
  const lowest = known[known.length - 1];
  const alt = [
    `Stapeldiagram över ${input.indicatorName} per kommun ${input.period}, ${rows.length} kommuner.`,
    `Högst ${highest.name} (${text(highest.value)}), lägst ${lowest.name} (${text(lowest.value)}).`,
    input.county !== undefined ? `Länet: ${text(county)}.` : '',
    missing.length > 0 ? `Uppgift saknas för ${missing.length} ${missing.length === 1 ? 'kommun' : 'kommuner'}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const names = ordered.map((row) => row.name);
  const y = { field: 'name', type: 'nominal', title: null, scale: { domain: names }, axis: { labelLimit: 200, labelOverlap: false } };
  const layers: object[] = [
    {
      data: { values: known },
      mark: { type: 'bar', color: PALETTE[0], height: { band: 0.75 } },
      encoding: { y, x: { field: 'value', type: 'quantitative', title: unitLabel(input.unit) || null, axis: { format: axisFormat(input.unit), orient: 'top' } } },
    },
  ];
  if (missing.length > 0) {
    layers.push({
      data: { values: missing.map((row) => ({ name: row.name, label: MISSING_VALUE })) },
      mark: { type: 'text', align: 'left', dx: 4, fontStyle: 'italic', color: INK },
      encoding: { y, x: { datum: 0, type: 'quantitative' }, text: { field: 'label' } },
    });
  }
  if (county !== null) {
    const countyLabel = `Länet ${chartValueText(county, input.unit)}`;
    layers.push(
      { data: { values: [{ county }] }, mark: { type: 'rule', color: PALETTE[3], strokeWidth: 2, strokeDash: [6, 3] }, encoding: { x: { field: 'county', type: 'quantitative' } } },
      {
        data: { values: [{ county, label: countyLabel }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: 'height', dy: -2, color: PALETTE[3], fontWeight: 'bold' },
        encoding: { x: { field: 'county', type: 'quantitative' }, text: { field: 'label' } },
      },
    );
  }
  const spec = { ...baseSpec(alt), height: BAR_STEP * names.length, layer: layers };

  const table = ordered.map((row) => [row.name, chartValueText(row.value, input.unit)]);
  const raw: Array<Array<string | number | null>> = ordered.map((row) => [row.name, row.value]);
  if (input.county !== undefined) {
    table.push(['Länet', chartValueText(county, input.unit)]);
    raw.push(['Länet', county]);
  }
  return {
    id: input.id,
    kind: 'municipalities_latest',
    title: `${input.indicatorName} per kommun ${input.period}`,
    svg: await renderer.svg(spec),
    alt,
    table: { id: `${input.id}-data`, caption: `${input.indicatorName} per kommun ${input.period}`, columns: ['Kommun', 'Värde'], rows: table, raw },
  };
}
