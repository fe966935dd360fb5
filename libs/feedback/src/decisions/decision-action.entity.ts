import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Decision } from './decision.entity.js';

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS_SV: Record<ActionStatus, string> = { open: 'Inte påbörjad', in_progress: 'Pågår', done: 'Klar' };

/** A decision carried into the year after its cycle (created when the cycle closes; one per decision). */
@Entity()
@Index(['year'])
export class DecisionAction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => Decision, { onDelete: 'CASCADE' })
  @JoinColumn()
  decision?: Relation<Decision>;

  /** The year it belongs to: the decision's cycle year + 1. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 20, default: 'open' })
  status: ActionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
