import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fixed-window hit counter for the login throttler, shared by every app instance. */
@Entity()
export class RateLimitCounter {
  /** `<throttler>:<tracker>`, e.g. `login-ip:203.0.113.7`; accounts are tracked by a hash of the e-mail. */
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'int' })
  hits: number;

  @Column({ type: 'timestamptz' })
  windowEndsAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil: Date | null;
}
