import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One recorded act. Append-only: a database trigger refuses UPDATE and DELETE. */
@Entity()
@Index(['entityType', 'entityId'])
@Index(['occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  /** Null for the system (start-up, scheduler). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Kept as text so the trail still reads after the user is gone. */
  @Column({ type: 'varchar', length: 320 })
  actorLabel: string;

  /** Dotted verb, e.g. `user.created`, `indicator_import.committed`, `access.denied`. */
  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Column({ type: 'varchar', length: 60 })
  entityType: string;

  @Column({ type: 'varchar', length: 80, nullable: true })
  entityId: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
