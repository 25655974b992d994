import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The subtree filter of `GET /awards` (`organizationId` with `year` and `awardCode`, newest first) as index-only
 * work: `ix_awards_organization_keyset` replaces `ix_awards_organization_year_code` (same leading columns, so it
 * serves every query the old one did) and adds the page's sort key (issued_on, id) after the equality columns,
 * with `revoked_at` included for the default "not revoked" filter. A subtree is then one short ordered range per
 * organization of the closure, read without touching the table; only the page's rows are read afterwards, by
 * primary key.
 *
 * Deliberately no index ordered by (issued_on, id) alone, nor (year, award_code, issued_on, id): with them the
 * planner may read in date order and filter the subtree afterwards, which it costs as if a department's awards
 * were spread evenly over the dates — but a department's decisions share a few dates, and such a scan read
 * 20,000 entries to find 50 on the benchmark data.
 */
export class AwardListIndexes1767916800000 implements MigrationInterface {
  name = 'AwardListIndexes1767916800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_awards_organization_keyset" ON "awards" ("organization_id", "year", "award_code", "issued_on", "id") INCLUDE ("revoked_at")`,
    );
    await queryRunner.query(`DROP INDEX "ix_awards_organization_year_code"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_awards_organization_year_code" ON "awards" ("organization_id", "year", "award_code")`,
    );
    await queryRunner.query(`DROP INDEX "ix_awards_organization_keyset"`);
  }
}
