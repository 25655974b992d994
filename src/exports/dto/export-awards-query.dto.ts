import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { ListAwardsQueryDto, toBooleanQuery } from '../../awards/dto/award.dto.js';

/**
 * Filters of the award exports: those of `GET /awards` without the page parameters (an export is every matching
 * award, in the order of `GET /awards`: newest decision date first).
 */
export class ExportAwardsQueryDto extends OmitType(ListAwardsQueryDto, ['limit', 'cursor', 'includeRevoked'] as const) {
  /**
   * Include revoked awards (thu hồi), with their revocation columns. Default **true** for exports, unlike
   * `GET /awards`: an export is the full history an auditor reconciles. `false` leaves them out.
   */
  @ApiPropertyOptional({ type: Boolean, default: true })
  @IsOptional()
  @Transform(toBooleanQuery)
  @IsBoolean()
  includeRevoked?: boolean;
}
