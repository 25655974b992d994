import type { MigrationInterface, QueryRunner } from 'typeorm';

const REPORTING_CATEGORIES = `'PROVINCE_LEADER','DEPARTMENT_LEADER','ENTREPRENEUR','OTHER_LEADER','WORKER'`;

/**
 * An agency's history, households and the reporting groups of form 0603 (Circular 02/2023/TT-BNV):
 *
 * - `individuals.reporting_category` (rows 06–10 of the form) and `organizations.enterprise` (row 03; kind
 *   ENTERPRISE implies it).
 * - `households` (hộ gia đình), recipients of Giấy khen and Bằng khen, each attached to a commune-level
 *   organization; nominations and awards name exactly one recipient: a person, a collective or a household.
 * - `KY_NIEM_CHUONG` (Kỷ niệm chương of a ministry or sector) in the catalogue: column 5 of the form.
 * - History: `decisions.source` / `awards.source` (`REGISTRY` or `HISTORY`). A history decision records its issuer as
 *   written (`issuer_name`) and names an organization of the registry only when the issuer is one (a Prime Minister's
 *   or President's decision has none). `history_imports` keeps each imported file by its SHA-256;
 *   `history_import_rows` is the unlogged staging table the file is copied into, emptied by the importing
 *   transaction itself.
 *
 * `down` fails while history decisions without an issuer, or households, are stored: delete them first.
 */
