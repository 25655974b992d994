import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization codes are unique whatever their case: `STTTT`, `Stttt` and `sttttt`-like variants named the same
 * organization to a reader and could coexist. The unique constraint on `code` becomes a unique index on
 * `lower(code)` (which also serves lookups by code ignoring case).
 *
 * Document symbols (ký hiệu, Decree 30/2020 Annex I: the issuer's initials in capitals) are printed in every
 * decision number (R-NUM-1); written with look-alike letters (Cyrillic `С`, `Т`) a symbol reads as `STTTT` but
 * starts another series. They are restricted to the Latin letters, `Đ`/`đ` (U+0110/U+0111, as in `SGDĐT`; not the look-alike Eth `Ð`), `0–9` and `-` (mixed case is real: `SNgV`, `TTg`). Fails, naming the constraint, on a database
 * holding codes that differ only in case or a symbol outside that alphabet: fix those rows first.
 */
export class OrganizationCodeAndSymbol1768176000000 implements MigrationInterface {
  name = 'OrganizationCodeAndSymbol1768176000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_organizations_code_ci" ON "organizations" (lower("code"))`);
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "uq_organizations_code"`);
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD CONSTRAINT "ck_organizations_document_symbol" CHECK ("document_symbol" ~ '^[A-Za-z0-9Đđ-]+$')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organizations" DROP CONSTRAINT "ck_organizations_document_symbol"`);
    await queryRunner.query(`ALTER TABLE "organizations" ADD CONSTRAINT "uq_organizations_code" UNIQUE ("code")`);
    await queryRunner.query(`DROP INDEX "uq_organizations_code_ci"`);
  }
}
