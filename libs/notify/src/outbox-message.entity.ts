import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { OutboxChannel } from './outbox-draft.js';

export enum OutboxStatus {
  /** Waiting for its first delivery (an e-mail stays here while no SMTP_URL is set). */
  Pending = 'pending',
  /** At least one attempt failed; retried at `nextAttemptAt`. */
  Failed = 'failed',
  Sent = 'sent',
  /** Gave up after OUTBOX_MAX_ATTEMPTS; an admin may retry it. */
  Dead = 'dead',
}

/**
 * A message waiting to be delivered (e-mail, in-app). Written in the same transaction as the change it announces,
 * so a rolled-back change never sends anything and a committed one is never lost; the OutboxWorker delivers it.
 */
@Entity()
@Index(['status', 'nextAttemptAt'])
@Index(['status', 'createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10, default: 'email' })
  channel: OutboxChannel;

  /** Dotted kind, e.g. `user.invitation`, `task.reminder`. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  /** E-mail address, or the user id for in-app messages. */
  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  /** The user the message is for, when it is for one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  /** Plain-text body in Swedish; `{{name}}` placeholders are filled from `secret` when it is sent. */
  @Column({ type: 'text' })
  body: string;

  /** HTML body in Swedish, with the same placeholders. */
  @Column({ type: 'text', nullable: true })
  html: string | null;

  /** App-relative link to the thing the message is about. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  /** One-time parts (password links), erased once the message is delivered. Never logged. */
  @Column({ type: 'jsonb', nullable: true })
  secret: Record<string, string> | null;

  /** Structured data for lookups (e.g. which password link a message carries). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  /** Enqueueing the same key twice is a no-op: a re-run never sends a message twice. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 10, default: OutboxStatus.Pending })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** A worker's lease on the message while it delivers it; expired leases are taken over. */
  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'varchar', length: 80, nullable: true })
  claimedBy: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
