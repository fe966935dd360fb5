import { Injectable } from '@nestjs/common';
import { RequestContext } from '@arshjulet/core';
import { TransactionalConnection } from '@arshjulet/db';
import { AccessService } from '../access/access.service.js';
import { Permission } from '../access/permission.js';
import { RoleAssignment } from '../users/role-assignment.entity.js';
import { OrgUnitService } from './org-unit.service.js';

/** Who holds roles scoped to an org unit (a delregion's coordinators); a delregion coordinator sees only their own. */
@Injectable()
export class OrgUnitMembersService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly orgUnits: OrgUnitService,
    private readonly access: AccessService,
  ) {}

  async list(ctx: RequestContext, code: string): Promise<RoleAssignment[]> {
    const unit = await this.orgUnits.getByCode(ctx, code);
    await this.access.requireAccess(ctx, Permission.OrgUnitMembersRead, { entityType: 'org_unit', entityId: unit.id, orgUnitId: unit.id });
    return this.connection
      .getRepository(ctx, RoleAssignment)
      .createQueryBuilder('assignment')
      .innerJoinAndSelect('assignment.user', 'user')
      .where('assignment.orgUnitId = :orgUnitId', { orgUnitId: unit.id })
      .andWhere('user.active = true')
      .orderBy('user.name', 'ASC')
      .getMany();
  }
}