export class HistoryHouseholdsForm06031769040000000 implements MigrationInterface {
  name = 'HistoryHouseholdsForm06031769040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "individuals" ADD "reporting_category" text, ADD CONSTRAINT "ck_individuals_reporting_category" CHECK ("reporting_category" IS NULL OR "reporting_category" IN (${REPORTING_CATEGORIES}))`,
    );
    await queryRunner.query(`ALTER TABLE "organizations" ADD "enterprise" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE "organizations" SET "enterprise" = true WHERE "kind" = 'ENTERPRISE'`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "ck_organizations_enterprise_kind" CHECK ("kind" <> 'ENTERPRISE' OR "enterprise")`,
    );

    await queryRunner.query(
      `CREATE TABLE "households" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "head_name" text NOT NULL, "address" text NOT NULL, "organization_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_households_head_name" CHECK (length(btrim("head_name")) > 0), CONSTRAINT "ck_households_address" CHECK (length(btrim("address")) > 0), CONSTRAINT "pk_households" PRIMARY KEY ("id"), CONSTRAINT "fk_households_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_households_organization_id" ON "households" ("organization_id")`);
    await queryRunner.query(
      `CREATE INDEX "ix_households_head_name_trgm" ON "households" USING gin (immutable_unaccent("head_name") gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_households_audit" AFTER INSERT OR UPDATE OR DELETE ON "households" FOR EACH ROW EXECUTE FUNCTION audit_capture('id', '', '')`,
    );

    // Nominations: exactly one nominee of the kind named.
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD "household_id" uuid, ADD CONSTRAINT "fk_nominations_household" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`CREATE INDEX "ix_nominations_household_id" ON "nominations" ("household_id")`);
    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "ck_nominations_one_nominee", DROP CONSTRAINT "ck_nominations_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "ck_nominations_recipient_kind" CHECK ("recipient_kind" IN ('INDIVIDUAL','COLLECTIVE','HOUSEHOLD')), ADD CONSTRAINT "ck_nominations_one_nominee" CHECK (("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL AND "organization_id" IS NULL AND "household_id" IS NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "organization_id" IS NOT NULL AND "individual_id" IS NULL AND "household_id" IS NULL) OR ("recipient_kind" = 'HOUSEHOLD' AND "household_id" IS NOT NULL AND "individual_id" IS NULL AND "organization_id" IS NULL))`,
    );

    // Decisions: registry or history; a history decision's issuer as written.
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD "source" text NOT NULL DEFAULT 'REGISTRY', ADD "issuer_name" text, ADD "history_import_hash" text, ALTER COLUMN "issuer_organization_id" DROP NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "ck_decisions_source" CHECK ("source" IN ('REGISTRY','HISTORY')), ADD CONSTRAINT "ck_decisions_issuer" CHECK (("source" = 'REGISTRY' AND "issuer_organization_id" IS NOT NULL AND "history_import_hash" IS NULL) OR ("source" = 'HISTORY' AND "issuer_name" IS NOT NULL AND "history_import_hash" IS NOT NULL))`,
    );
    // A history decision without an issuer in the registry is one per written issuer, year and number.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_decisions_history_issuer_name" ON "decisions" (lower("issuer_name"), "year", "number_text") WHERE "issuer_organization_id" IS NULL`,
    );

    // Awards: one recipient of the kind named; registry or history.
    await queryRunner.query(
      `ALTER TABLE "awards" ADD "household_id" uuid, ADD "source" text NOT NULL DEFAULT 'REGISTRY', ADD CONSTRAINT "fk_awards_household" FOREIGN KEY ("household_id") REFERENCES "households"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_awards_household_id" ON "awards" ("household_id", "year") WHERE "household_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" DROP CONSTRAINT "ck_awards_one_recipient", DROP CONSTRAINT "ck_awards_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "ck_awards_recipient_kind" CHECK ("recipient_kind" IN ('INDIVIDUAL','COLLECTIVE','HOUSEHOLD')), ADD CONSTRAINT "ck_awards_one_recipient" CHECK (("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL AND "household_id" IS NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "individual_id" IS NULL AND "household_id" IS NULL) OR ("recipient_kind" = 'HOUSEHOLD' AND "household_id" IS NOT NULL AND "individual_id" IS NULL)), ADD CONSTRAINT "ck_awards_source" CHECK ("source" IN ('REGISTRY','HISTORY')), ADD CONSTRAINT "ck_awards_history_has_no_nomination" CHECK ("source" = 'REGISTRY' OR "nomination_id" IS NULL)`,
    );

    await queryRunner.query(
      `CREATE TABLE "history_imports" ("file_hash" text NOT NULL, "file_name" text NOT NULL, "rows" integer NOT NULL, "decisions" integer NOT NULL, "awards" integer NOT NULL, "created_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_history_imports" PRIMARY KEY ("file_hash"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "fk_decisions_history_import" FOREIGN KEY ("history_import_hash") REFERENCES "history_imports"("file_hash") ON DELETE RESTRICT`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_decisions_history_import_hash" ON "decisions" ("history_import_hash") WHERE "history_import_hash" IS NOT NULL`,
    );
    // Staging: the rows of a file being imported, checked for form already, keyed by the import in progress; the
    // recipient and issuer columns are filled by the import's own lookups.
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "history_import_rows" ("import_id" uuid NOT NULL, "row" integer NOT NULL, "decision_number" text NOT NULL, "number" integer NOT NULL, "issued_on" date NOT NULL, "regime" text NOT NULL, "issuer_name" text NOT NULL, "issuer_organization_code" text, "authority" text NOT NULL, "signer_name" text NOT NULL, "signer_title" text NOT NULL, "award_code" text NOT NULL, "basis" text NOT NULL, "year" integer NOT NULL, "period_from" integer NOT NULL, "period_to" integer NOT NULL, "national_id" text, "full_name" text, "organization_code" text, "collective_code" text, "bonus_amount" bigint NOT NULL, "verification_code" text NOT NULL, "individual_id" uuid, "organization_id" uuid, "recipient_name" text, "organization_name" text, "issuer_organization_id" uuid, CONSTRAINT "pk_history_import_rows" PRIMARY KEY ("import_id", "row"))`,
    );

    await queryRunner.query(
      `INSERT INTO award_types (code, name_vi, name_en, kind, recipient_kinds, deciding_authorities, bonus_multipliers, collective_bonus_factor, province_level, vote_required, vote_pass_ratio, sort_order)
       VALUES ('KY_NIEM_CHUONG', 'Kỷ niệm chương', 'Commemorative Medal', 'FORM', '{INDIVIDUAL}', '{MINISTER,PROVINCE_CHAIR}', '{"TDKT_2003_ND91":0,"TDKT_2022_ND98":0,"TDKT_2022_ND152":0}', 1, false, false, 0.5, 120)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "award_types" WHERE "code" = 'KY_NIEM_CHUONG'`);
    await queryRunner.query(`DROP TABLE "history_import_rows"`);
    await queryRunner.query(`DROP INDEX "ix_decisions_history_import_hash"`);
    await queryRunner.query(`ALTER TABLE "decisions" DROP CONSTRAINT "fk_decisions_history_import"`);
    await queryRunner.query(`DROP TABLE "history_imports"`);

    await queryRunner.query(
      `ALTER TABLE "awards" DROP CONSTRAINT "ck_awards_history_has_no_nomination", DROP CONSTRAINT "ck_awards_source", DROP CONSTRAINT "ck_awards_one_recipient", DROP CONSTRAINT "ck_awards_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD CONSTRAINT "ck_awards_one_recipient" CHECK (("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "individual_id" IS NULL)), ADD CONSTRAINT "ck_awards_recipient_kind" CHECK ("recipient_kind" IN ('INDIVIDUAL','COLLECTIVE'))`,
    );
    await queryRunner.query(`DROP INDEX "ix_awards_household_id"`);
    await queryRunner.query(`ALTER TABLE "awards" DROP COLUMN "source", DROP COLUMN "household_id"`);

    await queryRunner.query(`DROP INDEX "uq_decisions_history_issuer_name"`);
    await queryRunner.query(
      `ALTER TABLE "decisions" DROP CONSTRAINT "ck_decisions_issuer", DROP CONSTRAINT "ck_decisions_source"`,
    );
    await queryRunner.query(
      `ALTER TABLE "decisions" ALTER COLUMN "issuer_organization_id" SET NOT NULL, DROP COLUMN "history_import_hash", DROP COLUMN "issuer_name", DROP COLUMN "source"`,
    );

    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "ck_nominations_one_nominee", DROP CONSTRAINT "ck_nominations_recipient_kind"`,
    );
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "ck_nominations_recipient_kind" CHECK ("recipient_kind" IN ('INDIVIDUAL','COLLECTIVE')), ADD CONSTRAINT "ck_nominations_one_nominee" CHECK (("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL AND "organization_id" IS NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "organization_id" IS NOT NULL AND "individual_id" IS NULL))`,
    );
    await queryRunner.query(`DROP INDEX "ix_nominations_household_id"`);
    await queryRunner.query(
      `ALTER TABLE "nominations" DROP CONSTRAINT "fk_nominations_household", DROP COLUMN "household_id"`,
    );

    await queryRunner.query(`DROP TABLE "households"`);
    await queryRunner.query(
      `ALTER TABLE "organizations" DROP CONSTRAINT "ck_organizations_enterprise_kind", DROP COLUMN "enterprise"`,
    );
    await queryRunner.query(
      `ALTER TABLE "individuals" DROP CONSTRAINT "ck_individuals_reporting_category", DROP COLUMN "reporting_category"`,
    );
  }
}
