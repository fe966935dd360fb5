import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { RowError } from '../parse/row-validator.js';

export type ImportBatchStatus = 'previewed' | 'committed' | 'discarded';
export type ImportFormat = 'csv' | 'xlsx' | 'kolada';

/** At most this many rejected rows are kept with a batch; `rejectedCount` still counts them all. */
export const MAX_STORED_REJECTIONS = 1000;
/** At most this many changed rows are kept as examples in the preview. */
export const MAX_STORED_CHANGES = 100;

export interface StoredRejection {
  line: number;
  column?: number;
  errors: RowError[];
  /** `Rad 12, kolumn C: Okänd enhet ”X”.` */
  message: string;
}

export interface StoredChange {
  line: number;
  indicator: string;
  orgUnit: string;
  period: string;
  breakdown: string;
  oldValue: number;
  newValue: number;
}

/** One import with its provenance: who, when, which file (checksum), and what it did or would do. */
@Entity()
@Index(['createdAt'])
@Index(['checksum'])
export class ImportBatch {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 12 })
  status: ImportBatchStatus;

  @Column({ type: 'varchar', length: 10 })
  format: ImportFormat;

  /** File name as uploaded, or the Kolada URL fetched. */
  @Column({ type: 'varchar', length: 500 })
  fileName: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  sheet: string | null;

  /** Indicator given for files that do not name it per row (wide layout). */
  @Column({ type: 'varchar', length: 32, nullable: true })
  indicatorCode: string | null;

  /** SHA-256 of the bytes received, hex. */
  @Column({ type: 'char', length: 64 })
  checksum: string;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  byteSize: number;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 320 })
  createdByLabel: string;

  /** Values read from the file, valid or not. */
  @Column({ type: 'int', default: 0 })
  rowCount: number;

  @Column({ type: 'int', default: 0 })
  insertCount: number;

  @Column({ type: 'int', default: 0 })
  updateCount: number;

  @Column({ type: 'int', default: 0 })
  unchangedCount: number;

  @Column({ type: 'int', default: 0 })
  rejectedCount: number;

  /** Derived (delregion, county) figures written or changed by the commit. */
  @Column({ type: 'int', default: 0 })
  derivedCount: number;

  /** The first {@link MAX_STORED_REJECTIONS} rejected rows, in file order. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  rejectedRows: StoredRejection[];

  /** Examples of figures the commit would change (first {@link MAX_STORED_CHANGES} by line). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  changes: StoredChange[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  discardedAt: Date | null;

  /** Who committed or discarded it. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  closedByLabel: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
