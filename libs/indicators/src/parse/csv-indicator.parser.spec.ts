import { collect, failureOf, fixtureStream } from './__fixtures__/fixtures.util.js';
import { parseIndicatorCsv } from './csv-indicator.parser.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';

const parseAll = (source: Parameters<typeof parseIndicatorCsv>[0], options = {}) =>
  collect(parseIndicatorCsv(source, options));

async function importError(source: Parameters<typeof parseIndicatorCsv>[0], options = {}) {
  const error = await failureOf(() => parseAll(source, options));
  expect(error).toBeInstanceOf(IndicatorImportException);
  const { code, message, line } = error as IndicatorImportException;
  return { code, message, line };
}

describe('parseIndicatorCsv – seed 001 hospital table (IU03, 2025)', () => {
  it('reads the wide form as Excel saves it: BOM, CRLF, semicolons, decimal comma, indicator above the header', async () => {
    const rows = await parseAll(fixtureStream('iu03-hospitals-2025-wide.csv'));

    expect(rows).toHaveLength(28);
    expect(rows[0]).toEqual({
      line: 3, column: 2, indicator: 'IU03', orgUnit: 'Alingsås Lasarett', period: 'Q1 2025', value: '3,7',
    });
    expect(rows.find((row) => row.orgUnit === "Kungälv's sjukhus" && row.period === 'Q2 2025')).toEqual({
      line: 4, column: 3, indicator: 'IU03', orgUnit: "Kungälv's sjukhus", period: 'Q2 2025', value: '15',
    });
    expect(rows.at(-1)).toEqual({
      line: 9, column: 5, indicator: 'IU03', orgUnit: 'Västra Götaland', period: 'Q4 2025', value: '7,7',
    });
  });

  it('reads the long form with Swedish headers', async () => {
    const rows = await parseAll(fixtureStream('iu03-hospitals-2025-long.csv'));

    expect(rows).toHaveLength(28);
    expect(rows[1]).toEqual({ line: 3, indicator: 'IU03', orgUnit: 'H-ALS', period: '2025-Q2', value: '4' });
    expect(rows[27]).toEqual({ line: 29, indicator: 'IU03', orgUnit: '14', period: '2025-Q4', value: '7,7' });
  });
});

describe('parseIndicatorCsv – long layout', () => {
  it('reads the documented comma format with all optional columns, quotes and a field spanning lines', async () => {
    const csv =
      '\ufeffINDICATOR,Org_Unit,Period,Value,Numerator,Denominator,Breakdown,Status,Note\r\n' +
      'PC01,14,2024,"62,6",626,1000,,preliminary,"Källa: ""Hälso- och\r\nsjukvårdsbarometern"""\r\n' +
      '\r\n' +
      'HF01,SE,2023,3421,,,,,\r\n';

    expect(await parseAll(csv)).toEqual([
      {
        line: 2, indicator: 'PC01', orgUnit: '14', period: '2024', value: '62,6', numerator: '626',
        denominator: '1000', breakdown: null, status: 'preliminary', note: 'Källa: "Hälso- och\r\nsjukvårdsbarometern"',
      },
      {
        line: 5, indicator: 'HF01', orgUnit: 'SE', period: '2023', value: '3421', numerator: null,
        denominator: null, breakdown: null, status: null, note: null,
      },
    ]);
  });

  it('accepts Swedish header names in any order and ignores columns it does not know', async () => {
    const csv = 'Värde;Period;Källa;Organisation;Indikator;Kommentar\n28;2024;SKR;Strömstad;SO02;lågt\n';

    expect(await parseAll(csv)).toEqual([
      { line: 2, indicator: 'SO02', orgUnit: 'Strömstad', period: '2024', value: '28', note: 'lågt' },
    ]);
  });

  it('takes the indicator from the import when the file has no indicator column', async () => {
    const rows = await parseAll('enhet\tperiod\tvärde\nEssunga\t2024\t73\n', { indicator: 'SO02' });

    expect(rows).toEqual([{ line: 2, indicator: 'SO02', orgUnit: 'Essunga', period: '2024', value: '73' }]);
  });

  it('skips empty rows Excel writes as bare separators', async () => {
    const rows = await parseAll('indikator;enhet;period;värde\n;;;\nSO02;Essunga;2024;73\n');

    expect(rows.map((row) => row.line)).toEqual([3]);
  });
});

