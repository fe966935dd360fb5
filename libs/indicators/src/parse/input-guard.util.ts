import { formatNumber } from '../format/swedish-number.util.js';
import { chunksOf, type ImportSource } from './import-source.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';

export interface InputGuardOptions {
  /** What the file must be: text (CSV, JSON) is checked for binary content and UTF-8; xlsx for its zip signature. */
  expect: 'text' | 'xlsx';
  /** Stop reading and fail as soon as more bytes than this have arrived. */
  maxBytes?: number;
}

const HEAD_BYTES = 8;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const PDF = Buffer.from('%PDF');
const UTF16_LE = Buffer.from([0xff, 0xfe]);
const UTF16_BE = Buffer.from([0xfe, 0xff]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function formatByteSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${formatNumber(bytes / (1024 * 1024), { maxDecimals: 1 })} MB`
    : `${formatNumber(bytes / 1024, { maxDecimals: 1 })} kB`;
}

function rejectTextHead(head: Buffer): void {
  const fail = (message: string) => new IndicatorImportException(Code.BINARY_CONTENT, message);
  if (head.subarray(0, 4).equals(ZIP)) {
    throw fail('Filen är en Excel-fil (.xlsx) eller zip-fil, inte en textfil. Välj import av Excel-fil eller spara som CSV UTF-8.');
  }
  if (head.subarray(0, 4).equals(OLE)) {
    throw fail('Filen är i det äldre Excel-formatet (.xls). Spara den som CSV UTF-8 eller som .xlsx.');
  }
  if (head.subarray(0, 4).equals(PDF)) {
    throw fail('Filen är en PDF, inte en textfil.');
  }
  if (head.subarray(0, 2).equals(UTF16_LE) || head.subarray(0, 2).equals(UTF16_BE)) {
    throw fail('Filen är sparad som UTF-16. Spara den som CSV UTF-8.');
  }
}

function rejectNonXlsxHead(head: Buffer): void {
  if (head.subarray(0, 4).equals(ZIP)) {
    return;
  }
  const message = head.subarray(0, 4).equals(OLE)
    ? 'Filen är i det äldre Excel-formatet (.xls). Spara den som Excel-arbetsbok (.xlsx).'
    : 'Filen är ingen Excel-fil (.xlsx).';
  throw new IndicatorImportException(Code.NOT_XLSX, message);
}

function countNewlines(chunk: Buffer): number {
  let count = 0;
  for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) {
    count++;
  }
  return count;
}

/**
 * Passes the bytes of an upload through unchanged while failing fast, with a Swedish message, on an empty file,
 * a file over the size limit (before the excess is read further), binary content where text is expected
 * (NUL bytes, zip/xls/pdf signatures, UTF-16) and text that is not UTF-8.
 */
export async function* guardInput(source: ImportSource, options: InputGuardOptions): AsyncGenerator<Buffer> {
  const text = options.expect === 'text';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let total = 0;
  let lines = 1;
  let head: Buffer | undefined = Buffer.alloc(0);
  let hasContent = false;

  const check = (chunk: Buffer, final: boolean): void => {
    if (text) {
      if (chunk.includes(0)) {
        throw new IndicatorImportException(Code.BINARY_CONTENT, 'Filen innehåller binära data och är ingen textfil.');
      }
      try {
        decoder.decode(chunk, { stream: !final });
      } catch {
        throw new IndicatorImportException(
          Code.NOT_UTF8,
          `Filen är inte UTF-8-kodad (fel tecken på rad ${lines}). Spara den i Excel som ”CSV UTF-8 (kommaavgränsad)”.`,
          lines,
        );
      }
      lines += countNewlines(chunk);
    }
    if (!hasContent) {
      const withoutBom = total === chunk.length && chunk.subarray(0, 3).equals(UTF8_BOM) ? chunk.subarray(3) : chunk;
      hasContent = !text || withoutBom.toString('latin1').trim() !== '';
    }
  };

  for await (const chunk of chunksOf(source)) {
    total += chunk.length;
    if (options.maxBytes !== undefined && total > options.maxBytes) {
      throw new IndicatorImportException(
        Code.TOO_LARGE,
        `Filen är för stor. Största tillåtna storlek är ${formatByteSize(options.maxBytes)}.`,
      );
    }
    if (head !== undefined) {
      // Signatures need a few bytes; a stream may deliver them one at a time.
      head = Buffer.concat([head, chunk]);
      if (head.length < HEAD_BYTES) {
        continue;
      }
      const pending: Buffer = head;
      head = undefined;
      (text ? rejectTextHead : rejectNonXlsxHead)(pending);
      check(pending, false);
      yield pending;
      continue;
    }
    check(chunk, false);
    yield chunk;
  }
  if (head !== undefined && head.length > 0) {
    (text ? rejectTextHead : rejectNonXlsxHead)(head);
    check(head, true);
    yield head;
  } else if (text) {
    check(Buffer.alloc(0), true);
  }
  if (total === 0 || !hasContent) {
    throw new IndicatorImportException(Code.EMPTY_FILE, 'Filen är tom.');
  }
}
