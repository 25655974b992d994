import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
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
