import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { Indicator } from '../indicator.entity.js';
import {
  INDICATOR_AREA_LABELS_SV, INDICATOR_DIRECTIONS, INDICATOR_GROUP_LABELS_SV, INDICATOR_GROUPS, INDICATOR_KINDS, INDICATOR_UNITS,
  IndicatorDirection, IndicatorGroup, IndicatorKind, IndicatorUnit,
} from '../indicator-vocabulary.js';

export class IndicatorQueryDto {
  @ApiPropertyOptional({ enum: INDICATOR_GROUPS })
  @IsOptional()
  @IsIn(INDICATOR_GROUPS, { message: `group must be one of: ${INDICATOR_GROUPS.join(', ')}` })
  group?: IndicatorGroup;

  @ApiPropertyOptional({ example: 'admission_and_discharge' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,60}$/, { message: 'area must be an area code such as admission_and_discharge' })
  area?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  includeInactive?: boolean;
}

export class IndicatorResponseDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'HF01' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: INDICATOR_GROUPS }) group: IndicatorGroup;
  @ApiProperty() groupLabel: string;
  @ApiProperty({ nullable: true, type: String }) area: string | null;
  @ApiProperty({ nullable: true, type: String }) areaLabel: string | null;
  @ApiProperty({ enum: INDICATOR_KINDS }) kind: IndicatorKind;
  @ApiProperty({ enum: INDICATOR_DIRECTIONS, description: '`none` = central measure (centralt mått)' }) direction: IndicatorDirection;
  @ApiProperty() centralMeasure: boolean;
  @ApiProperty({ enum: INDICATOR_UNITS }) unit: IndicatorUnit;
  @ApiProperty() source: string;
  @ApiProperty({ nullable: true, type: Number }) target: number | null;
  @ApiProperty({ nullable: true, type: String }) koladaKpiId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

export function mapIndicator(indicator: Indicator): IndicatorResponseDto {
  return {
    id: indicator.id,
    code: indicator.code,
    name: indicator.name,
    description: indicator.description,
    group: indicator.group,
    groupLabel: INDICATOR_GROUP_LABELS_SV[indicator.group],
    area: indicator.area,
    areaLabel: indicator.area ? (INDICATOR_AREA_LABELS_SV[indicator.area] ?? indicator.area) : null,
    kind: indicator.kind,
    direction: indicator.direction,
    centralMeasure: indicator.direction === IndicatorDirection.None,
    unit: indicator.unit,
    source: indicator.source,
    target: indicator.target,
    koladaKpiId: indicator.koladaKpiId,
    active: indicator.active,
    version: indicator.version,
  };
}
