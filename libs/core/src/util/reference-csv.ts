import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

/**
 * Reads one of the curated reference files. Their last column is a free-text note whose commas are not
 * always quoted (`VG 68,2 % vs riket 69 %`), so surplus fields are joined back into that last column.
 */
export function readReferenceCsv<K extends string>(file: string): Array<Record<K, string>> {
  const [header, ...rows] = parse(readFileSync(file), { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
  if (!header) return [];
  return rows.map((fields) => {
    const values = fields.length > header.length ? [...fields.slice(0, header.length - 1), fields.slice(header.length - 1).join(',')] : fields;
    return Object.fromEntries(header.map((column, index) => [column, values[index] ?? ''])) as Record<K, string>;
  });
}
