import { Injectable, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { CompilationModel, ReportModel } from '../model/report-model.js';
import { PdfPrinter } from '../render/pdf-printer.js';
import { ReportRenderer } from '../render/report-renderer.js';
import { ReportException } from '../report.exception.js';

export const REPORT_FORMATS = ['json', 'html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type DocumentFormat = Exclude<ReportFormat, 'json'>;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const MEDIA_TYPES: Record<string, ReportFormat> = {
  'application/json': 'json',
  'application/*': 'json',
  'text/html': 'html',
  'text/*': 'html',
  'application/pdf': 'pdf',
  [XLSX_MIME]: 'xlsx',
};

/** A report or compilation ready to answer in any format: its model (JSON, XLSX) and its HTML (stored or rendered on demand). */
export interface ReportDocument<M extends ReportModel | CompilationModel = ReportModel> {
  model: M;
  preliminary: boolean;
  /** Without extension, e.g. `lansrapport-2025-v3`. */
  fileName: string;
  html: () => string;
}

/**
 * The format asked for: `?format=` wins (html, pdf, xlsx, json), else the Accept header by its q-values, else
 * `fallback`. An unknown `?format` or an Accept naming nothing we make is refused with a Swedish message (400).
 */
export function negotiateFormat(format: unknown, accept: string | undefined, fallback: ReportFormat = 'json'): ReportFormat {
  if (format !== undefined && format !== '') {
    if (typeof format === 'string' && (REPORT_FORMATS as readonly string[]).includes(format.toLowerCase())) return format.toLowerCase() as ReportFormat;
    throw ReportException.unknownFormat(typeof format === 'string' ? format : String(format));
  }
  if (!accept?.trim()) return fallback;
  const ranges = accept
    .split(',')
    .map((part, index) => {
      const [type = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = Number(params.find((param) => param.startsWith('q='))?.slice(2) ?? '1');
      return { type, q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    if (range.type === '*/*') return fallback;
    const found = MEDIA_TYPES[range.type];
    if (found) return found;
  }
  throw ReportException.notAcceptable();
}

/** Turns a document into the bytes of a format and answers with them: HTML inline, PDF and XLSX as downloads. */
@Injectable()
export class ReportOutput {
  constructor(
    private readonly renderer: ReportRenderer,
    private readonly printer: PdfPrinter,
  ) {}

  async body(format: DocumentFormat, document: ReportDocument<ReportModel | CompilationModel>): Promise<{ contentType: string; body: string | Buffer; fileName: string }> {
    switch (format) {
      case 'html':
        return { contentType: 'text/html; charset=utf-8', body: document.html(), fileName: `${document.fileName}.html` };
      case 'pdf':
        return { contentType: 'application/pdf', body: await this.printer.print(document.html(), { preliminary: document.preliminary }), fileName: `${document.fileName}.pdf` };
      case 'xlsx':
        return { contentType: XLSX_MIME, body: await this.renderer.xlsx(document.model), fileName: `${document.fileName}.xlsx` };
    }
  }

  /** Sets the headers on `response` and gives the body for Nest to send (a passthrough response). */
  async answer(response: Response, format: DocumentFormat, document: ReportDocument<ReportModel | CompilationModel>): Promise<string | StreamableFile> {
    const { contentType, body, fileName } = await this.body(format, document);
    response.setHeader('Content-Type', contentType);
    response.setHeader('Vary', 'Accept');
    if (typeof body === 'string') return body;
    return new StreamableFile(body, { type: contentType, disposition: `attachment; filename="${fileName}"`, length: body.length });
  }
}
