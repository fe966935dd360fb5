import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '@arshjulet/org';
import { Indicator } from '../catalogue/indicator.entity.js';
import type { PeriodKind } from '../period/period.js';
import { NUMERIC } from './numeric.transformer.js';

export type IndicatorValueStatus = 'final' | 'preliminary';

/**
 * One figure: indicator × org unit × period × breakdown (`''` = total). Written only set-based by import
 * commits and the derived-value recomputation; a changed figure first leaves its old state in the history.
 */
@Entity()
@Index(['indicatorId', 'orgUnitId', 'period', 'breakdown'], { unique: true })
@Index(['orgUnitId'])
export class IndicatorValue {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  indicatorId: string;

  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn()
  indicator: Relation<Indicator>;

  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn()
  orgUnit: Relation<OrgUnit>;

  /** Canonical period (`2025`, `2025-Q3`, `2025-03`, `R12-2025-09`). */
  @Column({ type: 'varchar', length: 16 })
  period: string;

  @Column({ type: 'varchar', length: 10 })
  periodKind: PeriodKind;

  /** First and last day of the period, so `from`/`to` filters are range conditions. */
  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  /** `''` for the total; `gender:female`, or a named split such as `upptäckt på sjukhus, utreds av kommun`. */
  @Column({ type: 'varchar', length: 200, default: '' })
  breakdown: string;

  @Column({ type: 'numeric', transformer: NUMERIC })
  value: number;

  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  numerator: number | null;

  @Column({ type: 'numeric', nullable: true, transformer: NUMERIC })
  denominator: number | null;

  @Column({ type: 'varchar', length: 12, default: 'final' })
  status: IndicatorValueStatus;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Computed from member units (a delregion from its municipalities), not reported by a source. */
  @Column({ type: 'boolean', default: false })
  derived: boolean;

  /** The import batch that wrote the current figure (for a derived one: the batch that triggered it). */
  @Column({ type: 'uuid', nullable: true })
  sourceBatchId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
