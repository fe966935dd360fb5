import { formatIndicatorValue, formatNumber } from '../format/swedish-number.util.js';
import { parseSwedishNumber } from '../format/swedish-number.parser.js';
import { UNIT_SCALE, type IndicatorUnit } from '../format/indicator-unit.js';
import { Period, type PeriodKind } from '../period/period.js';
import { columnLetter } from './column-letter.util.js';
import { fieldProblems } from './field-guard.util.js';
import type { CatalogId, ImportCatalogLookup, ImportIndicator } from './import-catalog.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { quoted } from './quoted-text.util.js';

export type ValueStatus = 'final' | 'preliminary';

/** A row ready to store: catalogue ids resolved, numbers parsed, period canonical. */
export interface ValidIndicatorRow {
  line: number;
  indicatorId: CatalogId;
  indicatorCode: string;
  orgUnitId: CatalogId;
  orgUnitCode: string;
  period: string;
  periodKind: PeriodKind;
  value: number;
  /** True when the file gave no value and it was computed from numerator and denominator. */
  valueComputed: boolean;
  numerator: number | null;
  denominator: number | null;
  breakdown: string | null;
  status: ValueStatus;
  note: string | null;
}

export type RowField =
  | 'indicator'
  | 'orgUnit'
  | 'period'
  | 'value'
  | 'numerator'
  | 'denominator'
  | 'breakdown'
  | 'status'
  | 'note'
  | 'row';

export interface RowError {
  field: RowField;
  message: string;
}

export interface RowRejection {
  line: number;
  column?: number;
  errors: RowError[];
}

export type RowValidationResult = { ok: true; row: ValidIndicatorRow } | ({ ok: false } & RowRejection);

/** Units where the numerator counts a subset of the denominator, so it cannot exceed it. */
const SUBSET_UNITS: IndicatorUnit[] = ['percent', 'per_1000', 'per_100000'];

const STATUSES: Record<string, ValueStatus> = {
  final: 'final',
  slutlig: 'final',
  slutligt: 'final',
  definitiv: 'final',
  preliminary: 'preliminary',
  preliminär: 'preliminary',
  preliminärt: 'preliminary',
  prel: 'preliminary',
};

function text(value: string | number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value).trim();
}

function decimalsOf(raw: string | number): number {
  const match = String(raw).match(/[.,](\d+)\s*%?$/);
  return match ? match[1].length : 0;
}

/** "Rad 12: Okänd indikator ”XX01”. Värde: ”abc” är inget tal." – one line per rejected row for the user. */
export function describeRejection(rejection: RowRejection): string {
  const where = rejection.column ? `Rad ${rejection.line}, kolumn ${columnLetter(rejection.column)}` : `Rad ${rejection.line}`;
  return `${where}: ${rejection.errors.map((error) => error.message).join(' ')}`;
}

/**
 * Validates raw import rows one at a time against the catalogue. Stateful: it remembers each row's key
 * (indicator, org unit, period, breakdown) to reject a duplicate with the line of the first occurrence, so use
 * one validator per file.
 */
export class RowValidator {
  private readonly firstLineByKey = new Map<string, number>();
  /** A file has few distinct periods; each is parsed once. */
  private readonly periods = new Map<string, ReturnType<typeof Period.tryParse>>();

  constructor(private readonly catalog: ImportCatalogLookup) {}

  validate(raw: RawIndicatorRow): RowValidationResult {
    const unstorable = fieldProblems(raw);
    if (unstorable.length > 0) {
      // Nothing else is said about such a row: its other checks would repeat the hostile text.
      return { ok: false, line: raw.line, ...(raw.column ? { column: raw.column } : {}), errors: unstorable };
    }
    const errors: RowError[] = [];
    const fail = (field: RowField, message: string) => errors.push({ field, message });

    const indicatorText = text(raw.indicator);
    const indicator = indicatorText ? this.catalog.findIndicator(indicatorText) : undefined;
    if (!indicatorText) {
      fail('indicator', 'Indikator saknas.');
    } else if (!indicator) {
      fail('indicator', `Okänd indikator ”${quoted(indicatorText)}”.`);
    }

    const orgText = text(raw.orgUnit);
    const orgUnit = orgText ? this.catalog.findOrgUnit(orgText) : undefined;
    if (!orgText) {
      fail('orgUnit', 'Enhet saknas.');
    } else if (!orgUnit) {
      fail('orgUnit', `Okänd enhet ”${quoted(orgText)}”.`);
    }

    const period = this.parsePeriod(raw.period);
    if (!period.ok) {
      fail('period', period.reason);
    }

    const numbers = this.numbers(raw, indicator, fail);

    const statusText = text(raw.status).toLocaleLowerCase('sv');
    const status = statusText === '' ? 'final' : STATUSES[statusText];
    if (!status) {
      fail('status', `Okänd status ”${quoted(text(raw.status))}”. Använd slutlig eller preliminär (final/preliminary).`);
    }

    const breakdown = text(raw.breakdown) || null;
    if (errors.length === 0 && indicator && orgUnit && period.ok && numbers) {
      const key = [indicator.id, orgUnit.id, period.period.toString(), breakdown ?? ''].join('\u0000');
      const first = this.firstLineByKey.get(key);
      if (first !== undefined) {
        fail('row', `Samma indikator, enhet, period och uppdelning finns redan på rad ${first}.`);
      } else {
        this.firstLineByKey.set(key, raw.line);
      }
    }

    if (errors.length > 0 || !indicator || !orgUnit || !period.ok || !numbers || !status) {
      return { ok: false, line: raw.line, ...(raw.column ? { column: raw.column } : {}), errors };
    }
    return {
      ok: true,
      row: {
        line: raw.line,
        indicatorId: indicator.id,
        indicatorCode: indicator.code,
        orgUnitId: orgUnit.id,
        orgUnitCode: orgUnit.code,
        period: period.period.toString(),
        periodKind: period.period.kind,
        ...numbers,
        breakdown,
        status,
        note: text(raw.note) || null,
      },
    };
  }

