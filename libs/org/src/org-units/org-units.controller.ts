import { Body, Controller, Get, Headers, Param, Patch, Query, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated } from '../access/authenticated.decorator.js';
import { Permission } from '../access/permission.js';
import {
  buildOrgUnitTree, mapOrgUnit, mapOrgUnitMember, OrgUnitMemberResponseDto, OrgUnitQueryDto, OrgUnitResponseDto,
} from './dto/org-unit.dto.js';
import { UpdateOrgUnitDto } from './dto/update-org-unit.dto.js';
import { OrgUnitAdminService } from './org-unit-admin.service.js';
import { orgUnitVersion } from './org-unit.exception.js';
import { OrgUnitMembersService } from './org-unit-members.service.js';
import { OrgUnitService } from './org-unit.service.js';

@ApiTags('org-units')
@Controller('api/v1/org-units')
export class OrgUnitsController {
  constructor(
    private readonly orgUnits: OrgUnitService,
    private readonly members: OrgUnitMembersService,
    private readonly admin: OrgUnitAdminService,
  ) {}

  @Get()
  @Authenticated(Permission.OrgUnitRead)
  @ApiOperation({ summary: 'The org-unit tree (nation → county → delregions → municipalities, hospitals), or a flat list filtered by type' })
  @ApiOkResponse({ type: [OrgUnitResponseDto] })
  async list(@Ctx() ctx: RequestContext, @Query() query: OrgUnitQueryDto): Promise<OrgUnitResponseDto[]> {
    if (query.type?.length) {
      const all = await this.orgUnits.list(ctx, { includeInactive: true });
      const codeById = new Map(all.map((unit) => [unit.id, unit.code]));
      const units = await this.orgUnits.list(ctx, { types: query.type, includeInactive: query.includeInactive });
      return units.map((unit) => mapOrgUnit(unit, codeById));
    }
    return buildOrgUnitTree(await this.orgUnits.list(ctx, { includeInactive: query.includeInactive }));
  }

  @Get(':code')
  @Authenticated(Permission.OrgUnitRead)
  @ApiOperation({ summary: 'One org unit by code' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  async get(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<OrgUnitResponseDto> {
    const unit = await this.orgUnits.getByCode(ctx, code);
    const parent = unit.parentId ? (await this.orgUnits.list(ctx, { includeInactive: true })).find((u) => u.id === unit.parentId) : undefined;
    return mapOrgUnit(unit, new Map(parent ? [[parent.id, parent.code]] : []));
  }

  @Get(':code/members')
  @Authenticated(Permission.OrgUnitMembersRead)
  @ApiOperation({ summary: 'Who holds roles in a delregion (its coordinators); delregion coordinators see only their own' })
  @ApiOkResponse({ type: [OrgUnitMemberResponseDto] })
  async listMembers(@Ctx() ctx: RequestContext, @Param('code') code: string): Promise<OrgUnitMemberResponseDto[]> {
    return (await this.members.list(ctx, code)).map(mapOrgUnitMember);
  }

  @Patch(':code')
  @Authenticated(Permission.OrgUnitManage)
  @ApiOperation({ summary: 'Rename, activate/deactivate, or move a municipality to another delregion (parentCode); derived delregion figures are recomputed' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you read, e.g. "3" (or `version` in the body)' })
  @ApiOkResponse({ type: OrgUnitResponseDto })
  @ApiConflictResponse({ description: 'Stale version; `current` holds the unit as it is now' })
  @ApiUnprocessableEntityResponse({ description: 'Not allowed (e.g. moving into a unit that is not an active delregion, deactivating a delregion that still has municipalities or is the last one)' })
  async update(
    @Ctx() ctx: RequestContext,
    @Param('code') code: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: UpdateOrgUnitDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OrgUnitResponseDto> {
    const unit = await this.admin.update(ctx, code, orgUnitVersion(ifMatch, body.version), { name: body.name, active: body.active, parentCode: body.parentCode });
    response.setHeader('ETag', `"${unit.version}"`);
    return this.admin.describe(ctx, unit);
  }
}
