import { Injectable } from '@nestjs/common';
import { NotFoundException, RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { In } from 'typeorm';
import { OrgUnit } from './org-unit.entity.js';
import { OrgUnitType } from './org-unit-type.js';

const collator = new Intl.Collator('sv');

@Injectable()
export class OrgUnitService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** Units in tree order (parents first), siblings sorted the Swedish way (Å, Ä, Ö last). */
  async list(ctx: RequestContext, filter: { types?: OrgUnitType[]; includeInactive?: boolean } = {}): Promise<OrgUnit[]> {
    const units = await this.connection.getRepository(ctx, OrgUnit).find({
      where: {
        ...(filter.types?.length ? { type: In(filter.types) } : {}),
        ...(filter.includeInactive ? {} : { active: true }),
      },
    });
    return units.sort((a, b) => TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || collator.compare(a.name, b.name));
  }

  async getByCode(ctx: RequestContext, code: string): Promise<OrgUnit> {
    const unit = await this.connection.getRepository(ctx, OrgUnit).findOneBy({ code });
    if (!unit) throw new NotFoundException('org_unit.not_found', `Organisationsenheten ${code} finns inte.`);
    return unit;
  }

  async delregions(ctx: RequestContext): Promise<OrgUnit[]> {
    return this.list(ctx, { types: [OrgUnitType.Delregion] });
  }
}

const TYPE_ORDER: OrgUnitType[] = [
  OrgUnitType.Nation,
  OrgUnitType.County,
  OrgUnitType.Delregion,
  OrgUnitType.Hospital,
  OrgUnitType.Municipality,
  OrgUnitType.LocalArea,
];
