import ExcelJS from 'exceljs';
import { collect, failureOf } from './__fixtures__/fixtures.util.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { parseIndicatorXlsx } from './xlsx-indicator.parser.js';

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function importError(run: () => Promise<unknown>) {
  const error = await failureOf(run);
  expect(error).toBeInstanceOf(IndicatorImportException);
  const { code, message } = error as IndicatorImportException;
  return { code, message };
}

const SEED_001_IU03: [string, number[]][] = [
  ['Alingsås Lasarett', [3.7, 4, 2.7, 3.3]],
  ["Kungälv's sjukhus", [13, 15, 11.3, 13]],
  ['NU-sjukvården', [5.7, 5.7, 6, 5]],
  ['Sahlgrenska Universitets-sjukhuset', [12, 14, 12.7, 11]],
  ['Skaraborgs sjukhus', [4.3, 4.7, 5.3, 4.7]],
  ['Södra Älvsborgs Sjukhus', [5, 5.7, 4.7, 5.7]],
];

describe('parseIndicatorXlsx', () => {
  it('reads the long layout from a named sheet: cached formula results, percent cells, rich text, months', async () => {
    const file = await workbook((book) => {
      book.addWorksheet('Om filen').addRow(['Exporterad från Vården i siffror']);
      const sheet = book.addWorksheet('Data');
      sheet.addRow(['Indikator', 'Enhet', 'Period', 'Värde', 'Täljare', 'Nämnare']);
      sheet.addRow(['PC01', 'Västra Götaland', 2024, { formula: 'E2/F2*100', result: 62.6 }, 626, 1000]);
      const percentRow = sheet.addRow(['PC01', 'Riket', '2024', 0.574]);
      percentRow.getCell(4).numFmt = '0.0%';
      const monthRow = sheet.addRow(['SIP02', { richText: [{ text: 'Kung' }, { text: 'älv' }] }, new Date(Date.UTC(2025, 2, 1)), 41]);
      monthRow.getCell(3).numFmt = 'mmm yyyy';
      sheet.addRow(['SIP02', 'Ale', '2025-03', { error: '#DIV/0!' }]);
    });

    expect(await collect(parseIndicatorXlsx(file, { sheet: 'data' }))).toEqual([
      { line: 2, indicator: 'PC01', orgUnit: 'Västra Götaland', period: '2024', value: 62.6, numerator: 626, denominator: 1000 },
      { line: 3, indicator: 'PC01', orgUnit: 'Riket', period: '2024', value: 57.4, numerator: null, denominator: null },
      { line: 4, indicator: 'SIP02', orgUnit: 'Kungälv', period: '2025-03', value: 41, numerator: null, denominator: null },
      { line: 5, indicator: 'SIP02', orgUnit: 'Ale', period: '2025-03', value: '#DIV/0!', numerator: null, denominator: null },
    ]);
  });

  it('reads the seed 001 hospital table in the wide layout, the county total as a formula', async () => {
    const file = await workbook((book) => {
      const sheet = book.addWorksheet('Blad1');
      sheet.addRow(['Indikator:', 'IU03']);
      sheet.addRow(['Sjukhus', 'Q1 2025', 'Q2 2025', 'Q3 2025', 'Q4 2025']);
      for (const [name, values] of SEED_001_IU03) {
        sheet.addRow([name, ...values]);
      }
      sheet.addRow(['Västra Götaland', 8, { formula: 'ROUND(AVERAGE(C3:C8),0)', result: 9 }, 8, 7.7]);
    });

    const rows = await collect(parseIndicatorXlsx(file));

    expect(rows).toHaveLength(28);
    expect(rows.filter((row) => row.period === 'Q2 2025').map((row) => [row.orgUnit, row.value])).toEqual([
      ['Alingsås Lasarett', 4],
      ["Kungälv's sjukhus", 15],
      ['NU-sjukvården', 5.7],
      ['Sahlgrenska Universitets-sjukhuset', 14],
      ['Skaraborgs sjukhus', 4.7],
      ['Södra Älvsborgs Sjukhus', 5.7],
      ['Västra Götaland', 9],
    ]);
    expect(rows[0]).toEqual({ line: 3, column: 2, indicator: 'IU03', orgUnit: 'Alingsås Lasarett', period: 'Q1 2025', value: 3.7 });
  });

  it('names the sheets there are when the requested one is missing', async () => {
    const file = await workbook((book) => {
      book.addWorksheet('Blad1').addRow(['x']);
      book.addWorksheet('Blad2').addRow(['y']);
    });

    expect(await importError(() => collect(parseIndicatorXlsx(file, { sheet: 'Data' })))).toEqual({
      code: Code.SHEET_NOT_FOUND,
      message: 'Bladet ”Data” finns inte i filen. Filen har bladen ”Blad1”, ”Blad2”.',
    });
  });

  it.each([
    [Buffer.from('indikator;enhet;period;värde\n'), 'Filen är ingen Excel-fil (.xlsx).'],
    [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'Filen är i det äldre Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx).'],
  ])('refuses what is not an XLSX file (%#)', async (bytes, message) => {
    expect(await importError(() => collect(parseIndicatorXlsx(bytes)))).toEqual({ code: Code.NOT_XLSX, message });
  });

  it('refuses a damaged workbook', async () => {
    const file = await workbook((book) => {
      book.addWorksheet('Blad1').addRow(['indikator', 'enhet', 'period', 'värde']);
    });
    const damaged = Buffer.concat([file.subarray(0, 40), Buffer.alloc(200, 7)]);

    expect(await importError(() => collect(parseIndicatorXlsx(damaged)))).toEqual({
      code: Code.MALFORMED_XLSX,
      message: 'Excel-filen kunde inte läsas. Den kan vara skadad eller lösenordsskyddad.',
    });
  });

  it('stops at the size limit', async () => {
    const file = await workbook((book) => {
      const sheet = book.addWorksheet('Blad1');
      sheet.addRow(['indikator', 'enhet', 'period', 'värde']);
      for (let i = 0; i < 2000; i++) {
        sheet.addRow(['SIP02', `Enhet ${i}`, '2025-03', i]);
      }
    });

    expect(await importError(() => collect(parseIndicatorXlsx(file, { maxBytes: 4096 })))).toEqual({
      code: Code.TOO_LARGE,
      message: 'Filen är för stor. Största tillåtna storlek är 4 kB.',
    });
  });
});
