import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every award carries the numbers a reader sees beside it: its decision's number (`decision_number`) and, once
 * revoked by a revocation decision, that decision's number, date and ground (`revocation_*`). The public reads
 * (`GET /awards`, the histories) then read `awards` alone instead of joining `decisions` and `revocations` for
 * every row (docs/scaling.md, "One table per register read").
 *
 * The copies cannot drift: each is part of a foreign key to the row it copies — `(decision_id, decision_number)` to
 * `decisions (id, number_text)`, `(revocation_id, revocation_number, revocation_issued_on, revocation_ground)` to
 * `revocations`, `MATCH FULL` (all four set or none) — with `ON UPDATE CASCADE`, so a write that disagrees is refused
 * and a corrected number reaches its awards in the same statement.
 *
 * The backfill rewrites every award once. It is a copy of facts already audited on `decisions` and `revocations`,
 * not a change to any award: the awards' audit trigger is off while it runs, so it writes no audit event per row.
 */
export class AwardDecisionNumbers1769299200000 implements MigrationInterface {
  name = 'AwardDecisionNumbers1769299200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "uq_decisions_id_number" UNIQUE ("id", "number_text")`,
    );
    await queryRunner.query(
      `ALTER TABLE "revocations" ADD CONSTRAINT "uq_revocations_id_number" UNIQUE ("id", "number_text", "issued_on", "ground")`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD "decision_number" text, ADD "revocation_number" text, ADD "revocation_issued_on" date, ADD "revocation_ground" text`,
    );
    await queryRunner.query(`ALTER TABLE "awards" DISABLE TRIGGER "tg_awards_audit"`);
    await queryRunner.query(
      `UPDATE "awards" a SET "decision_number" = d."number_text",
              ("revocation_number", "revocation_issued_on", "revocation_ground") =
                (SELECT r."number_text", r."issued_on", r."ground" FROM "revocations" r WHERE r."id" = a."revocation_id")
         FROM "decisions" d
        WHERE d."id" = a."decision_id"`,
    );
    await queryRunner.query(`ALTER TABLE "awards" ENABLE TRIGGER "tg_awards_audit"`);
    await queryRunner.query(
      `ALTER TABLE "awards" ALTER "decision_number" SET NOT NULL, ADD CONSTRAINT "fk_awards_decision_number" FOREIGN KEY ("decision_id", "decision_number") REFERENCES "decisions"("id", "number_text") ON UPDATE CASCADE ON DELETE RESTRICT, ADD CONSTRAINT "fk_awards_revocation_number" FOREIGN KEY ("revocation_id", "revocation_number", "revocation_issued_on", "revocation_ground") REFERENCES "revocations"("id", "number_text", "issued_on", "ground") MATCH FULL ON UPDATE CASCADE ON DELETE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "awards" DROP CONSTRAINT "fk_awards_revocation_number", DROP CONSTRAINT "fk_awards_decision_number", DROP COLUMN "revocation_ground", DROP COLUMN "revocation_issued_on", DROP COLUMN "revocation_number", DROP COLUMN "decision_number"`,
    );
    await queryRunner.query(`ALTER TABLE "revocations" DROP CONSTRAINT "uq_revocations_id_number"`);
    await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "uq_decisions_id_number"`);
  }
}
