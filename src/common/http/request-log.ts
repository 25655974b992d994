import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';

/**
 * For the register's hot reads (`PUBLIC_AWARD_READ_PATHS`), which pino-http skips: its middleware builds a child
 * logger and serializes the request for every request, whether a line is written or not (8–10 % of the CPU of a
 * register read). Writes the line pino-http writes when a response is finished, with the same fields in the same order (`req`
 * with id, method and url, `requestId`, `res` with status and headers, `err` for a 5xx, `responseTime` in ms,
 * `msg`), through the application's root logger; nothing is built when the level is off. A request pino-http
 * already logs (`allLogs` on the raw request) is left to it.
 */
export function logRequest(request: FastifyRequest, reply: FastifyReply): void {
  const logger = PinoLogger.root;
  if (!logger.isLevelEnabled('info') || (request.raw as { allLogs?: unknown }).allLogs !== undefined) return;
  const req = { id: request.id, method: request.method, url: request.url };
  // The logger's own serializers (pino-http's) turn these into the fields: the request's id, method and url, the
  // response's status and headers.
  const res = reply.raw;
  const responseTime = Math.round(reply.elapsedTime);
  if (reply.statusCode >= 500) {
    const err = new Error(`failed with status code ${reply.statusCode}`);
    logger.info({ req, requestId: request.id, res, err, responseTime }, 'request errored');
  } else {
    const message = request.raw.readableAborted || !reply.raw.writableEnded ? 'request aborted' : 'request completed';
    logger.info({ req, requestId: request.id, res, responseTime }, message);
  }
}
