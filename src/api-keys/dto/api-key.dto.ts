import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { ROLES, type Role } from '../api-key.js';
import { HumanName } from '../../common/validation/human-name.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class CreateApiKeyDto {
  /** What the key is for, so a person can recognise it later, e.g. "HR tool of Sở TT&TT". */
  @HumanName()
  @IsString()
  @Length(1, 200)
  name: string;

  /**
   * Role of the key: `ADMIN` may do everything; `HR_OFFICER` (cán bộ thi đua – khen thưởng) and `APPROVER`
   * act within one organization and its subtree; `AUDITOR` reads everything and writes nothing.
   */
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  @IsIn(ROLES)
  role: Role;

  /**
   * The key's scope (cơ quan, đơn vị): required for `HR_OFFICER` and `APPROVER`, which act on this organization
   * and its subtree; must be omitted for `ADMIN` and `AUDITOR`, which have no scope.
   */
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;
}

export class ListApiKeysQueryDto extends PageQueryDto {
  /** Only keys of this role. */
  @ApiPropertyOptional({ enum: ROLES, enumName: 'Role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  /** Only keys scoped to exactly this organization. */
  @IsOptional()
  @IsUUID('all')
  organizationId?: string;

  /** Include revoked keys (default false: active keys only). */
  @ApiPropertyOptional({ type: Boolean, default: false })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeRevoked?: boolean;
}

/** An API key as listed: never the token, never its hash. */
export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** What the key is for. */
  name: string;
  /** Role of the key (ADMIN, HR_OFFICER, APPROVER, AUDITOR). */
  @ApiProperty({ enum: ROLES, enumName: 'Role' })
  role: Role;
  /** The key's scope for `HR_OFFICER` and `APPROVER`; null for `ADMIN` and `AUDITOR`. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organizationId: string | null;
  /** The first characters of the token (e.g. `ar_Xy12ab`), to tell keys apart without the secret. */
  tokenPrefix: string;
  /** When the key was created (ISO 8601 UTC). */
  createdAt: string;
  /** When the key was revoked (ISO 8601 UTC); null while it is active. */
  @ApiProperty({ type: String, nullable: true })
  revokedAt: string | null;
}

/** The key just created, with its token: shown this once, the registry keeps only a SHA-256 hash. */
export class CreatedApiKeyDto extends ApiKeyDto {
  /** The bearer token (`Authorization: Bearer <token>`). Store it now: it cannot be shown again. */
  @ApiProperty({ example: 'ar_q3Zr0m6Jx3kq6y0yQ2c1cR1mF9m2o6Xh7cB5m0aZ1Qw' })
  token: string;
}
