import { Readable } from 'node:stream';
import { Controller, Get, Logger, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext } from '@arshjulet/core';
import { Authenticated, Permission } from '@arshjulet/org';
import { toCsvExportRow } from '../parse/csv-export-row.util.js';
import {
  IndicatorValueFilterDto, IndicatorValuePageDto, IndicatorValueQueryDto, mapIndicatorValue, VALUE_EXPORT_HEADER, valueExportLine,
} from './dto/indicator-value.dto.js';
import type { ValueRow } from './indicator-value.repository.js';
import { IndicatorValuesQueryService } from './indicator-values-query.service.js';

@ApiTags('indicator-values')
@Controller('api/v1/indicator-values')
export class IndicatorValuesController {
  constructor(private readonly values: IndicatorValuesQueryService) {}

  @Get()
  @Authenticated(Permission.IndicatorValueRead)
  @ApiOperation({
    summary: 'Indicator values, paged, ordered by indicator, org unit, period and breakdown',
    description: 'Matches are counted up to 10 000: `total` is exact while `totalExact` is true; beyond that it is 10 000 and '
      + '`totalExact` is false ("more than 10 000"). `hasMore` always tells whether a next page exists. For every figure at once, '
      + 'use the CSV export.',
  })
  @ApiOkResponse({ type: IndicatorValuePageDto })
  async list(@Ctx() ctx: RequestContext, @Query() query: IndicatorValueQueryDto): Promise<IndicatorValuePageDto> {
    const { rows, total, totalExact, hasMore } = await this.values.page(ctx, query, query.page, query.pageSize);
    return { items: rows.map(mapIndicatorValue), page: query.page, pageSize: query.pageSize, total, totalExact, hasMore };
  }

  @Get('export')
  @Authenticated(Permission.IndicatorValueRead)
  @ApiOperation({ summary: 'The same values as CSV for Excel (semicolons, decimal comma, UTF-8 with BOM); importable again' })
  @ApiProduces('text/csv')
  async export(@Ctx() ctx: RequestContext, @Query() query: IndicatorValueFilterDto): Promise<StreamableFile> {
    return csvFile(ctx, await this.values.stream(ctx, query));
  }
}

const logger = new Logger('IndicatorValueExport');

/**
 * The CSV download. An error after the headers (the database gone mid-file) is logged, and the response is
 * aborted rather than ended, so the client sees an incomplete transfer instead of a short file that looks whole.
 */
function csvFile(ctx: RequestContext, rows: AsyncGenerator<ValueRow>): StreamableFile {
  const file = new StreamableFile(Readable.from(csvLines(rows)), { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="indikatorvarden.csv"' });
  return file.setErrorHandler((error, response) => {
    logger.error({ err: error, requestId: ctx.requestId, headersSent: response.headersSent }, 'indicator value export failed while streaming');
    if (response.destroyed) return;
    if (response.headersSent) {
      response.destroy?.();
      return;
    }
    response.statusCode = 500;
    response.send('Exporten kunde inte skapas. Försök igen, och kontakta supporten om felet kvarstår.');
  });
}

async function* csvLines(rows: AsyncIterable<ValueRow>): AsyncGenerator<string> {
  yield `\ufeff${toCsvExportRow(VALUE_EXPORT_HEADER)}\r\n`;
  for await (const row of rows) yield `${valueExportLine(row)}\r\n`;
}