describe('parseIndicatorCsv – wide layout', () => {
  it('accepts an empty first header cell as in a table pasted from a slide, and skips empty cells', async () => {
    const csv = '\t2024\t2025\nStrömstad\t28\t\nEssunga\t73\t70\n';

    expect(await parseAll(csv, { indicator: 'SO02' })).toEqual([
      { line: 2, column: 2, indicator: 'SO02', orgUnit: 'Strömstad', period: '2024', value: '28' },
      { line: 3, column: 2, indicator: 'SO02', orgUnit: 'Essunga', period: '2024', value: '73' },
      { line: 3, column: 3, indicator: 'SO02', orgUnit: 'Essunga', period: '2025', value: '70' },
    ]);
  });

  it('reads "indikator:" with the code in the next cell', async () => {
    const rows = await parseAll('Indikator:,IU03\norg_unit,2025-Q1\nH-ALS,"3,7"\n');

    expect(rows).toEqual([{ line: 3, column: 2, indicator: 'IU03', orgUnit: 'H-ALS', period: '2025-Q1', value: '3,7' }]);
  });
});

describe('parseIndicatorCsv – file-level errors, in Swedish', () => {
  it.each([
    ['', 'Filen är tom.'],
    ['\ufeff', 'Filen är tom.'],
    [' \r\n \r\n', 'Filen är tom.'],
  ])('rejects the empty file %j', async (csv, message) => {
    expect(await importError(csv)).toEqual({ code: Code.EMPTY_FILE, message, line: undefined });
  });

  it.each([
    [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, 8, 0]), 'Filen är en Excel-fil (.xlsx) eller zip-fil, inte en textfil. Välj import av Excel-fil eller spara som CSV UTF-8.'],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'Filen är i det äldre Excel-formatet (.xls). Spara den som CSV UTF-8 eller som .xlsx.'],
    [Buffer.from('%PDF-1.7\n'), 'Filen är en PDF, inte en textfil.'],
    [Buffer.from('\ufeffa,b', 'utf16le'), 'Filen är sparad som UTF-16. Spara den som CSV UTF-8.'],
    [Buffer.from('indikator;enhet\nSO02\0;x\n'), 'Filen innehåller binära data och är ingen textfil.'],
  ])('rejects binary input fast (%#)', async (bytes, message) => {
    expect(await importError(bytes)).toEqual({ code: Code.BINARY_CONTENT, message, line: undefined });
  });

  it('tells the user to save as CSV UTF-8 when Excel wrote Windows-1252, naming the line', async () => {
    const latin1 = Buffer.from('indikator;enhet;period;värde\nSO02;Strömstad;2024;28\n', 'latin1');

    expect(await importError(latin1)).toEqual({
      code: Code.NOT_UTF8,
      message: 'Filen är inte UTF-8-kodad (fel tecken på rad 1). Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)”.',
      line: 1,
    });
  });

  it('stops reading as soon as the size limit is passed', async () => {
    let chunksPulled = 0;
    async function* endless() {
      yield 'indikator;enhet;period;värde\n';
      for (;;) {
        chunksPulled++;
        yield 'SO02;Essunga;2024;73\n'.repeat(100);
      }
    }

    expect(await importError(endless(), { maxBytes: 10 * 1024 })).toEqual({
      code: Code.TOO_LARGE,
      message: 'Filen är för stor. Största tillåtna storlek är 10 kB.',
      line: undefined,
    });
    expect(chunksPulled).toBeLessThanOrEqual(6);
  });

  it('counts a quoted CRLF as one line when pointing at a broken quote', async () => {
    const csv = 'indikator;enhet;period;värde;kommentar\r\nSO02;Essunga;2024;73;"två\r\nrader"\r\nSO02;"Tanum;2024;50;\r\n';

    expect(await importError(csv)).toEqual({
      code: Code.MALFORMED_CSV,
      message: 'Ett citattecken på rad 4 avslutas aldrig.',
      line: 4,
    });
  });

  it('names the missing columns', async () => {
    expect(await importError('indikator;kommun;år;värde\nSO02;Essunga;2024;73\n')).toEqual({
      code: Code.INVALID_HEADER,
      message:
        'Rubrikraden (rad 1) saknar kolumnerna enhet, period. ' +
        'Förväntade rubriker: indikator, enhet, period, värde (eller indicator, org_unit, period, value).',
      line: 1,
    });
  });

  it('refuses a column given twice', async () => {
    expect(await importError('indicator;indikator;enhet;period;värde\n')).toMatchObject({
      message: 'Kolumnen ”indikator” finns två gånger i rubrikraden (rad 1, kolumn B).',
    });
  });

  it('asks for the year when a wide header says only Q1', async () => {
    expect(await importError('Sjukhus;Q1;Q2\nAlingsås lasarett;3,7;4\n', { indicator: 'IU03' })).toEqual({
      code: Code.INVALID_HEADER,
      message: 'Kolumnrubriken ”Q1” (rad 1, kolumn B) är ingen period. Ange året, t.ex. ”Q1 2025”.',
      line: 1,
    });
  });

  it('needs an indicator for the wide layout', async () => {
    expect(await importError('Sjukhus;Q1 2025\nAlingsås lasarett;3,7\n')).toMatchObject({
      code: Code.MISSING_INDICATOR,
      message:
        'Filen har en period per kolumn men anger inte indikatorn. Välj indikator vid importen eller skriv ' +
        '”indikator: KOD” på raden ovanför rubrikraden.',
    });
  });

  it('refuses a file naming another indicator than the import', async () => {
    expect(await importError(fixtureStream('iu03-hospitals-2025-wide.csv'), { indicator: 'IU02' })).toMatchObject({
      code: Code.INVALID_HEADER,
      message: 'Filen anger indikatorn ”IU03” (rad 1) men importen gäller ”IU02”.',
    });
  });

  it('refuses a header without rows', async () => {
    expect(await importError('indikator;enhet;period;värde\r\n')).toEqual({
      code: Code.NO_DATA_ROWS,
      message: 'Filen har en rubrikrad men inga värden.',
      line: 1,
    });
  });

  it('reports a quote that never closes at the line where it opens', async () => {
    const csv = 'indikator;enhet;period;värde\nSO02;Essunga;2024;73\nSO02;"Essunga;2024;73\nSO02;Tanum;2024;50\n';

    expect(await importError(csv)).toEqual({
      code: Code.MALFORMED_CSV,
      message: 'Ett citattecken på rad 3 avslutas aldrig.',
      line: 3,
    });
  });
});

describe('parseIndicatorCsv – streaming', () => {
  it('reads lazily: stopping after three rows leaves the rest of the source unread and closes it', async () => {
    let chunksPulled = 0;
    let closed = false;
    async function* big() {
      try {
        yield 'indikator;enhet;period;värde\n';
        for (let i = 0; i < 10_000; i++) {
          chunksPulled++;
          yield 'SO02;Essunga;2024;73\n'.repeat(100);
        }
      } finally {
        closed = true;
      }
    }

    const seen = [];
    for await (const row of parseIndicatorCsv(big())) {
      seen.push(row.line);
      if (seen.length === 3) {
        break;
      }
    }
    await new Promise((resolve) => setImmediate(resolve));

    expect(seen).toEqual([2, 3, 4]);
    expect(chunksPulled).toBeLessThan(100);
    expect(closed).toBe(true);
  });
});
