import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { msg, semicolonList } from '../../i18n/index.js';
import { constraintMessage } from '../../i18n/validation-messages.js';
import { ApiError, ErrorCode, type FieldError } from '../errors/problem.js';

/** Most field errors one 400 problem lists; `errorsOmitted` counts the rest. */
export const MAX_REPORTED_ERRORS = 20;

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((text) => ({
      field,
      message: constraintMessage(field, text),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The 400 problem for these validation errors: the first `MAX_REPORTED_ERRORS` field errors, and how many were
 * left out (`errorsOmitted`), so a body of thousands of bad fields gets a short answer.
 */
export function validationProblem(errors: ValidationError[]): ApiError {
  const fieldErrors = flatten(errors);
  const reported = fieldErrors.slice(0, MAX_REPORTED_ERRORS);
  const omitted = fieldErrors.length - reported.length;
  const listed = reported.map((error) => msg('problem.fieldList', { field: error.field, text: error.message }));
  return new ApiError(
    HttpStatus.BAD_REQUEST,
    ErrorCode.VALIDATION_FAILED,
    msg('problem.title.400'),
    omitted > 0 ? msg('problem.andMore', { list: semicolonList(listed), count: omitted }) : semicolonList(listed),
    { errors: reported, ...(omitted > 0 ? { errorsOmitted: omitted } : {}) },
  );
}

/** whitelist + forbid unknown fields + transform; failures become a 400 problem listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: validationProblem,
  });
}
