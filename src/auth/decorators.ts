import { createParamDecorator, type ExecutionContext, SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../api-keys/api-key.js';
import { ProblemDto } from '../common/http/problem.dto.js';
import { PUBLIC_PRINCIPAL, type Principal } from './principal.js';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';

/** Anyone may call this route, without a token. Everything else is denied by default. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The roles that may call this route (ADMIN always may). A route with neither `@Roles` nor `@Public` is
 * open to ADMIN only.
 */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing or invalid token', type: ProblemDto }),
    ApiForbiddenResponse({
      description: `Needs one of: ADMIN${roles.length ? ', ' + roles.join(', ') : ''}, within scope`,
      type: ProblemDto,
    }),
  );

/** The caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  return request.principal ?? PUBLIC_PRINCIPAL;
});
