import type { EntityManager } from 'typeorm';
import { BackupException } from './backup.exception.js';
import { BACKUP_TABLES, type TableSpec } from './cycle-backup.format.js';

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Each backed-up table's columns and their exact SQL types, read from the catalogue. A column the format does not
 * know is refused (on export it would be lost silently, on import it would be left to its default).
 */
export async function backupColumnTypes(manager: EntityManager): Promise<Map<string, Map<string, string>>> {
  const rows: Array<{ table: string; column: string; type: string }> = await manager.query(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [BACKUP_TABLES.map((spec) => spec.table)],
  );
  const types = new Map<string, Map<string, string>>();
  for (const row of rows) {
    if (!types.has(row.table)) types.set(row.table, new Map());
    types.get(row.table)!.set(row.column, row.type);
  }
  for (const spec of BACKUP_TABLES) checkColumns(spec, types.get(spec.table) ?? new Map());
  return types;
}

function checkColumns(spec: TableSpec, actual: Map<string, string>): void {
  const known = new Set([...spec.columns.map((column) => column.column), ...(spec.omitted ?? [])]);
  const unknown = [...actual.keys()].filter((column) => !known.has(column)).sort();
  const missing = [...known].filter((column) => !actual.has(column));
  if (unknown.length || missing.length) throw BackupException.unknownColumn(spec.table, [...unknown, ...missing.map((column) => `${column} saknas`)]);
}
