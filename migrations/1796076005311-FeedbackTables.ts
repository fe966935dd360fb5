import type { MigrationInterface, QueryRunner } from 'typeorm';

/** VVG's comments on the report's sections, its decisions, and the actions they become when the cycle closes. */
export class FeedbackTables1796076005311 implements MigrationInterface {
  name = 'FeedbackTables1796076005311';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "decision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "text" text NOT NULL, "priority" character varying(10) NOT NULL, "owner_org_unit_id" uuid NOT NULL, "due_date" date NOT NULL, "indicator_codes" character varying(32) array NOT NULL DEFAULT '{}', "theme_keys" character varying(64) array NOT NULL DEFAULT '{}', "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_decision_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_decision_cycle_id_created_at" ON "decision"  ("cycle_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "decision_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_id" uuid NOT NULL, "year" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_decision_action_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_decision_action_decision_id" ON "decision_action"  ("decision_id") `);
    await queryRunner.query(`CREATE INDEX "ix_decision_action_year" ON "decision_action"  ("year") `);
    await queryRunner.query(`CREATE TABLE "feedback_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "report_version_id" uuid NOT NULL, "report_version_number" integer NOT NULL, "section_id" character varying(120) NOT NULL, "body" text NOT NULL, "author_id" uuid, "parent_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_feedback_comment_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_feedback_comment_cycle_id_report_version_id_created_at" ON "feedback_comment"  ("cycle_id", "report_version_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "fk_decision_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "fk_decision_owner_org_unit_id" FOREIGN KEY ("owner_org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "decision" ADD CONSTRAINT "fk_decision_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "decision_action" ADD CONSTRAINT "fk_decision_action_decision_id" FOREIGN KEY ("decision_id") REFERENCES "decision"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" ADD CONSTRAINT "fk_feedback_comment_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" ADD CONSTRAINT "fk_feedback_comment_report_version_id" FOREIGN KEY ("report_version_id") REFERENCES "report_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" ADD CONSTRAINT "fk_feedback_comment_author_id" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" ADD CONSTRAINT "fk_feedback_comment_parent_id" FOREIGN KEY ("parent_id") REFERENCES "feedback_comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feedback_comment" DROP CONSTRAINT "fk_feedback_comment_parent_id"`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" DROP CONSTRAINT "fk_feedback_comment_author_id"`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" DROP CONSTRAINT "fk_feedback_comment_report_version_id"`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" DROP CONSTRAINT "fk_feedback_comment_cycle_id"`);
    await queryRunner.query(`ALTER TABLE "decision_action" DROP CONSTRAINT "fk_decision_action_decision_id"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "fk_decision_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "fk_decision_owner_org_unit_id"`);
    await queryRunner.query(`ALTER TABLE "decision" DROP CONSTRAINT "fk_decision_cycle_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feedback_comment_cycle_id_report_version_id_created_at"`);
    await queryRunner.query(`DROP TABLE "feedback_comment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decision_action_year"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decision_action_decision_id"`);
    await queryRunner.query(`DROP TABLE "decision_action"`);
    await queryRunner.query(`DROP INDEX "public"."ix_decision_cycle_id_created_at"`);
    await queryRunner.query(`DROP TABLE "decision"`);
  }
}
