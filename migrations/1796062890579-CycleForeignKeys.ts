import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CycleForeignKeys1796062890579 implements MigrationInterface {
  name = 'CycleForeignKeys1796062890579';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "analysis_task" ADD CONSTRAINT "fk_analysis_task_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "analysis_task" ADD CONSTRAINT "fk_analysis_task_delregion_id" FOREIGN KEY ("delregion_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "calendar_token" ADD CONSTRAINT "fk_calendar_token_user_id" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cycle_compilation_value" ADD CONSTRAINT "fk_cycle_compilation_value_cycle_id" FOREIGN KEY ("cycle_id") REFERENCES "cycle"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cycle_compilation_value" ADD CONSTRAINT "fk_cycle_compilation_value_indicator_id" FOREIGN KEY ("indicator_id") REFERENCES "indicator"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cycle_compilation_value" ADD CONSTRAINT "fk_cycle_compilation_value_org_unit_id" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cycle_compilation_value" DROP CONSTRAINT "fk_cycle_compilation_value_org_unit_id"`);
    await queryRunner.query(`ALTER TABLE "cycle_compilation_value" DROP CONSTRAINT "fk_cycle_compilation_value_indicator_id"`);
    await queryRunner.query(`ALTER TABLE "cycle_compilation_value" DROP CONSTRAINT "fk_cycle_compilation_value_cycle_id"`);
    await queryRunner.query(`ALTER TABLE "calendar_token" DROP CONSTRAINT "fk_calendar_token_user_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_task" DROP CONSTRAINT "fk_analysis_task_delregion_id"`);
    await queryRunner.query(`ALTER TABLE "analysis_task" DROP CONSTRAINT "fk_analysis_task_cycle_id"`);
  }
}
