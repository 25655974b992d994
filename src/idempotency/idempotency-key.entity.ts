import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export const IDEMPOTENCY_STATES = ['PROCESSING', 'COMPLETED'] as const;
export type IdempotencyState = (typeof IDEMPOTENCY_STATES)[number];

/**
 * One `Idempotency-Key` a caller sent with a POST: claimed while the first request runs (`PROCESSING`), then the
 * response it got (`COMPLETED`), replayed to every retry until `expiresAt`. Keys are scoped per caller.
 */
@Entity('idempotency_keys')
@Check('ck_idempotency_keys_state', `"state" IN ('PROCESSING','COMPLETED')`)
@Check('ck_idempotency_keys_completed', `("state" = 'COMPLETED') = ("response_status" IS NOT NULL)`)
export class IdempotencyKey {
  /** Whose key: `key:<api key id>` or `bootstrap`. Two callers may use the same key independently. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_keys' })
  principal: string;

  /** The `Idempotency-Key` header as sent. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_idempotency_keys' })
  idempotencyKey: string;

  /** SHA-256 of the method, path and body: a retry must send the same request. */
  @Column({ type: 'text' })
  requestHash: string;

  @Column({ type: 'text' })
  method: string;

  @Column({ type: 'text' })
  path: string;

  @Column({ type: 'text' })
  state: IdempotencyState;

  /** Until when the instance that claimed the key is presumed to be working on it. */
  @Column({ type: 'timestamptz' })
  lockedUntil: Date;

  /** Set inside the first request's own transaction(s) at commit: its changes are in the database. */
  @Column({ type: 'timestamptz', nullable: true })
  committedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  responseStatus: number | null;

  /** The response body exactly as sent (JSON text). */
  @Column({ type: 'text', nullable: true })
  responseBody: string | null;

  /** The response headers a replay repeats (`location`, `content-type`). */
  @Column({ type: 'jsonb', nullable: true })
  responseHeaders: Record<string, string> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index('ix_idempotency_keys_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
