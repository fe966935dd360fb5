import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PagedQuery, PageMetaDto, Role, ROLES, toBoolean, toInt } from '@arshjulet/core';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import type { PasswordLink } from '../../auth/password-reset.service.js';
import { normalizeEmail } from '../email-address.util.js';
import type { User } from '../user.entity.js';

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const toEmail = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? normalizeEmail(value) : value);

export class AssignmentInputDto {
  @ApiProperty({ enum: ROLES, example: Role.DelregionCoordinator })
  @IsIn(ROLES, { message: `role måste vara en av: ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ example: 'DR-SKB', description: 'Delregion code; required for delregion_coordinator, not allowed for other roles.' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  orgUnit?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'anna.andersson@vgregion.se' })
  @Transform(toEmail)
  @IsEmail({}, { message: 'Ange en giltig e-postadress.' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Anna Andersson' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange ett namn.' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ type: [AssignmentInputDto] })
  @ValidateNested({ each: true })
  @Type(() => AssignmentInputDto)
  @ArrayMinSize(1, { message: 'Ange minst en roll.' })
  @ArrayMaxSize(20)
  assignments: AssignmentInputDto[];
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current user.' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(toEmail)
  @IsEmail({}, { message: 'Ange en giltig e-postadress.' })
  @MaxLength(320)
  email?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange ett namn.' })
  @MaxLength(200)
  name?: string;
}

export class VersionDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current user.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class VersionQueryDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current user.' })
  @Transform(toInt)
  @IsInt()
  @Min(1)
  version: number;
}

export class AddRoleDto extends AssignmentInputDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current user.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class UserQueryDto extends PagedQuery(50, 200) {
  @ApiPropertyOptional({ description: 'Part of the name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ example: 'DR-SKB' })
  @IsOptional()
  @Matches(/^[\p{L}0-9-]{1,32}$/u)
  orgUnit?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

}

export class AssignmentResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String, example: 'DR-SKB' }) orgUnit: string | null;
  @ApiProperty({ nullable: true, type: String }) orgUnitName: string | null;
}

export class UserResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: 'False until the user has chosen a password (invitation pending).' }) hasPassword: boolean;
  @ApiProperty({ type: [AssignmentResponseDto] }) assignments: AssignmentResponseDto[];
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty() version: number;
}

export class UserPageDto extends PageMetaDto {
  @ApiProperty({ type: [UserResponseDto] }) items: UserResponseDto[];
}

export class PasswordLinkResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['invitation', 'reset'] }) purpose: string;
  @ApiProperty({ description: 'The one-time link, to pass on while no e-mail is sent.' }) link: string;
  @ApiProperty() expiresAt: Date;
  @ApiProperty() createdAt: Date;
}

export function mapUser(user: User, hasPassword?: boolean): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    active: user.active,
    hasPassword: hasPassword ?? (user.passwordHash !== undefined ? user.passwordHash !== null : true),
    assignments: (user.assignments ?? [])
      .map((assignment) => ({
        id: assignment.id,
        role: assignment.role,
        orgUnit: assignment.orgUnit?.code ?? null,
        orgUnitName: assignment.orgUnit?.name ?? null,
      }))
      .sort((a, b) => a.role.localeCompare(b.role) || (a.orgUnit ?? '').localeCompare(b.orgUnit ?? '')),
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    version: user.version,
  };
}

export function mapPasswordLink(link: PasswordLink): PasswordLinkResponseDto {
  return { id: link.id, purpose: link.purpose, link: link.link, expiresAt: link.expiresAt, createdAt: link.createdAt };
}
