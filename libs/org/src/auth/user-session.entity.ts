import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A web session, in the shape connect-pg-simple reads and writes (`sid`, `sess`, `expire`), so every app
 * instance shares them. `sess.userId` ties a session to its user, which lets us end all of a user's sessions.
 */
@Entity()
export class UserSession {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  sid: string;

  /** Indexed on `sess->>'userId'` (an expression index the migration creates; TypeORM cannot declare one). */
  @Index('IDX_user_session_user_id', { synchronize: false })
  @Column({ type: 'jsonb' })
  sess: Record<string, unknown>;

  /** Moves forward with use (rolling idle timeout, written at most once per touch interval), never past the absolute lifetime; expired rows are pruned. */
  @Index()
  @Column({ type: 'timestamptz' })
  expire: Date;
}
