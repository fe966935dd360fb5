import type { RawIndicatorRow } from '../parse/raw-indicator-row.js';
import { describeRejection, RowValidator, type RowRejection } from '../parse/row-validator.js';
import type { ImportCatalogLookup } from '../parse/import-catalog.js';
import { MAX_STORED_REJECTIONS, type StoredRejection } from './import-batch.entity.js';
import type { StagedRowEncoder } from './staged-row.encoder.js';

/** What reading a file found, filled in while its rows stream past. */
export interface ImportTally {
  rowCount: number;
  validCount: number;
  rejectedCount: number;
  /** The first {@link MAX_STORED_REJECTIONS}; the rest are only counted. */
  rejections: StoredRejection[];
}

export function emptyTally(): ImportTally {
  return { rowCount: 0, validCount: 0, rejectedCount: 0, rejections: [] };
}

const CHUNK_CHARS = 256 * 1024;

/**
 * Rows per validator. `RowValidator` remembers every key it has seen to reject duplicates, which for a million
 * rows is some 200 MB of heap; a fresh one per window bounds that, and duplicates further apart than a window
 * are found in SQL after staging (`ImportBatchRepository.removeStagedDuplicates`), with the same message.
 */
export const VALIDATOR_WINDOW = 100_000;

/**
 * Validates every raw row and yields the valid ones as COPY text in chunks of about 256 kB: one write per chunk
 * rather than per row, and only one chunk in memory at a time.
 */
export async function* stagedChunks(
  rows: AsyncIterable<RawIndicatorRow>,
  catalog: ImportCatalogLookup,
  encoder: StagedRowEncoder,
  tally: ImportTally,
  onRow?: (tally: ImportTally) => void,
): AsyncGenerator<string> {
  let chunk = '';
  let validator = new RowValidator(catalog);
  for await (const raw of rows) {
    if (tally.rowCount > 0 && tally.rowCount % VALIDATOR_WINDOW === 0) validator = new RowValidator(catalog);
    tally.rowCount++;
    const result = validator.validate(raw);
    if (result.ok) {
      chunk += encoder.encode(result.row, ++tally.validCount);
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    } else {
      addRejection(tally, result);
    }
    onRow?.(tally);
  }
  if (chunk) yield chunk;
}

export function addRejection(tally: ImportTally, rejection: RowRejection): void {
  tally.rejectedCount++;
  if (tally.rejections.length < MAX_STORED_REJECTIONS) {
    const { line, column, errors } = rejection;
    tally.rejections.push({ line, ...(column ? { column } : {}), errors, message: describeRejection(rejection) });
  }
}
