import { collect, fixtureStream } from './__fixtures__/fixtures.util.js';
import { testCatalog } from './__fixtures__/catalog.fixture.js';
import { parseIndicatorCsv } from './csv-indicator.parser.js';
import type { RawIndicatorRow } from './raw-indicator-row.js';
import { describeRejection, RowValidator, type ValidIndicatorRow } from './row-validator.js';

const NBSP = '\u00a0';
const MINUS = '\u2212';

function rejectionOf(rows: Partial<RawIndicatorRow>[]): string[] {
  const validator = new RowValidator(testCatalog());
  return rows.map((row, index) => {
    const result = validator.validate({ line: index + 2, indicator: 'SO02', orgUnit: 'Essunga', period: '2024', value: '73', ...row });
    return result.ok ? 'ok' : describeRejection(result);
  });
}

async function validRows(fixture: string): Promise<ValidIndicatorRow[]> {
  const validator = new RowValidator(testCatalog());
  const rows: ValidIndicatorRow[] = [];
  for (const raw of await collect(parseIndicatorCsv(fixtureStream(fixture)))) {
    const result = validator.validate(raw);
    if (!result.ok) {
      throw new Error(describeRejection(result));
    }
    rows.push(result.row);
  }
  return rows;
}

describe('RowValidator', () => {
  it('normalises a row: ids resolved, Swedish numbers parsed, period canonical', () => {
    const validator = new RowValidator(testCatalog());

    expect(
      validator.validate({
        line: 7, indicator: 'pc01', orgUnit: 'Västra Götaland', period: '2024', value: '62,6',
        numerator: '626', denominator: '1 000', status: 'Preliminär', note: ' HSB ', breakdown: '',
      }),
    ).toEqual({
      ok: true,
      row: {
        line: 7, indicatorId: 'i-pc01', indicatorCode: 'PC01', orgUnitId: 'o-14', orgUnitCode: '14', period: '2024',
        periodKind: 'year', value: 62.6, valueComputed: false, numerator: 626, denominator: 1000, breakdown: null,
        status: 'preliminary', note: 'HSB',
      },
    });
  });

  it('computes the value from numerator and denominator when the value cell is empty', () => {
    const result = new RowValidator(testCatalog()).validate({
      line: 2, indicator: 'HF01', orgUnit: '0014', period: '2023', value: null, numerator: '8 496', denominator: '300 000',
    });

    expect(result).toMatchObject({ ok: true, row: { value: 2832, valueComputed: true, status: 'final' } });
  });

  it('accepts the seed 001 table in wide and long form as the same 28 values', async () => {
    const key = (row: ValidIndicatorRow) => `${row.orgUnitCode} ${row.period} ${row.value}`;
    const wide = await validRows('iu03-hospitals-2025-wide.csv');
    const long = await validRows('iu03-hospitals-2025-long.csv');

    expect(wide).toHaveLength(28);
    expect(wide.map(key).sort()).toEqual(long.map(key).sort());
    expect(wide.find((row) => row.orgUnitCode === 'H-KS' && row.period === '2025-Q2')).toMatchObject({
      indicatorCode: 'IU03', line: 4, value: 15, periodKind: 'quarter',
    });
  });

  it.each<[string, Partial<RawIndicatorRow>, string]>([
    ['unknown indicator', { indicator: 'XX01' }, 'Rad 2: Okänd indikator ”XX01”.'],
    ['missing indicator', { indicator: '' }, 'Rad 2: Indikator saknas.'],
    ['unknown org unit', { orgUnit: 'Totalt' }, 'Rad 2: Okänd enhet ”Totalt”.'],
    ['missing org unit', { orgUnit: ' ' }, 'Rad 2: Enhet saknas.'],
    ['bad period', { period: '2024-Q5' }, 'Rad 2: ”2024-Q5”: kvartalet ska vara 1–4.'],
    ['bad number', { value: '1,234,5' }, 'Rad 2: Värde: ”1,234,5” har flera decimaltecken – skriv tusental med mellanslag, t.ex. 1 234,5.'],
    ['missing value', { value: null }, 'Rad 2: Värde saknas.'],
    ['percent above 100', { value: '112' }, `Rad 2: Andelen 112${NBSP}% ligger utanför 0–100${NBSP}%.`],
    ['negative percent', { value: '-0,5' }, `Rad 2: Andelen ${MINUS}0,5${NBSP}% ligger utanför 0–100${NBSP}%.`],
    ['negative count', { indicator: 'SIP02', period: '2025-03', value: '−3' }, `Rad 2: Ett antal kan inte vara negativt (${MINUS}3).`],
    ['negative days', { indicator: 'IU02', period: '2025', value: '-1,1' }, `Rad 2: Värdet kan inte vara negativt (${MINUS}1,1).`],
    ['numerator above denominator', { numerator: '626', denominator: '500', value: null }, 'Rad 2: Täljaren (626) är större än nämnaren (500).'],
    ['only a numerator', { numerator: '626' }, 'Rad 2: Både täljare och nämnare behövs när den ena anges.'],
    ['zero denominator', { numerator: '0', denominator: '0' }, 'Rad 2: Nämnaren får inte vara 0.'],
    ['bad denominator', { numerator: '1', denominator: 'många' }, 'Rad 2: Nämnare: ”många” är inget tal.'],
    ['value not matching its parts', { value: '70', numerator: '626', denominator: '1000' }, `Rad 2: Värdet 70${NBSP}% stämmer inte med täljare och nämnare (626 / 1${NBSP}000 ger 62,6${NBSP}%).`],
    ['unknown status', { status: 'klar' }, 'Rad 2: Okänd status ”klar”. Använd slutlig eller preliminär (final/preliminary).'],
    ['several problems at once', { indicator: 'XX01', orgUnit: 'Totalt', period: 'i fjol' }, 'Rad 2: Okänd indikator ”XX01”. Okänd enhet ”Totalt”. ”i fjol” är ingen giltig period. Använd t.ex. 2025, 2025-Q3, 2025-03 eller R12-2025-09.'],
  ])('rejects %s with line and Swedish reason', (_, row, message) => {
    expect(rejectionOf([row])).toEqual([message]);
  });

  it('accepts a value rounded from its parts, and a ratio above 1', () => {
    expect(rejectionOf([
      { value: '63', numerator: '313', denominator: '500' },
      { indicator: 'IU08', period: '2025-03', value: '1,3', numerator: '130', denominator: '100' },
    ])).toEqual(['ok', 'ok']);
  });

  it('points at the first line of a duplicate, also when it is written differently', () => {
    expect(rejectionOf([
      { orgUnit: 'Essunga', period: '2024' },
      { orgUnit: 'Strömstad', period: '2024' },
      { orgUnit: '1445', period: '2024', value: '70' },
      { orgUnit: 'Essunga', period: '2024', breakdown: 'gender:female' },
    ])).toEqual(['ok', 'ok', 'Rad 4: Samma indikator, enhet, period och uppdelning finns redan på rad 2.', 'ok']);
  });

  it('names the column for a rejected cell of the wide layout', () => {
    const result = new RowValidator(testCatalog()).validate({
      line: 9, column: 3, indicator: 'IU03', orgUnit: 'Totalt', period: 'Q2 2025', value: '9',
    });

    expect(result.ok ? 'ok' : describeRejection(result)).toBe('Rad 9, kolumn C: Okänd enhet ”Totalt”.');
  });
});
