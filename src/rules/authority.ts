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
 * - R-AUTH-5 [L] (Law 2022 Art 80.4; Circular 15/2025/TT-BNV): an enterprise's director (ENTERPRISE_HEAD) decides
 *   Lao động tiên tiến, CSTĐ cơ sở, Tập thể lao động tiên tiến and Giấy khen; where the enterprise has a board
 *   (Hội đồng quản trị / Hội đồng thành viên), a decision signed by its chair grants Giấy khen only.
 */
import { dateParam, msg, orList, type Message, type ParamValue } from '../i18n/index.js';
import { AWARD_TYPES, awardName, awardType } from './catalogue.js';
import { assertIsoDate } from './dates.js';
import { isDecidedLocally } from './issuing-authority.js';
import type { Authority, AwardCode, RuleCheck } from './types.js';

export type AuthorityRuleId = 'R-AUTH-1' | 'R-AUTH-2' | 'R-AUTH-3' | 'R-AUTH-4' | 'R-AUTH-5';

/** Who holds each authority, as a message (rendered in the reader's language). */
export const AUTHORITY_LABELS: Readonly<Record<Authority, Message>> = {
  DEPARTMENT_HEAD: msg('authority.DEPARTMENT_HEAD'),
  DISTRICT_CHAIR: msg('authority.DISTRICT_CHAIR'),
  COMMUNE_CHAIR: msg('authority.COMMUNE_CHAIR'),
  ENTERPRISE_HEAD: msg('authority.ENTERPRISE_HEAD'),
  PROVINCE_CHAIR: msg('authority.PROVINCE_CHAIR'),
  MINISTER: msg('authority.MINISTER'),
  PRIME_MINISTER: msg('authority.PRIME_MINISTER'),
  PRESIDENT: msg('authority.PRESIDENT'),
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

/** Who signs an enterprise's award decision (R-AUTH-5): its director, or the chair of its board. */
export type EnterpriseSigner = 'DIRECTOR' | 'BOARD_CHAIR';

/** R-AUTH-5 as data (Law 2022 Art 80.4): what each signer of an enterprise may decide. */
export const ENTERPRISE_SIGNER_CODES: Readonly<Record<EnterpriseSigner, readonly AwardCode[]>> = {
  DIRECTOR: ['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'GIAY_KHEN'],
  BOARD_CHAIR: ['GIAY_KHEN'],
};

const BOARD = /\b(hoi dong quan tri|hoi dong thanh vien|hdqt|hdtv|board)\b/u;

/**
 * R-AUTH-5: whether an enterprise's decision is signed by the chair of its board (or a deputy on the chair's
 * behalf), read from the signer's title ("Chủ tịch Hội đồng quản trị", "Chủ tịch HĐTV"…), else by its director.
 */
export function enterpriseSignerOf(signerTitle: string): EnterpriseSigner {
  const folded = signerTitle.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
  return BOARD.test(folded) ? 'BOARD_CHAIR' : 'DIRECTOR';
}

function ruleFor(authority: Authority, code: AwardCode): AuthorityRuleId {
  if (authority === 'DEPARTMENT_HEAD') return 'R-AUTH-1';
  if (authority === 'COMMUNE_CHAIR') return 'R-AUTH-2';
  if (authority === 'ENTERPRISE_HEAD' && !awardType(code).isProvinceLevel) return 'R-AUTH-5';
  if (awardType(code).isProvinceLevel) return 'R-AUTH-3';
  return 'R-AUTH-4';
}

const ARTICLE: Readonly<Record<AuthorityRuleId, Message>> = {
  'R-AUTH-1': msg('article.auth1'),
  'R-AUTH-2': msg('article.auth2'),
  'R-AUTH-3': msg('article.auth3'),
  'R-AUTH-4': msg('article.auth4'),
  'R-AUTH-5': msg('article.auth5'),
};

function mayContain(codes: readonly AwardCode[]): Message {
  if (codes.length === 0) return msg('rules.auth.mayContainNone');
  return msg('rules.auth.mayContainOnly', { awards: codes.map(awardName) });
}

function whoDecides(code: AwardCode, issuedOn: string): Message[] {
  return awardType(code)
    .decidingAuthorities.filter(
      (g) => (g.from === undefined || g.from <= issuedOn) && (g.until === undefined || issuedOn <= g.until),
    )
    .map((g) => AUTHORITY_LABELS[g.authority]);
}

/**
 * R-AUTH-1..5: one check per distinct award code of the decision, passed or not; a failing check names the
 * code, what the issuer may decide on that date and who decides the code instead. `enterpriseSigner` matters for
 * an ENTERPRISE_HEAD only (R-AUTH-5; default its director).
 */
export function checkAuthority(
  authority: Authority,
  awardCodes: readonly AwardCode[],
  issuedOn: string,
  enterpriseSigner: EnterpriseSigner = 'DIRECTOR',
): RuleCheck[] {
  const boardChair = authority === 'ENTERPRISE_HEAD' && enterpriseSigner === 'BOARD_CHAIR';
  const allowed = allowedAwardCodes(authority, issuedOn).filter(
    (code) => authority !== 'ENTERPRISE_HEAD' || ENTERPRISE_SIGNER_CODES[enterpriseSigner].includes(code),
  );
  const who = boardChair ? msg('authority.ENTERPRISE_BOARD_CHAIR') : AUTHORITY_LABELS[authority];
  const date = dateParam(issuedOn);
  const out: RuleCheck[] = [];
  for (const code of [...new Set(awardCodes)]) {
    const rule = ruleFor(authority, code);
    const article = ARTICLE[rule];
    const award = awardName(code);
    if (allowed.includes(code)) {
      out.push({ rule, passed: true, message: msg('rules.auth.allowed', { award, who, date, article }) });
      continue;
    }
    const communeNote =
      authority === 'COMMUNE_CHAIR' &&
      issuedOn < '2025-07-01' &&
      allowedAwardCodes('COMMUNE_CHAIR', '2025-07-01').includes(code)
        ? msg('rules.auth.communeBefore')
        : '';
    const districtNote =
      authority === 'DISTRICT_CHAIR' && issuedOn >= '2025-07-01' ? msg('rules.auth.districtGone') : '';
    const deciders = whoDecides(code, issuedOn);
    let instead: ParamValue = '';
    if (awardType(code).isProvinceLevel) {
      instead = msg('rules.auth.insteadProvince', { who: orList(deciders) });
    } else if (!isDecidedLocally(code)) {
      instead = msg('rules.auth.insteadUpward', {
        who: deciders.length > 0 ? orList(deciders) : msg('authority.stateLevel'),
      });
    } else if (boardChair) {
      instead = msg('rules.auth.insteadDirector');
    } else if (deciders.length > 0) {
      instead = msg('rules.auth.insteadLocal', { who: orList(deciders) });
    }
    out.push({
      rule,
      passed: false,
      message: msg('rules.auth.refused', {
        who,
        date,
        mayContain: mayContain(allowed),
        article,
        award,
        communeNote,
        districtNote,
        instead,
      }),
    });
  }
  return out;
}
