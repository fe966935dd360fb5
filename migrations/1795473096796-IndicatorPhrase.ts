import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndicatorPhrase1795473096796 implements MigrationInterface {
  name = 'IndicatorPhrase1795473096796';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" ADD "phrase" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "phrase"`);
  }
}
