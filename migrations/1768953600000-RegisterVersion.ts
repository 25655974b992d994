import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows the public reads show: the register, its decisions, the catalogue and the tree. */
const REGISTER_TABLES = ['awards', 'decisions', 'award_types', 'organizations'] as const;

/**
 * A version of the public register, the validator of its cacheable reads (`ETag`, `If-None-Match` → 304).
 *
 * One row, bumped by a statement-level trigger on every table a public read shows, so every writer is covered
 * (the service, a migration, an operator's SQL) and the bump commits or rolls back with the change itself: a
 * reader never sees a new version before the data it stands for. The value comes from a sequence that belongs to
 * no table, so it never repeats, even after the row is deleted or the tables are truncated and restarted.
 * Concurrent writers of the register queue on the row until they commit; decisions and revocations are rare.
 */
export class RegisterVersion1768953600000 implements MigrationInterface {
  name = 'RegisterVersion1768953600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "register_version_seq"`);
    await queryRunner.query(
      `CREATE TABLE "register_version" ("id" smallint NOT NULL DEFAULT 1, "version" bigint NOT NULL, "changed_at" timestamptz NOT NULL DEFAULT now(), CONSTRAINT "pk_register_version" PRIMARY KEY ("id"), CONSTRAINT "ck_register_version_one_row" CHECK ("id" = 1))`,
    );
    await queryRunner.query(
      `INSERT INTO "register_version" ("id", "version") VALUES (1, nextval('register_version_seq'))`,
    );
    await queryRunner.query(`
      CREATE FUNCTION register_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO register_version (id, version, changed_at) VALUES (1, nextval('register_version_seq'), now())
        ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, changed_at = EXCLUDED.changed_at;
        RETURN NULL;
      END $$`);
    for (const table of REGISTER_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER "tg_${table}_register_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION register_version_bump()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of REGISTER_TABLES) {
      await queryRunner.query(`DROP TRIGGER "tg_${table}_register_version" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION register_version_bump()`);
    await queryRunner.query(`DROP TABLE "register_version"`);
    await queryRunner.query(`DROP SEQUENCE "register_version_seq"`);
  }
}
