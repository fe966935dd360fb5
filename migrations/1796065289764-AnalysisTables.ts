import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalysisTables1796065289764 implements MigrationInterface {
  name = 'AnalysisTables1796065289764';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "analysis_draft" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "answers" jsonb NOT NULL DEFAULT '{}', "completeness" real NOT NULL DEFAULT '0', "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "REL_c753ea2bb41c184e1afe04442e" UNIQUE ("task_id"), CONSTRAINT "pk_analysis_draft_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "analysis_attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size" integer NOT NULL, "content" bytea NOT NULL, "uploaded_by_id" uuid, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_analysis_attachment_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_analysis_attachment_task_id" ON "analysis_attachment"  ("task_id") `);
    await queryRunner.query(`CREATE TABLE "analysis_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "target" character varying(64), "parent_id" uuid, "body" text NOT NULL, "author_id" uuid, "resolved_at" TIMESTAMP WITH TIME ZONE, "resolved_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_analysis_comment_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_analysis_comment_task_id_created_at" ON "analysis_comment"  ("task_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "analysis_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "number" integer NOT NULL, "answers" jsonb NOT NULL, "template_version_id" uuid, "submitted_by_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_analysis_revision_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_analysis_revision_task_id_number" ON "analysis_revision"  ("task_id", "number") `);
    await queryRunner.query(`ALTER TABLE "analysis_draft" ADD CONSTRAINT "fk_analysis_draft_task_id" FOREIGN KEY ("task_id") REFERENCES "analysis_task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_draft" ADD CONSTRAINT "fk_analysis_draft_updated_by_id" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_attachment" ADD CONSTRAINT "fk_analysis_attachment_task_id" FOREIGN KEY ("task_id") REFERENCES "analysis_task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_attachment" ADD CONSTRAINT "fk_analysis_attachment_uploaded_by_id" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" ADD CONSTRAINT "fk_analysis_comment_task_id" FOREIGN KEY ("task_id") REFERENCES "analysis_task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" ADD CONSTRAINT "fk_analysis_comment_parent_id" FOREIGN KEY ("parent_id") REFERENCES "analysis_comment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" ADD CONSTRAINT "fk_analysis_comment_author_id" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" ADD CONSTRAINT "fk_analysis_comment_resolved_by_id" FOREIGN KEY ("resolved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_revision" ADD CONSTRAINT "fk_analysis_revision_task_id" FOREIGN KEY ("task_id") REFERENCES "analysis_task"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_revision" ADD CONSTRAINT "fk_analysis_revision_submitted_by_id" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_revision" DROP CONSTRAINT "fk_analysis_revision_submitted_by_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_revision" DROP CONSTRAINT "fk_analysis_revision_task_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" DROP CONSTRAINT "fk_analysis_comment_resolved_by_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" DROP CONSTRAINT "fk_analysis_comment_author_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" DROP CONSTRAINT "fk_analysis_comment_parent_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_comment" DROP CONSTRAINT "fk_analysis_comment_task_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_attachment" DROP CONSTRAINT "fk_analysis_attachment_uploaded_by_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_attachment" DROP CONSTRAINT "fk_analysis_attachment_task_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_draft" DROP CONSTRAINT "fk_analysis_draft_updated_by_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_draft" DROP CONSTRAINT "fk_analysis_draft_task_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_analysis_revision_task_id_number"`);
    await queryRunner.query(`DROP TABLE "analysis_revision"`);
    await queryRunner.query(`DROP INDEX "public"."ix_analysis_comment_task_id_created_at"`);
    await queryRunner.query(`DROP TABLE "analysis_comment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_analysis_attachment_task_id"`);
    await queryRunner.query(`DROP TABLE "analysis_attachment"`);
    await queryRunner.query(`DROP TABLE "analysis_draft"`);
  }
}
