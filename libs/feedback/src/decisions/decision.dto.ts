import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { toInt } from '@arshjulet/core';
import { ACTION_STATUS_LABELS_SV, ACTION_STATUSES } from './decision-action.entity.js';
import { DECISION_PRIORITIES, DECISION_PRIORITY_LABELS_SV } from './decision.entity.js';
import type { DecisionRow } from './decision.repository.js';

export class DecisionQueryDto {
  @ApiPropertyOptional({ description: 'Cycle id' })
  @IsOptional()
  @IsUUID('all', { message: 'cycle ska vara ett id.' })
  cycle?: string;

  @ApiPropertyOptional({ description: 'The year of the cycle the decisions were recorded in', example: 2025 })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'year ska vara ett årtal.' })
  @Min(1900)
  @Max(9999)
  year?: number;
}

/** Types only; the rules (required, lengths, existing codes) are the service's, answered 422 field by field. */
export class UpdateDecisionDto {
  @ApiPropertyOptional({ description: 'The decision (Markdown), at most 2 000 characters' }) @IsOptional() @IsString() text?: string;
  @ApiPropertyOptional({ enum: DECISION_PRIORITIES, description: 'hög / medel / låg' }) @IsOptional() @IsString() priority?: string;
  @ApiPropertyOptional({ example: 'DR-SIMBA', description: 'Code of the active org unit that owns it (the county 14, a delregion …)' }) @IsOptional() @IsString() ownerOrgUnitCode?: string;
  @ApiPropertyOptional({ example: '2026-06-30' }) @IsOptional() @IsString() dueDate?: string;
  @ApiPropertyOptional({ type: [String], example: ['IU03'] }) @IsOptional() @IsArray() @IsString({ each: true }) indicatorCodes?: string[];
  @ApiPropertyOptional({ type: [String], example: ['sip'] }) @IsOptional() @IsArray() @IsString({ each: true }) themeKeys?: string[];
}

export class CreateDecisionDto extends UpdateDecisionDto {
  @ApiProperty({ description: 'The cycle (in review or decision) the decision is recorded in' })
  @IsUUID('all', { message: 'cycleId ska vara ett id.' })
  cycleId: string;
}

export class ActionStatusDto {
  @ApiProperty({ enum: ACTION_STATUSES })
  @IsIn(ACTION_STATUSES as unknown as string[], { message: 'Välj status: open, in_progress eller done.' })
  status: string;
}

export class DecisionActionDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The year it belongs to: the cycle year + 1' }) year: number;
  @ApiProperty({ enum: ACTION_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() version: number;
}

export class DecisionResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() cycleId: string;
  @ApiProperty() cycleYear: number;
  @ApiProperty() text: string;
  @ApiProperty({ enum: DECISION_PRIORITIES }) priority: string;
  @ApiProperty({ description: 'hög / medel / låg' }) priorityLabel: string;
  @ApiProperty() ownerOrgUnitCode: string;
  @ApiProperty() ownerOrgUnitName: string;
  @ApiProperty() dueDate: string;
  @ApiProperty({ type: [String] }) indicatorCodes: string[];
  @ApiProperty({ type: [String] }) themeKeys: string[];
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'The ETag; send it back in If-Match' }) version: number;
  @ApiProperty({ nullable: true, type: DecisionActionDto, description: 'Set once the cycle is closed' }) action: DecisionActionDto | null;
}

export const mapDecision = (row: DecisionRow): DecisionResponseDto => ({
  id: row.id,
  cycleId: row.cycleId,
  cycleYear: row.cycleYear,
  text: row.text,
  priority: row.priority,
  priorityLabel: DECISION_PRIORITY_LABELS_SV[row.priority],
  ownerOrgUnitCode: row.ownerCode,
  ownerOrgUnitName: row.ownerName,
  dueDate: row.dueDate,
  indicatorCodes: row.indicatorCodes,
  themeKeys: row.themeKeys,
  createdBy: row.createdBy,
  createdAt: new Date(row.createdAt).toISOString(),
  version: row.version,
  action: row.actionId && row.actionStatus
    ? { id: row.actionId, year: row.actionYear!, status: row.actionStatus, statusLabel: ACTION_STATUS_LABELS_SV[row.actionStatus], version: row.actionVersion! }
    : null,
});
