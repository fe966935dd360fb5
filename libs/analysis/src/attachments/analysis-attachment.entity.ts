import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { AnalysisTask } from '@arshjulet/cycle';
import { User } from '@arshjulet/org';

/** A file beside the analysis (the delregion's annual report or plan), in PostgreSQL so every instance serves it. */
@Entity()
@Index(['taskId'])
export class AnalysisAttachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  taskId: string;

  @ManyToOne(() => AnalysisTask, { onDelete: 'CASCADE' })
  @JoinColumn()
  task?: Relation<AnalysisTask>;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Detected from the bytes, never taken from the name or the browser. */
  @Column({ type: 'varchar', length: 100 })
  contentType: string;

  @Column({ type: 'int' })
  size: number;

  @Column({ type: 'bytea', select: false })
  content: Buffer;

  @Column({ type: 'uuid', nullable: true })
  uploadedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  uploadedBy?: Relation<User> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}
