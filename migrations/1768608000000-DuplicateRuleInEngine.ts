import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-DUP-1 (Law 2022 principles: one achievement is rewarded once) is decided by the rule engine alone. The unique
 * index `uq_nominations_live_regular` enforced a different rule: it kept blocking a new regular nomination after the
 * award of a DECIDED one was revoked (R-REVOKE-1, Law 2022 ch. VII, allows it again), and it did not know that a
 * regular Giấy khen and a regular Bằng khen tỉnh of one year are one reward. Creation now takes an advisory lock on
 * the nominee, reads their record and asks the engine, inside the creating transaction.
 *
 * `down` restores the index; it fails while the table holds rows the old index forbade (a regular nomination
 * created again after a revocation): withdraw or delete those first.
 */
export class DuplicateRuleInEngine1768608000000 implements MigrationInterface {
  name = 'DuplicateRuleInEngine1768608000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "uq_nominations_live_regular"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_nominations_live_regular" ON "nominations" ("year", "award_code", (coalesce("individual_id", "organization_id"))) WHERE "basis" = 'REGULAR' AND "status" NOT IN ('REJECTED', 'WITHDRAWN')`,
    );
  }
}
