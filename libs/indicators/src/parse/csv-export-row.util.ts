import { escapeSpreadsheetCell } from './spreadsheet-cell.util.js';

/**
 * One CSV line for exports: cells escaped against formula injection, quoted when they hold the separator, a quote
 * or a line break. Numbers are written with a decimal comma when the separator is `;` (Swedish Excel), else a point.
 */
export function toCsvExportRow(cells: (string | number | null | undefined)[], delimiter: ';' | ',' = ';'): string {
  return cells
    .map((cell) => {
      if (cell === null || cell === undefined) {
        return '';
      }
      if (typeof cell === 'number') {
        return delimiter === ';' ? String(cell).replace('.', ',') : String(cell);
      }
      const text = String(escapeSpreadsheetCell(cell));
      return /[";,\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(delimiter);
}
