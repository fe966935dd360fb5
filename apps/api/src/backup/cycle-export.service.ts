import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '@arshjulet/db';
import type { EntityManager } from 'typeorm';
import { backupColumnTypes, quoteIdent } from './backup-tables.js';
import { BackupException } from './backup.exception.js';
import {
  BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_TABLES, documentKey, hashKey, type BackupReferences, type BackupRow, type ColumnSpec,
  templateVersionKey, type CycleBackupDocument, type TemplateVersionReference, type UserReference,
} from './cycle-backup.format.js';

const UTC_TIMESTAMP = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/** The SQL that reads a column of `t` in the document's form: canonical text for dates, times and numbers, keys for references. */
function selectExpression(spec: ColumnSpec): string {
  const column = `t.${quoteIdent(spec.column)}`;
  switch (spec.kind) {
    case 'timestamp':
      return `to_char(${column} AT TIME ZONE 'UTC', ${UTC_TIMESTAMP})`;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'numeric':
    case 'real':
    case 'templateVersion':
      return `${column}::text`;
    case 'textArray':
      return `to_jsonb(${column})`;
    case 'user':
      return `(SELECT email FROM app_user WHERE id = ${column})`;
    case 'orgUnit':
      return `(SELECT code FROM org_unit WHERE id = ${column})`;
    case 'indicator':
      return `(SELECT code FROM indicator WHERE id = ${column})`;
    default:
      return column;
  }
}

/** Reads one year's cycle and everything it owns, in one read-only snapshot, into the backup document. */
@Injectable()
export class CycleExportService {
  constructor(private readonly connection: TransactionalConnection) {}

