import { collect, failureOf } from './__fixtures__/fixtures.util.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { parseKoladaJson, type KoladaResponse } from './kolada-indicator.parser.js';

const answer: KoladaResponse = {
  count: 3,
  values: [
    {
      kpi: 'U00406',
      municipality: '0014',
      period: 2023,
      values: [
        { gender: 'T', value: 2832, count: 1, status: '' },
        { gender: 'K', value: 3010, count: 1, status: '' },
        { gender: 'M', value: null, count: 0, status: 'Missing' },
      ],
    },
    { kpi: 'U00406', municipality: '0000', period: 2023, values: [{ gender: 'T', value: 3421, count: 1, status: 'Preliminär' }] },
    { kpi: 'N99999', municipality: '1486', period: '2024', values: [{ gender: 'T', value: 28, count: 1, status: null }] },
  ],
};
const mapKpi = (kpi: string) => ({ U00406: 'HF01' })[kpi];

describe('parseKoladaJson', () => {
  it('maps KPIs, keeps Kolada municipality ids, turns gender into breakdowns and skips missing values', async () => {
    expect(await collect(parseKoladaJson(JSON.stringify(answer), { mapKpi }))).toEqual([
      { line: 1, indicator: 'HF01', orgUnit: '0014', period: '2023', value: 2832 },
      { line: 2, indicator: 'HF01', orgUnit: '0014', period: '2023', value: 3010, breakdown: 'gender:female' },
      { line: 4, indicator: 'HF01', orgUnit: '0000', period: '2023', value: 3421, note: 'Kolada-status: Preliminär' },
      { line: 5, indicator: 'N99999', orgUnit: '1486', period: '2024', value: 28 },
    ]);
  });

  it('accepts an already parsed answer', async () => {
    expect(await collect(parseKoladaJson(answer))).toHaveLength(4);
  });

  it.each([
    ['{"values": [', Code.MALFORMED_JSON, 'Svaret från Kolada är inte giltig JSON.'],
    ['{"count": 0}', Code.MALFORMED_JSON, 'Svaret från Kolada saknar listan ”values”.'],
    ['', Code.EMPTY_FILE, 'Filen är tom.'],
  ])('refuses %j', async (text, code, message) => {
    const error = await failureOf(() => collect(parseKoladaJson(text)));
    expect(error).toBeInstanceOf(IndicatorImportException);
    expect(error).toMatchObject({ code, message });
  });
});
