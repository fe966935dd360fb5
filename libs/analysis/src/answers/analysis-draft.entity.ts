import { Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTask } from '@arshjulet/cycle';
import { User } from '@arshjulet/org';
import type { Answers } from '@arshjulet/templates';

/** The one working copy of a task's answers; every save bumps `version` (the ETag), a stale one answers 409. */
@Entity()
export class AnalysisDraft {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  /** One draft per task (the one-to-one join column is unique). */
  @OneToOne(() => AnalysisTask, { onDelete: 'CASCADE' })
  @JoinColumn()
  task?: Relation<AnalysisTask>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Answers;

  /** Share (0..1) of the pinned template's required fields answered, written with every save for the overviews. */
  @Column({ type: 'real', default: 0 })
  completeness: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  updatedBy?: Relation<User> | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
