import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { msg, renderDeep, requestLocale, type Message, type Text } from '../../i18n/index.js';
import { setContentLanguage } from '../../i18n/content-language.js';
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

/** The title of each status, from the catalogue (RFC 9457: the same title for every problem of a type). */
function titleOf(status: number, fallback: Text): Text {
  switch (status) {
    case 400:
    case 401:
    case 403:
    case 404:
    case 405:
    case 408:
    case 409:
    case 413:
    case 414:
    case 415:
    case 422:
    case 429:
    case 431:
    case 500:
    case 503:
      return msg(`problem.title.${status}`);
    default:
      return fallback;
  }
}

/** Titles other than the status's own, kept per kind of problem. */
const SPECIAL_TITLES: Readonly<Record<string, Message>> = {
  'This record already exists': msg('problem.title.exists'),
  'The file cannot be imported': msg('problem.title.importInvalid'),
};

/** A framework's own message (Nest, Fastify), in the catalogue where it has an entry. */
function frameworkDetail(text: string): Text {
  const route = /^(?:Route|Cannot) ([A-Z]+)[: ](\S+?)(?: not found)?$/.exec(text);
  if (route) return msg('problem.routeNotFound', { method: route[1], url: route[2] });
  return msg('text.raw', { text });
}

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
      title:
        typeof exception.title === 'string'
          ? (SPECIAL_TITLES[exception.title] ?? titleOf(exception.status, exception.title))
          : exception.title,
      status: exception.status,
      detail: exception.detail,
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
      title: titleOf(status, exception.name),
      status,
      detail: frameworkDetail(message),
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
      title: titleOf(fastifyStatus, msg('problem.title.400')),
      status: fastifyStatus,
      detail: frameworkDetail(exception.message),
      code,
      ...base,
    };
  }
  const translated = translateDatabaseError(exception);
  if (translated) return toProblem(translated, instance, requestId);
  return {
    type: problemType(ErrorCode.INTERNAL),
    title: msg('problem.title.500'),
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: msg('problem.internal'),
    code: ErrorCode.INTERNAL,
    ...base,
  };
}

/** Sends a problem in the request's language (`Accept-Language`), with `Content-Language`. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): void {
  if (reply.sent) return;
  if (problem.status === 503) reply.header('retry-after', '5');
  const locale = requestLocale(reply.request);
  setContentLanguage(reply, locale);
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(renderDeep(problem, locale)));
}

const errorLogger = new Logger('Errors');

/** Answers a request that failed with `exception` with its problem; a 5xx is logged with the request id. */
export function answerWithProblem(request: FastifyRequest, reply: FastifyReply, exception: unknown): void {
  const problem = toProblem(exception, request.url, request.id);
  if (problem.status >= 500) {
    errorLogger.error({ err: exception, requestId: request.id, url: request.url }, 'request failed');
  }
  sendProblem(reply, problem);
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    answerWithProblem(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception);
  }
}
