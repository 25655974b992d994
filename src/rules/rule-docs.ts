/**
 * Every rule id with its legal source and how the engine applies it — for Swagger descriptions, error
 * documentation and auditors; docs/rules.md lists the same ids. Confidence: L = legal text, S = secondary source
 * quoting an article, C = configurable default, X = convention of this registry.
 */
import type { RuleId } from './types.js';

export interface RuleDoc {
  id: RuleId;
  article: string;
  confidence: 'L' | 'S' | 'C' | 'X';
  /** CHECK: emits RuleChecks; FILTER: shapes what counts; NON_CHECK: documented absence of a check. */
  enforcement: 'CHECK' | 'FILTER' | 'NON_CHECK' | 'SERVICE';
  where: string;
  summary: string;
  /** Criteria the registry cannot count: the officer attests them with a justification (`passed: null`). */
  attested?: string;
}

export const RULE_DOCS: readonly RuleDoc[] = [
  {
    id: 'R-KIND-1',
    article: 'registry convention',
    confidence: 'X',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary: 'The award must accept the recipient kind; households take Giấy khen and Bằng khen tỉnh only.',
  },
  {
    id: 'R-BASIS-2',
    article: 'registry convention',
    confidence: 'X',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary: 'Emulation titles take basis REGULAR only; forms take any basis.',
  },
  {
    id: 'R-LDTT-1',
    article: 'Law 2022 Art 24',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary: 'Lao động tiên tiến for Y needs rating HTT or HTXS in Y.',
  },
  {
    id: 'R-LDTT-2',
    article: 'Decree 91/2017 Art 10',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'Under TDKT_2003_ND91 only: at least 10 whole months of work in Y counted from entering public service (recruitedOn, kept across transfers), and no disciplinary measure (reprimand or above) in force in Y.',
  },
  {
    id: 'R-LDTT-3',
    article: 'Circular 01/2024/TT-BNV Art 1.5',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'For decisions from 2024-04-15: no Lao động tiên tiến for Y with less than 6 whole months of service in Y, counted from entering public service (recruitedOn).',
  },
  {
    id: 'R-DISC-1',
    article: 'Decree 98/2023 Art 4; Decree 152/2025',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts, discipline.ts',
    summary:
      "A year in which a disciplinary measure (reprimand or above) was in force is not an achievement year for the person's titles: a title's period may not contain one, and prerequisite counts leave such years out. A case closed without a measure counts for nothing.",
  },
  {
    id: 'R-CSCS-1',
    article: 'Law 2022 Art 23',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'CSTĐ cơ sở for Y needs Lao động tiên tiến in Y and rating HTXS or an initiative in Y; the initiative is mandatory under TDKT_2003_ND91.',
  },
  {
    id: 'R-CSTINH-1',
    article: 'Law 2022 Art 22',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'CSTĐ tỉnh for Y needs CSTĐ cơ sở in every year of its achievement period (Y-2…Y by default) and a province- or national-level initiative in it; years used by an earlier CSTĐ tỉnh are R-SPAN-1.',
  },
  {
    id: 'R-CSTQ-1',
    article: 'Law 2022 Art 21',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'CSTĐ toàn quốc for Y needs two consecutive CSTĐ tỉnh terms (the later starting the year after the earlier ends, and ending in Y-1 or Y; overlapping terms do not count) and a nation-wide initiative during them.',
  },
  {
    id: 'R-BK-1',
    article: 'Law 2022 Art 74.1',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'eligibility.ts, criteria.ts',
    summary:
      'Regular Bằng khen tỉnh for an individual, criterion 74.1.d (checked, the default): CSTĐ cơ sở in both years of its period (Y-1, Y), or HTXS in both with 2 initiatives in them.',
    attested: '74.1.a, 74.1.b, 74.1.c: attested by the officer with a written justification.',
  },
  {
    id: 'R-BKTT-1',
    article: 'Law 2022 Art 73.1.b',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts, criteria.ts',
    summary:
      'Regular Bằng khen Thủ tướng for an individual, criterion 73.1.b (checked, the default): a Bằng khen tỉnh before its period, then 5 consecutive years (the period) rated HTT or better with CSTĐ cơ sở in at least 3 of them.',
    attested: '73.1.a, 73.1.c: attested by the officer with a written justification.',
  },
  {
    id: 'R-SPAN-1',
    article: 'Decree 98/2023 Art 30.9; Circular 12/2019 Art 3',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts, periods.ts',
    summary:
      'The achievement period of the next CSTĐ tỉnh, CSTĐ toàn quốc, regular Bằng khen tỉnh or Bằng khen Thủ tướng starts after the period of the previous one: its years may not overlap a counted award of the same code.',
  },
  {
    id: 'R-STATE-1',
    article: 'Circular 12/2019/TT-BNV Art 3',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'At most one state-level form (Bằng khen Thủ tướng in the catalogue) proposed or granted for a recipient in one year, on any basis.',
  },
  {
    id: 'R-ORDER-1',
    article: 'Decree 98/2023 Art 4',
    confidence: 'L',
    enforcement: 'NON_CHECK',
    where: 'eligibility.ts',
    summary: 'A lower form is never a prerequisite of a higher one: no rule asks for a Giấy khen before a Bằng khen.',
  },
  {
    id: 'R-BASIS-1',
    article: 'Decree 98/2023 Art 4',
    confidence: 'L',
    enforcement: 'FILTER',
    where: 'counting.ts',
    summary: 'THEMATIC and AD_HOC awards never count toward the prerequisites of a REGULAR proposal.',
  },
  {
    id: 'R-DUP-1',
    article: 'Law 2022 principles',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'At most one REGULAR award of a code per recipient and year; regular Giấy khen and Bằng khen tỉnh of the same year are duplicates; a revoked award and a withdrawn or rejected nomination do not count.',
  },
  {
    id: 'R-HOLD-1',
    article: 'Decree 98/2023 Art 4; Decree 152/2025',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'An open case on the individual or the collective (discipline, investigation, inspection, complaint, denunciation, press report) holds the nomination: it cannot be submitted, approved or decided.',
  },
  {
    id: 'R-TTTT-1',
    article: 'Law 2022 Art 28',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary: 'TT lao động tiên tiến needs more than 50 % of members (on 31 Dec) with Lao động tiên tiến.',
  },
  {
    id: 'R-TTXS-1',
    article: 'Law 2022 Art 27',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'eligibility.ts',
    summary:
      'TT lao động xuất sắc needs all members rated HT or better, ≥ 70 % with Lao động tiên tiến, ≥ 1 with CSTĐ cơ sở.',
  },
  {
    id: 'R-QUOTA-CSCS',
    article: 'Decree 91/2017 Art 9.3',
    confidence: 'C',
    enforcement: 'CHECK',
    where: 'quotas.ts',
    summary:
      'CSTĐ cơ sở of a unit and year ≤ floor(15 % × the Lao động tiên tiến of the unit and its subtree); law under ND91, a provincial setting after.',
  },
  {
    id: 'R-QUOTA-CSTINH',
    article: 'provincial practice',
    confidence: 'C',
    enforcement: 'CHECK',
    where: 'quotas.ts',
    summary: 'Off by default: CSTĐ tỉnh ≤ floor(10 % × the unit’s CSTĐ cơ sở).',
  },
  {
    id: 'R-QUOTA-UNIT',
    article: 'unit configuration',
    confidence: 'C',
    enforcement: 'CHECK',
    where: 'quotas.ts',
    summary: 'A unit’s maximum count and/or ratio per year and code; the tightest limit wins.',
  },
  {
    id: 'R-VOTE-1',
    article: 'Decree 91/2017 Art 45.8',
    confidence: 'C',
    enforcement: 'CHECK',
    where: 'votes.ts',
    summary:
      'Quorum 2/3 of members present; written votes of absent members count as votes; pass mark of all members of the council on file: 90 % CSTĐ tỉnh and CSTĐ toàn quốc, 80 % Bằng khen tỉnh, else (Cờ thi đua, Bằng khen Thủ tướng included) more than half; the latest meeting counts.',
  },
  {
    id: 'R-AUTH-1',
    article: 'Law 2022 Art 80.1',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'authority.ts',
    summary: 'A Giám đốc Sở decides only LĐTT, CSTĐ cơ sở, TT lao động tiên tiến and Giấy khen.',
  },
  {
    id: 'R-AUTH-2',
    article: 'Law 2022 Art 80.3, Decree 129/2025',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'authority.ts',
    summary: 'A commune chair decides LĐTT and Giấy khen; from 2025-07-01 also CSTĐ cơ sở and TT lao động tiên tiến.',
  },
  {
    id: 'R-AUTH-3',
    article: 'Law 2022 Art 80',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'authority.ts',
    summary: 'Province-level titles and forms need the provincial Chairman or a minister (KT. signing allowed).',
  },
  {
    id: 'R-AUTH-4',
    article: 'Law 2022 Art 79–80',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'issuing-authority.ts, authority.ts',
    summary:
      "The authority follows from the issuer's kind (a unit has none; districts until 2025-06-30); a stated authority that disagrees is refused; it decides what the catalogue grants.",
  },
  {
    id: 'R-AUTH-5',
    article: 'Law 2022 Art 80.4, Circular 15/2025/TT-BNV',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'authority.ts',
    summary:
      'An enterprise director decides LĐTT, CSTĐ cơ sở, TT lao động tiên tiến and Giấy khen; the chair of its board Giấy khen only.',
  },
  {
    id: 'R-ORG-1',
    article: 'Circular 15/2025/TT-BNV, Law 2022 Art 79–80',
    confidence: 'L',
    enforcement: 'CHECK',
    where: 'organization-life.ts, eligibility.ts',
    summary:
      'An organization exists from validFrom to validTo: none issues a decision or a revocation, receives a collective award, submits a nomination or takes in a person, dated before its validFrom or after its validTo (merged, dissolved).',
  },
  {
    id: 'R-NUM-1',
    article: 'Decree 30/2020 Annex I',
    confidence: 'L',
    enforcement: 'SERVICE',
    where: 'decision-number.ts',
    summary:
      'Decision number NN/QĐ-SYMBOL, unique per issuer and year: the document register’s number, given and checked (REGISTER, default), or assigned gapless (AUTO).',
  },
  {
    id: 'R-MONEY-1',
    article: 'Decree 98/2023, Decree 152/2025',
    confidence: 'L',
    enforcement: 'SERVICE',
    where: 'money.ts',
    summary: 'Bonus = multiplier × base salary on the decision date, rounded up to 10,000 VND.',
  },
  {
    id: 'R-MONEY-2',
    article: 'Decree 91/2017 Art 73.1.d, Decree 98/2023 Art 58.1.g, Decree 152/2025 Art 54.1',
    confidence: 'S',
    enforcement: 'SERVICE',
    where: 'money.ts, catalogue.ts',
    summary:
      'A commune chair’s Giấy khen is 0.15 × base salary under ND91 and ND98, 0.3 under ND152; other issuers 0.3.',
  },
  {
    id: 'R-MONEY-3',
    article: 'Decree 91/2017 Art 66.2.c, Decree 98/2023 Art 53',
    confidence: 'S',
    enforcement: 'SERVICE',
    where: 'money.ts',
    summary:
      'Titles of one recipient and achievement period are paid once, at the highest multiplier; other periods and forms are each paid.',
  },
  {
    id: 'R-REVOKE-1',
    article: 'Law 2022 Art 93 (ch. VII)',
    confidence: 'L',
    enforcement: 'FILTER',
    where: 'revocation.ts, counting.ts',
    summary:
      'A revocation is a decision (number, date, issuer at or above the granting one, ground Art 93.2 a–d); the revoked award stays in history but stops counting, and later awards that counted it are flagged for review.',
  },
  {
    id: 'R-CERT-1',
    article: 'Decree 98/2023 Art 54',
    confidence: 'S',
    enforcement: 'CHECK',
    where: 'certificate.ts',
    summary:
      'What is printed follows the code: LĐTT and TT lao động tiên tiến nothing (bonus only), CSTĐ and TT lao động xuất sắc a Bằng chứng nhận, Giấy khen and Bằng khen themselves, Cờ thi đua a flag.',
  },
];
