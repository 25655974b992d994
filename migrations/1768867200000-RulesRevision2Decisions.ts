import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rules revision 2, the decision side.
 *
 * - R-AUTH-5 (Law 2022 Art 80.4; Circular 15/2025/TT-BNV): an enterprise's director also decides Chiến sĩ thi đua
 *   cơ sở and Tập thể lao động tiên tiến, so `award_types.deciding_authorities` lists ENTERPRISE_HEAD for them.
 */
export class RulesRevision2Decisions1768867200000 implements MigrationInterface {
  name = 'RulesRevision2Decisions1768867200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "award_types" SET "deciding_authorities" = array_append("deciding_authorities", 'ENTERPRISE_HEAD') WHERE "code" IN ('CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN') AND NOT ('ENTERPRISE_HEAD' = ANY("deciding_authorities"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "award_types" SET "deciding_authorities" = array_remove("deciding_authorities", 'ENTERPRISE_HEAD') WHERE "code" IN ('CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN')`,
    );
  }
}
