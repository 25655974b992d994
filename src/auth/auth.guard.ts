import { msg, type Message } from '../i18n/index.js';
import { type CanActivate, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../api-keys/api-key.js';
import { ApiKeysRepository } from '../api-keys/api-keys.repository.js';
import { AppConfig } from '../config/app-config.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
import { BOOTSTRAP_KEY_ID, PUBLIC_PRINCIPAL, type Principal } from './principal.js';
import { hashToken, secretsEqual } from './token.js';

const unauthenticated = (detail: Message) =>
  new ApiError(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, 'Authentication required', detail);

/**
 * Resolves a request's `Authorization` header to its principal: the public without one, else the API key (or the
 * bootstrap token) it names; a malformed or unknown token is a 401. Shared by the global guard and the public
 * reads served as plain Fastify routes (`public-award-routes.ts`), so both authenticate alike.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly apiKeys: ApiKeysRepository,
    private readonly config: AppConfig,
  ) {}

  /** The principal of `header`; the anonymous case costs nothing (no promise is awaited for it by callers). */
  authenticate(header: string | undefined): Principal | Promise<Principal> {
    if (header === undefined || header === '') return PUBLIC_PRINCIPAL;
    return this.authenticateToken(header);
  }

  private async authenticateToken(header: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw unauthenticated(msg('auth.malformed'));
    const token = match[1];
    const bootstrap = this.config.AUTH_BOOTSTRAP_ADMIN_TOKEN;
    if (bootstrap && secretsEqual(token, bootstrap)) {
      if (!this.config.AUTH_BOOTSTRAP_ALWAYS && (await this.adminKeyExists())) {
        throw unauthenticated(msg('auth.bootstrapRetired'));
      }
      return { kind: 'bootstrap', keyId: BOOTSTRAP_KEY_ID, role: 'ADMIN', organizationId: null };
    }
    const owner = await this.apiKeys.findLiveByTokenHash(hashToken(token));
    if (!owner) throw unauthenticated(msg('auth.unknownToken'));
    return { kind: 'key', keyId: owner.id, role: owner.role, organizationId: owner.organizationId };
  }

  /**
   * Whether an ADMIN API key is in force, which retires the bootstrap token. Read from the database on every use of
   * the bootstrap token (it is for the first minutes of an installation, so rarely used): every instance on the
   * database agrees at once, and revoking every ADMIN key brings the bootstrap token back as a way in.
   */
  private adminKeyExists(): Promise<boolean> {
    return this.apiKeys.liveAdminExists();
  }
}

/**
 * The one global guard: resolves the bearer token to a principal, then checks the route's roles.
 * Deny by default: a route admits the public only with `@Public()`, other roles only when `@Roles` names them.
 * Object-level scope (an HR officer's own subtree) is checked by the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES, targets) ?? [];

    const principal = await this.authenticator.authenticate(request.headers.authorization);
    request.principal = principal;
    if (isPublic) return true;
    if (principal.kind === 'public') throw unauthenticated(msg('auth.needsKey'));
    if (principal.role === 'ADMIN' || (principal.role && roles.includes(principal.role))) return true;
    throw ApiError.forbidden(msg('error.role', { role: principal.role ?? '', allowed: ['ADMIN', ...roles] }));
  }
}
