import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PagedQuery, PageMetaDto, toDate } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsDate, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AuditEvent } from '../audit-event.entity.js';

export class AuditEventQueryDto extends PagedQuery(50, 500) {
  @ApiPropertyOptional({ description: 'Actor: a user id, or the e-mail recorded for them' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  actor?: string;

  @ApiPropertyOptional({ example: 'user.deactivated', description: 'Exact action, or a prefix ending in a dot (`user.`)' })
  @IsOptional()
  @Matches(/^[a-z0-9_.]{1,80}$/, { message: 'action består av gemener, siffror, _ och .' })
  action?: string;

  @ApiPropertyOptional({ example: 'user' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,60}$/)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(80)
  entityId?: string;

  @ApiPropertyOptional({ example: 'DR-SKB', description: 'Org unit code or id' })
  @IsOptional()
  @Matches(/^[\p{L}0-9-]{1,36}$/u)
  orgUnit?: string;

  @ApiPropertyOptional({ description: 'From this time (inclusive), ISO 8601' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'from ska vara en tidpunkt i ISO 8601, t.ex. 2026-03-19 eller 2026-03-19T10:00:00+01:00' })
  from?: Date;

  @ApiPropertyOptional({ description: 'Until this time (exclusive), ISO 8601' })
  @IsOptional()
  @Transform(toDate)
  @IsDate({ message: 'to ska vara en tidpunkt i ISO 8601, t.ex. 2026-03-20' })
  to?: Date;

}

export class AuditEventResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() actor: string;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String }) orgUnitId: string | null;
  @ApiProperty({ nullable: true, type: Object }) before: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: Object }) after: Record<string, unknown> | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}

export class AuditEventPageDto extends PageMetaDto {
  @ApiProperty({ type: [AuditEventResponseDto] }) items: AuditEventResponseDto[];
}

export function mapAuditEvent(event: AuditEvent): AuditEventResponseDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt,
    actorId: event.actorId,
    actor: event.actorLabel,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    orgUnitId: event.orgUnitId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  };
}
