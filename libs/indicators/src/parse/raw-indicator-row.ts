/** One imported value as read from the file, before validation. Cells are raw text (or numbers from XLSX). */
export interface RawIndicatorRow {
  /** 1-based line (CSV), row (XLSX) or entry number (Kolada) shown to the user in rejections. */
  line: number;
  /** 1-based column of the value cell, set for the wide layout where one line holds several values. */
  column?: number;
  indicator: string;
  orgUnit: string;
  period: string;
  value: string | number | null;
  numerator?: string | number | null;
  denominator?: string | number | null;
  breakdown?: string | null;
  status?: string | null;
  note?: string | null;
}
