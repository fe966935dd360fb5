import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Cycle } from '@arshjulet/cycle';
import { User } from '@arshjulet/org';

/**
 * A VVG reviewer's comment on one section of a version of the county report, or (with a parent) the county
 * coordinator's answer to one, on the report version (report_version) that was in review when it was written.
 */
@Entity()
@Index(['cycleId', 'reportVersionId', 'createdAt'])
export class FeedbackComment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => Cycle, { onDelete: 'CASCADE' })
  @JoinColumn()
  cycle?: Relation<Cycle>;

  @Column({ type: 'uuid' })
  reportVersionId: string;

  // By entity name: the report lib exports its table list, not the class.
  @ManyToOne('ReportVersion', { onDelete: 'CASCADE' })
  @JoinColumn()
  reportVersion?: unknown;

  /** The version's number, so a list can say which version a comment was written on without reading the report's table. */
  @Column({ type: 'int' })
  reportVersionNumber: number;

  /** A section id of the report (reportSections(model)); an answer repeats its comment's. */
  @Column({ type: 'varchar', length: 120 })
  sectionId: string;

  /** Markdown, rendered through the sanitiser. */
  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  author?: Relation<User> | null;

  /** The comment this answers (the county coordinator's answer); null for a reviewer's comment. */
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => FeedbackComment, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn()
  parent?: Relation<FeedbackComment> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
