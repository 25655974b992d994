import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations have a life (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80): `valid_from` (first day it
 * exists), `valid_to` (last day it exists) and `successor_id` (who takes over after a merger or a dissolution). Both
 * dates may be null: unknown beginning, still alive. A successor only comes with an end, and is never the
 * organization itself.
 *
 * `organization_names` keeps every name an organization has carried and the day it took effect (`-infinity` for
 * the first one), kept by a trigger on `organizations`: the views of decisions print the issuer's name in force on
 * the decision date (`organization_name_on`), so renaming an organization does not rewrite its history. A rename
 * takes effect on the day it is recorded, in Vietnam.
 */
export class OrganizationLife1769126400000 implements MigrationInterface {
  name = 'OrganizationLife1769126400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "organizations" ADD "valid_from" date, ADD "valid_to" date, ADD "successor_id" uuid, ADD CONSTRAINT "ck_organizations_valid_dates" CHECK ("valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"), ADD CONSTRAINT "ck_organizations_successor" CHECK ("successor_id" IS NULL OR ("valid_to" IS NOT NULL AND "successor_id" <> "id")), ADD CONSTRAINT "fk_organizations_successor" FOREIGN KEY ("successor_id") REFERENCES "organizations"("id") ON DELETE RESTRICT`,
    );
    await queryRunner.query(`CREATE INDEX "ix_organizations_successor_id" ON "organizations" ("successor_id")`);

    await queryRunner.query(
      `CREATE TABLE "organization_names" ("organization_id" uuid NOT NULL, "valid_from" date NOT NULL, "name" text NOT NULL, CONSTRAINT "pk_organization_names" PRIMARY KEY ("organization_id", "valid_from"), CONSTRAINT "fk_organization_names_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `INSERT INTO "organization_names" ("organization_id", "valid_from", "name") SELECT "id", '-infinity', "name" FROM "organizations"`,
    );
    await queryRunner.query(`
      CREATE FUNCTION organizations_name_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO organization_names (organization_id, valid_from, name)
        VALUES (
          NEW.id,
          CASE WHEN TG_OP = 'INSERT' THEN '-infinity'::date ELSE (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date END,
          NEW.name
        )
        ON CONFLICT (organization_id, valid_from) DO UPDATE SET name = EXCLUDED.name;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tg_organizations_name_insert" AFTER INSERT ON "organizations" FOR EACH ROW EXECUTE FUNCTION organizations_name_history()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_organizations_name_update" AFTER UPDATE OF "name" ON "organizations" FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION organizations_name_history()`,
    );
    // The name in force on a day: one primary-key lookup.
    await queryRunner.query(`
      CREATE FUNCTION organization_name_on(organization uuid, on_day date) RETURNS text LANGUAGE sql STABLE AS $$
        SELECT name FROM organization_names
         WHERE organization_id = organization AND valid_from <= on_day
         ORDER BY valid_from DESC LIMIT 1
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION organization_name_on(uuid, date)`);
    await queryRunner.query(`DROP TRIGGER "tg_organizations_name_update" ON "organizations"`);
    await queryRunner.query(`DROP TRIGGER "tg_organizations_name_insert" ON "organizations"`);
    await queryRunner.query(`DROP FUNCTION organizations_name_history()`);
    await queryRunner.query(`DROP TABLE "organization_names"`);
    await queryRunner.query(`DROP INDEX "ix_organizations_successor_id"`);
    await queryRunner.query(
      `ALTER TABLE "organizations" DROP CONSTRAINT "fk_organizations_successor", DROP CONSTRAINT "ck_organizations_successor", DROP CONSTRAINT "ck_organizations_valid_dates", DROP COLUMN "successor_id", DROP COLUMN "valid_to", DROP COLUMN "valid_from"`,
    );
  }
}
