import type { Text } from '../../i18n/index.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGIME_CODES, type Regime } from '../../rules/index.js';

/** One evaluated rule (kiểm tra điều kiện). */
export class RuleCheckDto {
  /**
   * Rule id, e.g. `R-LDTT-1` (every rule with its article: docs/rules.md). A rule with several conditions appears
   * once per condition.
   */
  @ApiProperty({ example: 'R-LDTT-1' })
  rule: string;
  /**
   * Whether the condition holds; `null` for a criterion the registry cannot count (e.g. Law 2022 Art 74.1.a),
   * claimed by the officer with a written justification (`attested: true`). An attested check does not make the
   * nomination ineligible.
   */
  @ApiProperty({ type: Boolean, nullable: true })
  passed: boolean | null;
  /** Present and true when the check is attested by the proposing officer, not counted by the registry. */
  @ApiPropertyOptional({ type: Boolean, enum: [true] })
  attested?: true;
  /**
   * What was checked and what was found, with the article of law, in the language of the request: Vietnamese by
   * default, English with `Accept-Language: en` (the response's `Content-Language` says which).
   */
  @ApiProperty({ type: String })
  message: Text;
  /** The threshold the rule compared against, where it has one (e.g. a quota cap, yes votes needed). */
  @ApiPropertyOptional()
  limit?: number;
  /** The number found (e.g. the count after approving, yes votes cast). */
  @ApiPropertyOptional()
  actual?: number;
}

/** Result of the eligibility rules (điều kiện, tiêu chuẩn khen thưởng) for one nomination at one moment. */
export class EligibilityDto {
  /** True when no check failed (attested checks, `passed: null`, do not fail). */
  eligible: boolean;
  /**
   * The legal regime the rules were chosen by: TDKT_2003_ND91 (Law 15/2003, Decree 91/2017) until 2023-12-31,
   * TDKT_2022_ND98 (Law 06/2022, Decree 98/2023) until 2025-06-30, TDKT_2022_ND152 (Law 06/2022, Decree 152/2025)
   * from 2025-07-01.
   */
  @ApiProperty({ enum: REGIME_CODES, enumName: 'Regime' })
  regime: Regime;
  @ApiProperty({ type: RuleCheckDto, isArray: true })
  checks: RuleCheckDto[];
}

/** `POST /nominations/check`: the evaluation alone; nothing is stored. */
export class EligibilityResultDto {
  eligibility: EligibilityDto;
}
