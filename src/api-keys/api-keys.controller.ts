import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, ListApiKeysQueryDto } from './dto/api-key.dto.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Roles()
  @ApiOperation({
    summary: 'Create an API key (ADMIN)',
    description:
      'Returns the bearer `token` in this response only; the registry stores its SHA-256 hash, so a lost token ' +
      'cannot be recovered (create a new key and revoke the old one). `HR_OFFICER` and `APPROVER` keys must name ' +
      'an existing `organizationId` (their scope); `ADMIN` and `AUDITOR` keys must not. An `organizationId` that ' +
      'does not exist → 422 `INVALID_REFERENCE`.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblems('400', '422')
  create(@Body() dto: CreateApiKeyDto, @CurrentPrincipal() principal: Principal): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(dto, principal);
  }

  @Get()
  @Roles('AUDITOR')
  @ApiOperation({
    summary: 'List API keys (ADMIN, AUDITOR), newest first',
    description:
      'Active keys only unless `includeRevoked=true`. Never returns a token or its hash. Auditors read keys to tell ' +
      'who is behind the `actorKeyId` of an audit event.',
  })
  @ApiOkResponse({ type: PageOf(ApiKeyDto) })
  @ApiProblems('400')
  list(@Query() query: ListApiKeysQueryDto): Promise<Page<ApiKeyDto>> {
    return this.apiKeys.list(query);
  }

  @Get(':id')
  @Roles('AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Get one API key (ADMIN, AUDITOR), active or revoked; never its token' })
  @ApiOkResponse({ type: ApiKeyDto })
  @ApiProblems('400', '404')
  get(@Param('id', UuidPipe) id: string): Promise<ApiKeyDto> {
    return this.apiKeys.get(id);
  }

  @Delete(':id')
  @Roles()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Revoke an API key (ADMIN)',
    description:
      'Sets `revokedAt`; from the next request on the key gets 401. The key stays listed (with ' +
      '`includeRevoked=true`) for the record. Idempotent: revoking an already revoked key answers 204 again and ' +
      'keeps the first `revokedAt`. A key may revoke itself (rotation); the bootstrap token is configuration, not ' +
      'a key, and cannot be revoked here.',
  })
  @ApiNoContentResponse({ description: 'Revoked (or already revoked)' })
  @ApiProblems('400', '404')
  revoke(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.apiKeys.revoke(id, principal);
  }
}
