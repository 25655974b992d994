import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules revision 2, the decision side.
 *
 * - R-AUTH-5 (Law 2022 Art 80.4; Circular 15/2025/TT-BNV): an enterprise's director also decides Chiến sĩ thi đua
 *   cơ sở and Tập thể lao động tiên tiến, so `award_types.deciding_authorities` lists ENTERPRISE_HEAD for them.
 * - R-NUM-1 (Decree 30/2020 Annex I): a decision's number is taken from the issuer's document register, which
 *   numbers all its documents; `organizations.decision_numbering` is `REGISTER` (the number is given and checked)
 *   or `AUTO` (the registry assigns the next number of a dedicated series). Existing issuers become `REGISTER`,
 *   the default; the unique key (issuer, year, number) stays as it is.
 * - R-MONEY-3 (Decree 91/2017 Art 66.2.c; Decree 98/2023 Art 53): of several titles of one recipient and period
 *   only the highest is paid; `awards.bonus_paid_with_award_id` names the award whose bonus covers a line whose
 *   `bonus_amount` is therefore 0. Awards already recorded are left as they were paid.
 * - R-VOTE-1 (Decree 91/2017 Art 45.8): the 90 % pass mark covers CSTĐ tỉnh and CSTĐ toàn quốc only; the Cờ thi đua
 *   and the Bằng khen của Thủ tướng default to a simple majority. Rows still at the old default (0.9) move; a pass
 *   mark a unit set otherwise stays.
 */
export class RulesRevision2Decisions1768867200000 implements MigrationInterface {
  name = 'RulesRevision2Decisions1768867200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "decision_numbering" text NOT NULL DEFAULT 'REGISTER', ADD CONSTRAINT "ck_organizations_decision_numbering" CHECK ("decision_numbering" IN ('REGISTER','AUTO'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" ADD "bonus_paid_with_award_id" uuid, ADD CONSTRAINT "fk_awards_bonus_paid_with" FOREIGN KEY ("bonus_paid_with_award_id") REFERENCES "awards"("id") ON DELETE RESTRICT, ADD CONSTRAINT "ck_awards_bonus_paid_with" CHECK ("bonus_paid_with_award_id" IS NULL OR ("bonus_amount" = 0 AND "bonus_paid_with_award_id" <> "id"))`,
    );
    await queryRunner.query(
      `UPDATE "award_types" SET "vote_pass_ratio" = 0.5 WHERE "code" IN ('CO_THI_DUA_TINH', 'CO_THI_DUA_CHINH_PHU', 'BANG_KHEN_THU_TUONG') AND "vote_pass_ratio" = 0.9`,
    );
    await queryRunner.query(
      `UPDATE "award_types" SET "deciding_authorities" = array_append("deciding_authorities", 'ENTERPRISE_HEAD') WHERE "code" IN ('CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN') AND NOT ('ENTERPRISE_HEAD' = ANY("deciding_authorities"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "award_types" SET "vote_pass_ratio" = 0.9 WHERE "code" IN ('CO_THI_DUA_TINH', 'CO_THI_DUA_CHINH_PHU', 'BANG_KHEN_THU_TUONG') AND "vote_pass_ratio" = 0.5`,
    );
    await queryRunner.query(
      `ALTER TABLE "awards" DROP CONSTRAINT "ck_awards_bonus_paid_with", DROP CONSTRAINT "fk_awards_bonus_paid_with", DROP COLUMN "bonus_paid_with_award_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organizations" DROP CONSTRAINT "ck_organizations_decision_numbering", DROP COLUMN "decision_numbering"`,
    );
    await queryRunner.query(
      `UPDATE "award_types" SET "deciding_authorities" = array_remove("deciding_authorities", 'ENTERPRISE_HEAD') WHERE "code" IN ('CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN')`,
    );
  }
}
