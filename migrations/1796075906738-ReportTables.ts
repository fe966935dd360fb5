import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReportTables1796075906738 implements MigrationInterface {
  name = 'ReportTables1796075906738';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "county_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cycle_id" uuid NOT NULL, "state" character varying(20) NOT NULL DEFAULT 'draft', "own_sections" jsonb NOT NULL DEFAULT '{"conclusions":"","questions":""}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "pk_county_report_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_county_report_cycle_id" ON "county_report"  ("cycle_id") `);
    await queryRunner.query(`CREATE TABLE "report_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_id" uuid NOT NULL, "number" integer NOT NULL, "state" character varying(20) NOT NULL, "preliminary" boolean NOT NULL, "action" character varying(40) NOT NULL, "reason" text, "html" text NOT NULL, "model" jsonb NOT NULL, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_report_version_id" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ix_report_version_report_id_number" ON "report_version"  ("report_id", "number") `);
    await queryRunner.query(`ALTER TABLE "county_report" ADD CONSTRAINT "fk_county_report_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_version" ADD CONSTRAINT "fk_report_version_report_id" FOREIGN KEY ("report_id") REFERENCES "county_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "report_version" ADD CONSTRAINT "fk_report_version_created_by_id" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    // A frozen version never changes and is never deleted, whoever writes: what VVG reviewed is what stays on record.
    await queryRunner.query(`CREATE FUNCTION report_version_is_final() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'report version % is frozen and cannot be changed or deleted', OLD.id USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await queryRunner.query(`CREATE TRIGGER report_version_is_final BEFORE UPDATE OR DELETE ON "report_version" FOR EACH ROW EXECUTE FUNCTION report_version_is_final()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER report_version_is_final ON "report_version"`);
    await queryRunner.query(`DROP FUNCTION report_version_is_final()`);
    await queryRunner.query(`ALTER TABLE "report_version" DROP CONSTRAINT "fk_report_version_created_by_id"`);
    await queryRunner.query(`ALTER TABLE "report_version" DROP CONSTRAINT "fk_report_version_report_id"`);
    await queryRunner.query(`ALTER TABLE "county_report" DROP CONSTRAINT "fk_county_report_cycle_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_version_report_id_number"`);
    await queryRunner.query(`DROP TABLE "report_version"`);
    await queryRunner.query(`DROP INDEX "public"."ix_county_report_cycle_id"`);
    await queryRunner.query(`DROP TABLE "county_report"`);
  }
}
