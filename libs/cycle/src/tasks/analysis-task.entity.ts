import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '@arshjulet/org';
import { Cycle } from '../cycles/cycle.entity.js';
import type { TaskStatus } from './task-state.machine.js';

/** One delregion's analysis of one cycle. `overdue` is derived from the due date, never stored. */
@Entity()
@Index(['cycleId', 'delregionId'], { unique: true })
@Index(['delregionId'])
export class AnalysisTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => Cycle, { onDelete: 'RESTRICT' })
  @JoinColumn()
  cycle?: Relation<Cycle>;

  /** The delregion org unit. */
  @Column({ type: 'uuid' })
  delregionId: string;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn()
  delregion?: Relation<OrgUnit>;

  @Column({ type: 'varchar', length: 20, default: 'not_started' })
  status: TaskStatus;

  @Column({ type: 'date' })
  dueDate: string;

  /** Why the county coordinator moved the due date, when they did. */
  @Column({ type: 'text', nullable: true })
  dueDateReason: string | null;

  /** The county coordinator's comment when the analysis was last returned. */
  @Column({ type: 'text', nullable: true })
  returnComment: string | null;

  /** The template version (id) pinned at launch; it never changes (published versions are final). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  templateVersion: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;

  /** Deadline reminders delivered for this task (written by the reminder job, not a user edit: no version bump). */
  @Column({ type: 'int', default: 0 })
  remindersSent: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
