export type CsvDelimiter = ';' | ',' | '\t';

/** Tie order: Swedish Excel writes `;`, a pasted table gives tabs, `,` is the documented default. */
const CANDIDATES: CsvDelimiter[] = [';', '\t', ','];
const METADATA_LINE = /^\s*"?(?:indicator|indikator)\s*[:=]/i;
const ONLY_DELIMITERS = /^[\s;,\t"]*$/;

/**
 * The header line of the text seen so far: the first line that is neither blank (nor only delimiters, as Excel
 * writes empty rows) nor the `indikator: KOD` metadata line. Undefined until that line is complete.
 */
export function findHeaderLine(text: string, complete: boolean): string | undefined {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const completeLines = complete ? lines : lines.slice(0, -1);
  return completeLines.find((line) => !ONLY_DELIMITERS.test(line) && !METADATA_LINE.test(line));
}

/**
 * Picks the separator from the header line only: headers hold no decimal commas, so `,` versus `;` is decided
 * without guessing at the data. Separators inside quotes do not count.
 */
export function detectCsvDelimiter(headerLine: string | undefined): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CANDIDATES.map((candidate) => [candidate, 0]));
  let quoted = false;
  for (const char of headerLine ?? '') {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const candidate of CANDIDATES) {
    if (counts.get(candidate)! > bestCount) {
      best = candidate;
      bestCount = counts.get(candidate)!;
    }
  }
  return best;
}
