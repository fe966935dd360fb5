import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum OutboxStatus {
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
}

/**
 * A message waiting to be delivered (e-mail today, more channels later). Written in the same transaction as
 * the change it announces, so a rolled-back change never sends anything and a committed one is never lost.
 */
@Entity()
@Index(['status', 'createdAt'])
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Dotted kind, e.g. `user.invitation`, `user.password_reset`. */
  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  /** The user the message is for, when it is for one. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  /** Plain-text body in Swedish, ready to send. */
  @Column({ type: 'text' })
  body: string;

  /** Structured data for other renderings (HTML mail, in-app) and for lookups. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10, default: OutboxStatus.Pending })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
