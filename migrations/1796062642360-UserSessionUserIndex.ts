import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ending a user's sessions (deactivation, new password) finds them by `sess->>'userId'`; without an index that
 * reads every session row. An expression index, so connect-pg-simple's row shape (sid, sess, expire) stays as is.
 */
export class UserSessionUserIndex1796062642360 implements MigrationInterface {
  name = 'UserSessionUserIndex1796062642360';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_user_session_user_id" ON "user_session" ((sess ->> 'userId'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_user_session_user_id"`);
  }
}
