import { StringDecoder } from 'node:string_decoder';
import { Transform, type TransformCallback } from 'node:stream';
import { formatNumber } from '../format/swedish-number.util.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { MAX_XLSX_ROW_CELLS, MAX_XLSX_TEXT_RUN } from './xlsx-limits.js';

export interface XlsxPartGuardOptions {
  /** What the user is told the part is: ”bladet”, ”de delade texterna”, … */
  label: string;
  /** Unpacked bytes the part may have. */
  maxBytes: number;
  /** The size the zip's directory declares (never above `maxBytes`); the part must inflate to exactly this. */
  declaredBytes: number;
  maxSharedStrings?: number;
  maxRows?: number;
  maxCells?: number;
}

/** `<si>`, `<row …>`, `<c …>` opening tags (never `<cols>`, `<rowBreaks>`, `<sheetData>`…). */
const TAG = /<(si|row|c)[\s>/]/g;
const MB = 1024 * 1024;

function tooLarge(message: string): IndicatorImportException {
  return new IndicatorImportException(Code.XLSX_TOO_LARGE, `${message} Dela upp filen eller spara den som CSV UTF-8.`);
}

function megabytes(bytes: number): string {
  return `${formatNumber(bytes / MB, { maxDecimals: 0 })} MB`;
}

/**
 * Sits between the inflater and the XML parser of one workbook part. It counts the bytes actually inflated (a
 * zip's declared sizes can lie) and the shared strings, rows and cells as they stream past, and fails the moment
 * a limit is passed, so nothing beyond the limit reaches the parser's memory. It also hands the parser text
 * decoded across chunk boundaries, so an å split between two chunks stays an å.
 */
export class XlsxPartGuard extends Transform {
  private bytes = 0;
  private sharedStrings = 0;
  private rows = 0;
  private cells = 0;
  private rowCells = 0;
  /** Characters since the last `<`, across chunks. */
  private run = 0;
  /** The end of the previous chunk from an unfinished `<` on, to find a tag split between chunks. */
  private tail = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly options: XlsxPartGuardOptions) {
    super({ readableObjectMode: true });
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.bytes += chunk.length;
      if (this.bytes > this.options.declaredBytes) {
        throw new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen är skadad: en del av den packas upp till mer än filen anger.');
      }
      if (this.bytes > this.options.maxBytes) {
        throw tooLarge(`Excel-filen packas upp till mer än ${megabytes(this.options.maxBytes)} (${this.options.label}), mer än som tillåts.`);
      }
      const text = this.decoder.write(chunk);
      this.scan(text);
      callback(null, text);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.bytes !== this.options.declaredBytes) {
      callback(new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen är skadad: en del av den är mindre än filen anger.'));
      return;
    }
    callback(null, this.decoder.end() || undefined);
  }

  private scan(chunk: string): void {
    const lastLt = chunk.lastIndexOf('<');
    this.run = lastLt === -1 ? this.run + chunk.length : chunk.length - lastLt - 1;
    if (lastLt === -1 && this.run > MAX_XLSX_TEXT_RUN) {
      throw tooLarge(`En text i Excel-filen (${this.options.label}) är längre än ${formatNumber(MAX_XLSX_TEXT_RUN)} tecken.`);
    }
    const text = this.tail + chunk;
    let lastTag = -1;
    for (const match of text.matchAll(TAG)) {
      lastTag = match.index;
      this.count(match[1] as 'si' | 'row' | 'c');
    }
    const lt = text.lastIndexOf('<');
    this.tail = lt > lastTag && text.length - lt < 5 ? text.slice(lt) : '';
  }

  private count(tag: 'si' | 'row' | 'c'): void {
    const { maxSharedStrings, maxRows, maxCells } = this.options;
    if (tag === 'si') {
      if (maxSharedStrings !== undefined && ++this.sharedStrings > maxSharedStrings) {
        throw tooLarge(`Excel-filen innehåller fler än ${formatNumber(maxSharedStrings)} olika texter, mer än som tillåts.`);
      }
    } else if (tag === 'row') {
      this.rowCells = 0;
      if (maxRows !== undefined && ++this.rows > maxRows) {
        throw tooLarge(`Bladet har fler än ${formatNumber(maxRows)} rader, mer än som tillåts.`);
      }
    } else {
      if (++this.rowCells > MAX_XLSX_ROW_CELLS) {
        throw tooLarge(`En rad i bladet har fler än ${formatNumber(MAX_XLSX_ROW_CELLS)} celler, fler än Excel tillåter.`);
      }
      if (maxCells !== undefined && ++this.cells > maxCells) {
        throw tooLarge(`Bladet har fler än ${formatNumber(maxCells)} celler, mer än som tillåts.`);
      }
    }
  }
}
