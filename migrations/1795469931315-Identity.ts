import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795469931315 implements MigrationInterface {
  name = 'Identity1795469931315';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_session" ("sid" character varying(128) NOT NULL, "sess" jsonb NOT NULL, "expire" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_user_session_sid" PRIMARY KEY ("sid"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_session_expire" ON "user_session"  ("expire") `);
    await queryRunner.query(`CREATE TABLE "password_reset_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, "purpose" character varying(20) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_password_reset_token_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_password_reset_token_user_id" ON "password_reset_token"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_password_reset_token_token_hash" ON "password_reset_token"  ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(60) NOT NULL, "recipient" character varying(320) NOT NULL, "recipient_user_id" uuid, "subject" character varying(200) NOT NULL, "body" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "status" character varying(10) NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_outbox_message_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_recipient_user_id" ON "outbox_message"  ("recipient_user_id") `);
    await queryRunner.query(`CREATE INDEX "ix_outbox_message_status_created_at" ON "outbox_message"  ("status", "created_at") `);
    await queryRunner.query(`CREATE TABLE "rate_limit_counter" ("key" character varying(200) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_rate_limit_counter_key" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "password_reset_token" ADD CONSTRAINT "fk_password_reset_token_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_reset_token" DROP CONSTRAINT "fk_password_reset_token_user_id"`);
    await queryRunner.query(`DROP TABLE "rate_limit_counter"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_message_status_created_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_message_recipient_user_id"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP INDEX "public"."ix_password_reset_token_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_password_reset_token_user_id"`);
    await queryRunner.query(`DROP TABLE "password_reset_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_session_expire"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
  }
}
