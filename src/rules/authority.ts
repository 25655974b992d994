/**
 * Who may decide what: the catalogue's `decidingAuthorities` ("decided by") is the single source, read here.
 *
 * - R-AUTH-1 [L] (Law 2022 Art 80.1): a DEPARTMENT_HEAD (Giám đốc Sở and equivalents) decides only
 *   LAO_DONG_TIEN_TIEN, CHIEN_SI_THI_DUA_CO_SO, TAP_THE_LAO_DONG_TIEN_TIEN, GIAY_KHEN.
 * - R-AUTH-2 [L] (Law 2022 Art 80.3, Decree 129/2025): a COMMUNE_CHAIR decides LAO_DONG_TIEN_TIEN and GIAY_KHEN;
 *   from 2025-07-01 also CHIEN_SI_THI_DUA_CO_SO and TAP_THE_LAO_DONG_TIEN_TIEN.
 * - R-AUTH-3 [L] (Law 2022 Art 80): codes "of the province" need a PROVINCE_CHAIR or MINISTER decision; a Vice
 *   Chairman signing "KT. Chủ tịch" (signing mode ON_BEHALF) is still the Chairman's decision, so the signing
 *   mode does not change anything here.
 * - R-AUTH-4 [L] (Law 2022 Art 79–80): the authority follows from the issuing organization (issuing-authority.ts),
 *   and every other authority decides only the codes the catalogue grants it — DISTRICT_CHAIR the local titles and
 *   Giấy khen until 2025-06-30 (district level abolished from 2025-07-01, Decree 129/2025), ENTERPRISE_HEAD Lao động
 *   tiên tiến and Giấy khen, PRIME_MINISTER CSTĐ toàn quốc, Cờ thi đua của Chính phủ and Bằng khen của Thủ tướng
 *   (which no issuer of this registry holds: those are proposed upward, never decided here); PRESIDENT none of the
 *   11 codes (state-level forms are history only).
 */
import { AWARD_TYPES, awardName, awardType } from './catalogue.js';
import { assertIsoDate } from './dates.js';
import { isDecidedLocally } from './issuing-authority.js';
import type { Authority, AwardCode, RuleCheck } from './types.js';

export type AuthorityRuleId = 'R-AUTH-1' | 'R-AUTH-2' | 'R-AUTH-3' | 'R-AUTH-4';

export const AUTHORITY_LABELS: Readonly<Record<Authority, string>> = {
  DEPARTMENT_HEAD: 'a head of a provincial department (Giám đốc Sở)',
  DISTRICT_CHAIR: 'a district People’s Committee chair',
  COMMUNE_CHAIR: 'a commune People’s Committee chair',
  ENTERPRISE_HEAD: 'an enterprise head',
  PROVINCE_CHAIR: 'the Chairman of the provincial People’s Committee (Chủ tịch UBND tỉnh)',
  MINISTER: 'a minister',
  PRIME_MINISTER: 'the Prime Minister',
  PRESIDENT: 'the President',
};

/** The award codes `authority` may decide in a decision dated `issuedOn` (YYYY-MM-DD), in catalogue order. */
export function allowedAwardCodes(authority: Authority, issuedOn: string): AwardCode[] {
  assertIsoDate(issuedOn, 'The decision date');
  return AWARD_TYPES.filter((t) =>
    t.decidingAuthorities.some(
      (g) =>
        g.authority === authority &&
        (g.from === undefined || g.from <= issuedOn) &&
        (g.until === undefined || issuedOn <= g.until),
    ),
  ).map((t) => t.code);
}

function ruleFor(authority: Authority, code: AwardCode): AuthorityRuleId {
  if (authority === 'DEPARTMENT_HEAD') return 'R-AUTH-1';
  if (authority === 'COMMUNE_CHAIR') return 'R-AUTH-2';
  if (awardType(code).isProvinceLevel) return 'R-AUTH-3';
  return 'R-AUTH-4';
}

const ARTICLE: Readonly<Record<AuthorityRuleId, string>> = {
  'R-AUTH-1': 'Law 2022 Art 80.1',
  'R-AUTH-2': 'Law 2022 Art 80.3, Decree 129/2025',
  'R-AUTH-3': 'Law 2022 Art 80',
  'R-AUTH-4': 'Law 2022 Art 79–80',
};

function mayContain(codes: readonly AwardCode[]): string {
  if (codes.length === 0) return 'may contain none of the catalogue’s titles and forms';
  return `may contain only ${codes.map(awardName).join(', ')}`;
}

function whoDecides(code: AwardCode, issuedOn: string): string {
  const who = awardType(code)
    .decidingAuthorities.filter(
      (g) => (g.from === undefined || g.from <= issuedOn) && (g.until === undefined || issuedOn <= g.until),
    )
    .map((g) => AUTHORITY_LABELS[g.authority]);
  return who.join(' or ');
}

/**
 * R-AUTH-1..4: one check per distinct award code of the decision, passed or not; a failing check names the
 * code, what the issuer may decide on that date and who decides the code instead.
 */
export function checkAuthority(authority: Authority, awardCodes: readonly AwardCode[], issuedOn: string): RuleCheck[] {
  const allowed = allowedAwardCodes(authority, issuedOn);
  const who = AUTHORITY_LABELS[authority];
  const out: RuleCheck[] = [];
  for (const code of [...new Set(awardCodes)]) {
    const rule = ruleFor(authority, code);
    const article = ARTICLE[rule];
    const name = awardName(code);
    if (allowed.includes(code)) {
      out.push({ rule, passed: true, message: `${name} may be decided by ${who} on ${issuedOn} (${article})` });
      continue;
    }
    let message = `A decision by ${who} dated ${issuedOn} ${mayContain(allowed)} (${article}); ${name} is not allowed`;
    if (
      authority === 'COMMUNE_CHAIR' &&
      issuedOn < '2025-07-01' &&
      allowedAwardCodes('COMMUNE_CHAIR', '2025-07-01').includes(code)
    ) {
      message += ` before 2025-07-01 (from then on a commune chair may decide it, Decree 129/2025)`;
    }
    if (authority === 'DISTRICT_CHAIR' && issuedOn >= '2025-07-01') {
      message += `; district People’s Committees no longer exist from 2025-07-01 (two-tier local government, Decree 129/2025)`;
    }
    const instead = whoDecides(code, issuedOn);
    if (awardType(code).isProvinceLevel) {
      message += `; it is a title or form of the province and needs a decision of ${instead} (a Vice Chairman may sign KT. on behalf, R-AUTH-3)`;
    } else if (!isDecidedLocally(code)) {
      message += `; it is decided by ${instead || 'a state-level authority'} only: a province or a department proposes it upward, and no decision of this registry may grant it`;
    } else if (instead) {
      message += `; it is decided by ${instead}`;
    }
    out.push({ rule, passed: false, message });
  }
  return out;
}
