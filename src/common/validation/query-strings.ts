import { msg } from '../../i18n/index.js';
import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from '../errors/problem-details.filter.js';
import { ApiError } from '../errors/problem.js';

/**
 * The first query parameter whose name or value holds a NUL character (U+0000), or undefined. PostgreSQL text
 * cannot hold NUL, so such a filter can never match anything and would fail in the database instead.
 */
export function parameterWithNul(query: unknown): string | undefined {
  if (query === null || typeof query !== 'object') return undefined;
  for (const [name, value] of Object.entries(query)) {
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (name.includes('\0') || values.some((item) => typeof item === 'string' && item.includes('\0'))) {
      // The name as a JSON string body, so a NUL in the name itself shows as \u0000.
      return JSON.stringify(name).slice(1, -1);
    }
  }
  return undefined;
}

/**
 * Refuses, with a 400 problem naming the parameter, any request whose query string holds a NUL character (`%00`),
 * before a route reads it: one place for every route, instead of a 500 from PostgreSQL wherever a filter reaches
 * SQL (as `GET /exports/awards.csv?q=%00` did).
 */
export function refuseNulInQueryStrings(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const parameter = parameterWithNul(request.query);
    if (parameter === undefined) return;
    const error = ApiError.badRequest(parameter, msg('validation.nul'));
    sendProblem(reply, toProblem(error, request.url, request.id));
    return reply;
  });
}
