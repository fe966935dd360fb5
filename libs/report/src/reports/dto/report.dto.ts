import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import type { ReportOverview } from '../report-documents.service.js';
import type { PublishedSummary, VersionSummary } from '../report.repository.js';
import { REPORT_ACTIONS, REPORT_MACHINE, type ReportAction } from '../report-state.machine.js';

export class ReportTransitionDto {
  @ApiProperty({ enum: REPORT_ACTIONS })
  @IsIn(REPORT_ACTIONS, { message: `action måste vara en av: ${REPORT_ACTIONS.join(', ')}` })
  action: ReportAction;

  @ApiPropertyOptional({ description: 'Required for revise' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ description: 'The report version you read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class OwnSectionsDto {
  @ApiProperty({ description: 'Slutsatser och reflektioner (Markdown)' })
  @IsString({ message: 'Slutsatserna ska vara text.' })
  @MaxLength(50_000, { message: 'Slutsatserna får vara högst 50 000 tecken.' })
  conclusions: string;

  @ApiProperty({ description: 'Frågor inför kommande år (Markdown)' })
  @IsString({ message: 'Frågorna ska vara text.' })
  @MaxLength(50_000, { message: 'Frågorna får vara högst 50 000 tecken.' })
  questions: string;
}

export class ReportVersionDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty() state: string;
  @ApiProperty() stateLabel: string;
  @ApiProperty() preliminary: boolean;
  @ApiProperty({ description: 'save or the transition that froze it' }) action: string;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
}

export class ReportDto {
  @ApiProperty() cycleId: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: 'draft when nobody has assembled the report yet' }) state: string;
  @ApiProperty() stateLabel: string;
  @ApiProperty({ description: 'Send it back as If-Match (own sections) or `version` (transitions); 0 before the report exists' }) version: number;
  @ApiProperty({ nullable: true, type: Object, description: 'Conclusions and questions (Markdown); only for those who manage the report' })
  ownSections: { conclusions: string; questions: string } | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the latest version you may read is preliminary' }) preliminary: boolean | null;
  @ApiProperty({ type: [ReportVersionDto] }) versions: ReportVersionDto[];
  @ApiProperty({ type: [String] }) allowedActions: string[];
}

export class PublishedReportDto {
  @ApiProperty() year: number;
  @ApiProperty() name: string;
  @ApiProperty() version: number;
  @ApiProperty() publishedAt: string;
  @ApiProperty() href: string;
}

export function mapVersion(version: VersionSummary): ReportVersionDto {
  return {
    id: version.id,
    number: version.number,
    state: version.state,
    stateLabel: REPORT_MACHINE.stateLabel(version.state),
    preliminary: version.preliminary,
    action: version.action,
    reason: version.reason,
    createdAt: new Date(version.createdAt).toISOString(),
    createdBy: version.createdByName,
  };
}

export function mapReport(overview: ReportOverview, allowedActions: readonly string[]): ReportDto {
  const state = overview.report?.state ?? 'draft';
  return {
    cycleId: overview.cycle.id,
    year: overview.cycle.year,
    state,
    stateLabel: REPORT_MACHINE.stateLabel(state),
    version: overview.report?.version ?? 0,
    ownSections: overview.canManage ? (overview.report?.ownSections ?? { conclusions: '', questions: '' }) : null,
    preliminary: overview.versions[0]?.preliminary ?? null,
    versions: overview.versions.map(mapVersion),
    allowedActions: [...allowedActions],
  };
}

export function mapPublished(row: PublishedSummary): PublishedReportDto {
  return { year: row.year, name: row.cycleName, version: row.number, publishedAt: new Date(row.publishedAt).toISOString(), href: `/rapporter/${row.year}` };
}
