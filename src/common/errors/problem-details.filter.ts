import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { translateDatabaseError } from './database-errors.js';
import {
  ApiError,
  ErrorCode,
  type ErrorCodeValue,
  isErrorCode,
  PROBLEM_CONTENT_TYPE,
  type ProblemDetails,
  problemType,
} from './problem.js';

const STATUS_CODES: Partial<Record<number, ErrorCodeValue>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.MALFORMED_REQUEST,
  [HttpStatus.UNAUTHORIZED]: ErrorCode.UNAUTHENTICATED,
  [HttpStatus.FORBIDDEN]: ErrorCode.FORBIDDEN,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.METHOD_NOT_ALLOWED]: ErrorCode.METHOD_NOT_ALLOWED,
  [HttpStatus.CONFLICT]: ErrorCode.CONFLICT,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
  [HttpStatus.UNPROCESSABLE_ENTITY]: ErrorCode.RULE_VIOLATION,
  [HttpStatus.TOO_MANY_REQUESTS]: ErrorCode.TOO_MANY_REQUESTS,
  [HttpStatus.SERVICE_UNAVAILABLE]: ErrorCode.SERVICE_UNAVAILABLE,
};

const TITLES: Partial<Record<number, string>> = {
  400: 'Invalid request',
  401: 'Authentication required',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'A rule forbids this',
  429: 'Too many requests',
  503: 'Service unavailable',
};

/** Turns anything thrown into an RFC 9457 problem. Exported for Fastify's own error handler too. */
export function toProblem(
  exception: unknown,
  instance: string | undefined,
  requestId: string | undefined,
): ProblemDetails {
  const base = { instance, requestId };
  if (exception instanceof ApiError) {
    return {
      type: problemType(exception.code),
      title: exception.title,
      status: exception.status,
      detail: exception.message,
      code: exception.code,
      ...base,
      ...exception.extensions,
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const body = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    const code = isErrorCode(body.code)
      ? body.code
      : (STATUS_CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST));
    const message = Array.isArray(body.message)
      ? body.message.join('; ')
      : typeof body.message === 'string'
        ? body.message
        : exception.message;
    const { message: _m, error: _e, statusCode: _s, code: _c, ...extensions } = body;
    return {
      type: problemType(code),
      title: TITLES[status] ?? exception.name,
      status,
      detail: message,
      code,
      ...base,
      ...extensions,
    };
  }
  const fastifyStatus = (exception as { statusCode?: number } | null)?.statusCode;
  if (exception instanceof Error && typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    // Errors raised by Fastify itself before our code runs: malformed JSON, body too large, bad content type.
    const code = STATUS_CODES[fastifyStatus] ?? ErrorCode.MALFORMED_REQUEST;
    return {
      type: problemType(code),
      title: TITLES[fastifyStatus] ?? 'Invalid request',
      status: fastifyStatus,
      detail: exception.message,
      code,
      ...base,
    };
  }
  const translated = translateDatabaseError(exception);
  if (translated) return toProblem(translated, instance, requestId);
  return {
    type: problemType(ErrorCode.INTERNAL),
    title: 'Internal error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'Something went wrong on our side; the request id identifies it in the logs',
    code: ErrorCode.INTERNAL,
    ...base,
  };
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  if (reply.sent) return;
  if (problem.status === 503) reply.header('retry-after', '5');
  void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = toProblem(exception, request.url, request.id);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, requestId: request.id, url: request.url }, 'request failed');
    }
    sendProblem(reply, problem);
  }
}
