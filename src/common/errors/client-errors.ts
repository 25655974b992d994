import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problem-details.filter.js';
import { ErrorCode, type ErrorCodeValue, PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem.js';

const REFUSALS: Record<string, { status: number; code: ErrorCodeValue; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    code: ErrorCode.REQUEST_TIMEOUT,
    detail: 'The request was not received in time',
  },
  HPE_HEADER_OVERFLOW: {
    status: 431,
    code: ErrorCode.HEADERS_TOO_LARGE,
    detail:
      'The request line and headers are larger than the server accepts: shorten the URL (query string) or the headers',
  },
};
const MALFORMED: { status: number; code: ErrorCodeValue; detail: string } = {
  status: 400,
  code: ErrorCode.MALFORMED_REQUEST,
  detail: 'The request is not valid HTTP',
};

/** The raw HTTP response for a request Node's parser refused: a problem document, then the connection closes. */
export function clientErrorResponse(error: { code?: string }): string {
  const refusal = (error.code && REFUSALS[error.code]) || MALFORMED;
  const title = STATUS_CODES[refusal.status] ?? 'Bad Request';
  const problem: ProblemDetails = {
    type: problemType(refusal.code),
    title,
    status: refusal.status,
    detail: refusal.detail,
    code: refusal.code,
  };
  const body = JSON.stringify(problem);
  return (
    `HTTP/1.1 ${refusal.status} ${title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  );
}

/**
 * Fastify's `clientErrorHandler`: requests that Node's HTTP parser refuses before any route or filter runs (a
 * malformed request line or header, a URL and headers over the size limit, a request too slow to arrive) get a
 * problem document like every other error instead of Fastify's plain JSON.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) socket.write(clientErrorResponse(error));
  socket.destroy(error);
}

const FRAMEWORK_REFUSALS: Record<string, { status: number; code: ErrorCodeValue; detail: string }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: ErrorCode.MALFORMED_REQUEST,
    detail: 'The URL is not valid: a percent-encoded sequence is malformed or not UTF-8',
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: ErrorCode.URI_TOO_LONG,
    detail: 'A path parameter of the URL is too long',
  },
};

/**
 * Fastify's `frameworkErrors`: URLs its router refuses before any route runs (a malformed percent-encoding, a path
 * parameter over the length limit) are answered with a problem document like every other error.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = FRAMEWORK_REFUSALS[error.code] ?? {
    status: error.statusCode ?? 400,
    code: ErrorCode.MALFORMED_REQUEST,
    detail: error.message,
  };
  const title = STATUS_CODES[refusal.status] ?? 'Bad Request';
  sendProblem(reply, {
    type: problemType(refusal.code),
    title,
    status: refusal.status,
    detail: refusal.detail,
    code: refusal.code,
    requestId: request.id,
  });
}
