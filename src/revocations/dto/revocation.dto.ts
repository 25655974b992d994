import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { AwardDto } from '../../awards/dto/award.dto.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import { FIRST_YEAR, IsCalendarDate, LAST_YEAR, WORKFLOW_DATES } from '../../common/validation/dates.js';
import { DecisionIssuerDto, IsDecisionNumber, MAX_DECISION_NUMBER } from '../../decisions/dto/decision.dto.js';
import type { Text } from '../../i18n/index.js';
import { AUTHORITIES, REVOCATION_GROUNDS, type Authority, type RevocationGround } from '../../rules/index.js';

/** Most awards one revocation decision may name in a single request. */
export const MAX_REVOCATION_AWARDS = 500;

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** What a revocation decision says, whether it names one award (the decision's shortcut) or several. */
export class RevocationFieldsDto {
  /**
   * The organization whose head issues the revocation (cơ quan ban hành): the one that granted each award or one
   * above it in the tree, competent to decide awards on `issuedOn` (R-REVOKE-1, Law 2022 Art 93; R-AUTH-4).
   */
  @IsUUID('all')
  issuerOrganizationId: string;

  /**
   * Number of the revocation decision (R-NUM-1): a revocation is a quyết định of the issuer's document register, in
   * the same yearly series as its award decisions. Required when the issuer's `decisionNumbering` is `REGISTER`;
   * with `AUTO` the next number of the series is assigned. A number already used that year, by an award decision or
   * a revocation → 409 `DECISION_NUMBER_TAKEN`.
   */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', example: '12/QĐ-STTTT' },
      { type: 'integer', minimum: 1, maximum: MAX_DECISION_NUMBER },
    ],
  })
  @IsOptional()
  @IsDecisionNumber()
  number?: string | number;

  /** Date of signature, YYYY-MM-DD: not before any revoked award's decision, not after today (422 R-REVOKE-1). */
  @ApiProperty({ format: 'date', example: '2025-03-01' })
  @IsCalendarDate(WORKFLOW_DATES)
  issuedOn: string;

  /**
   * The legal ground, a point of Law 2022 Art 93.2: `A` false declaration of achievements, `B` untrue information
   * or forged papers, `C` appraisal or proposal against the law, `D` a competent body's finding that the standard
   * was not met.
   */
  @ApiProperty({ enum: REVOCATION_GROUNDS, enumName: 'RevocationGround' })
  @IsIn(REVOCATION_GROUNDS)
  ground: RevocationGround;

  /**
   * Why (lý do), the officer's words: may carry personal data, so only ADMIN, AUDITOR and APPROVER keys in scope of
   * the issuer read it; the public sees the ground.
   */
  @Transform(trim)
  @IsString()
  @Length(1, 2000)
  reason: string;
}

export class CreateRevocationDto extends RevocationFieldsDto {
  /** The awards revoked, all or nothing: 1–500 ids, none already revoked (409 `AWARD_ALREADY_REVOKED`). */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_REVOCATION_AWARDS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REVOCATION_AWARDS)
  @ArrayUnique((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id))
  @IsUUID('all', { each: true })
  awardIds: string[];
}

/** The shortcut of one award: the same fields, the award named by the path. */
export class RevokeAwardDto extends RevocationFieldsDto {}

export class ListRevocationsQueryDto extends PageQueryDto {
  /** Revocations of this issuer only. */
  @IsOptional()
  @IsUUID('all')
  issuerOrganizationId?: string;

  /** Calendar year of the revocation date. */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;
}

/** A revocation decision without its awards, as lists serve it. */
export class RevocationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** The number as printed (R-NUM-1), e.g. `12/QĐ-STTTT`. */
  @ApiProperty({ example: '12/QĐ-STTTT' })
  number: string;

  /** The number alone. */
  @ApiProperty({ type: 'integer' })
  numberValue: number;

  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty({ format: 'date' })
  issuedOn: string;

  issuer: DecisionIssuerDto;

  /** The issuer's authority on `issuedOn` (R-AUTH-4). */
  @ApiProperty({ enum: AUTHORITIES, enumName: 'Authority' })
  authority: Authority;

  /** The point of Law 2022 Art 93.2 (A–D for a–d). */
  @ApiProperty({ enum: REVOCATION_GROUNDS, enumName: 'RevocationGround' })
  ground: RevocationGround;

  /** What the ground says, with its article, in the language of the request. */
  @ApiProperty({ type: String })
  groundText: Text;

  /** The officer's reason: null for the public, HR officers and APPROVER keys outside the issuer's scope. */
  @ApiProperty({ type: String, nullable: true })
  reason: string | null;

  /** Number of awards it revoked. */
  @ApiProperty({ type: 'integer' })
  awardCount: number;

  /** When it was recorded (ISO 8601 UTC). */
  createdAt: string;
}

/** A later award flagged for review because it counted a revoked one (R-REVOKE-1). */
export class FlaggedAwardDto {
  award: AwardDto;

  /** The revoked award its eligibility counted. */
  @ApiProperty({ format: 'uuid' })
  reliedOnAwardId: string;

  /** The eligibility rule that counted it, e.g. `R-CSTINH-1`. */
  rule: string;

  /** Why it needs review, citing the articles, in the language of the request. */
  @ApiProperty({ type: String })
  message: Text;
}

/** A revocation decision with the awards it revoked and those it flagged for review. */
export class RevocationDto extends RevocationSummaryDto {
  @ApiProperty({ type: [AwardDto] })
  awards: AwardDto[];

  /** Later awards of the same recipients whose eligibility counted a revoked award: flagged, never revoked. */
  @ApiProperty({ type: [FlaggedAwardDto] })
  flagged: FlaggedAwardDto[];
}

/** The outcome of an award's review after a prerequisite was revoked. */
export class ReviewAwardDto {
  /**
   * `CONFIRMED`: the award stands on the remaining facts; the flag is cleared. An award that does not stand is
   * revoked by its own revocation decision (`POST /revocations`), which clears the flag too.
   */
  @ApiProperty({ enum: ['CONFIRMED'] })
  @IsIn(['CONFIRMED'])
  outcome: 'CONFIRMED';
}
