import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTask } from '@arshjulet/cycle';
import { User } from '@arshjulet/org';
import type { Answers } from '@arshjulet/templates';

/** What was submitted, as it was: written once per submission, in the submit's transaction, never changed. */
@Entity()
@Index(['taskId', 'number'], { unique: true })
export class AnalysisRevision {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => AnalysisTask, { onDelete: 'RESTRICT' })
  @JoinColumn()
  task?: Relation<AnalysisTask>;

  /** 1, 2, 3 … per task. */
  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'jsonb' })
  answers: Answers;

  /** The template version the answers were given against. */
  @Column({ type: 'uuid', nullable: true })
  templateVersionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  submittedBy?: Relation<User> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  submittedAt: Date;
}
