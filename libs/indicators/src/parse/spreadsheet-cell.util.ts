/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (or a DDE command). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Neutralises a text cell for CSV/XLSX exports: one that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading
 * `'`, so a value such as `=HYPERLINK(...)` typed by a user is shown as text, never run. Numbers pass unchanged:
 * a negative number written as a number is data, not a formula. Text that merely looks numeric (`-3,2`) is
 * still escaped, since the spreadsheet cannot tell it from `-1+cmd|...`.
 */
export function escapeSpreadsheetCell<T extends string | number | null | undefined>(value: T): T | string {
  if (typeof value !== 'string' || !FORMULA_START.test(value)) {
    return value;
  }
  return `'${value}`;
}
