import { msg } from '../../i18n/index.js';
import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiError } from '../errors/problem.js';

/** Validates a UUID path parameter; a malformed id is a 400 naming the parameter, never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (!isUUID(value, 'all')) throw ApiError.badRequest(metadata.data ?? 'id', msg('validation.isUUID'));
    return value.toLowerCase();
  }
}
