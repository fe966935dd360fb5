import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { OrgUnit } from '@arshjulet/org';
import { Indicator } from '../catalogue/indicator.entity.js';
import { IndicatorException } from '../indicator.exception.js';
import { Period } from '../period/period.js';
import { isIsoDay } from './dto/indicator-value.dto.js';
import { IndicatorValueRepository, type ValueFilter, type ValuePage, type ValueRow } from './indicator-value.repository.js';

/** What a reader asks for, in business keys: codes and periods, not ids. */
export interface ValueQuery {
  indicator?: string;
  orgUnit?: string;
  period?: string;
  breakdown?: string;
  /** A period (`2024`, `2025-Q2`) or a day; values whose period starts on or after it. */
  from?: string;
  /** A period or a day; values whose period ends on or before it. */
  to?: string;
}

@Injectable()
export class IndicatorValuesQueryService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly values: IndicatorValueRepository,
  ) {}

  /**
   * One statement: the indicator and org unit codes are resolved inside it. Only an empty answer looks the codes up
   * again, to tell an unknown code (404) from a filter that matches nothing.
   */
  async page(ctx: RequestContext, query: ValueQuery, page: number, pageSize: number): Promise<ValuePage> {
    const filter = { ...this.periodFilter(query), indicatorCode: query.indicator || undefined, orgUnitCode: query.orgUnit || undefined };
    const result = await this.values.findPage(ctx, filter, page, pageSize);
    if (result.total === 0 && (filter.indicatorCode !== undefined || filter.orgUnitCode !== undefined)) await this.resolve(ctx, query);
    return result;
  }

  /** Resolves if the export can start: the query has run and its first rows are fetched, so no error waits behind the headers. */
  async stream(ctx: RequestContext, query: ValueQuery): Promise<AsyncGenerator<ValueRow>> {
    return this.values.openStream(await this.resolve(ctx, query));
  }

  private async resolve(ctx: RequestContext, query: ValueQuery): Promise<ValueFilter> {
    const filter = this.periodFilter(query);
    if (query.indicator) {
      const indicator = await this.connection.getRepository(ctx, Indicator).findOneBy({ code: query.indicator });
      if (!indicator) throw IndicatorException.notFound(query.indicator);
      filter.indicatorId = indicator.id;
    }
    if (query.orgUnit) {
      const unit = await this.connection.getRepository(ctx, OrgUnit).findOneBy({ code: query.orgUnit });
      if (!unit) throw IndicatorException.orgUnitNotFound(query.orgUnit);
      filter.orgUnitId = unit.id;
    }
    return filter;
  }

  /** The breakdown and period conditions; a bad period is refused (422) before any statement runs. */
  private periodFilter(query: ValueQuery): ValueFilter {
    const filter: ValueFilter = { breakdown: query.breakdown };
    if (query.period) filter.period = parsePeriod('period', query.period).toString();
    if (query.from) filter.fromDate = isIsoDay(query.from) ? query.from : parsePeriod('from', query.from).start;
    if (query.to) filter.toDate = isIsoDay(query.to) ? query.to : parsePeriod('to', query.to).end;
    return filter;
  }
}

export function parsePeriod(field: string, text: string): Period {
  const parsed = Period.tryParse(text);
  if (!parsed.ok) throw IndicatorException.invalidPeriod(field, parsed.reason);
  return parsed.period;
}
