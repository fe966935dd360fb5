import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { formatIndicatorValue } from '../../format/swedish-number.util.js';
import type { IndicatorComparison, UnitFigureValue } from '../comparison.service.js';

export class ComparisonQueryDto {
  @ApiPropertyOptional({ example: '2025-Q2', description: 'Defaults to the latest period with a county or nation figure' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  period?: string;

  @ApiPropertyOptional({ description: "Breakdown; the total ('') by default" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  breakdown?: string;
}

export class UnitFigureDto {
  @ApiProperty({ example: 'H-KS' }) code: string;
  @ApiProperty({ example: 'Kungälvs sjukhus' }) name: string;
  @ApiProperty() value: number;
  @ApiProperty({ example: '15 %' }) formatted: string;
  @ApiProperty() derived: boolean;
}

export class RankedFigureDto extends UnitFigureDto {
  @ApiProperty({ description: '1 = best by the indicator direction; ties share a rank' }) rank: number;
}

export class VersusNationDto {
  @ApiProperty() difference: number;
  @ApiProperty({ enum: ['above', 'below', 'equal'] }) position: string;
  @ApiProperty({ enum: ['better', 'worse', 'unchanged'], nullable: true, type: String }) assessment: string | null;
  @ApiProperty() sentence: string;
}

export class ChangeDto {
  @ApiProperty() previousPeriod: string;
  @ApiProperty() previous: number;
  @ApiProperty() current: number;
  @ApiProperty() delta: number;
  @ApiProperty({ enum: ['increased', 'decreased', 'unchanged'] }) trend: string;
  @ApiProperty({ enum: ['better', 'worse', 'unchanged'], nullable: true, type: String, description: 'null for a central measure' }) assessment: string | null;
  @ApiProperty() sentence: string;
}

export class SpreadDto {
  @ApiProperty({ enum: ['municipality', 'hospital'] }) among: string;
  @ApiProperty() count: number;
  @ApiProperty({ type: [UnitFigureDto] }) lowest: UnitFigureDto[];
  @ApiProperty({ type: [UnitFigureDto] }) highest: UnitFigureDto[];
  @ApiProperty() sentence: string;
}

export class TargetDto {
  @ApiProperty() target: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ description: 'Distance to the target, positive when met' }) margin: number;
  @ApiProperty() sentence: string;
}

export class ComparisonResponseDto {
  @ApiProperty() indicator: string;
  @ApiProperty() indicatorName: string;
  @ApiProperty() unit: string;
  @ApiProperty({ enum: ['higher', 'lower', 'none'] }) direction: string;
  @ApiProperty({ example: '2025-Q2' }) period: string;
  @ApiProperty({ example: 'Q2 2025' }) periodLabel: string;
  @ApiProperty() breakdown: string;
  @ApiProperty({ type: UnitFigureDto, nullable: true }) county: UnitFigureDto | null;
  @ApiProperty({ type: UnitFigureDto, nullable: true }) nation: UnitFigureDto | null;
  @ApiProperty({ type: VersusNationDto, nullable: true }) versusNation: VersusNationDto | null;
  @ApiProperty({ type: ChangeDto, nullable: true }) change: ChangeDto | null;
  @ApiProperty({ type: SpreadDto, nullable: true }) spread: SpreadDto | null;
  @ApiProperty({ type: [RankedFigureDto] }) delregionRanking: RankedFigureDto[];
  @ApiProperty({ type: TargetDto, nullable: true }) target: TargetDto | null;
  @ApiProperty({ type: [String], description: 'Swedish sentences in the style of the county report' }) sentences: string[];
}

export function mapComparison(comparison: IndicatorComparison): ComparisonResponseDto {
  const { indicator, period } = comparison;
  const figure = (value: UnitFigureValue): UnitFigureDto => ({
    code: value.code,
    name: value.name,
    value: value.value,
    formatted: formatIndicatorValue(value.value, indicator.unit),
    derived: value.derived,
  });
  const { versusNation, change, spread, target } = comparison;
  return {
    indicator: indicator.code,
    indicatorName: indicator.name,
    unit: indicator.unit,
    direction: indicator.direction,
    period: period.toString(),
    periodLabel: period.label('short'),
    breakdown: comparison.breakdown,
    county: comparison.county && figure(comparison.county),
    nation: comparison.nation && figure(comparison.nation),
    versusNation: versusNation && {
      difference: versusNation.difference, position: versusNation.position, assessment: versusNation.assessment, sentence: versusNation.sentence,
    },
    change: change && {
      previousPeriod: change.previousPeriod.toString(), previous: change.previous, current: change.current, delta: change.delta,
      trend: change.trend, assessment: change.assessment, sentence: change.sentence,
    },
    spread: spread && {
      among: spread.among, count: spread.count, lowest: spread.lowest.map((v) => figure(v as UnitFigureValue)),
      highest: spread.highest.map((v) => figure(v as UnitFigureValue)), sentence: spread.sentence,
    },
    delregionRanking: comparison.delregionRanking.map((ranked) => ({ ...figure(ranked), rank: ranked.rank })),
    target: target && { target: target.target, met: target.met, margin: target.margin, sentence: target.sentence },
    sentences: [versusNation?.sentence, change?.sentence, spread?.sentence, target?.sentence].filter((s): s is string => Boolean(s)),
  };
}
