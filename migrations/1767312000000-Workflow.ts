import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The nomination → decision → award workflow: nominations with their status history and council votes, unit
 * quotas and rule settings, decisions and the awards they grant.
 */
export class Workflow1767312000000 implements MigrationInterface {
  name = 'Workflow1767312000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "issuer_organization_id" uuid NOT NULL, "authority" text NOT NULL, "year" integer NOT NULL, "number" integer NOT NULL, "number_text" text NOT NULL, "issued_on" date NOT NULL, "signer_name" text NOT NULL, "signer_title" text NOT NULL, "signing_mode" text NOT NULL, "regime" text NOT NULL, "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_decisions_issuer_year_number" UNIQUE ("issuer_organization_id", "year", "number"), CONSTRAINT "ck_decisions_year" CHECK ("year" = extract(year FROM "issued_on")), CONSTRAINT "ck_decisions_number" CHECK ("number" > 0), CONSTRAINT "ck_decisions_signing_mode" CHECK ("signing_mode" IN ('DIRECT','ON_BEHALF')), CONSTRAINT "ck_decisions_authority" CHECK ("authority" IN ('DEPARTMENT_HEAD','DISTRICT_CHAIR','COMMUNE_CHAIR','ENTERPRISE_HEAD','PROVINCE_CHAIR','MINISTER','PRIME_MINISTER','PRESIDENT')), CONSTRAINT "pk_decisions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_decisions_issued_on" ON "decisions" ("issued_on", "id")`);
    await queryRunner.query(
      `CREATE TABLE "nominations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "year" integer NOT NULL, "award_code" text NOT NULL, "basis" text NOT NULL, "recipient_kind" text NOT NULL, "individual_id" uuid, "organization_id" uuid, "proposing_organization_id" uuid NOT NULL, "achievements" text NOT NULL, "expected_decision_on" date, "status" text NOT NULL DEFAULT 'DRAFT', "regime" text NOT NULL, "eligibility" jsonb NOT NULL, "status_reason" text, "decision_id" uuid, "import_file_hash" text, "import_row" integer, "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "ck_nominations_decided_has_decision" CHECK (("status" = 'DECIDED') = ("decision_id" IS NOT NULL)), CONSTRAINT "ck_nominations_year" CHECK ("year" BETWEEN 1945 AND 2100), CONSTRAINT "ck_nominations_one_nominee" CHECK (("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL AND "organization_id" IS NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "organization_id" IS NOT NULL AND "individual_id" IS NULL)), CONSTRAINT "ck_nominations_recipient_kind" CHECK ("recipient_kind" IN ('INDIVIDUAL','COLLECTIVE')), CONSTRAINT "ck_nominations_basis" CHECK ("basis" IN ('REGULAR','THEMATIC','AD_HOC','CAREER','SENIORITY','FOREIGN','RESISTANCE')), CONSTRAINT "ck_nominations_status" CHECK ("status" IN ('DRAFT','SUBMITTED','APPROVED','REJECTED','DECIDED','RETURNED','WITHDRAWN')), CONSTRAINT "pk_nominations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_nominations_decision_id" ON "nominations" ("decision_id")`);
    await queryRunner.query(`CREATE INDEX "ix_nominations_organization_id" ON "nominations" ("organization_id")`);
    await queryRunner.query(`CREATE INDEX "ix_nominations_individual_id" ON "nominations" ("individual_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_nominations_proposing_year_code_status" ON "nominations" ("proposing_organization_id", "year", "award_code", "status")`,
    );
    await queryRunner.query(
      `CREATE TABLE "awards" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "decision_id" uuid NOT NULL, "nomination_id" uuid, "year" integer NOT NULL, "award_code" text NOT NULL, "basis" text NOT NULL, "recipient_kind" text NOT NULL, "individual_id" uuid, "organization_id" uuid NOT NULL, "proposing_organization_id" uuid NOT NULL, "recipient_name" text NOT NULL, "organization_name" text NOT NULL, "issued_on" date NOT NULL, "regime" text NOT NULL, "bonus_amount" bigint NOT NULL, "certificate_number" text, "verification_code" text NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, "revoked_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_awards_nomination_id" UNIQUE ("nomination_id"), CONSTRAINT "uq_awards_verification_code" UNIQUE ("verification_code"), CONSTRAINT "ck_awards_revocation" CHECK (("revoked_at" IS NULL) = ("revoked_reason" IS NULL)), CONSTRAINT "ck_awards_bonus_amount" CHECK ("bonus_amount" >= 0), CONSTRAINT "ck_awards_one_recipient" CHECK (("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "individual_id" IS NULL)), CONSTRAINT "ck_awards_recipient_kind" CHECK ("recipient_kind" IN ('INDIVIDUAL','COLLECTIVE')), CONSTRAINT "pk_awards" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_awards_year_code" ON "awards" ("year", "award_code")`);
    await queryRunner.query(
      `CREATE INDEX "ix_awards_proposing_year_code" ON "awards" ("proposing_organization_id", "year", "award_code")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_awards_organization_year_code" ON "awards" ("organization_id", "year", "award_code")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_awards_individual_id" ON "awards" ("individual_id", "year")`);
    await queryRunner.query(`CREATE INDEX "ix_awards_decision_id" ON "awards" ("decision_id")`);
    await queryRunner.query(
      `CREATE TABLE "council_votes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "members" integer NOT NULL, "present" integer NOT NULL, "yes" integer NOT NULL, "passed" boolean NOT NULL, "check" jsonb NOT NULL, "recorded_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_council_votes_counts" CHECK ("members" > 0 AND "present" >= 0 AND "yes" >= 0 AND "yes" <= "present" AND "present" <= "members"), CONSTRAINT "pk_council_votes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_council_votes_nomination_id" ON "council_votes" ("nomination_id")`);
    await queryRunner.query(
      `CREATE TABLE "nomination_events" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "nomination_id" uuid NOT NULL, "from_status" text, "to_status" text NOT NULL, "action" text NOT NULL, "reason" text, "eligibility" jsonb, "actor_key_id" uuid, "actor_role" text, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_nomination_events" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_nomination_events_nomination_id" ON "nomination_events" ("nomination_id", "id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "rule_settings" ("key" text NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_rule_settings" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "unit_quotas" ("organization_id" uuid NOT NULL, "year" integer NOT NULL, "award_code" text NOT NULL, "max_count" integer, "max_ratio" numeric(5,4), "ratio_of" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_unit_quotas_year" CHECK ("year" BETWEEN 1945 AND 2100), CONSTRAINT "ck_unit_quotas_ratio_of" CHECK (("max_ratio" IS NULL) = ("ratio_of" IS NULL)), CONSTRAINT "ck_unit_quotas_max_ratio" CHECK ("max_ratio" IS NULL OR ("max_ratio" >= 0 AND "max_ratio" <= 1)), CONSTRAINT "ck_unit_quotas_max_count" CHECK ("max_count" IS NULL OR "max_count" >= 0), CONSTRAINT "ck_unit_quotas_has_limit" CHECK ("max_count" IS NOT NULL OR "max_ratio" IS NOT NULL), CONSTRAINT "pk_unit_quotas" PRIMARY KEY ("organization_id", "year", "award_code"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "fk_decisions_issuer_organization" FOREIGN KEY ("issuer_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_award_type" FOREIGN KEY ("award_code") REFERENCES "award_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_individual" FOREIGN KEY ("individual_id") REFERENCES "individuals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_proposing_organization" FOREIGN KEY ("proposing_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "fk_nominations_decision" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_decision" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_award_type" FOREIGN KEY ("award_code") REFERENCES "award_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_individual" FOREIGN KEY ("individual_id") REFERENCES "individuals"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "fk_awards_proposing_organization" FOREIGN KEY ("proposing_organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_votes" ADD CONSTRAINT "fk_council_votes_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nomination_events" ADD CONSTRAINT "fk_nomination_events_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_quotas" ADD CONSTRAINT "fk_unit_quotas_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "unit_quotas" ADD CONSTRAINT "fk_unit_quotas_award_type" FOREIGN KEY ("award_code") REFERENCES "award_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // R-DUP-1: one live REGULAR nomination per nominee, award code and year. Rejected and withdrawn ones
    // no longer count, so a nominee can be proposed again after a rejection.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_nominations_live_regular" ON "nominations" ("year", "award_code", (coalesce("individual_id", "organization_id"))) WHERE "basis" = 'REGULAR' AND "status" NOT IN ('REJECTED', 'WITHDRAWN')`,
    );
    // Re-importing the same file creates nothing twice.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_nominations_import_row" ON "nominations" ("import_file_hash", "import_row") WHERE "import_file_hash" IS NOT NULL`,
    );
    // Name search over awards without diacritics (GET /awards?q=).
    await queryRunner.query(
      `CREATE INDEX "ix_awards_recipient_name_trgm" ON "awards" USING gin (immutable_unaccent("recipient_name") gin_trgm_ops)`,
    );

    // Defaults of the configurable ([C]) quota rules, domain.md §4.
    await queryRunner.query(
      `INSERT INTO "rule_settings" ("key", "value") VALUES ('quotas', '{"cscsEnabled": true, "cscsRatio": 0.15, "cstinhEnabled": false, "cstinhRatio": 0.1}')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'awards',
      'council_votes',
      'nomination_events',
      'nominations',
      'decisions',
      'unit_quotas',
      'rule_settings',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}" CASCADE`);
    }
  }
}
