import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '@arshjulet/org';
import type { ReportModel } from '../model/report-model.js';
import { CountyReport } from './county-report.entity.js';

/**
 * The report as it was at a save or a transition: the rendered HTML and the model it came from. Written once, in
 * the transaction of the change; a database trigger refuses any update or delete.
 */
@Entity()
@Index(['reportId', 'number'], { unique: true })
export class ReportVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reportId: string;

  @ManyToOne(() => CountyReport, { onDelete: 'RESTRICT' })
  @JoinColumn()
  report?: Relation<CountyReport>;

  /** 1, 2, 3 … per report. */
  @Column({ type: 'int' })
  number: number;

  /** The report's state this version was frozen in (the state after the transition). */
  @Column({ type: 'varchar', length: 20 })
  state: string;

  @Column({ type: 'boolean' })
  preliminary: boolean;

  /** What the transition or save was (e.g. 'send_to_review', 'save'), and its reason, if any. */
  @Column({ type: 'varchar', length: 40 })
  action: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text' })
  html: string;

  @Column({ type: 'jsonb' })
  model: ReportModel;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn()
  createdBy?: Relation<User> | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
