import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { CycleStatus } from './cycle-state.machine.js';

/** One turn of the wheel: a follow-up year with its dates, scope and status (see DOMAIN.md, "The year"). */
@Entity()
export class Cycle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The periods the year follows up, e.g. `['2025']`; comparisons also read the year before them. */
  @Column({ type: 'varchar', length: 16, array: true })
  dataPeriods: string[];

  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status: CycleStatus;

  @Column({ type: 'date' }) planStart: string;
  @Column({ type: 'date' }) planEnd: string;
  @Column({ type: 'date' }) doStart: string;
  @Column({ type: 'date' }) doEnd: string;
  @Column({ type: 'date' }) studyStart: string;
  @Column({ type: 'date' }) studyEnd: string;
  @Column({ type: 'date' }) actStart: string;
  @Column({ type: 'date' }) actEnd: string;

  /** The day the delregions' analyses are due (inside Do); each task starts with it. */
  @Column({ type: 'date' })
  analysisDueDate: string;

  /** The year's focus areas, e.g. avvikelser, in- och utskrivning, läkemedel. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  focusAreas: string[];

  /** Indicator codes in scope; set to every active indicator when the cycle is created without a list. */
  @Column({ type: 'varchar', length: 32, array: true, default: () => "'{}'" })
  indicatorCodes: string[];

  /** The published template version (id) the launch pins on every task; default the latest published. */
  @Column({ type: 'varchar', length: 40, nullable: true })
  templateVersion: string | null;

  /** Decisions carried over from last year's cycle (text until the feedback lib records them). */
  @Column({ type: 'text', array: true, nullable: true })
  carriedOverDecisions: string[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  launchedAt: Date | null;

  /** The import batches the frozen compilation's figures came from. */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  snapshotBatchIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
