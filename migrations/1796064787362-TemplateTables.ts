import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TemplateTables1796064787362 implements MigrationInterface {
  name = 'TemplateTables1796064787362';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "template" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(64), "name" character varying(200) NOT NULL, "description" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_template_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_template_code_fozolz" ON "template"  ("code") WHERE code IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "template_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "number" integer NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "definition" jsonb NOT NULL, "copied_from_id" uuid, "created_by_id" uuid, "published_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_template_version_status" CHECK (status IN ('draft', 'published')), CONSTRAINT "pk_template_version_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_template_version_one_draft" ON "template_version"  ("template_id") WHERE status = 'draft'`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_template_version_template_id_number" ON "template_version"  ("template_id", "number") `);
    await queryRunner.query(`CREATE TABLE "theme_tag" ("key" character varying(64) NOT NULL, "label" character varying(200) NOT NULL, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_theme_tag_key" PRIMARY KEY ("key"))`);
    await queryRunner.query(`ALTER TABLE "template_version" ADD CONSTRAINT "fk_template_version_template_id" FOREIGN KEY ("template_id") REFERENCES "template"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "template_version" ADD CONSTRAINT "fk_template_version_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "template_version" ADD CONSTRAINT "fk_template_version_published_by_id" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    // A published version never changes and is never deleted, whoever writes: tasks stay pinned to the form they got.
    await queryRunner.query(`CREATE FUNCTION template_version_published_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.status = 'published' THEN
            RAISE EXCEPTION 'template version % is published and cannot be deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.status = 'published' AND (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.status IS DISTINCT FROM OLD.status
            OR NEW.number IS DISTINCT FROM OLD.number OR NEW.template_id IS DISTINCT FROM OLD.template_id) THEN
          RAISE EXCEPTION 'template version % is published and cannot change', OLD.id USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER template_version_published_is_final BEFORE UPDATE OR DELETE ON "template_version" FOR EACH ROW EXECUTE FUNCTION template_version_published_is_final()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER template_version_published_is_final ON "template_version"`);
    await queryRunner.query(`DROP FUNCTION template_version_published_is_final()`);
    await queryRunner.query(`ALTER TABLE "template_version" DROP CONSTRAINT "fk_template_version_published_by_id"`);
    await queryRunner.query(`ALTER TABLE "template_version" DROP CONSTRAINT "fk_template_version_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "template_version" DROP CONSTRAINT "fk_template_version_template_id"`);
    await queryRunner.query(`DROP TABLE "theme_tag"`);
    await queryRunner.query(`DROP INDEX "public"."ix_template_version_template_id_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_template_version_one_draft"`);
    await queryRunner.query(`DROP TABLE "template_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_template_code_fozolz"`);
    await queryRunner.query(`DROP TABLE "template"`);
  }
}
