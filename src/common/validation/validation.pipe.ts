import { type ArgumentMetadata, HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { msg, render, semicolonList } from '../../i18n/index.js';
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
 * The 400 problem for these field errors: the first `MAX_REPORTED_ERRORS`, and how many were left out
 * (`errorsOmitted`), so a body of thousands of bad fields gets a short answer.
 */
function fieldErrorsProblem(fieldErrors: FieldError[]): ApiError {
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

export function validationProblem(errors: ValidationError[]): ApiError {
  return fieldErrorsProblem(flatten(errors));
}

/** Two field errors say the same thing when they name the same field and read the same (in English, say). */
const sameError = (a: FieldError, b: FieldError) =>
  a.field === b.field && render(a.message, 'en') === render(b.message, 'en');

/**
 * Two refusals the whitelist alone misses, for a body validated against a DTO class:
 * - a body that is not a JSON object (`null`, an array, a scalar) would pass as `{}` (a `PATCH` with `null` wrote
 *   an `EDIT` for no change). No body at all is still an empty one.
 * - a field named like a property of `Object.prototype` (`constructor`, `hasOwnProperty`) or `prototype`: class-validator looks
 *   fields up in a plain object, finds the inherited function and lets some of them through. Every other unknown
 *   field is the whitelist's to refuse (with the rest of what is wrong).
 */
/** Names class-transformer drops or resolves on the prototype chain, so the whitelist never sees them. */
const INHERITED_NAMES = new Set(['prototype', '__proto__']);

class ObjectBodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metadata.type !== 'body' || metatype === undefined || !this.toValidate(metadata) || value === undefined)
      return super.transform(value, metadata);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      throw fieldErrorsProblem([{ field: 'body', message: msg('validation.jsonObject') }]);
    const declared = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(metatype, '', true, false)
        .map((validation) => validation.propertyName),
    );
    const missed: FieldError[] = Object.keys(value)
      .filter((field) => !declared.has(field) && (field in Object.prototype || INHERITED_NAMES.has(field)))
      .map((field) => ({ field, message: constraintMessage(field, `property ${field} should not exist`) }));
    if (missed.length === 0) return super.transform(value, metadata);
    // Reported with whatever else is wrong with the body, as one problem.
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => {
        if (error instanceof ApiError && Array.isArray(error.extensions.errors)) return error.extensions.errors;
        throw error;
      },
    );
    throw fieldErrorsProblem([...missed, ...others.filter((error) => !missed.some((own) => sameError(own, error)))]);
  }
}

/** whitelist + forbid unknown fields + transform; failures become a 400 problem listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new ObjectBodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: validationProblem,
  });
}
