import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateBy,
} from 'class-validator';
import { AwardDto } from '../../awards/dto/award.dto.js';
import { PageQueryDto } from '../../common/pagination/pagination.js';
import {
  AUTHORITIES,
  DECISION_NUMBER_TEXT,
  REGIME_CODES,
  SIGNING_MODES,
  type Authority,
  type Regime,
  type SigningMode,
} from '../../rules/index.js';
import { FIRST_YEAR, IsCalendarDate, IsNotInFuture, LAST_YEAR, WORKFLOW_DATES } from '../../common/validation/dates.js';
import { HumanName } from '../../common/validation/human-name.js';

/** Most lines one decision may grant in a single request. */
export const MAX_DECISION_LINES = 500;
/** Highest decision number accepted by hand. */
export const MAX_DECISION_NUMBER = 999_999;

/** R-NUM-1: the register's number as printed (`05/QĐ-STTTT`) or the number alone (5), 1 to MAX_DECISION_NUMBER. */
export function IsDecisionNumber(): PropertyDecorator {
  return ValidateBy({
    name: 'isDecisionNumber',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'number'
          ? Number.isSafeInteger(value) && value >= 1 && value <= MAX_DECISION_NUMBER
          : typeof value === 'string' && DECISION_NUMBER_TEXT.test(value.trim().normalize('NFC')),
      defaultMessage: () =>
        `must be a decision number like 05/QĐ-STTTT, or a whole number from 1 to ${MAX_DECISION_NUMBER}`,
    },
  });
}

export class CreateDecisionDto {
  /** The organization whose head issues the decision (cơ quan ban hành); it must have a `documentSymbol`. */
  @IsUUID('all')
  issuerOrganizationId: string;

  /**
   * Authority level of the issuer (thẩm quyền). It follows from the issuer's kind (R-AUTH-4, Law 2022 Art 79–80): a
   * PROVINCE issues as PROVINCE_CHAIR, a DEPARTMENT as DEPARTMENT_HEAD, a DISTRICT as DISTRICT_CHAIR (until
   * 2025-06-30), a COMMUNE as COMMUNE_CHAIR, an ENTERPRISE as ENTERPRISE_HEAD; a UNIT or OTHER organization issues
   * no award decisions. Optional: when given and it disagrees → 422 R-AUTH-4. It decides which award codes the
   * decision may contain (R-AUTH-1..4).
   */
  @ApiPropertyOptional({ enum: AUTHORITIES, enumName: 'Authority' })
  @IsOptional()
  @IsIn(AUTHORITIES)
  authority?: Authority;

  /**
   * Decision number (số quyết định) from the issuer's document register (R-NUM-1, Decree 30/2020 Annex I), as
   * printed (`05/QĐ-STTTT`: a leading zero below 10, the issuer's `documentSymbol`) or the number alone (5).
   * Required when the issuer's `decisionNumbering` is `REGISTER` (the default): 422 R-NUM-1 when missing, of another
   * symbol or not canonical. With `AUTO` it may be omitted: the registry assigns the next number of the issuer's
   * series for the calendar year of `issuedOn`. A number already used by the issuer that year → 409.
   */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'string', example: '05/QĐ-STTTT' },
      { type: 'integer', minimum: 1, maximum: MAX_DECISION_NUMBER },
    ],
  })
  @IsOptional()
  @IsDecisionNumber()
  number?: string | number;

  /**
   * Date of signature (ngày ký), YYYY-MM-DD: chooses the legal regime, the base salary and the number series. A
   * decision is recorded once signed: not after today (Vietnam time).
   */
  @ApiProperty({ format: 'date', example: '2024-01-23' })
  @IsCalendarDate(WORKFLOW_DATES)
  @IsNotInFuture()
  issuedOn: string;

  /** Name of the signer (người ký), e.g. "Vũ Anh Dũng". */
  @HumanName()
  @IsString()
  @Length(1, 200)
  signerName: string;

  /** Title of the signer (chức vụ), e.g. "Giám đốc" or "Phó Chủ tịch". */
  @HumanName()
  @IsString()
  @Length(1, 200)
  signerTitle: string;

  /**
   * DIRECT: the head signs. ON_BEHALF: a deputy signs "KT." (ký thay) for the head; the decision is still the
   * head's, so it may contain what the head may decide (R-AUTH-3).
   */
  @ApiProperty({ enum: SIGNING_MODES, enumName: 'SigningMode' })
  @IsIn(SIGNING_MODES)
  signingMode: SigningMode;

  /** The APPROVED nominations the decision grants: one award each, all or nothing. */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_DECISION_LINES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DECISION_LINES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  nominationIds: string[];
}

export class ListDecisionsQueryDto extends PageQueryDto {
  /** Decisions of this issuer only. */
  @IsOptional()
  @IsUUID('all')
  issuerOrganizationId?: string;

  /** Calendar year of the decision date. */
  @ApiPropertyOptional({ type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;

  @ApiPropertyOptional({ enum: AUTHORITIES, enumName: 'Authority' })
  @IsOptional()
  @IsIn(AUTHORITIES)
  authority?: Authority;
}

export class DecisionIssuerDto {
  /** The issuing organization; null for a history decision whose issuer is not in the registry. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;
  /** Current name of the issuing organization, or the issuer as written on a history decision. */
  name: string;
  /** Its document symbol (ký hiệu), e.g. `STTTT`. */
  @ApiProperty({ type: String, nullable: true })
  documentSymbol: string | null;
}

/** A decision without its lines, as lists serve it. */
export class DecisionSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** The number as printed (R-NUM-1), e.g. `05/QĐ-STTTT`. */
  @ApiProperty({ example: '05/QĐ-STTTT' })
  number: string;

  /** The number alone, e.g. 5. */
  @ApiProperty({ type: 'integer' })
  numberValue: number;

  /** Calendar year of `issuedOn`: the number series of the year. */
  @ApiProperty({ type: 'integer' })
  year: number;

  @ApiProperty({ format: 'date' })
  issuedOn: string;

  issuer: DecisionIssuerDto;

  @ApiProperty({ enum: AUTHORITIES, enumName: 'Authority' })
  authority: Authority;

  signerName: string;

  signerTitle: string;

  @ApiProperty({ enum: SIGNING_MODES, enumName: 'SigningMode' })
  signingMode: SigningMode;

  /**
   * Legal regime in force on `issuedOn`: TDKT_2003_ND91 (Law 15/2003, Decree 91/2017) until 2023-12-31,
   * TDKT_2022_ND98 (Law 06/2022, Decree 98/2023) until 2025-06-30, TDKT_2022_ND152 (Law 06/2022, Decree 152/2025)
   * from 2025-07-01.
   */
  @ApiProperty({ enum: REGIME_CODES, enumName: 'Regime' })
  regime: Regime;
  /** REGISTRY: made through the workflow; HISTORY: loaded from the agency's records (`POST /history/import`). */
  @ApiProperty({ enum: ['REGISTRY', 'HISTORY'], enumName: 'RecordSource' })
  source: 'REGISTRY' | 'HISTORY';

  /** Number of lines (awards), revoked ones included. */
  @ApiProperty({ type: 'integer' })
  awardCount: number;

  /** When it was recorded (ISO 8601 UTC). */
  createdAt: string;
}

/** A decision with every award it granted, revoked ones marked. */
export class DecisionDto extends DecisionSummaryDto {
  @ApiProperty({ type: [AwardDto] })
  awards: AwardDto[];
}
