import { ORG_UNIT_TYPE_LABELS_SV, type OrgUnitType } from '@arshjulet/org';
import type { Indicator } from '../catalogue/indicator.entity.js';
import {
  INDICATOR_AREA_LABELS_SV, INDICATOR_DIRECTION_LABELS_SV, INDICATOR_GROUP_LABELS_SV, INDICATOR_KIND_LABELS_SV, INDICATOR_UNIT_LABELS_SV,
  IndicatorGroup,
} from '../catalogue/indicator-vocabulary.js';
import { formatIndicatorValue } from '../format/swedish-number.util.js';
import type { IndicatorPage } from './indicator-page.service.js';

const GROUP_ORDER = [IndicatorGroup.Background, IndicatorGroup.Shift, IndicatorGroup.GoverningDocument];
const AREA_ORDER = Object.keys(INDICATOR_AREA_LABELS_SV);

function indicatorFacts(indicator: Indicator) {
  return {
    code: indicator.code,
    name: indicator.name,
    href: `/indikatorer/${encodeURIComponent(indicator.code)}`,
    kind: INDICATOR_KIND_LABELS_SV[indicator.kind],
    direction: INDICATOR_DIRECTION_LABELS_SV[indicator.direction],
    unit: INDICATOR_UNIT_LABELS_SV[indicator.unit],
    source: indicator.source,
    target: indicator.target === null ? null : formatIndicatorValue(indicator.target, indicator.unit, { withUnit: true }),
  };
}

/** The catalogue as the county report orders it: group, then area (the shifts, the governing documents), then code. */
export function catalogueView(indicators: Indicator[]) {
  return GROUP_ORDER.map((group) => {
    const members = indicators.filter((indicator) => indicator.group === group);
    const areas = [...new Set(members.map((indicator) => indicator.area))].sort((a, b) => areaRank(a) - areaRank(b));
    return {
      id: `grupp-${group}`,
      label: INDICATOR_GROUP_LABELS_SV[group],
      areas: areas.map((area) => ({
        id: `omrade-${area ?? group}`,
        label: area ? (INDICATOR_AREA_LABELS_SV[area] ?? area) : null,
        caption: area ? (INDICATOR_AREA_LABELS_SV[area] ?? area) : INDICATOR_GROUP_LABELS_SV[group],
        indicators: members.filter((indicator) => indicator.area === area).map(indicatorFacts),
      })),
    };
  }).filter((group) => group.areas.length > 0);
}

function areaRank(area: string | null): number {
  return area === null ? -1 : AREA_ORDER.indexOf(area) === -1 ? AREA_ORDER.length : AREA_ORDER.indexOf(area);
}

export function indicatorPageView({ indicator, periods, comparison, columns, rows, charts }: IndicatorPage) {
  const facts = indicatorFacts(indicator);
  const selected = comparison?.period.toString();
  const format = (value: number) => formatIndicatorValue(value, indicator.unit);
  const sentences = comparison
    ? [comparison.versusNation?.sentence, comparison.change?.sentence, comparison.spread?.sentence, comparison.target?.sentence]
      .filter((sentence): sentence is string => Boolean(sentence))
    : [];
  const hasDerived = rows.some((row) => row.figures.some((figure) => figure?.derived));
  const hasPreliminary = rows.some((row) => row.figures.some((figure) => figure?.preliminary));
  return {
    title: `${indicator.code} ${indicator.name}`,
    indicator: {
      ...facts,
      description: indicator.description,
      group: INDICATOR_GROUP_LABELS_SV[indicator.group],
      area: indicator.area ? (INDICATOR_AREA_LABELS_SV[indicator.area] ?? indicator.area) : null,
    },
    hasValues: periods.length > 0,
    periodOptions: periods.map((period) => ({ value: period.toString(), label: period.label('short'), selected: period.toString() === selected })),
    comparison: comparison && {
      periodLabel: comparison.period.label('short'),
      sentences,
      county: comparison.county && { name: comparison.county.name, value: format(comparison.county.value) },
      nation: comparison.nation && { name: comparison.nation.name, value: format(comparison.nation.value) },
    },
    charts,
    table: columns.length === 0 ? null : {
      caption: `Värden per enhet, ${columns.length === 1 ? columns[0]!.label('short') : `${columns[0]!.label('short')}–${columns.at(-1)!.label('short')}`}`,
      columns: columns.map((period) => ({ label: period.label('short'), current: period.toString() === selected })),
      rows: rows.map((row) => ({
        name: row.name,
        type: ORG_UNIT_TYPE_LABELS_SV[row.type as OrgUnitType] ?? row.type,
        cells: row.figures.map((figure) => figure && { text: format(figure.value), derived: figure.derived, preliminary: figure.preliminary }),
      })),
      hasDerived,
      hasPreliminary,
    },
  };
}
