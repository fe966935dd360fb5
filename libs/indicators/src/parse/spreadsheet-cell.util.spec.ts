import { toCsvExportRow } from './csv-export-row.util.js';
import { escapeSpreadsheetCell } from './spreadsheet-cell.util.js';

describe('escapeSpreadsheetCell', () => {
  it.each([
    ['=HYPERLINK("http://x","klicka")', '\'=HYPERLINK("http://x","klicka")'],
    ['+46 31 123', "'+46 31 123"],
    ['-1+cmd|\' /C calc\'!A0', '\'-1+cmd|\' /C calc\'!A0'],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('neutralises %j', (input, expected) => {
    expect(escapeSpreadsheetCell(input)).toBe(expected);
  });

  it.each([['Kungälvs sjukhus'], ['62,6 %'], ['a=b'], [''], [-3.2], [0], [null]])('leaves %j alone', (input) => {
    expect(escapeSpreadsheetCell(input)).toBe(input);
  });
});

describe('toCsvExportRow', () => {
  it('writes a Swedish Excel line: semicolons, decimal comma, escaped and quoted text', () => {
    expect(toCsvExportRow(['IU03', 'Kungälvs sjukhus', '2025-Q2', 15, -3.2, '=1+1', 'sa "hej"; då', null])).toBe(
      'IU03;Kungälvs sjukhus;2025-Q2;15;-3,2;\'=1+1;"sa ""hej""; då";',
    );
  });

  it('writes numbers with a point when the separator is a comma', () => {
    expect(toCsvExportRow(['PC01', 62.6, '@x'], ',')).toBe("PC01,62.6,'@x");
  });
});
