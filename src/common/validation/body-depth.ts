import { msg } from '../../i18n/index.js';
import type { FastifyInstance } from 'fastify';
import { sendProblem, toProblem } from '../errors/problem-details.filter.js';
import { ApiError } from '../errors/problem.js';

/** No request body of this API nests deeper than a few levels; 32 leaves ample room. */
export const MAX_BODY_DEPTH = 32;

/**
 * Most keys and array elements, counted over the whole body, that a JSON body may hold. The largest body of this
 * API is a decision of `MAX_DECISION_LINES` (500) nomination ids and a few fields; 1,000 leaves room.
 */
export const MAX_BODY_ENTRIES = 1_000;

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
 * Whether a parsed JSON value holds more than `max` object keys and array elements in all. Iterative, and stops
 * as soon as the count passes `max`.
 */
export function hasMoreEntriesThan(value: unknown, max: number): boolean {
  let entries = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === null || typeof current !== 'object') continue;
    const children = Object.values(current);
    entries += children.length;
    if (entries > max) return true;
    for (const child of children) if (child !== null && typeof child === 'object') pending.push(child);
  }
  return false;
}

/**
 * Refuses, with a 400 problem, a JSON body nested deeper than `MAX_BODY_DEPTH` levels or holding more than
 * `MAX_BODY_ENTRIES` keys and elements, right after parsing and before anything walks it: class-transformer,
 * class-validator and request fingerprinting recurse, and a body of a few thousand levels (a few kilobytes) would
 * otherwise overflow the stack and answer 500; a body of 90,000 unknown keys (1 MB) would take seconds to validate
 * and answer an error for each key.
 */
export function refuseDeeplyNestedBodies(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request, reply) => {
    if (request.body === null || typeof request.body !== 'object') return;
    let error: ApiError | undefined;
    if (nestsDeeperThan(request.body, MAX_BODY_DEPTH)) {
      error = ApiError.badRequest('body', msg('validation.tooDeep', { value: MAX_BODY_DEPTH }));
    } else if (hasMoreEntriesThan(request.body, MAX_BODY_ENTRIES)) {
      error = ApiError.badRequest('body', msg('validation.tooMany', { value: MAX_BODY_ENTRIES }));
    }
    if (!error) return;
    sendProblem(reply, toProblem(error, request.url, request.id));
    return reply;
  });
}
