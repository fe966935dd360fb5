import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PagedQuery, PageMetaDto } from '@arshjulet/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min,
} from 'class-validator';
import type { DateWarning } from '../cycle-dates.js';
import type { Cycle } from '../cycle.entity.js';
import type { CycleOverview } from '../cycle-overview.service.js';
import type { CompilationRow } from '../cycle.repository.js';
import { CYCLE_ACTIONS, CYCLE_STATUSES, type CycleAction, type CycleStatus } from '../cycle-state.machine.js';
import { mapTask, TaskResponseDto } from '../../tasks/dto/task.dto.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = 'Ange ett datum som ÅÅÅÅ-MM-DD.';
const PERIOD = /^(\d{4}|\d{4}-Q[1-4]|\d{4}-(0[1-9]|1[0-2])|R12-\d{4}-(0[1-9]|1[0-2]))$/;
const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);

function DateField(): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ example: '2026-05-01' })(target, key);
    IsOptional()(target, key);
    Matches(DATE, { message: DATE_MESSAGE })(target, key);
  };
}

class CycleFieldsDto {
  @ApiPropertyOptional({ example: 'Årshjulet 2026' })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'Ange ett namn.' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: ['2025'], description: 'Data periods followed up; default: the year before' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(24)
  @Matches(PERIOD, { each: true, message: 'Ange perioder som 2025, 2025-Q3, 2025-03 eller R12-2025-09.' })
  dataPeriods?: string[];

  @DateField() planStart?: string;
  @DateField() planEnd?: string;
  @DateField() doStart?: string;
  @DateField() doEnd?: string;
  @DateField() studyStart?: string;
  @DateField() studyEnd?: string;
  @DateField() actStart?: string;
  @DateField() actEnd?: string;
  @DateField() analysisDueDate?: string;

