import { msg } from '../i18n/index.js';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../common/errors/problem.js';

export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

/** A year written as four digits between 1945 and 2100, or a 400 naming the parameter. */
export function parseYear(value: unknown, name = 'year'): number {
  const year = typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw ApiError.badRequest(name, msg('validation.year', { from: MIN_YEAR, until: MAX_YEAR }));
  }
  return year;
}

/**
 * A year path parameter, read from the raw path so that spellings such as `02024`, `2024.0` or `0x7E8` are
 * refused instead of being coerced to a number first (as a `@Param` typed `number` would be).
 */
export const YearParam = createParamDecorator((name: string | undefined, context: ExecutionContext): number => {
  const key = name ?? 'year';
  const params = context.switchToHttp().getRequest<FastifyRequest>().params as Record<string, string | undefined>;
  return parseYear(params[key], key);
});

/** Swagger for a year path parameter. */
export const ApiYearParam = (name = 'year') =>
  ApiParam({
    name,
    description: `Year, ${MIN_YEAR}–${MAX_YEAR}`,
    schema: { type: 'integer', minimum: MIN_YEAR, maximum: MAX_YEAR },
  });
