import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An in-app notification: what the bell counts and the list shows. Materialised from the outbox by the worker. */
@Entity()
@Index(['userId', 'createdAt'])
@Index(['userId'], { where: 'read_at IS NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 60 })
  kind: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** App-relative link to the thing. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  link: string | null;

  /** The outbox message it came from: a redelivery never shows it twice. */
  @Index({ unique: true })
  @Column({ type: 'uuid', nullable: true })
  outboxMessageId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
