import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContextInterceptor } from './audit-context.interceptor.js';
import { AuditController, AuditExportController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { AuditSealer } from './audit-sealer.service.js';

/**
 * The tamper-evident audit trail (nhật ký kiểm toán). Design, in the order a change travels:
 *
 * 1. **Capture in PostgreSQL.** An AFTER ROW trigger on every business table (migration AuditTrail) writes one
 *    `audit_events` row per inserted, updated or deleted row, inside the same transaction: no code path — a
 *    repository `save`, a raw `UPDATE`, a bulk insert, another instance — can change data without its event,
 *    and a rolled-back change leaves none. The event holds the row before and after (national id and birth
 *    date redacted, the key's token hash never), the action (`nominations.approve` when a status changes, else
 *    `<table>.create|update|delete`, `revoke`, `close`) and the entity id.
 * 2. **Actor from the request.** `AuditContextInterceptor` opens an AsyncLocalStorage context with the principal
 *    the auth guard resolved and the request id; `AuditContextSubscriber` (TypeORM) copies it into
 *    transaction-local settings at the start of every transaction, and into session settings before a write
 *    outside one, where the trigger reads them. The interceptor reads `request.principal`, so the guard needs no
 *    change, and no extra dependency (nestjs-cls) is needed for three fields.
 * 3. **Chain off the write path.** Events are inserted unsealed, so concurrent writers on any number of
 *    instances never queue on a chain lock (the identity sequence is the only shared thing, and it does not
 *    lock). `AuditSealer` chains committed events every `AUDIT_SEAL_INTERVAL_MS` under an advisory lock: one
 *    chain, one sealer at a time, the order of the chain being the sealing order. `audit_chain_head` records
 *    the last position and hash, so deleting the newest events is detected too.
 * 4. **Verify.** `GET /audit-events/verify` recomputes every hash page by page and names the first event whose
 *    content, link or position does not fit. A trigger refuses DELETE and any UPDATE but sealing; bypassing it
 *    (a superuser disabling triggers) is exactly what verification detects.
 *
 * See docs/audit.md for the hash format and the database grants production uses.
 */
@Module({
  controllers: [AuditController, AuditExportController],
  providers: [
    AuditRepository,
    AuditService,
    AuditSealer,
    { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor },
  ],
  exports: [AuditSealer, AuditService],
})
export class AuditModule {}