  /** `maxMb` is checked before the rows are read, against the year's attachments and report versions (its bulk). */
  async export(year: number, options: { maxMb: number; onProgress?: (message: string) => void }): Promise<CycleBackupDocument> {
    const onProgress = options.onProgress ?? (() => undefined);
    // One snapshot: a running app's writes during the export land wholly before or wholly after it.
    return this.connection.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const found: Array<{ id: string }> = await manager.query('SELECT id FROM cycle WHERE year = $1', [year]);
      if (found.length === 0) throw BackupException.cycleNotFound(year);
      await backupColumnTypes(manager);
      const cycleId = found[0]!.id;
      if ((await this.bulkBytes(manager, cycleId)) > options.maxMb * 1024 * 1024) throw BackupException.tooLarge(options.maxMb, 'Exporten');
      const tables: Record<string, BackupRow[]> = {};
      for (const spec of BACKUP_TABLES) {
        const select = spec.columns.map((column) => `${selectExpression(column)} AS ${quoteIdent(documentKey(column))}`).join(', ');
        const rows: BackupRow[] = await manager.query(`SELECT ${select} FROM ${quoteIdent(spec.table)} t WHERE ${spec.where} ORDER BY ${spec.orderBy}`, [cycleId]);
        tables[spec.table] = rows.map((row) => this.finishRow(spec.columns, row));
        onProgress(`${spec.table}: ${rows.length} ${rows.length === 1 ? 'rad' : 'rader'}`);
      }
      const references = await this.references(manager, tables);
      const [head]: Array<{ name: string }> = await manager.query('SELECT name FROM migration ORDER BY "timestamp" DESC LIMIT 1');
      return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, migrationHead: head?.name ?? '', year, references, tables };
    });
  }

  /** At least what the document will take: attachments in base64, the report versions' HTML and models. */
  private async bulkBytes(manager: EntityManager, cycleId: string): Promise<number> {
    const [{ bytes }]: Array<{ bytes: string }> = await manager.query(
      `SELECT (SELECT coalesce(sum(a.size), 0) * 4 / 3 FROM analysis_attachment a JOIN analysis_task k ON k.id = a.task_id WHERE k.cycle_id = $1)
            + (SELECT coalesce(sum(octet_length(v.html) + octet_length(v.model::text)), 0) FROM report_version v JOIN county_report r ON r.id = v.report_id WHERE r.cycle_id = $1) AS bytes`,
      [cycleId],
    );
    return Number(bytes);
  }

  /** Numbers of `real` columns back to numbers, bytes to base64 beside their SHA-256. */
  private finishRow(columns: ColumnSpec[], row: BackupRow): BackupRow {
    for (const column of columns) {
      const key = documentKey(column);
      const value = row[key];
      if (column.kind === 'real' && value !== null) row[key] = Number(value);
      if (column.kind === 'bytes') {
        const bytes = value as Buffer | null;
        row[key] = bytes === null ? null : bytes.toString('base64');
        row[hashKey(column)] = bytes === null ? null : createHash('sha256').update(bytes).digest('hex');
      }
    }
    return row;
  }

  /** What the rows name outside the year, described well enough to find it, or make it, in another database. */
  private async references(manager: EntityManager, tables: Record<string, BackupRow[]>): Promise<BackupReferences> {
    const wanted = { user: new Set<string>(), orgUnit: new Set<string>(), indicator: new Set<string>(), templateVersion: new Set<string>() };
    for (const spec of BACKUP_TABLES) {
      for (const column of spec.columns) {
        if (!(column.kind in wanted)) continue;
        for (const row of tables[spec.table]!) {
          const value = row[documentKey(column)];
          if (typeof value === 'string') wanted[column.kind as keyof typeof wanted].add(value);
        }
      }
    }
    for (const row of [...tables.cycle!, ...tables.decision!]) for (const code of row.indicatorCodes as string[]) wanted.indicator.add(code);

    const users: UserReference[] = await manager.query(
      `SELECT u.email, u.name,
              coalesce(jsonb_agg(jsonb_build_object('role', r.role, 'orgUnit', o.code) ORDER BY r.role, o.code) FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
         FROM app_user u LEFT JOIN role_assignment r ON r.user_id = u.id LEFT JOIN org_unit o ON o.id = r.org_unit_id
        WHERE u.email = ANY($1) GROUP BY u.id ORDER BY u.email`,
      [[...wanted.user]],
    );
    for (const user of users) for (const role of user.roles) if (role.orgUnit) wanted.orgUnit.add(role.orgUnit);
    const orgUnits: BackupReferences['orgUnits'] = await manager.query('SELECT code, name, type FROM org_unit WHERE code = ANY($1) ORDER BY code', [[...wanted.orgUnit]]);
    const indicators: BackupReferences['indicators'] = await manager.query('SELECT code, name FROM indicator WHERE code = ANY($1) ORDER BY code', [[...wanted.indicator]]);
    const found: Array<Omit<TemplateVersionReference, 'key'> & { id: string }> = await manager.query(
      `SELECT v.id::text AS id, tp.code AS "templateCode", tp.name AS "templateName", tp.description AS "templateDescription", v.number, v.status, v.definition
         FROM template_version v JOIN template tp ON tp.id = v.template_id WHERE v.id::text = ANY($1)`,
      [[...wanted.templateVersion]],
    );
    const missing = [...wanted.templateVersion].filter((id) => !found.some((version) => version.id === id));
    if (missing.length) throw BackupException.danglingTemplateVersions(missing);
    // Rows name a version by template and number: its id is this installation's.
    const keys = new Map(found.map(({ id, ...version }) => [id, templateVersionKey(version)]));
    for (const spec of BACKUP_TABLES) {
      for (const column of spec.columns.filter((c) => c.kind === 'templateVersion')) {
        for (const row of tables[spec.table]!) if (row[documentKey(column)] !== null) row[documentKey(column)] = keys.get(row[documentKey(column)] as string);
      }
    }
    const templateVersions = found
      .map(({ id: _id, ...version }) => ({ key: templateVersionKey(version), ...version }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { users, orgUnits, indicators, templateVersions };
  }
}
