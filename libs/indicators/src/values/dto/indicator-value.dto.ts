import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PagedQuery, PageMetaDto } from '@arshjulet/core';
import { IsOptional, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import { isIndicatorUnit } from '../../format/indicator-unit.js';
import { formatIndicatorValue } from '../../format/swedish-number.util.js';
import { toCsvExportRow } from '../../parse/csv-export-row.util.js';
import { Period } from '../../period/period.js';
import { TOTAL_CAP, type ValueRow } from '../indicator-value.repository.js';

const CODE = /^[\p{L}\p{N}_-]{1,32}$/u;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2025-02-28` yes, `2025-13-45` and `2025-02-30` no. */
export function isIsoDay(text: string): boolean {
  const match = ISO_DAY.exec(text);
  if (!match) return false;
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return day.toISOString().slice(0, 10) === text;
}

/** A period the importer reads; with `orDay`, also a calendar day (YYYY-MM-DD). Checked before any query runs. */
function IsPeriod(orDay: boolean) {
  return ValidateBy({
    name: orDay ? 'isPeriodOrDay' : 'isPeriod',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && ((orDay && isIsoDay(value)) || (!ISO_DAY.test(value) && Period.tryParse(value).ok)),
      // The same Swedish reason the period parser gives everywhere else.
      defaultMessage: (args) => {
        const text = String(args?.value ?? '');
        if (ISO_DAY.test(text)) return `”${text}” är ${orDay ? 'inget giltigt datum (ÅÅÅÅ-MM-DD)' : 'ingen period'}.`;
        const parsed = Period.tryParse(text);
        return parsed.ok ? '' : parsed.reason;
      },
    },
  });
}

export class IndicatorValueFilterDto {
  @ApiPropertyOptional({ example: 'IU03', description: 'Indicator code' })
  @IsOptional()
  @Matches(CODE, { message: 'indicator must be an indicator code such as IU03' })
  indicator?: string;

  @ApiPropertyOptional({ example: 'H-KS', description: 'Org unit code (`SE`, `14`, `DR-SIMBA`, `1482`, `H-KS`)' })
  @IsOptional()
  @Matches(CODE, { message: 'orgUnit must be an org unit code such as 1482 or H-KS' })
  orgUnit?: string;

  @ApiPropertyOptional({ example: '2025-Q2', description: 'Exactly this period' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @IsPeriod(false)
  period?: string;

  @ApiPropertyOptional({ example: '2024', description: 'Periods starting on or after this period (or day, YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @IsPeriod(true)
  from?: string;

  @ApiPropertyOptional({ example: '2025-Q2', description: 'Periods ending on or before this period (or day)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  @IsPeriod(true)
  to?: string;

  @ApiPropertyOptional({ description: "Breakdown; '' (send `breakdown=`) for totals only" })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  breakdown?: string;
}

export class IndicatorValueQueryDto extends IntersectionType(IndicatorValueFilterDto, PagedQuery(100, 1000)) {
}

export class IndicatorValueResponseDto {
  @ApiProperty() indicator: string;
  @ApiProperty() indicatorName: string;
  @ApiProperty() orgUnit: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty() orgUnitType: string;
  @ApiProperty({ example: '2025-Q2' }) period: string;
  @ApiProperty({ enum: ['year', 'quarter', 'month', 'rolling12'] }) periodKind: string;
  @ApiProperty({ example: 'Q2 2025' }) periodLabel: string;
  @ApiProperty({ description: "'' for the total" }) breakdown: string;
  @ApiProperty() value: number;
  @ApiProperty({ example: '62,6 %', description: 'The value as shown in Swedish' }) formatted: string;
  @ApiProperty({ nullable: true, type: Number }) numerator: number | null;
  @ApiProperty({ nullable: true, type: Number }) denominator: number | null;
  @ApiProperty({ enum: ['final', 'preliminary'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'Computed from member municipalities, not reported' }) derived: boolean;
  @ApiProperty({ nullable: true, type: String }) sourceBatchId: string | null;
  @ApiProperty() updatedAt: string;
  @ApiProperty() version: number;
}

export class IndicatorValuePageDto extends PageMetaDto {
  @ApiProperty({ type: [IndicatorValueResponseDto] }) items: IndicatorValueResponseDto[];
  @ApiProperty({ description: `Matching items in all pages, counted up to ${TOTAL_CAP}: exact while \`totalExact\`; otherwise ${TOTAL_CAP}, and there are more` })
  declare total: number;
  @ApiProperty({ description: `False when more than ${TOTAL_CAP} items match (\`total\` is then ${TOTAL_CAP}, a lower bound)` }) totalExact: boolean;
  @ApiProperty({ description: 'Another page follows this one (exact, also when the total is not)' }) hasMore: boolean;
}

const num = (value: string | null): number | null => (value === null ? null : Number(value));

export function mapIndicatorValue(row: ValueRow): IndicatorValueResponseDto {
  const value = Number(row.value);
  return {
    indicator: row.indicator_code,
    indicatorName: row.indicator_name,
    orgUnit: row.org_unit_code,
    orgUnitName: row.org_unit_name,
    orgUnitType: row.org_unit_type,
    period: row.period,
    periodKind: row.period_kind,
    periodLabel: Period.parse(row.period).label('short'),
    breakdown: row.breakdown,
    value,
    formatted: isIndicatorUnit(row.unit) ? formatIndicatorValue(value, row.unit) : String(value),
    numerator: num(row.numerator),
    denominator: num(row.denominator),
    status: row.status,
    note: row.note,
    derived: row.derived,
    sourceBatchId: row.source_batch_id,
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

/** The export's status column in Swedish ("slutlig", not "final"); the importer reads both. */
const VALUE_STATUS_SV: Record<string, string> = { final: 'slutlig', preliminary: 'preliminär' };

/** Swedish headers the importer also reads, so an export can be edited and imported again. */
export const VALUE_EXPORT_HEADER = [
  'indikator', 'indikatornamn', 'enhet', 'enhetsnamn', 'period', 'uppdelning', 'värde', 'täljare', 'nämnare', 'status', 'beräknad', 'kommentar',
];

/** One CSV line (`;`, decimal comma) with every text cell escaped against formula injection. */
export function valueExportLine(row: ValueRow): string {
  return toCsvExportRow([
    row.indicator_code, row.indicator_name, row.org_unit_code, row.org_unit_name, row.period, row.breakdown,
    Number(row.value), num(row.numerator), num(row.denominator), VALUE_STATUS_SV[row.status] ?? row.status, row.derived ? 'ja' : 'nej', row.note,
  ]);
}
