import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Cycle } from '@arshjulet/cycle';
import type { OwnSections } from '../model/report-model.js';
import type { ReportState } from './report-state.machine.js';

/** A cycle's county report: where it is in its machine and the county coordinator's own sections (edited with If-Match). */
@Entity()
export class CountyReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  cycleId: string;

  @ManyToOne(() => Cycle, { onDelete: 'RESTRICT' })
  @JoinColumn()
  cycle?: Relation<Cycle>;

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  state: ReportState;

  /** Markdown, never touched when the generated parts are assembled again. */
  @Column({ type: 'jsonb', default: () => `'{"questions": "", "conclusions": ""}'` })
  ownSections: OwnSections;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
