import { chunksOf, type ImportSource } from './import-source.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { guardInput } from './input-guard.util.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';

/** One entry of Kolada's `/v2/data/...` answer. */
export interface KoladaValue {
  kpi: string;
  municipality: string;
  period: number | string;
  values: { gender: 'T' | 'K' | 'M' | string; value: number | null; count?: number; status?: string | null }[];
}

export interface KoladaResponse {
  count?: number;
  values: KoladaValue[];
  next_page?: string;
}

export interface KoladaImportOptions {
  /** Kolada KPI id (`N00945`) → indicator code; when it returns undefined the KPI id is kept for the validator. */
  mapKpi?: (koladaKpiId: string) => string | undefined;
  maxBytes?: number;
}

/** `T` (total) is the value itself; women and men become breakdowns. */
export const KOLADA_GENDER_BREAKDOWN: Record<string, string | null> = {
  T: null,
  K: 'gender:female',
  M: 'gender:male',
};

async function readJson(source: ImportSource, maxBytes: number | undefined): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const chunk of guardInput(chunksOf(source), { expect: 'text', maxBytes })) {
    parts.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8').replace(/^\ufeff/, ''));
  } catch {
    throw new IndicatorImportException(Code.MALFORMED_JSON, 'Svaret från Kolada är inte giltig JSON.');
  }
}

function isKoladaResponse(data: unknown): data is KoladaResponse {
  return typeof data === 'object' && data !== null && Array.isArray((data as KoladaResponse).values);
}

/**
 * Rows from a Kolada API answer. `line` numbers the values in answer order. Values Kolada reports as missing
 * (`value: null`) are skipped: they are gaps, not errors the user can fix. A Kolada status other than empty is
 * kept in `note`, since Kolada's statuses are not our final/preliminary.
 *
 * The answer is parsed whole (Kolada pages at 5 000 values), bounded by `maxBytes`; rows are still yielded lazily.
 */
export async function* parseKoladaJson(
  source: ImportSource | KoladaResponse,
  options: KoladaImportOptions = {},
): AsyncGenerator<RawIndicatorRow> {
  const data = isKoladaResponse(source) ? source : await readJson(source as ImportSource, options.maxBytes);
  if (!isKoladaResponse(data)) {
    throw new IndicatorImportException(Code.MALFORMED_JSON, 'Svaret från Kolada saknar listan ”values”.');
  }
  let line = 0;
  for (const item of data.values) {
    const entry = (isObject(item) ? item : {}) as Partial<KoladaValue>;
    const measurements = Array.isArray(entry.values) ? entry.values : [];
    for (const candidate of measurements) {
      line++;
      const measurement = (isObject(candidate) ? candidate : {}) as Partial<KoladaValue['values'][number]>;
      if (measurement.value === null || measurement.value === undefined) {
        continue;
      }
      const gender = scalar(measurement.gender) || 'T';
      const breakdown = Object.hasOwn(KOLADA_GENDER_BREAKDOWN, gender) ? KOLADA_GENDER_BREAKDOWN[gender] : `gender:${gender}`;
      const status = scalar(measurement.status).trim();
      const kpi = scalar(entry.kpi);
      yield {
        line,
        indicator: options.mapKpi?.(kpi) ?? kpi,
        orgUnit: scalar(entry.municipality),
        period: scalar(entry.period),
        value: typeof measurement.value === 'number' ? measurement.value : scalar(measurement.value),
        ...(breakdown ? { breakdown } : {}),
        ...(status ? { note: `Kolada-status: ${status}` } : {}),
      };
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A field as text; JSON of the wrong type (an object, an array, `true`) becomes empty and is reported missing. */
function scalar(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';
}
