import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, type RequestContext } from '@arshjulet/core';
import { IndicatorCatalogueService } from '../../catalogue/indicator-catalogue.service.js';
import { IndicatorException } from '../../indicator.exception.js';
import { IndicatorImportErrorCode, IndicatorImportException } from '../../parse/indicator-import.exception.js';
import { parseKoladaJson, type KoladaResponse } from '../../parse/kolada-indicator.parser.js';
import type { RawIndicatorRow } from '../../parse/raw-indicator-row.js';
import type { ByteTap } from '../byte-tap.js';
import { ImportBatchQueryService, type ImportBatchReport } from '../import-batch-query.service.js';
import { ImportPreviewService } from '../import-preview.service.js';

export interface KoladaFetchRequest {
  /** Catalogue code of an indicator that has a Kolada KPI id. */
  indicator: string;
  years: number[];
  /** Kolada municipality ids (`1486`, `0014`); all when omitted. */
  municipalities?: string[];
}

const MAX_PAGES = 200;
const TIMEOUT_MS = 30_000;

/**
 * Pulls an indicator's values from the Kolada API (`/v2/data/kpi/{kpi}[/municipality/{ids}]/year/{years}`,
 * following `next_page`) into the same preview pipeline as an uploaded file. Only when KOLADA_BASE_URL is set.
 */
@Injectable()
export class KoladaFetcher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly catalogue: IndicatorCatalogueService,
    private readonly preview: ImportPreviewService,
    private readonly query: ImportBatchQueryService,
  ) {}

  /** Pages are fetched while their rows stream into staging; no transaction waits on Kolada (see ImportPreviewService). */
  async fetchAndPreview(ctx: RequestContext, request: KoladaFetchRequest, signal?: AbortSignal): Promise<ImportBatchReport> {
    const base = this.config.KOLADA_BASE_URL;
    if (!base) throw IndicatorException.koladaNotConfigured();
    const indicator = await this.catalogue.getByCode(ctx, request.indicator);
    if (!indicator.koladaKpiId) {
      throw IndicatorException.koladaUnavailable(`indikatorn ${indicator.code} har inget Kolada-id i katalogen.`);
    }
    const path = [
      'v2/data/kpi', encodeURIComponent(indicator.koladaKpiId),
      ...(request.municipalities?.length ? ['municipality', request.municipalities.map(encodeURIComponent).join(',')] : []),
      'year', request.years.join(','),
    ].join('/');
    const url = new URL(path, base.endsWith('/') ? base : `${base}/`);
    const batch = await this.preview.preview(ctx, {
      format: 'kolada',
      fileName: url.toString(),
      indicator: indicator.code,
      signal,
      open: (tap, maxBytes) => this.pages(url, tap, maxBytes, signal, (kpi) => (kpi === indicator.koladaKpiId ? indicator.code : undefined)),
    });
    return this.query.withSameFile(ctx, batch);
  }

  /** Rows of every page, numbered across pages; every byte goes through the tap (checksum, size limit). */
  private async *pages(first: URL, tap: ByteTap, maxBytes: number, signal: AbortSignal | undefined, mapKpi: (kpi: string) => string | undefined): AsyncGenerator<RawIndicatorRow> {
    let next: URL | null = first;
    let offset = 0;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const data = await this.fetchPage(next, tap, maxBytes, signal);
      for await (const row of parseKoladaJson(data, { mapKpi })) yield { ...row, line: row.line + offset };
      offset += data.values.reduce((sum, entry) => sum + (entry.values?.length ?? 0), 0);
      // Follow only links to the same server: the answer must not steer requests elsewhere.
      next = data.next_page ? new URL(data.next_page, first) : null;
      if (next && next.origin !== first.origin) throw IndicatorException.koladaUnavailable('nästa sida pekar på en annan server.');
    }
  }

  private async fetchPage(url: URL, tap: ByteTap, maxBytes: number, signal: AbortSignal | undefined): Promise<KoladaResponse> {
    let response: Response;
    try {
      const timeout = AbortSignal.timeout(TIMEOUT_MS);
      response = await fetch(url, { headers: { accept: 'application/json' }, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw IndicatorException.koladaUnavailable(error instanceof Error ? error.message : String(error));
    }
    if (!response.ok || !response.body) throw IndicatorException.koladaUnavailable(`svaret var HTTP ${response.status}.`);
    const parts: Buffer[] = [];
    for await (const chunk of tap.wrap(response.body as unknown as AsyncIterable<Uint8Array>)) {
      if (tap.byteSize > maxBytes) throw IndicatorException.tooLarge(maxBytes);
      parts.push(chunk);
    }
    try {
      const data = JSON.parse(Buffer.concat(parts).toString('utf8')) as KoladaResponse;
      if (!Array.isArray(data?.values)) throw new Error('no values');
      return data;
    } catch {
      throw new IndicatorImportException(IndicatorImportErrorCode.MALFORMED_JSON, 'Svaret från Kolada är inte giltig Kolada-JSON.');
    }
  }
}
