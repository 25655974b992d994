import { HttpStatus } from '@nestjs/common';
import type { UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { msg } from '../../i18n/index.js';
import { ApiError, ErrorCode } from '../errors/problem.js';

/**
 * The file of an upload route (field `file`): a request that is not multipart/form-data is a 415, a multipart one
 * without the field a 400 naming it.
 */
export function requireUploadedFile(
  file: UploadedMultipartFile | undefined,
  request: FastifyRequest,
): UploadedMultipartFile {
  if (file) return file;
  const contentType = String(request.headers['content-type'] ?? '');
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      ErrorCode.UNSUPPORTED_MEDIA_TYPE,
      msg('problem.title.415'),
      msg('import.multipart'),
    );
  }
  throw ApiError.badRequest('file', msg('import.fileRequired'));
}
