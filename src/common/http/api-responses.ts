import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

/** The problem responses most operations share, documented once. */
export const ApiProblems = (...kinds: ('400' | '404' | '409' | '422')[]) =>
  applyDecorators(
    ...(kinds.includes('400')
      ? [ApiBadRequestResponse({ description: 'Invalid input: `errors` lists each field', type: ProblemDto })]
      : []),
    ...(kinds.includes('404') ? [ApiNotFoundResponse({ description: 'Not found', type: ProblemDto })] : []),
    ...(kinds.includes('409')
      ? [ApiConflictResponse({ description: 'Conflicts with an existing record', type: ProblemDto })]
      : []),
    ...(kinds.includes('422')
      ? [
          ApiUnprocessableEntityResponse({
            description: 'Breaks a domain rule: `violations` lists the rules',
            type: ProblemDto,
          }),
        ]
      : []),
    ApiServiceUnavailableResponse({ description: 'The database is unreachable; retry', type: ProblemDto }),
  );

/** A UUID path parameter. */
export const ApiIdParam = (name = 'id', description = 'UUID') => ApiParam({ name, description, format: 'uuid' });

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * Every error response of this API is an RFC 9457 problem (`application/problem+json`), whatever the operation
 * produces on success (CSV, XLSX, PDF): the global filter renders them all. The decorators document errors as
 * `application/json` (or as the operation's own media type under `@ApiProduces`); this rewrites each 4xx/5xx
 * response to the media type the client actually receives, keeping its schema (`ProblemDto` when it has none).
 */
export function documentErrorsAsProblems(document: OpenAPIObject): OpenAPIObject {
  const problem = { $ref: '#/components/schemas/ProblemDto' };
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      for (const [status, response] of Object.entries(item[method]?.responses ?? {})) {
        if (!response || !/^[45]/.test(status) || '$ref' in response) continue;
        const schema = Object.values(response.content ?? {}).find((media) => media.schema)?.schema ?? problem;
        response.content = { [PROBLEM_MEDIA_TYPE]: { schema } };
      }
    }
  }
  return document;
}
