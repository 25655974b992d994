import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * R-REVOKE-1 (Law 2022 Art 93.2, ch. VII): a revocation is itself a decision (quyết định hủy bỏ quyết định khen
 * thưởng) with a number, a date, an issuer and its legal ground (points a–d of Art 93.2).
 *
 * - `revocations`: one row per revocation decision. Its number is `NN/QĐ-SYMBOL` of the issuer's register, the same
 *   yearly series as its award decisions (a văn thư numbers every quyết định in one register): unique here per
 *   issuer and year, and against `decisions` under the series' advisory lock that both writers take.
 * - `awards.revocation_id`: the decision that revoked the award (null for an award revoked before revocations were
 *   decisions: `revoked_reason` alone). `awards.needs_review` / `review_revocation_id`: a later award whose
 *   eligibility counted a revoked one, flagged by that revocation until an approver clears it.
 * - Audited and versioned like the register: the public reads show revocations.
 */
export class RevocationDecisions1769212800000 implements MigrationInterface {
  name = 'RevocationDecisions1769212800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "revocations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer_organization_id" uuid NOT NULL, "authority" text NOT NULL, "year" integer NOT NULL, "number" integer NOT NULL, "number_text" text NOT NULL, "issued_on" date NOT NULL, "ground" text NOT NULL, "reason" text NOT NULL, "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_revocations" PRIMARY KEY ("id"), CONSTRAINT "fk_revocations_issuer" FOREIGN KEY ("issuer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT, CONSTRAINT "uq_revocations_number" UNIQUE ("issuer_organization_id", "year", "number"), CONSTRAINT "ck_revocations_number" CHECK ("number" >= 1), CONSTRAINT "ck_revocations_year" CHECK ("year" = extract(year FROM "issued_on")::int), CONSTRAINT "ck_revocations_ground" CHECK ("ground" IN ('A','B','C','D')), CONSTRAINT "ck_revocations_reason" CHECK (length(btrim("reason")) > 0))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_revocations_issued_on" ON "revocations" ("issued_on", "id")`);
    await queryRunner.query(
      `ALTER TABLE "awards" ADD "revocation_id" uuid, ADD "needs_review" boolean NOT NULL DEFAULT false, ADD "review_revocation_id" uuid, ADD CONSTRAINT "fk_awards_revocation" FOREIGN KEY ("revocation_id") REFERENCES "revocations"("id") ON DELETE RESTRICT, ADD CONSTRAINT "fk_awards_review_revocation" FOREIGN KEY ("review_revocation_id") REFERENCES "revocations"("id") ON DELETE RESTRICT, ADD CONSTRAINT "ck_awards_revocation_decision" CHECK ("revocation_id" IS NULL OR "revoked_at" IS NOT NULL), ADD CONSTRAINT "ck_awards_needs_review" CHECK (NOT "needs_review" OR "review_revocation_id" IS NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_awards_revocation_id" ON "awards" ("revocation_id") WHERE "revocation_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_awards_review_revocation_id" ON "awards" ("review_revocation_id") WHERE "review_revocation_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_revocations_audit" AFTER INSERT OR UPDATE OR DELETE ON "revocations" FOR EACH ROW EXECUTE FUNCTION audit_capture('id', '', '')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_revocations_register_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "revocations" FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tg_revocations_register_version" ON "revocations"`);
    await queryRunner.query(`DROP TRIGGER "tg_revocations_audit" ON "revocations"`);
    await queryRunner.query(
      `ALTER TABLE "awards" DROP CONSTRAINT "ck_awards_needs_review", DROP CONSTRAINT "ck_awards_revocation_decision", DROP CONSTRAINT "fk_awards_review_revocation", DROP CONSTRAINT "fk_awards_revocation", DROP COLUMN "review_revocation_id", DROP COLUMN "needs_review", DROP COLUMN "revocation_id"`,
    );
    await queryRunner.query(`DROP TABLE "revocations"`);
  }
}
