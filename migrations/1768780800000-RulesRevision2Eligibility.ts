import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules revision 2, eligibility side.
 *
 * - Achievement periods (Decree 98/2023/NĐ-CP Art 30.9): every nomination and award records the years its
 *   achievements cover (`period_from`, `period_to`). Existing rows are backfilled from their year and code with the
 *   spans of `ACHIEVEMENT_SPANS` (src/rules/periods.ts) as they stood when this migration was written: regular
 *   CSTĐ tỉnh 3 years, CSTĐ toàn quốc 6, Bằng khen tỉnh 2, Bằng khen Thủ tướng 5, everything else 1.
 * - Service (Circular 01/2024/TT-BNV Art 1.5): `individuals.recruited_on`, the date of entering public service. Until
 *   now the rules read `joined_on` as that date, so existing people get it copied; new ones state it apart.
 * - Nominations name the criterion they claim (Law 2022 Art 73.1, 74.1) and its written justification.
 * - Cases (Decree 98/2023 Art 4; Decree 152/2025/NĐ-CP): a case is on a person or on a collective, three more kinds
 *   (complaint, denunciation, press report), and a case closes with the disciplinary measure imposed, if any, and
 *   the period it is in force.
 *
 * `down` drops the new columns; it fails while a case on an organization or of a new kind exists.
 */
export class RulesRevision2Eligibility1768780800000 implements MigrationInterface {
  name = 'RulesRevision2Eligibility1768780800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const span = `CASE WHEN "basis" <> 'REGULAR' THEN 1 WHEN "award_code" = 'CHIEN_SI_THI_DUA_TINH' THEN 3 WHEN "award_code" = 'CHIEN_SI_THI_DUA_TOAN_QUOC' THEN 6 WHEN "award_code" = 'BANG_KHEN_TINH' THEN 2 WHEN "award_code" = 'BANG_KHEN_THU_TUONG' THEN 5 ELSE 1 END`;
    for (const table of ['nominations', 'awards']) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD "period_from" integer`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "period_to" integer`);
      await queryRunner.query(`UPDATE "${table}" SET "period_to" = "year", "period_from" = "year" - (${span}) + 1`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "period_from" SET NOT NULL`);
      await queryRunner.query(`ALTER TABLE "${table}" ALTER COLUMN "period_to" SET NOT NULL`);
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD CONSTRAINT "ck_${table}_period" CHECK ("period_from" <= "period_to" AND "period_to" <= "year" AND "period_from" >= 1945)`,
      );
    }
    await queryRunner.query(`ALTER TABLE "nominations" ADD "criterion" text`);
    await queryRunner.query(`ALTER TABLE "nominations" ADD "justification" text`);
    await queryRunner.query(
      `ALTER TABLE "nominations" ADD CONSTRAINT "ck_nominations_criterion" CHECK ("criterion" IS NULL OR "criterion" ~ '^[0-9]+\\.[0-9]+\\.[a-z]$')`,
    );

    await queryRunner.query(`ALTER TABLE "individuals" ADD "recruited_on" date`);
    await queryRunner.query(`UPDATE "individuals" SET "recruited_on" = "joined_on"`);
    await queryRunner.query(
      `ALTER TABLE "individuals" ADD CONSTRAINT "ck_individuals_recruited_before_joined" CHECK ("recruited_on" IS NULL OR "joined_on" IS NULL OR "recruited_on" <= "joined_on")`,
    );

    await queryRunner.query(`ALTER TABLE "disciplinary_cases" ALTER COLUMN "individual_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" ADD "organization_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "disciplinary_cases" ADD CONSTRAINT "fk_disciplinary_cases_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "disciplinary_cases" ADD CONSTRAINT "ck_disciplinary_cases_one_subject" CHECK (("individual_id" IS NULL) <> ("organization_id" IS NULL))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_disciplinary_cases_organization_id" ON "disciplinary_cases" ("organization_id") WHERE "organization_id" IS NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP CONSTRAINT "ck_disciplinary_cases_kind"`);
    await queryRunner.query(
      `ALTER TABLE "disciplinary_cases" ADD CONSTRAINT "ck_disciplinary_cases_kind" CHECK ("kind" IN ('DISCIPLINE','INVESTIGATION','INSPECTION','COMPLAINT','DENUNCIATION','PRESS_REPORT'))`,
    );
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" ADD "measure" text`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" ADD "measure_from" date`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" ADD "measure_to" date`);
    await queryRunner.query(
      `ALTER TABLE "disciplinary_cases" ADD CONSTRAINT "ck_disciplinary_cases_measure" CHECK (("measure" IS NULL AND "measure_from" IS NULL AND "measure_to" IS NULL) OR ("measure" IN ('KHIEN_TRACH','CANH_CAO','HA_BAC_LUONG','GIANG_CHUC','CACH_CHUC','BUOC_THOI_VIEC') AND "measure_from" IS NOT NULL AND "measure_to" IS NOT NULL AND "measure_from" <= "measure_to" AND "closed_on" IS NOT NULL AND "individual_id" IS NOT NULL))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP CONSTRAINT "ck_disciplinary_cases_measure"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP COLUMN "measure_to"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP COLUMN "measure_from"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP COLUMN "measure"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP CONSTRAINT "ck_disciplinary_cases_kind"`);
    await queryRunner.query(
      `ALTER TABLE "disciplinary_cases" ADD CONSTRAINT "ck_disciplinary_cases_kind" CHECK ("kind" IN ('DISCIPLINE','INVESTIGATION','INSPECTION'))`,
    );
    await queryRunner.query(`DROP INDEX "ix_disciplinary_cases_organization_id"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP CONSTRAINT "ck_disciplinary_cases_one_subject"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP CONSTRAINT "fk_disciplinary_cases_organization"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" DROP COLUMN "organization_id"`);
    await queryRunner.query(`ALTER TABLE "disciplinary_cases" ALTER COLUMN "individual_id" SET NOT NULL`);

    await queryRunner.query(`ALTER TABLE "individuals" DROP CONSTRAINT "ck_individuals_recruited_before_joined"`);
    await queryRunner.query(`ALTER TABLE "individuals" DROP COLUMN "recruited_on"`);

    await queryRunner.query(`ALTER TABLE "nominations" DROP CONSTRAINT "ck_nominations_criterion"`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP COLUMN "justification"`);
    await queryRunner.query(`ALTER TABLE "nominations" DROP COLUMN "criterion"`);
    for (const table of ['awards', 'nominations']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "ck_${table}_period"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "period_to"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "period_from"`);
    }
  }
}
