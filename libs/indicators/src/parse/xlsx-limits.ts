/** What an `.xlsx` upload may unpack to and hold; each is checked while reading, before memory grows. */
export interface XlsxLimits {
  /** Unpacked bytes of the worksheet read (streamed, never held whole). */
  maxSheetBytes: number;
  /** Unpacked bytes of `xl/sharedStrings.xml`, whose texts are held while the sheet is read. */
  maxSharedStringsBytes: number;
  /** Number of shared strings. */
  maxSharedStrings: number;
  maxRows: number;
  maxCells: number;
}

const MB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxSheetBytes: 512 * MB,
  maxSharedStringsBytes: 64 * MB,
  maxSharedStrings: 1_000_000,
  maxRows: 1_048_576,
  maxCells: 10_000_000,
};

/** The workbook, its relations and its styles are small in any real file; they are held whole, so kept small. */
export const MAX_XLSX_METADATA_BYTES = 16 * MB;

/** Excel's own maximum of columns; a row with more cells is no Excel file. */
export const MAX_XLSX_ROW_CELLS = 16_384;

/** Characters between two XML tags: Excel's cell limit is 32 767 characters, which escaping can at most sextuple. */
export const MAX_XLSX_TEXT_RUN = 1_000_000;

/** Entries in the zip's directory; a workbook has a few dozen. */
export const MAX_XLSX_ENTRIES = 100_000;
