import { Injectable } from '@nestjs/common';
import type { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { IndicatorException } from '../indicator.exception.js';
import { Indicator } from './indicator.entity.js';
import { IndicatorGroup } from './indicator-vocabulary.js';

export interface IndicatorFilter {
  group?: IndicatorGroup;
  area?: string;
  includeInactive?: boolean;
}

@Injectable()
export class IndicatorCatalogueService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** The catalogue in its documented order: group, then code. */
  async list(ctx: RequestContext, filter: IndicatorFilter = {}): Promise<Indicator[]> {
    return this.connection.getRepository(ctx, Indicator).find({
      where: {
        ...(filter.group ? { group: filter.group } : {}),
        ...(filter.area ? { area: filter.area } : {}),
        ...(filter.includeInactive ? {} : { active: true }),
      },
      order: { code: 'ASC' },
    }).then((indicators) => indicators.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group)));
  }

  async getByCode(ctx: RequestContext, code: string): Promise<Indicator> {
    const indicator = await this.connection.getRepository(ctx, Indicator).findOneBy({ code });
    if (!indicator) throw IndicatorException.notFound(code);
    return indicator;
  }
}

const GROUP_ORDER = [IndicatorGroup.Background, IndicatorGroup.Shift, IndicatorGroup.GoverningDocument];
