import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { OrgUnitType } from '@arshjulet/org';
import { Indicator } from '../catalogue/indicator.entity.js';
import { classifyChange, type ChangeResult } from '../compare/change.util.js';
import { findExtremes, type Extremes } from '../compare/extremes.util.js';
import { describeChange, describeSpread, describeVersusNation } from '../compare/indicator-sentences.util.js';
import { compareWithNation, type NationComparison } from '../compare/nation-comparison.util.js';
import type { OrgUnitValue } from '../compare/org-unit-value.js';
import { rankOrgUnits, type RankedValue } from '../compare/ranking.util.js';
import { evaluateTarget, type TargetResult } from '../compare/target.util.js';
import { IndicatorException } from '../indicator.exception.js';
import { Period } from '../period/period.js';
import { IndicatorValueRepository, type PeriodFigure, type UnitFigure } from '../values/indicator-value.repository.js';
import { parsePeriod } from '../values/indicator-values-query.service.js';
import { describeTarget } from './target-sentence.util.js';

export interface UnitFigureValue extends OrgUnitValue {
  code: string;
  derived: boolean;
}

export interface IndicatorComparison {
  indicator: Indicator;
  period: Period;
  breakdown: string;
  county: UnitFigureValue | null;
  nation: UnitFigureValue | null;
  versusNation: (NationComparison & { sentence: string }) | null;
  change: (ChangeResult & { previousPeriod: Period; sentence: string }) | null;
  /** Spread among municipalities, or among hospitals for hospital-reported indicators. */
  spread: (Extremes & { among: 'municipality' | 'hospital'; count: number; sentence: string }) | null;
  delregionRanking: Array<RankedValue & { code: string; derived: boolean }>;
  target: (TargetResult & { target: number; sentence: string }) | null;
}

/** County vs nation, change, spread, delregion ranking and target for one indicator and period. */
@Injectable()
export class ComparisonService {
  constructor(private readonly values: IndicatorValueRepository) {}

  /** One statement: the indicator, the period compared and its figures are read together. */
  async compare(ctx: RequestContext, code: string, periodText?: string, breakdown = ''): Promise<IndicatorComparison> {
    const chosen = periodText ? parsePeriod('period', periodText) : null;
    const read = await this.values.indicatorFigures(ctx, code, breakdown, chosen, 0);
    if (!read) throw IndicatorException.notFound(code);
    if (!read.period) throw IndicatorException.noValues(code);
    return buildComparison(read.indicator, Period.parse(read.period), breakdown, read.figures);
  }
}

/**
 * The comparison from figures already read: those of `period` and the county's of the period before it (any
 * others, e.g. a page's earlier table columns, are ignored).
 */
export function buildComparison(indicator: Indicator, period: Period, breakdown: string, read: PeriodFigure[]): IndicatorComparison {
  const { unit, direction } = indicator;
  const periodKey = period.toString();
  const figures = read.filter((figure) => figure.period === periodKey).map(toValue);
  const ofType = (type: OrgUnitType) => figures.filter((figure) => figure.type === type);
  const county = ofType(OrgUnitType.County)[0] ?? null;
  const nation = ofType(OrgUnitType.Nation)[0] ?? null;

  const versusNation = county && nation
    ? {
        ...compareWithNation(county.value, nation.value, direction, unit),
        sentence: describeVersusNation({ name: indicator.name, unit, phrase: indicator.phrase ?? undefined }, county, nation.value, period),
      }
    : null;

  let change: IndicatorComparison['change'] = null;
  if (county) {
    const previousPeriod = period.previous();
    const previousKey = previousPeriod.toString();
    const before = read.find((figure) => figure.period === previousKey && figure.org_unit_id === county.orgUnitId);
    if (before) {
      const previous = { period: previousPeriod, value: Number(before.value) };
      change = {
        ...classifyChange(previous.value, county.value, direction, unit),
        previousPeriod,
        sentence: describeChange(unit, previous, { period, value: county.value }, { subject: `Värdet för ${county.name}`, neuter: true }),
      };
    }
  }

  const municipalities = ofType(OrgUnitType.Municipality);
  const among = municipalities.length > 0 ? 'municipality' : 'hospital';
  const members = municipalities.length > 0 ? municipalities : ofType(OrgUnitType.Hospital);
  const extremes = findExtremes(members);
  const spread = extremes
    ? { ...extremes, among, count: members.length, sentence: describeSpread(unit, members, period, indicator.name)! } as const
    : null;

  const delregions = ofType(OrgUnitType.Delregion);
  const delregionRanking = rankOrgUnits(delregions, direction).map((ranked) => {
    const figure = delregions.find((candidate) => candidate.orgUnitId === ranked.orgUnitId)!;
    return { ...ranked, code: figure.code, derived: figure.derived };
  });

  const targetResult = county ? evaluateTarget(county.value, indicator.target, direction) : null;
  const target = targetResult && county && indicator.target !== null
    ? { ...targetResult, target: indicator.target, sentence: describeTarget(unit, direction, indicator.target, targetResult, county, period) }
    : null;

  return { indicator, period, breakdown, county, nation, versusNation, change, spread, delregionRanking, target };
}

function toValue(figure: UnitFigure): UnitFigureValue & { type: string } {
  return { orgUnitId: figure.org_unit_id, code: figure.code, name: figure.name, value: Number(figure.value), derived: figure.derived, type: figure.type };
}
