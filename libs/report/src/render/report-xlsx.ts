import ExcelJS from 'exceljs';
import type { CompilationModel, ReportModel, TableView } from '../model/report-model.js';

const SHEET_NAME_MAX = 31;

/** The tables of a report or compilation, each once (a chart's table may also be listed among the compilation's). */
export function reportTables(model: ReportModel | CompilationModel): TableView[] {
  const compilation = 'compilation' in model ? model.compilation : model;
  const tables = [
    ...compilation.tables,
    ...compilation.groups.flatMap((group) => group.areas.flatMap((area) => area.indicators.flatMap((indicator) => indicator.charts.map((chart) => chart.table)))),
    ...('synthesis' in model ? model.synthesis.tables : []),
  ];
  const seen = new Set<string>();
  return tables.filter((table) => !seen.has(table.id) && seen.add(table.id));
}

/** Excel's rules: at most 31 characters, none of []:*?/\, unique regardless of case. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = (wanted.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').trim() || 'Tabell').slice(0, SHEET_NAME_MAX);
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = base.slice(0, SHEET_NAME_MAX - suffix.length) + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

/** '2 832', '62,6 %', '−3,2' back to a number; anything else (text, 'uppgift saknas') is not one. */
function swedishNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-').replace(/%$/, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : null;
}

/** Excel's number format for a cell printed as `text`: grouping, the printed decimals and a percent sign shown as in the report. Excel shows them with the reader's (Swedish) separators. */
function numberFormat(text: string): string {
  const decimals = /,(\d+)/.exec(text)?.[1]?.length ?? 0;
  return `#,##0${decimals ? `.${'0'.repeat(decimals)}` : ''}${text.trim().endsWith('%') ? '" %"' : ''}`;
}

export async function reportWorkbook(model: ReportModel | CompilationModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Årshjulet';
  const taken = new Set<string>();
  for (const table of reportTables(model)) {
    const sheet = workbook.addWorksheet(sheetName(table.id, taken));
    // Array.from: exceljs tells a row array by `instanceof Array`, which a model cloned in another realm (structuredClone under Jest) fails.
    const header = sheet.addRow(Array.from(table.columns));
    header.font = { bold: true };
    header.getCell(1).note = table.caption;
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    table.rows.forEach((row, rowIndex) => {
      const added = sheet.addRow(
        Array.from(row, (text, columnIndex) => {
          const raw = table.raw?.[rowIndex]?.[columnIndex];
          if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
          if (raw === undefined) return swedishNumber(text) ?? text;
          return text;
        }),
      );
      row.forEach((text, columnIndex) => {
        const cell = added.getCell(columnIndex + 1);
        if (typeof cell.value === 'number') cell.numFmt = numberFormat(text);
      });
    });
    sheet.columns.forEach((column, index) => {
      const longest = Math.max(table.columns[index]?.length ?? 0, ...table.rows.map((row) => row[index]?.length ?? 0));
      column.width = Math.min(60, Math.max(10, longest + 2));
    });
  }
  if (workbook.worksheets.length === 0) workbook.addWorksheet('Tabeller').addRow(['Rapporten har inga tabeller.']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
