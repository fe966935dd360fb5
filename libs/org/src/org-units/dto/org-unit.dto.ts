import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import type { RoleAssignment } from '../../users/role-assignment.entity.js';
import { OrgUnit } from '../org-unit.entity.js';
import { ORG_UNIT_TYPES, OrgUnitType } from '../org-unit-type.js';

export class OrgUnitQueryDto {
  @ApiPropertyOptional({ enum: ORG_UNIT_TYPES, isArray: true, description: 'Filter by type; a flat list is returned.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value))
  @IsIn(ORG_UNIT_TYPES, { each: true, message: `type must be one of: ${ORG_UNIT_TYPES.join(', ')}` })
  type?: OrgUnitType[];

  @ApiPropertyOptional({ description: 'Include deactivated units.' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive?: boolean;
}

export class OrgUnitResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ORG_UNIT_TYPES }) type: OrgUnitType;
  @ApiProperty({ example: 'DR-SKB' }) code: string;
  @ApiProperty({ example: 'Vårdsamverkan Skaraborg' }) name: string;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: '1444' }) koladaId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'Send it back as If-Match (or `version`) when changing the unit' }) version: number;
  @ApiPropertyOptional({ type: () => [OrgUnitResponseDto] }) children?: OrgUnitResponseDto[];
}

export function mapOrgUnit(unit: OrgUnit, codeById: Map<string, string>): OrgUnitResponseDto {
  return {
    id: unit.id,
    type: unit.type,
    code: unit.code,
    name: unit.name,
    parentCode: unit.parentId ? (codeById.get(unit.parentId) ?? null) : null,
    koladaId: unit.koladaId,
    active: unit.active,
    version: unit.version,
  };
}

/** Nests units under their parents; units whose parent is not in the list become roots. */
export function buildOrgUnitTree(units: OrgUnit[]): OrgUnitResponseDto[] {
  const codeById = new Map(units.map((unit) => [unit.id, unit.code]));
  const nodes = new Map(units.map((unit) => [unit.id, { ...mapOrgUnit(unit, codeById), children: [] as OrgUnitResponseDto[] }]));
  const roots: OrgUnitResponseDto[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id)!;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export class OrgUnitMemberResponseDto {
  @ApiProperty() userId: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ example: 'delregion_coordinator' }) role: string;
}

export function mapOrgUnitMember(assignment: RoleAssignment): OrgUnitMemberResponseDto {
  return { userId: assignment.user.id, name: assignment.user.name, email: assignment.user.email, role: assignment.role };
}
