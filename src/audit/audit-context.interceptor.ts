import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Observable } from 'rxjs';
import { type AuditActor, runAsAuditActor } from './audit-context.js';

/**
 * Opens the audit context of each HTTP request around its handler. It runs after the global auth guard, so
 * `request.principal` is resolved; subscribing inside `run` makes the handler, its pipes and every promise it
 * starts see the context (a Fastify hook would lose it across body parsing).
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const actor: AuditActor = {
      actorKeyId: request.principal?.keyId ?? null,
      actorRole: request.principal?.role ?? null,
      requestId: typeof request.id === 'string' && request.id !== '' ? request.id : null,
    };
    return new Observable((subscriber) => runAsAuditActor(actor, () => next.handle().subscribe(subscriber)));
  }
}
