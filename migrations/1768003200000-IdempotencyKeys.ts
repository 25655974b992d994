import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of POST requests: one row per caller and key, claimed by the first request (`PROCESSING`),
 * then holding the response every retry gets (`COMPLETED`). Not audited: it records deliveries, not registry data.
 */
export class IdempotencyKeys1768003200000 implements MigrationInterface {
  name = 'IdempotencyKeys1768003200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("principal" text NOT NULL, "idempotency_key" text NOT NULL, "request_hash" text NOT NULL, "method" text NOT NULL, "path" text NOT NULL, "state" text NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE NOT NULL, "committed_at" TIMESTAMP WITH TIME ZONE, "response_status" integer, "response_body" text, "response_headers" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_idempotency_keys_completed" CHECK (("state" = 'COMPLETED') = ("response_status" IS NOT NULL)), CONSTRAINT "ck_idempotency_keys_state" CHECK ("state" IN ('PROCESSING','COMPLETED')), CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("principal", "idempotency_key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_idempotency_keys_expires_at" ON "idempotency_keys" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
