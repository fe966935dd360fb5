import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A validated row of a previewed batch, waiting for commit or discard. The table is UNLOGGED (set in its
 * migration): it is scratch space, filled by COPY, so it skips the WAL; a crash empties it, and a commit
 * then refuses the batch because its rows are gone.
 */
@Entity({ name: 'indicator_import_row' })
export class ImportStagedRow {
  @PrimaryColumn({ type: 'uuid' })
  batchId: string;

  /** Position among the batch's valid rows. */
  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'int' })
  line: number;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 16 })
  period: string;

  @Column({ type: 'varchar', length: 10 })
  periodKind: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column({ type: 'varchar', length: 200 })
  breakdown: string;

  @Column({ type: 'numeric' })
  value: string;

  @Column({ type: 'numeric', nullable: true })
  numerator: string | null;

  @Column({ type: 'numeric', nullable: true })
  denominator: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
