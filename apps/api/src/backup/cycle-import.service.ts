import { Injectable } from '@nestjs/common';
import type { FieldError, RequestContext } from '@arshjulet/core';
import { AuditService } from '@arshjulet/audit';
import { TransactionalConnection } from '@arshjulet/db';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { backupColumnTypes, quoteIdent } from './backup-tables.js';
import { BackupException } from './backup.exception.js';
import {
  BACKUP_TABLES, canonicalJson, documentKey, type BackupRow, type CycleBackupDocument, type TableSpec, type TemplateVersionReference,
} from './cycle-backup.format.js';

export interface CycleImportSummary {
  cycleName: string;
  /** Rows written per table. */
  rows: Record<string, number>;
  /** Users the document named that the database lacked: made inactive, without a password. */
  usersCreated: string[];
  /** Template versions the database lacked, made from the document. */
  templateVersionsCreated: string[];
}

interface ReferenceIds {
  user: Map<string, string>;
  orgUnit: Map<string, string>;
  indicator: Map<string, string>;
  templateVersion: Map<string, string>;
}

/** Rows per INSERT, and a bound on one statement's JSON (attachments and report versions are large). */
const CHUNK_ROWS = 1000;
const CHUNK_CHARS = 8 * 1024 * 1024;

/**
 * Restores a validated backup document into this database, in one transaction: the rows as they were (ids,
 * timestamps, versions, states; no state machine runs, as nothing happens, it is put back), references matched by
 * business key. Refuses a year that exists; the database's own triggers and constraints still apply.
 */
@Injectable()
export class CycleImportService {
  constructor(
    private readonly connection: TransactionalConnection,
    private readonly audit: AuditService,
  ) {}

  async import(ctx: RequestContext, document: CycleBackupDocument, onProgress: (message: string) => void = () => undefined): Promise<CycleImportSummary> {
    try {
      return await this.connection.withTransaction(ctx, (tx) => this.write(tx, document, onProgress), { statementTimeoutMs: 600_000 });
    } catch (error) {
      throw translate(error, document.year);
    }
  }

  private async write(tx: RequestContext, document: CycleBackupDocument, onProgress: (message: string) => void): Promise<CycleImportSummary> {
    const manager = this.connection.manager(tx);
    // A restore running at the same time is caught by the unique year when the cycle row is written.
    if ((await manager.query('SELECT 1 FROM cycle WHERE year = $1', [document.year])).length) throw BackupException.yearTaken(document.year);
    const types = await backupColumnTypes(manager);

    const ids = await this.resolveReferences(manager, document);
    const usersCreated = await this.createMissingUsers(manager, document, ids);
    const templateVersionsCreated = await this.resolveTemplateVersions(manager, document.references.templateVersions, ids);

    const rows: Record<string, number> = {};
    for (const spec of BACKUP_TABLES) {
      const tableRows = spec.parentColumn ? parentsFirst(document.tables[spec.table]!) : document.tables[spec.table]!;
      rows[spec.table] = await this.insert(manager, spec, types.get(spec.table)!, tableRows, ids);
      onProgress(`${spec.table}: ${rows[spec.table]} ${rows[spec.table] === 1 ? 'rad' : 'rader'}`);
    }
    const cycle = document.tables.cycle![0]!;
    await this.audit.record(tx, {
      action: 'cycle.restored',
      entityType: 'cycle',
      entityId: cycle.id as string,
      after: { year: document.year, migrationHead: document.migrationHead, rows, usersCreated, templateVersionsCreated },
    });
    return { cycleName: cycle.name as string, rows, usersCreated, templateVersionsCreated };
  }

  /** Org units and indicators must be there already (reference data); each missing one is listed. */
  private async resolveReferences(manager: EntityManager, document: CycleBackupDocument): Promise<ReferenceIds> {
    const { orgUnits, indicators, users } = document.references;
    const byKey = async (sql: string, keys: string[]): Promise<Map<string, string>> =>
      new Map((await manager.query(sql, [keys]) as Array<{ key: string; id: string }>).map((row) => [row.key, row.id]));
    const ids: ReferenceIds = {
      orgUnit: await byKey('SELECT code AS key, id FROM org_unit WHERE code = ANY($1)', orgUnits.map((unit) => unit.code)),
      indicator: await byKey('SELECT code AS key, id FROM indicator WHERE code = ANY($1)', indicators.map((indicator) => indicator.code)),
      user: await byKey('SELECT email AS key, id FROM app_user WHERE email = ANY($1)', users.map((user) => user.email.toLowerCase())),
      templateVersion: new Map(),
    };
    const missing: FieldError[] = [
      ...orgUnits.filter((unit) => !ids.orgUnit.has(unit.code)).map((unit) => ({ path: 'references.orgUnits', message: `Organisationsenheten ${unit.code} (${unit.name}) finns inte.` })),
      ...indicators.filter((indicator) => !ids.indicator.has(indicator.code)).map((indicator) => ({ path: 'references.indicators', message: `Indikatorn ${indicator.code} (${indicator.name}) finns inte.` })),
    ];
    if (missing.length) throw BackupException.missingReferences(missing);
    for (const user of users) if (ids.user.has(user.email.toLowerCase())) ids.user.set(user.email, ids.user.get(user.email.toLowerCase())!);
    return ids;
  }

