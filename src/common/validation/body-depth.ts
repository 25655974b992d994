import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from '../errors/problem-details.filter.js';
import { ApiError } from '../errors/problem.js';

/** No request body of this API nests deeper than a few levels; 32 leaves ample room. */
export const MAX_BODY_DEPTH = 32;

/**
 * Whether a parsed JSON value nests arrays or objects more than `max` levels deep. Iterative, so a hostile body
 * cannot exhaust the stack here (as it would in the recursive validation and fingerprinting that follow).
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) {
      if (child !== null && typeof child === 'object') pending.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Refuses, with a 400 problem, a JSON body nested deeper than `MAX_BODY_DEPTH` levels, right after parsing and before
 * anything walks it: class-transformer, class-validator and request fingerprinting recurse, and a body of a few
 * thousand levels (a few kilobytes) would otherwise overflow the stack and answer 500.
 */
export function refuseDeeplyNestedBodies(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.body === null || typeof request.body !== 'object' || !nestsDeeperThan(request.body, MAX_BODY_DEPTH))
      return;
    const error = ApiError.badRequest('body', `nests arrays or objects more than ${MAX_BODY_DEPTH} levels deep`);
    sendProblem(reply, toProblem(error, request.url, request.id));
    return reply;
  });
}
