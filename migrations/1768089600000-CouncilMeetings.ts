import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The placeholder minutes reference of votes recorded before meetings were (see `up`). */
const LEGACY_MINUTES = 'LEGACY: recorded before meeting minutes were required';

/**
 * Council votes as records of meetings, and the council sizes they are counted against (R-VOTE-1, Decree 91/2017
 * Art 45.8):
 *
 * - `council_votes` gains `held_on` (the meeting date), `minutes_reference` and `written_votes` (votes in writing of
 *   absent members). Votes recorded before get their creation date (in Vietnam, UTC+7) as `held_on` and a placeholder
 *   reference marking them as legacy. A nomination keeps every meeting (there never was a one-vote-per-nomination
 *   key); a trigger now refuses to update or delete a vote.
 * - `council_sizes`: the size of an organization's council from a date, one row per change, append-only like the
 *   votes, set from above the organization (the service checks who).
 * - Both tables are audited like the other business tables (`audit_capture`, see the AuditTrail migration).
 */
export class CouncilMeetings1768089600000 implements MigrationInterface {
  name = 'CouncilMeetings1768089600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "council_votes" DROP CONSTRAINT "ck_council_votes_counts"`);
    await queryRunner.query(
      `ALTER TABLE "council_votes" ADD "held_on" date, ADD "minutes_reference" text, ADD "written_votes" integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(
      `UPDATE "council_votes" SET "held_on" = ("created_at" AT TIME ZONE INTERVAL '+07:00')::date, "minutes_reference" = $1`,
      [LEGACY_MINUTES],
    );
    await queryRunner.query(
      `ALTER TABLE "council_votes" ALTER COLUMN "held_on" SET NOT NULL, ALTER COLUMN "minutes_reference" SET NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_votes" ADD CONSTRAINT "ck_council_votes_counts" CHECK ("members" > 0 AND "present" >= 0 AND "written_votes" >= 0 AND "yes" >= 0 AND "present" + "written_votes" <= "members" AND "yes" <= "present" + "written_votes")`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_votes" ADD CONSTRAINT "ck_council_votes_minutes_reference" CHECK (length("minutes_reference") BETWEEN 1 AND 100)`,
    );

    await queryRunner.query(
      `CREATE TABLE "council_sizes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organization_id" uuid NOT NULL, "members" integer NOT NULL, "effective_from" date NOT NULL, "reference" text NOT NULL, "recorded_by_key_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_council_sizes_reference" CHECK (length("reference") BETWEEN 1 AND 200), CONSTRAINT "ck_council_sizes_members" CHECK ("members" BETWEEN 1 AND 1000), CONSTRAINT "pk_council_sizes" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_council_sizes_organization_effective" ON "council_sizes" ("organization_id", "effective_from", "created_at")`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_sizes" ADD CONSTRAINT "fk_council_sizes_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    await queryRunner.query(`
      CREATE FUNCTION council_records_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% %: a council record is never changed nor deleted; record a new one', TG_TABLE_NAME, OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['council_votes', 'council_sizes']) {
      await queryRunner.query(
        `CREATE TRIGGER "tg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION council_records_refuse()`,
      );
    }
    await queryRunner.query(
      `CREATE TRIGGER "tg_council_sizes_audit" AFTER INSERT OR UPDATE OR DELETE ON "council_sizes" FOR EACH ROW EXECUTE FUNCTION audit_capture('id', '', '')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tg_council_sizes_audit" ON "council_sizes"`);
    for (const table of ['council_votes', 'council_sizes']) {
      await queryRunner.query(`DROP TRIGGER "tg_${table}_append_only" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION council_records_refuse()`);
    await queryRunner.query(`DROP TABLE "council_sizes"`);
    await queryRunner.query(`ALTER TABLE "council_votes" DROP CONSTRAINT "ck_council_votes_minutes_reference"`);
    await queryRunner.query(`ALTER TABLE "council_votes" DROP CONSTRAINT "ck_council_votes_counts"`);
    // A meeting's written votes have no place in the old shape: fold them into `present`, which is what they
    // counted toward before, and keep the old check true.
    await queryRunner.query(
      `UPDATE "council_votes" SET "present" = "present" + "written_votes" WHERE "written_votes" > 0`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_votes" DROP COLUMN "written_votes", DROP COLUMN "minutes_reference", DROP COLUMN "held_on"`,
    );
    await queryRunner.query(
      `ALTER TABLE "council_votes" ADD CONSTRAINT "ck_council_votes_counts" CHECK ("members" > 0 AND "present" >= 0 AND "yes" >= 0 AND "yes" <= "present" AND "present" <= "members")`,
    );
  }
}
