import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DomainException, ErrorKind, type RequestContext } from '@arshjulet/core';
import type { Request } from 'express';
import { ImportBatchQueryService, type ImportBatchReport } from './import-batch-query.service.js';
import { ImportPreviewService } from './import-preview.service.js';
import { ImportUploadOptionsDto } from './dto/import-batch.dto.js';
import { abandonUpload, receiveUpload, whenClientGone } from './multipart-upload.js';

/** An HTTP upload into the preview pipeline: the multipart file part streams straight into the parser. */
@Injectable()
export class UploadImportService {
  constructor(
    private readonly preview: ImportPreviewService,
    private readonly query: ImportBatchQueryService,
  ) {}

  async previewUpload(ctx: RequestContext, request: Request): Promise<ImportBatchReport> {
    const upload = await receiveUpload(request, this.preview.maxBytes);
    try {
      const options = validOptions(upload.fields);
      const batch = await this.preview.previewFile(ctx, {
        source: upload.stream,
        fileName: upload.fileName,
        format: options.format,
        sheet: options.sheet,
        indicator: options.indicator,
        signal: whenClientGone(request),
      });
      return this.query.withSameFile(ctx, batch);
    } catch (error) {
      abandonUpload(request);
      upload.stream.resume();
      throw error;
    }
  }
}

function validOptions(fields: Record<string, string>): ImportUploadOptionsDto {
  const known = ['format', 'sheet', 'indicator'];
  const options = plainToInstance(ImportUploadOptionsDto, Object.fromEntries(Object.entries(fields).filter(([key, value]) => known.includes(key) && value !== '')));
  const errors = validateSync(options);
  if (errors.length > 0) {
    throw new DomainException(ErrorKind.BadRequest, {
      code: 'invalid_request',
      detail: 'Begäran innehåller fel. Se errors för vilka fält.',
      errors: errors.flatMap((error) => Object.values(error.constraints ?? {}).map((message) => ({ path: error.property, message }))),
    });
  }
  return options;
}
