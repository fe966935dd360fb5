import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { formatNumber } from '../format/swedish-number.util.js';
import { IndicatorImportErrorCode as Code, IndicatorImportException } from './indicator-import.exception.js';
import { MAX_XLSX_ENTRIES } from './xlsx-limits.js';
import { XlsxPartGuard, type XlsxPartGuardOptions } from './xlsx-part.guard.js';

/** The parts of a workbook that are read; everything else in the zip (images, themes, other sheets' rest) is never inflated. */
const WANTED = /^xl\/(?:_rels\/workbook\.xml\.rels|workbook\.xml|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;

const MB = 1024 * 1024;

function malformed(): IndicatorImportException {
  return new IndicatorImportException(Code.MALFORMED_XLSX, 'Excel-filen kunde inte läsas. Den kan vara skadad eller lösenordsskyddad.');
}

/**
 * An uploaded `.xlsx` spooled to a temporary file, so its zip directory (at the end of the file) is read first:
 * each part's declared unpacked size is checked before a byte is inflated, only the parts needed are ever
 * inflated, and each through an {@link XlsxPartGuard} that counts what really comes out.
 */
export class XlsxZip {
  private readonly opened: Readable[] = [];

  private constructor(
    private readonly zip: ZipFile,
    private readonly directory: string,
    /** Wanted parts by path, from the zip's central directory. */
    readonly parts: ReadonlyMap<string, Entry>,
  ) {}

  /** Writes the (already size-guarded) upload to a temporary file and reads its directory. */
  static async open(bytes: Readable): Promise<XlsxZip> {
    const directory = await mkdtemp(join(tmpdir(), 'arshjulet-xlsx-'));
    let zip: ZipFile | undefined;
    try {
      const file = join(directory, 'upload.xlsx');
      await pipelineAsync(bytes, createWriteStream(file));
      try {
        // Sizes are checked by the guard rather than by yauzl, so a part that unpacks past a limit answers "too large".
        zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, validateEntrySizes: false });
      } catch {
        throw malformed();
      }
      if (zip.entryCount > MAX_XLSX_ENTRIES) {
        throw new IndicatorImportException(
          Code.XLSX_TOO_LARGE,
          `Excel-filen består av fler än ${formatNumber(MAX_XLSX_ENTRIES)} delar, mer än som tillåts.`,
        );
      }
      return new XlsxZip(zip, directory, await wantedEntries(zip));
    } catch (error) {
      zip?.close();
      await rm(directory, { recursive: true, force: true });
      throw error;
    }
  }

  /** The part inflated through a guard; fails at once when its declared size is already over the limit. */
  async read(path: string, limits: Omit<XlsxPartGuardOptions, 'declaredBytes'>): Promise<Readable> {
    const entry = this.parts.get(path);
    if (!entry) {
      throw malformed();
    }
    if (entry.uncompressedSize > limits.maxBytes) {
      throw new IndicatorImportException(
        Code.XLSX_TOO_LARGE,
        `Excel-filen packas upp till ${formatNumber(entry.uncompressedSize / MB, { maxDecimals: 0 })} MB (${limits.label}); ` +
          `högst ${formatNumber(limits.maxBytes / MB, { maxDecimals: 0 })} MB tillåts. Dela upp filen eller spara den som CSV UTF-8.`,
      );
    }
    let inflated: Readable;
    try {
      inflated = await this.zip.openReadStreamPromise(entry);
    } catch {
      throw malformed();
    }
    const guard = new XlsxPartGuard({ ...limits, declaredBytes: entry.uncompressedSize });
    // Either failing destroys both: a limit stops the inflater at once; a corrupt part fails the guard's reader.
    pipeline(inflated, guard, () => undefined);
    this.opened.push(guard);
    return guard;
  }

  async close(): Promise<void> {
    for (const part of this.opened) part.destroy();
    this.zip.close();
    await rm(this.directory, { recursive: true, force: true });
  }
}

function wantedEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      if (WANTED.test(entry.fileName)) {
        if (parts.has(entry.fileName)) {
          // Two parts of one name: which one a reader takes is ambiguous, a known way to smuggle content.
          reject(malformed());
          return;
        }
        parts.set(entry.fileName, entry);
      }
      zip.readEntry();
    });
    zip.once('end', () => resolve(parts));
    zip.once('error', () => reject(malformed()));
    zip.readEntry();
  });
}
