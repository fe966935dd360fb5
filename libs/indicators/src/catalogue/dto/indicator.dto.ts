import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOmittable } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
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
  @ApiProperty({ nullable: true, type: String }) phrase: string | null;
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
    phrase: indicator.phrase,
    active: indicator.active,
    version: indicator.version,
  };
}

const CODE_PATTERN = /^[A-Z][A-Z0-9_-]{1,31}$/;

/** The editable fields of an indicator, shared by create and update. */
class IndicatorFieldsDto {
  @ApiProperty({ example: 'Andel patienter utskrivna från slutenvården …' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  name: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @ApiProperty({ enum: INDICATOR_GROUPS })
  @IsIn(INDICATOR_GROUPS)
  group: IndicatorGroup;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'admission_and_discharge' })
  @IsOptional()
  @IsIn(Object.keys(INDICATOR_AREA_LABELS_SV), { message: `area must be one of: ${Object.keys(INDICATOR_AREA_LABELS_SV).join(', ')}` })
  area?: string | null;

  @ApiProperty({ enum: INDICATOR_KINDS })
  @IsIn(INDICATOR_KINDS)
  kind: IndicatorKind;

  @ApiProperty({ enum: INDICATOR_DIRECTIONS })
  @IsIn(INDICATOR_DIRECTIONS)
  direction: IndicatorDirection;

  @ApiProperty({ enum: INDICATOR_UNITS })
  @IsIn(INDICATOR_UNITS)
  unit: IndicatorUnit;

  @ApiProperty({ example: 'SAMSA' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  source: string;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 80 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  target?: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'N00945' })
  @IsOptional()
  @Matches(/^[A-Z]\d{5}$/, { message: 'koladaKpiId must be a Kolada KPI id such as N00945' })
  koladaKpiId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'fallskador per 100 000 invånare 65 år och äldre',
    description: 'What the number counts, used in generated Swedish sentences ("… rapporterade 2 832 <phrase> (2023) …")',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  phrase?: string | null;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;
}

export class CreateIndicatorDto extends IndicatorFieldsDto {
  @ApiProperty({ example: 'MH02' })
  @Matches(CODE_PATTERN, { message: 'code must be upper-case letters and digits, e.g. MH02' })
  code: string;
}

/** Every field may be left out; null only where the field itself allows it (description, target …), never for name or group. */
export class UpdateIndicatorDto extends PartialType(IndicatorFieldsDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current indicator' })
  @IsInt()
  @Min(1)
  version: number;
}
