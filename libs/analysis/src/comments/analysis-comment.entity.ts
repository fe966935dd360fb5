import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTask } from '@arshjulet/cycle';
import { User } from '@arshjulet/org';

/** A review comment on a field or a section of a task's analysis (null target: the whole analysis); threaded by parent. */
@Entity()
@Index(['taskId', 'createdAt'])
export class AnalysisComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => AnalysisTask, { onDelete: 'CASCADE' })
  @JoinColumn()
  task?: Relation<AnalysisTask>;

  /** A field key or a section key of the task's template; null for the analysis as a whole (a return's summary). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  target: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => AnalysisComment, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn()
  parent?: Relation<AnalysisComment> | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  author?: Relation<User> | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  resolvedBy?: Relation<User> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;
}
