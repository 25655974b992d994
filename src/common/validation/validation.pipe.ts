import { type ArgumentMetadata, HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
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

const bodyError = (field: string, message: string, detail = `${field}: ${message}`) =>
  new ApiError(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, 'Invalid request', detail, {
    errors: [{ field, message }],
  });

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
      throw bodyError('body', 'must be a JSON object');
    const declared = new Set(
      getMetadataStorage()
        .getTargetValidationMetadatas(metatype, '', true, false)
        .map((validation) => validation.propertyName),
    );
    const missed: FieldError[] = Object.keys(value)
      .filter((field) => !declared.has(field) && (field in Object.prototype || INHERITED_NAMES.has(field)))
      .map((field) => ({ field, message: `property ${field} should not exist` }));
    if (missed.length === 0) return super.transform(value, metadata);
    // Reported with whatever else is wrong with the body, as one problem.
    const others = await super.transform(value, metadata).then(
      () => [],
      (error: unknown) => {
        if (error instanceof ApiError && Array.isArray(error.extensions.errors)) return error.extensions.errors;
        throw error;
      },
    );
    const errors = [
      ...missed,
      ...others.filter((error) => !missed.some((own) => own.field === error.field && own.message === error.message)),
    ];
    const reported = errors.slice(0, MAX_REPORTED_ERRORS);
    const omitted = errors.length - reported.length;
    const listed = reported.map((error) => msg('problem.fieldList', { field: error.field, text: error.message }));
    throw new ApiError(
      HttpStatus.BAD_REQUEST,
      ErrorCode.VALIDATION_FAILED,
      msg('problem.title.400'),
      omitted > 0 ? msg('problem.andMore', { list: semicolonList(listed), count: omitted }) : semicolonList(listed),
      { errors: reported, ...(omitted > 0 ? { errorsOmitted: omitted } : {}) },
    );
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
