import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { OrgUnitType } from '@arshjulet/org';
import { IndicatorCatalogueService } from '../catalogue/indicator-catalogue.service.js';
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
import { IndicatorValueRepository, type UnitFigure } from '../values/indicator-value.repository.js';
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
  constructor(
    private readonly catalogue: IndicatorCatalogueService,
    private readonly values: IndicatorValueRepository,
  ) {}

  async compare(ctx: RequestContext, code: string, periodText?: string, breakdown = ''): Promise<IndicatorComparison> {
    const indicator = await this.catalogue.getByCode(ctx, code);
    const latest = periodText ? null : await this.values.latestPeriod(ctx, indicator.id, breakdown);
    if (!periodText && !latest) throw IndicatorException.noValues(code);
    const period = parsePeriod('period', periodText ?? latest!);
    const { unit, direction } = indicator;

    const figures = (await this.values.figuresFor(ctx, indicator.id, period.toString(), breakdown)).map(toValue);
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
      const before = (await this.values.figuresFor(ctx, indicator.id, previousPeriod.toString(), breakdown))
        .find((figure) => figure.org_unit_id === county.orgUnitId);
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
}

function toValue(figure: UnitFigure): UnitFigureValue & { type: string } {
  return { orgUnitId: figure.org_unit_id, code: figure.code, name: figure.name, value: Number(figure.value), derived: figure.derived, type: figure.type };
}
