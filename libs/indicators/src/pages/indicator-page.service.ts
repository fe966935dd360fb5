import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { OrgUnitType } from '@arshjulet/org';
import { IndicatorCatalogueService } from '../catalogue/indicator-catalogue.service.js';
import type { Indicator } from '../catalogue/indicator.entity.js';
import { ComparisonService, type IndicatorComparison } from '../comparison/comparison.service.js';
import { Period } from '../period/period.js';
import { IndicatorValueRepository } from '../values/indicator-value.repository.js';
import { parsePeriod } from '../values/indicator-values-query.service.js';

/** Columns of the values table: the chosen period and the ones of the same kind before it. */
export const TABLE_PERIODS = 4;

const TYPE_ORDER: string[] = [OrgUnitType.Nation, OrgUnitType.County, OrgUnitType.Delregion, OrgUnitType.Hospital, OrgUnitType.Municipality, OrgUnitType.LocalArea];

export interface TableFigure {
  value: number;
  derived: boolean;
  preliminary: boolean;
}

export interface IndicatorTableRow {
  code: string;
  name: string;
  type: string;
  /** One per column period; null where the unit has no figure. */
  figures: Array<TableFigure | null>;
}

export interface IndicatorPage {
  indicator: Indicator;
  /** Every period with figures, newest first: the choices of the period selector. */
  periods: Period[];
  /** Null while the indicator has no figures. */
  comparison: IndicatorComparison | null;
  columns: Period[];
  rows: IndicatorTableRow[];
}

/** One indicator's page: its comparison for a period and its figures per org unit for the latest periods. */
@Injectable()
export class IndicatorPageService {
  constructor(
    private readonly catalogue: IndicatorCatalogueService,
    private readonly comparisons: ComparisonService,
    private readonly values: IndicatorValueRepository,
  ) {}

  async show(ctx: RequestContext, code: string, periodText?: string): Promise<IndicatorPage> {
    const indicator = await this.catalogue.getByCode(ctx, code);
    const chosen = periodText ? parsePeriod('period', periodText) : null;
    const periods = (await this.values.periodsFor(ctx, indicator.id, '')).map((text) => Period.parse(text));
    if (periods.length === 0 && !chosen) return { indicator, periods, comparison: null, columns: [], rows: [] };

    const comparison = await this.comparisons.compare(ctx, indicator.code, chosen?.toString());
    const columns = periods
      .filter((period) => period.kind === comparison.period.kind && period.compareTo(comparison.period) <= 0)
      .slice(0, TABLE_PERIODS)
      .reverse();
    return { indicator, periods, comparison, columns, rows: await this.tableRows(ctx, indicator, columns) };
  }

  private async tableRows(ctx: RequestContext, indicator: Indicator, columns: Period[]): Promise<IndicatorTableRow[]> {
    if (columns.length === 0) return [];
    const keys = columns.map((period) => period.toString());
    const byUnit = new Map<string, IndicatorTableRow>();
    for (const figure of await this.values.figuresForPeriods(ctx, indicator.id, keys, '')) {
      let row = byUnit.get(figure.org_unit_id);
      if (!row) {
        row = { code: figure.code, name: figure.name, type: figure.type, figures: keys.map(() => null) };
        byUnit.set(figure.org_unit_id, row);
      }
      row.figures[keys.indexOf(figure.period)] = { value: Number(figure.value), derived: figure.derived, preliminary: figure.status === 'preliminary' };
    }
    return [...byUnit.values()].sort(
      (a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.name.localeCompare(b.name, 'sv'),
    );
  }
}