  private parsePeriod(raw: string): ReturnType<typeof Period.tryParse> {
    let parsed = this.periods.get(raw);
    if (parsed === undefined) {
      parsed = Period.tryParse(raw);
      if (this.periods.size < 10_000) this.periods.set(raw, parsed);
    }
    return parsed;
  }

  private numbers(
    raw: RawIndicatorRow,
    indicator: ImportIndicator | undefined,
    fail: (field: RowField, message: string) => void,
  ): Pick<ValidIndicatorRow, 'value' | 'valueComputed' | 'numerator' | 'denominator'> | undefined {
    const problems = { count: 0 };
    const report = (field: RowField, message: string) => {
      problems.count++;
      fail(field, message);
    };
    const optional = (field: 'numerator' | 'denominator', label: string) => {
      if (text(raw[field]) === '') {
        return null;
      }
      const parsed = parseSwedishNumber(raw[field]);
      if (!parsed.ok) {
        report(field, `${label}: ${parsed.reason}.`);
        return null;
      }
      if (parsed.value < 0) {
        report(field, `${label} kan inte vara negativ (${formatNumber(parsed.value)}).`);
      }
      return parsed.value;
    };
    const numerator = optional('numerator', 'Täljare');
    const denominator = optional('denominator', 'Nämnare');
    if (problems.count > 0) {
      return undefined;
    }
    if ((numerator === null) !== (denominator === null)) {
      report('row', 'Både täljare och nämnare behövs när den ena anges.');
    } else if (denominator === 0) {
      report('denominator', 'Nämnaren får inte vara 0.');
    }

    const unit = indicator?.unit;
    const scale = unit ? UNIT_SCALE[unit] : undefined;
    const hasParts = numerator !== null && denominator !== null && denominator !== 0;
    if (hasParts && unit && SUBSET_UNITS.includes(unit) && numerator > denominator) {
      report('numerator', `Täljaren (${formatNumber(numerator)}) är större än nämnaren (${formatNumber(denominator)}).`);
    }
    if (problems.count > 0) {
      return undefined;
    }

    let value: number;
    let valueComputed = false;
    if (text(raw.value) === '') {
      if (!hasParts || scale === undefined) {
        report('value', 'Värde saknas.');
        return undefined;
      }
      value = (numerator / denominator) * scale;
      valueComputed = true;
    } else {
      const parsed = parseSwedishNumber(raw.value);
      if (!parsed.ok) {
        report('value', `Värde: ${parsed.reason}.`);
        return undefined;
      }
      value = parsed.value;
      if (hasParts && scale !== undefined) {
        const computed = (numerator / denominator) * scale;
        const tolerance = 0.5 * 10 ** -decimalsOf(raw.value as string | number) + 1e-9;
        if (Math.abs(computed - value) > tolerance) {
          report(
            'value',
            `Värdet ${formatIndicatorValue(value, unit!, { maxDecimals: 6 })} stämmer inte med täljare och nämnare ` +
              `(${formatNumber(numerator)} / ${formatNumber(denominator)} ger ${formatIndicatorValue(computed, unit!)}).`,
          );
        }
      }
    }

    if (unit === 'percent' && (value < 0 || value > 100)) {
      report('value', `Andelen ${formatIndicatorValue(value, 'percent', { maxDecimals: 6 })} ligger utanför 0–100\u00a0%.`);
    } else if (value < 0) {
      report(
        'value',
        unit === 'count'
          ? `Ett antal kan inte vara negativt (${formatNumber(value)}).`
          : `Värdet kan inte vara negativt (${formatNumber(value)}).`,
      );
    }
    return problems.count > 0 ? undefined : { value, valueComputed, numerator, denominator };
  }
}