  /**
   * A user the document names (an author, a submitter) who is not in this database is made so the history keeps
   * their name: inactive, without a password, with the roles they had. A restore never lets anyone in; an
   * administrator reactivates and invites whoever should be. Existing users are matched by e-mail and left as they are.
   */
  private async createMissingUsers(manager: EntityManager, document: CycleBackupDocument, ids: ReferenceIds): Promise<string[]> {
    const created: string[] = [];
    for (const user of document.references.users) {
      if (ids.user.has(user.email)) continue;
      const [{ id }]: Array<{ id: string }> = await manager.query(
        'INSERT INTO app_user (email, name, active, password_hash, version) VALUES ($1, $2, false, NULL, 1) RETURNING id',
        [user.email.toLowerCase(), user.name],
      );
      for (const role of user.roles) {
        await manager.query('INSERT INTO role_assignment (user_id, role, org_unit_id) VALUES ($1, $2, $3)', [id, role.role, role.orgUnit ? ids.orgUnit.get(role.orgUnit) : null]);
      }
      ids.user.set(user.email, id);
      created.push(user.email);
    }
    return created;
  }

  /**
   * A pinned template version is found by its template (code, or name for a template made in the app) and number,
   * and must hold the same definition; one the database lacks is made from the document, published as it was.
   */
  private async resolveTemplateVersions(manager: EntityManager, versions: TemplateVersionReference[], ids: ReferenceIds): Promise<string[]> {
    const created: string[] = [];
    for (const version of versions) {
      const label = `${version.templateCode ?? version.templateName} version ${version.number}`;
      const templates: Array<{ id: string }> = version.templateCode !== null
        ? await manager.query('SELECT id FROM template WHERE code = $1', [version.templateCode])
        : await manager.query('SELECT id FROM template WHERE code IS NULL AND name = $1 ORDER BY created_at LIMIT 1', [version.templateName]);
      let templateId = templates[0]?.id;
      if (templateId) {
        const [existing]: Array<{ id: string; status: string; definition: unknown }> = await manager.query(
          'SELECT id, status, definition FROM template_version WHERE template_id = $1 AND number = $2', [templateId, version.number]);
        if (existing) {
          if (existing.status !== 'published' || canonicalJson(existing.definition) !== canonicalJson(version.definition)) throw BackupException.templateVersionDiffers(version.templateName, version.number);
          ids.templateVersion.set(version.key, existing.id);
          continue;
        }
      } else {
        [{ id: templateId }] = await manager.query('INSERT INTO template (code, name, description, version) VALUES ($1, $2, $3, 1) RETURNING id', [
          version.templateCode, version.templateName, version.templateDescription,
        ]);
      }
      // Published now, in this database: the document says what the version holds, not when another installation got it.
      const [{ id }]: Array<{ id: string }> = await manager.query(
        `INSERT INTO template_version (template_id, number, status, definition, published_at, version) VALUES ($1, $2, 'published', $3::jsonb, now(), 1) RETURNING id`,
        [templateId, version.number, JSON.stringify(version.definition)],
      );
      ids.templateVersion.set(version.key, id);
      created.push(label);
    }
    return created;
  }

  /** The rows through jsonb_to_recordset, typed by the table's own column types: one statement per chunk. */
  private async insert(manager: EntityManager, spec: TableSpec, types: Map<string, string>, rows: BackupRow[], ids: ReferenceIds): Promise<number> {
    const record = spec.columns.map((column) => `${quoteIdent(column.column)} ${column.kind === 'bytes' ? 'text' : types.get(column.column)!}`).join(', ');
    const select = spec.columns.map((column) => (column.kind === 'bytes' ? `decode(x.${quoteIdent(column.column)}, 'base64')` : `x.${quoteIdent(column.column)}`)).join(', ');
    const sql = `INSERT INTO ${quoteIdent(spec.table)} (${spec.columns.map((column) => quoteIdent(column.column)).join(', ')})
                 SELECT ${select} FROM jsonb_to_recordset($1::jsonb) AS x(${record})`;
    let chunk: Array<Record<string, unknown>> = [];
    let chars = 0;
    const flush = async (): Promise<void> => {
      if (chunk.length) await manager.query(sql, [JSON.stringify(chunk)]);
      chunk = [];
      chars = 0;
    };
    for (const row of rows) {
      const values: Record<string, unknown> = {};
      for (const column of spec.columns) {
        const value = row[documentKey(column)];
        values[column.column] = value !== null && (column.kind === 'user' || column.kind === 'orgUnit' || column.kind === 'indicator' || column.kind === 'templateVersion')
          ? ids[column.kind].get(value as string)
          : value;
      }
      chunk.push(values);
      chars += typeof row.html === 'string' ? row.html.length : 0;
      chars += typeof row.content === 'string' ? row.content.length : 0;
      if (chunk.length >= CHUNK_ROWS || chars >= CHUNK_CHARS) await flush();
    }
    await flush();
    return rows.length;
  }
}

/** Parents before their answers, whatever order the document lists them in. */
function parentsFirst(rows: BackupRow[]): BackupRow[] {
  const ordered: BackupRow[] = [];
  const placed = new Set<unknown>();
  let pending = rows;
  while (pending.length) {
    const next = pending.filter((row) => row.parentId !== null && !placed.has(row.parentId));
    if (next.length === pending.length) return [...ordered, ...pending];
    for (const row of pending) {
      if (next.includes(row)) continue;
      ordered.push(row);
      placed.add(row.id);
    }
    pending = next;
  }
  return ordered;
}

/** A constraint the database enforces, in the restore's words; anything else stays as it was thrown. */
function translate(error: unknown, year: number): unknown {
  if (!(error instanceof QueryFailedError)) return error;
  const driver = error.driverError as { code?: string; constraint?: string; table?: string; detail?: string; message: string };
  if (driver.code === '23505' && driver.constraint === 'ix_cycle_year') return BackupException.yearTaken(year);
  const id = /\(id\)=\(([^)]+)\)/.exec(driver.detail ?? '')?.[1];
  if (driver.code === '23505' && id && driver.table) return BackupException.idTaken(driver.table, id);
  return BackupException.rejected(driver.detail ? `${driver.message} (${driver.detail})` : driver.message);
}