  @ApiPropertyOptional({ example: ['avvikelser', 'in- och utskrivning', 'läkemedel'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  focusAreas?: string[];

  @ApiPropertyOptional({ example: ['IU03', 'HF01'], description: 'Indicator codes in scope; default every active indicator' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(32, { each: true })
  indicatorCodes?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A published template version id; default the one published most recently. Frozen at launch' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  templateVersion?: string | null;

  @ApiPropertyOptional({ type: [String], nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  carriedOverDecisions?: string[] | null;
}

export class CreateCycleDto extends CycleFieldsDto {
  @ApiProperty({ example: 2026 })
  @IsInt({ message: 'Ange ett årtal.' })
  @Min(2000)
  @Max(2100)
  year: number;
}

export class UpdateCycleDto extends CycleFieldsDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with the current cycle.' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CycleQueryDto extends PagedQuery(20, 100) {
  @ApiPropertyOptional({ enum: CYCLE_STATUSES })
  @IsOptional()
  @IsIn(CYCLE_STATUSES)
  status?: CycleStatus;
}

export class CycleTransitionDto {
  @ApiProperty({ enum: CYCLE_ACTIONS })
  @IsIn(CYCLE_ACTIONS, { message: `action måste vara en av: ${CYCLE_ACTIONS.join(', ')}` })
  action: CycleAction;

  @ApiPropertyOptional({ description: 'Required for reopen and override_review' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The version you read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class LaunchDto {
  @ApiPropertyOptional({ description: 'The version you read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DateWarningDto {
  @ApiProperty() path: string;
  @ApiProperty() date: string;
  @ApiProperty({ example: '2026-06-19 är midsommarafton.' }) message: string;
}

export class PhaseDto {
  @ApiProperty({ enum: ['plan', 'do', 'study', 'act'] }) phase: string;
  @ApiProperty() start: string;
  @ApiProperty() end: string;
}

export class CycleResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() year: number;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CYCLE_STATUSES }) status: CycleStatus;
  @ApiProperty({ type: [String] }) dataPeriods: string[];
  @ApiProperty({ type: [PhaseDto] }) phases: PhaseDto[];
  @ApiProperty() analysisDueDate: string;
  @ApiProperty({ type: [String] }) focusAreas: string[];
  @ApiProperty({ type: [String] }) indicatorCodes: string[];
  @ApiProperty({ nullable: true, type: String }) templateVersion: string | null;
  @ApiProperty({ nullable: true, type: [String] }) carriedOverDecisions: string[] | null;
  @ApiProperty({ nullable: true, type: String }) launchedAt: string | null;
  @ApiProperty({ type: [String] }) snapshotBatchIds: string[];
  @ApiProperty({ enum: CYCLE_ACTIONS, isArray: true, description: 'What you may do now' }) allowedActions: CycleAction[];
  @ApiProperty({ type: [DateWarningDto], description: 'Dates on a weekend or Swedish public holiday (saved anyway)' }) warnings: DateWarningDto[];
  @ApiProperty() version: number;
}

export class CyclePageDto extends PageMetaDto {
  @ApiProperty({ type: [CycleResponseDto] }) items: CycleResponseDto[];
}

export function mapCycle(cycle: Cycle, allowedActions: CycleAction[], warnings: DateWarning[] = []): CycleResponseDto {
  return {
    id: cycle.id,
    year: cycle.year,
    name: cycle.name,
    status: cycle.status,
    dataPeriods: cycle.dataPeriods,
    phases: [
      { phase: 'plan', start: cycle.planStart, end: cycle.planEnd },
      { phase: 'do', start: cycle.doStart, end: cycle.doEnd },
      { phase: 'study', start: cycle.studyStart, end: cycle.studyEnd },
      { phase: 'act', start: cycle.actStart, end: cycle.actEnd },
    ],
    analysisDueDate: cycle.analysisDueDate,
    focusAreas: cycle.focusAreas,
    indicatorCodes: cycle.indicatorCodes,
    templateVersion: cycle.templateVersion,
    carriedOverDecisions: cycle.carriedOverDecisions,
    launchedAt: cycle.launchedAt ? cycle.launchedAt.toISOString() : null,
    snapshotBatchIds: cycle.snapshotBatchIds,
    allowedActions,
    warnings: warnings.map(({ path, date, message }) => ({ path, date, message })),
    version: cycle.version,
  };
}

export class CompilationValueDto {
  @ApiProperty() indicatorCode: string;
  @ApiProperty() orgUnitCode: string;
  @ApiProperty() orgUnitType: string;
  @ApiProperty() period: string;
  @ApiProperty() periodStart: string;
  @ApiProperty() periodEnd: string;
  @ApiProperty() breakdown: string;
  @ApiProperty() value: number;
  @ApiProperty({ nullable: true, type: Number }) numerator: number | null;
  @ApiProperty({ nullable: true, type: Number }) denominator: number | null;
  @ApiProperty() status: string;
  @ApiProperty() derived: boolean;
  @ApiProperty({ nullable: true, type: String }) sourceBatchId: string | null;
}

export class CompilationDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: String, description: 'When it was frozen; null before launch (values empty)' }) frozenAt: string | null;
  @ApiProperty({ type: [String] }) dataPeriods: string[];
  @ApiProperty({ type: [String] }) sourceBatchIds: string[];
  @ApiProperty({ type: [CompilationValueDto] }) values: CompilationValueDto[];
}

export function mapCompilation(cycle: Cycle, values: CompilationRow[]): CompilationDto {
  return {
    cycleId: cycle.id,
    year: cycle.year,
    frozenAt: cycle.launchedAt ? cycle.launchedAt.toISOString() : null,
    dataPeriods: cycle.dataPeriods,
    sourceBatchIds: cycle.snapshotBatchIds,
    values,
  };
}

export class OverviewCountsDto {
  @ApiProperty() tasks: number;
  @ApiProperty({ description: 'Submitted or accepted' }) submitted: number;
  @ApiProperty() accepted: number;
  @ApiProperty() returned: number;
  @ApiProperty() overdue: number;
}

export class CycleOverviewDto {
  @ApiProperty({ type: CycleResponseDto }) cycle: CycleResponseDto;
  @ApiProperty({ nullable: true, enum: ['plan', 'do', 'study', 'act'] }) phaseToday: string | null;
  @ApiProperty({ type: OverviewCountsDto }) counts: OverviewCountsDto;
  @ApiProperty({ type: [TaskResponseDto], description: 'Per delregion: status, due date, days left or overdue, last activity, reminders sent' })
  tasks: TaskResponseDto[];
}

export function mapOverview(overview: CycleOverview, allowedActions: CycleAction[]): CycleOverviewDto {
  return {
    cycle: mapCycle(overview.cycle, allowedActions),
    phaseToday: overview.phaseToday,
    counts: overview.counts,
    tasks: overview.tasks.map(mapTask),
  };
}
