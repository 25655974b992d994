import { msg } from '../i18n/index.js';
import { Injectable, Logger } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ApiError } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import type { Principal } from '../auth/principal.js';
import { generateToken, hashToken, tokenPrefix } from '../auth/token.js';
import { ApiKey, type Role } from './api-key.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, ListApiKeysQueryDto } from './dto/api-key.dto.js';

/** Roles whose keys act within one organization's subtree, and so must name it. */
const SCOPED_ROLES: readonly Role[] = ['HR_OFFICER', 'APPROVER'];

export function toApiKeyDto(key: ApiKey): ApiKeyDto {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    organizationId: key.organizationId,
    tokenPrefix: key.tokenPrefix,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt ? key.revokedAt.toISOString() : null,
  };
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger('ApiKeys');

  constructor(private readonly apiKeys: ApiKeysRepository) {}

  /**
   * Creates a key and returns its token this once; only the SHA-256 of the token is stored. An unknown
   * `organizationId` fails on the foreign key (422 INVALID_REFERENCE).
   */
  async create(dto: CreateApiKeyDto, principal: Principal): Promise<CreatedApiKeyDto> {
    const scoped = SCOPED_ROLES.includes(dto.role);
    const organizationId = dto.organizationId ?? null;
    if (scoped && organizationId === null) {
      throw ApiError.badRequest('organizationId', msg('apiKey.scopeRequired', { role: dto.role }));
    }
    if (!scoped && organizationId !== null) {
      throw ApiError.badRequest('organizationId', msg('apiKey.noScope', { role: dto.role }));
    }
    const token = generateToken();
    const key = await this.apiKeys.create({
      name: dto.name,
      role: dto.role,
      organizationId,
      tokenHash: hashToken(token),
      tokenPrefix: tokenPrefix(token),
    });
    this.logger.log(
      { keyId: key.id, role: key.role, organizationId, by: principal.keyId ?? principal.kind },
      'API key created',
    );
    return { ...toApiKeyDto(key), token };
  }

  async list(query: ListApiKeysQueryDto): Promise<Page<ApiKeyDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 1);
    const afterId = after === null ? null : after[0];
    if (afterId !== null && (typeof afterId !== 'string' || !isUUID(afterId, 'all'))) {
      throw ApiError.badRequest('cursor', msg('error.cursor'));
    }
    const rows = await this.apiKeys.list({
      role: query.role,
      organizationId: query.organizationId,
      includeRevoked: query.includeRevoked ?? false,
      afterId,
      limit,
    });
    return toPage(rows, limit, (row) => [row.id], toApiKeyDto);
  }

  async get(id: string): Promise<ApiKeyDto> {
    const key = await this.apiKeys.findById(id);
    if (!key) throw ApiError.notFound('API key', id);
    return toApiKeyDto(key);
  }

  /**
   * Revokes a key: from the next request on, its token gets 401. Idempotent: revoking a revoked key succeeds
   * and keeps the first `revokedAt`. A key may revoke itself (e.g. when it is rotated out).
   */
  async revoke(id: string, principal: Principal): Promise<void> {
    const key = await this.apiKeys.revoke(id);
    if (!key) throw ApiError.notFound('API key', id);
    this.logger.log({ keyId: id, by: principal.keyId ?? principal.kind }, 'API key revoked');
  }
}
