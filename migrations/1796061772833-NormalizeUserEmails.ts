import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-mails are now compared as NFKC + trim + lower case (they were trim + lower case): stored addresses are brought
 * to that form so their owners can still sign in. An address whose new form another user already holds is left as
 * it is (both accounts keep working; an administrator can merge them). The rule is written out here, not imported,
 * so this migration does the same thing whatever the app's helper becomes.
 */
export class NormalizeUserEmails1796061772833 implements MigrationInterface {
  name = 'NormalizeUserEmails1796061772833';

  async up(queryRunner: QueryRunner): Promise<void> {
    const rows = (await queryRunner.query('SELECT id, email FROM app_user ORDER BY created_at, id')) as Array<{ id: string; email: string }>;
    const taken = new Set(rows.map((row) => row.email));
    for (const row of rows) {
      const normalized = row.email.normalize('NFKC').trim().toLowerCase();
      if (normalized === row.email || taken.has(normalized)) continue;
      await queryRunner.query('UPDATE app_user SET email = $1 WHERE id = $2', [normalized, row.id]);
      taken.delete(row.email);
      taken.add(normalized);
    }
  }

  async down(): Promise<void> {
    // Irreversible: the earlier forms are not kept.
  }
}
