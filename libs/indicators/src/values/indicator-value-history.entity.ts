import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NUMERIC } from './numeric.transformer.js';

/** A figure as it was before an import replaced it. Append-only. */
@Entity()
@Index(['valueId'])
@Index(['replacedByBatchId'])
export class IndicatorValueHistory {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** The `indicator_value` row that changed; it lives on with the new figure. */
  @Column({ type: 'bigint' })
  valueId: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 16 })
  period: string;

  @Column({ type: 'varchar', length: 200 })
  breakdown: string;

  @Column({ type: 'numeric', transformer: NUMERIC })
  value: number;

  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  numerator: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  denominator: number | null;

  @Column({ type: 'varchar', length: 12 })
  status: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'boolean' })
  derived: boolean;

  /** The batch that had written the old figure. */
  @Column({ type: 'uuid', nullable: true })
  sourceBatchId: string | null;

  /** The old figure's version and when it was written. */
  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'timestamptz' })
  validFrom: Date;

  @Column({ type: 'uuid' })
  replacedByBatchId: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  replacedAt: Date;
}
