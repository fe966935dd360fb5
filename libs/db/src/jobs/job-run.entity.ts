import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * The job ledger: one row per effect done, keyed by (job, subject, run date). Written in the same transaction as
 * the effect, so a crash undoes both and a re-run, on any number of instances, does each effect once.
 */
@Entity()
@Unique(['job', 'subject', 'runDate'])
export class JobRun {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** e.g. `task.reminder.14d`, `imports.discard_stale_previews`. */
  @Column({ type: 'varchar', length: 80 })
  job: string;

  /** What the effect was about (a task id, `all`). */
  @Column({ type: 'varchar', length: 120 })
  subject: string;

  /** The date the job ran as of (Europe/Stockholm), YYYY-MM-DD. */
  @Column({ type: 'date' })
  runDate: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  doneAt: Date;

  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;
}
