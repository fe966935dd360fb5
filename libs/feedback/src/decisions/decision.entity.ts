import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Cycle } from '@arshjulet/cycle';
import { OrgUnit, User } from '@arshjulet/org';

export const DECISION_PRIORITIES = ['high', 'medium', 'low'] as const;
export type DecisionPriority = (typeof DECISION_PRIORITIES)[number];

export const DECISION_PRIORITY_LABELS_SV: Record<DecisionPriority, string> = { high: 'hög', medium: 'medel', low: 'låg' };

/** A decision VVG records on the year's report (the Act step); closing the cycle turns it into next year's action. */
@Entity()
@Index(['cycleId', 'createdAt'])
export class Decision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => Cycle, { onDelete: 'CASCADE' })
  @JoinColumn()
  cycle?: Relation<Cycle>;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 10 })
  priority: DecisionPriority;

  /** Who carries it out: any active org unit, typically the county or a delregion. */
  @Column({ type: 'uuid' })
  ownerOrgUnitId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn()
  ownerOrgUnit?: Relation<OrgUnit>;

  @Column({ type: 'date' })
  dueDate: string;

  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  indicatorCodes: string[];

  @Column({ type: 'varchar', length: 64, array: true, default: () => "'{}'" })
  themeKeys: string[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
