import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PagedQuery, PageMetaDto } from '@arshjulet/core';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { formatNumber } from '../../format/swedish-number.util.js';
import { ImportBatch, MAX_STORED_REJECTIONS, type ImportBatchStatus, type ImportFormat } from '../import-batch.entity.js';
import type { ImportBatchReport } from '../import-batch-query.service.js';
import { IMPORT_FORMATS } from '../import-file.parser.js';

const STATUSES: ImportBatchStatus[] = ['previewed', 'committed', 'discarded'];

/** Form fields that may accompany the uploaded file (send them before the file part). */
export class ImportUploadOptionsDto {
  @ApiPropertyOptional({ enum: IMPORT_FORMATS, description: 'Defaults from the file name: .xlsx, .json (Kolada), else CSV' })
  @IsOptional()
  @IsIn(IMPORT_FORMATS, { message: `format must be one of: ${IMPORT_FORMATS.join(', ')}` })
  format?: ImportFormat;

  @ApiPropertyOptional({ description: 'Worksheet of an XLSX file; the first when omitted' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  sheet?: string;

  @ApiPropertyOptional({ description: 'Indicator code for files with one column per period (wide layout)', example: 'IU03' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'indicator must be an indicator code such as IU03' })
  indicator?: string;
}

export class ImportBatchQueryDto extends PagedQuery(50, 200) {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ImportBatchStatus;

}

export class RowErrorDto {
  @ApiProperty({ enum: ['indicator', 'orgUnit', 'period', 'value', 'numerator', 'denominator', 'breakdown', 'status', 'note', 'row'] }) field: string;
  @ApiProperty() message: string;
}

export class RejectedRowDto {
  @ApiProperty() line: number;
  @ApiPropertyOptional({ description: 'Column of the value, for files with one column per period' }) column?: number;
  @ApiProperty({ type: [RowErrorDto] }) errors: RowErrorDto[];
  @ApiProperty({ example: 'Rad 12: Okänd enhet ”Kungälv sjukhus”.' }) message: string;
}

export class ChangedValueDto {
  @ApiProperty() line: number;
  @ApiProperty() indicator: string;
  @ApiProperty() orgUnit: string;
  @ApiProperty() period: string;
  @ApiProperty() breakdown: string;
  @ApiProperty() oldValue: number;
  @ApiProperty() newValue: number;
}

export class ImportBatchSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: STATUSES }) status: ImportBatchStatus;
  @ApiProperty({ enum: IMPORT_FORMATS }) format: ImportFormat;
  @ApiProperty() fileName: string;
  @ApiProperty({ nullable: true, type: String }) sheet: string | null;
  @ApiProperty({ nullable: true, type: String }) indicator: string | null;
  @ApiProperty({ description: 'SHA-256 of the file, hex' }) checksum: string;
  @ApiProperty() byteSize: number;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) committedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) discardedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) closedBy: string | null;
  @ApiProperty({ description: 'Values read from the file, valid or not' }) rowCount: number;
  @ApiProperty() insertCount: number;
  @ApiProperty() updateCount: number;
  @ApiProperty() unchangedCount: number;
  @ApiProperty() rejectedCount: number;
  @ApiProperty({ description: 'Derived delregion/county figures written or removed by the commit' }) derivedCount: number;
  @ApiProperty({ description: 'Whether POST …/commit would be accepted' }) committable: boolean;
  @ApiProperty() version: number;
}

export class ImportBatchReportDto extends ImportBatchSummaryDto {
  @ApiProperty({ description: 'Swedish one-paragraph summary of the preview or result' }) summary: string;
  @ApiProperty({ type: [RejectedRowDto], description: `Every rejected row, up to the first ${MAX_STORED_REJECTIONS}` }) rejectedRows: RejectedRowDto[];
  @ApiProperty({ description: 'Rejected rows counted but not listed (beyond the first 1 000)' }) rejectedNotListed: number;
  @ApiProperty({ type: [ChangedValueDto], description: 'Examples of figures the commit changes (first 100 by line)' }) changes: ChangedValueDto[];
  @ApiProperty({ nullable: true, type: String, description: 'A committed batch with exactly the same file contents' }) sameFileAs: string | null;
}

export class ImportBatchPageDto extends PageMetaDto {
  @ApiProperty({ type: [ImportBatchSummaryDto] }) items: ImportBatchSummaryDto[];
}

export function mapImportBatchSummary(batch: ImportBatch): ImportBatchSummaryDto {
  return {
    id: batch.id,
    status: batch.status,
    format: batch.format,
    fileName: batch.fileName,
    sheet: batch.sheet,
    indicator: batch.indicatorCode,
    checksum: batch.checksum,
    byteSize: batch.byteSize,
    createdBy: batch.createdByLabel,
    createdAt: batch.createdAt.toISOString(),
    committedAt: batch.committedAt?.toISOString() ?? null,
    discardedAt: batch.discardedAt?.toISOString() ?? null,
    closedBy: batch.closedByLabel,
    rowCount: batch.rowCount,
    insertCount: batch.insertCount,
    updateCount: batch.updateCount,
    unchangedCount: batch.unchangedCount,
    rejectedCount: batch.rejectedCount,
    derivedCount: batch.derivedCount,
    committable: batch.status === 'previewed' && batch.rejectedCount === 0,
    version: batch.version,
  };
}

export function mapImportBatchReport({ batch, sameFileAs }: ImportBatchReport): ImportBatchReportDto {
  return {
    ...mapImportBatchSummary(batch),
    summary: summarizeImport(batch),
    rejectedRows: batch.rejectedRows,
    rejectedNotListed: Math.max(0, batch.rejectedCount - batch.rejectedRows.length),
    changes: batch.changes,
    sameFileAs: sameFileAs?.id ?? null,
  };
}

const count = (n: number, one: string, many: string) => `${formatNumber(n, { plain: true })} ${n === 1 ? one : many}`;

/** "Filen har 28 värden: 28 nya, 0 ändrade, 0 oförändrade, 0 avvisade. Importen kan genomföras." */
export function summarizeImport(batch: ImportBatch): string {
  const counts =
    `${count(batch.insertCount, 'nytt', 'nya')}, ${count(batch.updateCount, 'ändrat', 'ändrade')}, ` +
    `${count(batch.unchangedCount, 'oförändrat', 'oförändrade')}, ${count(batch.rejectedCount, 'avvisat', 'avvisade')}`;
  const head = `Filen har ${count(batch.rowCount, 'värde', 'värden')}: ${counts}.`;
  switch (batch.status) {
    case 'committed':
      return `${head} Importen är genomförd${batch.derivedCount > 0 ? `; ${count(batch.derivedCount, 'beräknat värde', 'beräknade värden')} för delregioner och län uppdaterades` : ''}.`;
    case 'discarded':
      return `${head} Importen är förkastad; inget sparades.`;
    default:
      if (batch.rejectedCount > 0) return `${head} Rätta de avvisade raderna och ladda upp filen igen; inget importeras förrän alla rader är giltiga.`;
      if (batch.insertCount + batch.updateCount === 0) return `${head} Alla värden finns redan; att genomföra importen ändrar inget.`;
      return `${head} Importen kan genomföras.`;
  }
}
