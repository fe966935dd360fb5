import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Indicator } from '@arshjulet/indicators';
import { OrgUnit } from '@arshjulet/org';
import { Cycle } from '../cycles/cycle.entity.js';

/**
 * One figure of a cycle's frozen county compilation, copied at launch with its codes, so later imports,
 * corrections or renamed units never change what the delregions analyse. Written once, in one INSERT … SELECT.
 */
@Entity({ name: 'cycle_compilation_value' })
@Index(['cycleId', 'indicatorCode', 'orgUnitCode', 'period', 'breakdown'], { unique: true })
export class CompilationValue {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' }) cycleId: string;
  @ManyToOne(() => Cycle, { onDelete: 'RESTRICT' })
  @JoinColumn()
  cycle?: Relation<Cycle>;

  @Column({ type: 'uuid' }) indicatorId: string;
  @ManyToOne(() => Indicator, { onDelete: 'RESTRICT' })
  @JoinColumn()
  indicator?: Relation<Indicator>;

  @Column({ type: 'varchar', length: 32 }) indicatorCode: string;
  @Column({ type: 'uuid' }) orgUnitId: string;
  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn()
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 32 }) orgUnitCode: string;
  @Column({ type: 'varchar', length: 20 }) orgUnitType: string;
  @Column({ type: 'varchar', length: 16 }) period: string;
  @Column({ type: 'date' }) periodStart: string;
  @Column({ type: 'date' }) periodEnd: string;
  @Column({ type: 'varchar', length: 200 }) breakdown: string;
  @Column({ type: 'numeric' }) value: string;
  @Column({ type: 'numeric', nullable: true }) numerator: string | null;
  @Column({ type: 'numeric', nullable: true }) denominator: string | null;
  @Column({ type: 'varchar', length: 12 }) status: string;
  @Column({ type: 'boolean' }) derived: boolean;
  @Column({ type: 'uuid', nullable: true }) sourceBatchId: string | null;
}
