import type { CellValue } from 'exceljs';
import type { TableCell } from './table-rows.parser.js';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function fromDate(date: Date, numFmt: string | undefined): string {
  const month = `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}`;
  // Excel turns a typed "2025-03" into 1 March shown without a day; give back the month the user meant.
  const showsDay = !numFmt || /d/i.test(numFmt.replace(/"[^"]*"/g, ''));
  return date.getUTCDate() === 1 && !showsDay ? month : `${month}-${pad2(date.getUTCDate())}`;
}

/**
 * One worksheet cell as a table cell: formulas give their cached result, rich text its plain text, errors their
 * code (`#DIV/0!`, rejected later as not a number), and a number formatted as percent (stored 0,626, shown
 * 62,6 %) comes back in percent units as the user typed it.
 */
export function xlsxCellValue(value: CellValue, numFmt?: string): TableCell {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return numFmt?.includes('%') ? Number((value * 100).toPrecision(12)) : value;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'boolean') {
    return value ? 'SANT' : 'FALSKT';
  }
  if (value instanceof Date) {
    return fromDate(value, numFmt);
  }
  if ('result' in value) {
    return xlsxCellValue(value.result as CellValue, numFmt);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return null;
  }
  if ('richText' in value) {
    return value.richText.map((run) => run.text).join('');
  }
  if ('error' in value) {
    return value.error;
  }
  if ('text' in value) {
    return typeof value.text === 'string' ? value.text : xlsxCellValue(value.text as CellValue);
  }
  return null;
}
