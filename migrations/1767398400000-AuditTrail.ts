import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every business table, the columns that identify one of its rows (joined with "/" into the event's entity id),
 * the columns whose values an auditor does not need (replaced by a marker), and the columns never written to
 * the trail at all. Fixed here on purpose: a later change of the audited set comes as a new migration.
 */
const AUDITED: { table: string; key: string[]; redacted?: string[]; dropped?: string[] }[] = [
  { table: 'award_types', key: ['code'] },
  { table: 'organizations', key: ['id'] },
  { table: 'individuals', key: ['id'], redacted: ['national_id', 'birth_date'] },
  { table: 'individual_ratings', key: ['individual_id', 'year'] },
  { table: 'initiatives', key: ['id'] },
  { table: 'disciplinary_cases', key: ['id'] },
  { table: 'api_keys', key: ['id'], dropped: ['token_hash'] },
  { table: 'nominations', key: ['id'] },
  { table: 'council_votes', key: ['id'] },
  { table: 'unit_quotas', key: ['organization_id', 'year', 'award_code'] },
  { table: 'rule_settings', key: ['key'] },
  { table: 'decisions', key: ['id'] },
  { table: 'awards', key: ['id'] },
];

/**
 * The tamper-evident audit trail (see `src/audit/audit.module.ts` and `docs/audit.md`).
 *
 * - `audit_events`: one row per changed row of a business table, written by the AFTER ROW trigger
 *   `audit_capture()` inside the transaction that made the change. Actor and request id come from the
 *   transaction-local settings `app.actor_key_id`, `app.actor_role`, `app.request_id` that the application sets
 *   at the start of each transaction; without them (migrations, seeds, direct SQL) they stay null and `db_user`
 *   still tells who connected.
 * - Events are inserted unsealed (`seq`, `hash`, `prev_hash` null); the application's sealer later gives each
 *   committed event its chain position and hash. `audit_chain_head` holds the last sealed position and hash, so
 *   deleting the newest events is detected too.
 * - Triggers on `audit_events` make it append-only: no DELETE, and an UPDATE may only seal an unsealed event.
 */
export class AuditTrail1767398400000 implements MigrationInterface {
  name = 'AuditTrail1767398400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "seq" bigint, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_key_id" uuid, "actor_role" text, "action" text NOT NULL, "entity_type" text NOT NULL, "entity_id" text NOT NULL, "before" jsonb, "after" jsonb, "request_id" text, "db_user" text NOT NULL DEFAULT session_user, "hash" text, "prev_hash" text, CONSTRAINT "ck_audit_events_seq" CHECK ("seq" > 0), CONSTRAINT "ck_audit_events_sealed" CHECK (("seq" IS NULL AND "hash" IS NULL AND "prev_hash" IS NULL) OR ("seq" IS NOT NULL AND "hash" IS NOT NULL AND "prev_hash" IS NOT NULL)), CONSTRAINT "pk_audit_events" PRIMARY KEY ("id"))`,
    );
    // The sealer's work list: tiny, because events are sealed a fraction of a second after their commit.
    await queryRunner.query(`CREATE INDEX "ix_audit_events_unsealed" ON "audit_events" ("id") WHERE "seq" IS NULL`);
    // Partial, so an insert (always unsealed) adds no entry to it, and the planner never scans unsealed rows through it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_audit_events_seq" ON "audit_events" ("seq") WHERE "seq" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_events_entity" ON "audit_events" ("entity_type", "entity_id", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_events_actor" ON "audit_events" ("actor_key_id", "id")`);
    // Time ranges: `at` grows with `id`, so a BRIN index is enough and costs next to nothing on insert.
    await queryRunner.query(`CREATE INDEX "ix_audit_events_at" ON "audit_events" USING brin ("at")`);

    await queryRunner.query(
      `CREATE TABLE "audit_chain_head" ("id" smallint NOT NULL DEFAULT 1, "seq" bigint NOT NULL, "hash" text NOT NULL, "sealed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_audit_chain_head_single" CHECK ("id" = 1), CONSTRAINT "ck_audit_chain_head_seq" CHECK ("seq" >= 0), CONSTRAINT "pk_audit_chain_head" PRIMARY KEY ("id"))`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_capture() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        key_columns text[] := string_to_array(TG_ARGV[0], ',');
        redacted text[] := string_to_array(coalesce(TG_ARGV[1], ''), ',');
        dropped text[] := string_to_array(coalesce(TG_ARGV[2], ''), ',');
        old_row jsonb;
        new_row jsonb;
        key_row jsonb;
        entity text;
        verb text;
        column_name text;
        changed boolean;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_row := to_jsonb(OLD); END IF;
        IF TG_OP <> 'DELETE' THEN new_row := to_jsonb(NEW); END IF;
        -- An UPDATE that changes nothing is no change.
        IF TG_OP = 'UPDATE' AND old_row = new_row THEN RETURN NULL; END IF;

        key_row := coalesce(new_row, old_row);
        IF cardinality(key_columns) = 1 THEN
          entity := key_row ->> key_columns[1];
        ELSE
          entity := array_to_string(ARRAY(SELECT key_row ->> k FROM unnest(key_columns) WITH ORDINALITY AS u(k, n) ORDER BY n), '/');
        END IF;

        verb := CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'DELETE' THEN 'delete' ELSE 'update' END;
        IF TG_OP = 'UPDATE' THEN
          IF (old_row ->> 'status') IS DISTINCT FROM (new_row ->> 'status') THEN
            verb := CASE new_row ->> 'status'
              WHEN 'SUBMITTED' THEN 'submit' WHEN 'APPROVED' THEN 'approve' WHEN 'REJECTED' THEN 'reject'
              WHEN 'DECIDED' THEN 'decide' WHEN 'RETURNED' THEN 'return' WHEN 'WITHDRAWN' THEN 'withdraw'
              WHEN 'DRAFT' THEN 'reopen' ELSE 'update' END;
          ELSIF (old_row ->> 'revoked_at') IS NULL AND (new_row ->> 'revoked_at') IS NOT NULL THEN
            verb := 'revoke';
          ELSIF (old_row ->> 'closed_on') IS NULL AND (new_row ->> 'closed_on') IS NOT NULL THEN
            verb := 'close';
          END IF;
        END IF;

        -- Personal data an auditor does not need: null stays null (so "was it set" shows), a value becomes a marker.
        FOREACH column_name IN ARRAY redacted LOOP
          changed := TG_OP = 'UPDATE' AND (old_row -> column_name) IS DISTINCT FROM (new_row -> column_name);
          IF (old_row ->> column_name) IS NOT NULL THEN
            old_row := jsonb_set(old_row, ARRAY[column_name], '"[redacted]"');
          END IF;
          IF (new_row ->> column_name) IS NOT NULL THEN
            new_row := jsonb_set(new_row, ARRAY[column_name], CASE WHEN changed THEN '"[redacted, changed]"' ELSE '"[redacted]"' END::jsonb);
          END IF;
        END LOOP;
        old_row := old_row - dropped;
        new_row := new_row - dropped;

        INSERT INTO audit_events (actor_key_id, actor_role, action, entity_type, entity_id, before, after, request_id)
        VALUES (nullif(current_setting('app.actor_key_id', true), '')::uuid,
                nullif(current_setting('app.actor_role', true), ''),
                TG_TABLE_NAME || '.' || verb, TG_TABLE_NAME, entity, old_row, new_row,
                nullif(current_setting('app.request_id', true), ''));
        RETURN NULL;
      END $$`);

    // Append-only, checked by the trigger machinery itself so that sealing costs no function call per row: an
    // UPDATE naming a content column is refused whatever it writes (a column added to the table must be added to
    // this list), the seal columns may be written once, and rows are never deleted.
    await queryRunner.query(`
      CREATE FUNCTION audit_events_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'audit event % cannot be deleted: the audit trail is append-only', OLD.id
            USING ERRCODE = 'insufficient_privilege';
        END IF;
        RAISE EXCEPTION 'audit event % cannot change: only sealing may set its seq, hash and prev_hash, once', OLD.id
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tg_audit_events_content" BEFORE UPDATE OF "id", "at", "actor_key_id", "actor_role", "action", "entity_type", "entity_id", "before", "after", "request_id", "db_user" ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_audit_events_seal_once" BEFORE UPDATE OF "seq", "hash", "prev_hash" ON "audit_events" FOR EACH ROW WHEN (OLD."seq" IS NOT NULL OR NEW."seq" IS NULL) EXECUTE FUNCTION audit_events_refuse()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "tg_audit_events_no_delete" BEFORE DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION audit_events_refuse()`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.seq < OLD.seq THEN
          RAISE EXCEPTION 'the audit chain head only moves forward' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "tg_audit_chain_head_guard" BEFORE UPDATE OR DELETE ON "audit_chain_head" FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard()`,
    );

    for (const { table, key, redacted = [], dropped = [] } of AUDITED) {
      await queryRunner.query(
        `CREATE TRIGGER "tg_${table}_audit" AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION audit_capture('${key.join(',')}', '${redacted.join(',')}', '${dropped.join(',')}')`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table } of [...AUDITED].reverse()) {
      await queryRunner.query(`DROP TRIGGER "tg_${table}_audit" ON "${table}"`);
    }
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_chain_head_guard()`);
    await queryRunner.query(`DROP FUNCTION audit_events_refuse()`);
    await queryRunner.query(`DROP FUNCTION audit_capture()`);
  }
}
