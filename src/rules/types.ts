/**
 * Vocabulary of the rule engine (glossary in docs/rules.md). Pure types plus the `as const` lists they come from,
 * so DTOs can validate with `@IsIn(AWARD_CODES)` and Swagger can list the enums.
 *
 * Nothing in `src/rules` does I/O: every function takes the facts the service already loaded.
 */
import type { Message } from '../i18n/message.js';
import type { OrganizationLife } from './organization-life.js';

/** Legal regimes, chosen by the decision date (docs/rules.md, "Legal regimes"). */
export const REGIME_CODES = ['TDKT_2003_ND91', 'TDKT_2022_ND98', 'TDKT_2022_ND152'] as const;
export type Regime = (typeof REGIME_CODES)[number];

/** The 12 codes of the catalogue (docs/rules.md, "Catalogue"). */
export const AWARD_CODES = [
  'LAO_DONG_TIEN_TIEN',
  'CHIEN_SI_THI_DUA_CO_SO',
  'CHIEN_SI_THI_DUA_TINH',
  'CHIEN_SI_THI_DUA_TOAN_QUOC',
  'TAP_THE_LAO_DONG_TIEN_TIEN',
  'TAP_THE_LAO_DONG_XUAT_SAC',
  'CO_THI_DUA_TINH',
  'CO_THI_DUA_CHINH_PHU',
  'GIAY_KHEN',
  'BANG_KHEN_TINH',
  'BANG_KHEN_THU_TUONG',
  'KY_NIEM_CHUONG',
] as const;
export type AwardCode = (typeof AWARD_CODES)[number];

/** Title (danh hiệu thi đua) or commendation form (hình thức khen thưởng). */
export const AWARD_KINDS = ['TITLE', 'FORM'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

/** Basis (phương thức khen thưởng). */
export const BASES = ['REGULAR', 'THEMATIC', 'AD_HOC', 'CAREER', 'SENIORITY', 'FOREIGN', 'RESISTANCE'] as const;
export type Basis = (typeof BASES)[number];

export const RECIPIENT_KINDS = ['INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

/** Annual rating (xếp loại), best first: excellent / good / complete / not complete. */
export const RATINGS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type Rating = (typeof RATINGS)[number];

/** Issuer level of a decision (Law 2022 Art 79–80). */
export const AUTHORITIES = [
  'DEPARTMENT_HEAD',
  'DISTRICT_CHAIR',
  'COMMUNE_CHAIR',
  'ENTERPRISE_HEAD',
  'PROVINCE_CHAIR',
  'MINISTER',
  'PRIME_MINISTER',
  'PRESIDENT',
] as const;
export type Authority = (typeof AUTHORITIES)[number];

/**
 * Kinds of organization in the tree. Whose head an organization of each kind has, and so which authority its
 * award decisions carry, is R-AUTH-4 (issuing-authority.ts).
 */
export const ORGANIZATION_KINDS = [
  'PROVINCE',
  'DEPARTMENT',
  'DISTRICT',
  'COMMUNE',
  'UNIT',
  'ENTERPRISE',
  'OTHER',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** How a decision is signed: directly, or "KT." on behalf of the head (ký thay, Decree 30/2020). */
export const SIGNING_MODES = ['DIRECT', 'ON_BEHALF'] as const;
export type SigningMode = (typeof SIGNING_MODES)[number];

/** Level at which an initiative / research project was recognised. */
export const INITIATIVE_LEVELS = ['UNIT', 'PROVINCE', 'NATIONAL'] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];

/** Workflow statuses of a nomination (docs/rules.md, "Workflow of a nomination"). */
export const NOMINATION_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'DECIDED',
  'RETURNED',
  'WITHDRAWN',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** Every rule id the engine can emit or documents (docs/rules.md lists each with its article). */
export const RULE_IDS = [
  'R-KIND-1',
  'R-BASIS-1',
  'R-BASIS-2',
  'R-LDTT-1',
  'R-LDTT-2',
  'R-LDTT-3',
  'R-DISC-1',
  'R-CSCS-1',
  'R-CSTINH-1',
  'R-CSTQ-1',
  'R-BK-1',
  'R-BKTT-1',
  'R-SPAN-1',
  'R-STATE-1',
  'R-ORDER-1',
  'R-DUP-1',
  'R-HOLD-1',
  'R-TTTT-1',
  'R-TTXS-1',
  'R-QUOTA-CSCS',
  'R-QUOTA-CSTINH',
  'R-QUOTA-UNIT',
  'R-VOTE-1',
  'R-AUTH-1',
  'R-AUTH-2',
  'R-AUTH-3',
  'R-AUTH-4',
  'R-AUTH-5',
  'R-ORG-1',
  'R-NUM-1',
  'R-MONEY-1',
  'R-MONEY-2',
  'R-MONEY-3',
  'R-REVOKE-1',
  'R-CERT-1',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * Disciplinary measures (hình thức kỷ luật) of the Law on Cadres and Civil Servants, mildest first. Every one of
 * them is "reprimand or above" for R-LDTT-2 and keeps its years from counting for titles (R-DISC-1).
 */
export const DISCIPLINARY_MEASURES = [
  'KHIEN_TRACH',
  'CANH_CAO',
  'HA_BAC_LUONG',
  'GIANG_CHUC',
  'CACH_CHUC',
  'BUOC_THOI_VIEC',
] as const;
export type DisciplinaryMeasure = (typeof DISCIPLINARY_MEASURES)[number];

/** A disciplinary measure imposed and the dates it is in force (YYYY-MM-DD, inclusive). */
export interface MeasureInForce {
  measure: DisciplinaryMeasure;
  from: string;
  to: string;
}

/**
 * One evaluated rule. `message` is a catalogue message for an HR officer (rendered in the reader's language at the
 * edge) and names the article;
 * `limit` / `actual` carry the numbers the rule compared, where there are any.
 * A rule may emit more than one check (e.g. R-TTXS-1 has three conditions), all with the same `rule`.
 *
 * `passed: null` with `attested: true`: a criterion the registry cannot count (e.g. Law 2022 Art 74.1.a), claimed
 * by the officer with a written justification. It does not make the nomination ineligible; it is shown as attested,
 * not as passed.
 */
export interface RuleCheck {
  rule: string;
  passed: boolean | null;
  attested?: true;
  message: Message;
  limit?: number;
  actual?: number;
}

/** Result of evaluating a nomination. `eligible` = no check failed (attested ones do not fail). */
export interface Eligibility {
  eligible: boolean;
  regime: Regime;
  checks: RuleCheck[];
}

/**
 * An award that counts for prerequisites, duplicates and quota bases (docs/rules.md, "What counts"):
 * a granted, non-revoked award, or a nomination in status APPROVED.
 * Build these with `countedAwards()` from the recipient's raw history.
 */
export interface CountedAward {
  awardCode: AwardCode;
  year: number;
  /** The achievement period (years, inclusive) written in the award or nomination (Decree 98/2023 Art 30.9). */
  periodFrom: number;
  periodTo: number;
  basis: Basis;
  source: 'AWARD' | 'APPROVED_NOMINATION';
}

/**
 * One row of a recipient's record as the registry stores it, before any rule decided whether it counts: an award
 * (with its revoked flag, R-REVOKE-1) or a nomination (with its workflow status). `countedAwards()` (what counts
 * for prerequisites and quotas) and `duplicateClashes()` (R-DUP-1) decide what counts, nothing else does.
 */
export type AwardHistoryItem = (
  | { source: 'AWARD'; awardCode: AwardCode; year: number; basis: Basis; revoked: boolean }
  | {
      source: 'NOMINATION';
      id?: string;
      awardCode: AwardCode;
      year: number;
      basis: Basis;
      status: NominationStatus;
    }
) & {
  /** The achievement period as stored; when absent, the default of the code and year (`defaultPeriod`). */
  periodFrom?: number;
  periodTo?: number;
};

export interface Initiative {
  year: number;
  level: InitiativeLevel;
}

export interface IndividualFacts {
  /** Rating per year, e.g. `{ 2022: 'HTXS', 2023: 'HTT' }`. A missing year means "not rated". */
  ratings: Partial<Record<number, Rating>>;
  /** Initiatives / research projects with the year they were recognised. */
  initiatives: Initiative[];
  /** The recipient's awards and nominations, every status; the rules decide what counts. */
  history: AwardHistoryItem[];
  /**
   * Date of entering public service (tuyển dụng, YYYY-MM-DD), kept across transfers: R-LDTT-2 (Decree 91 Art 10),
   * R-LDTT-3 (Circular 01/2024/TT-BNV Art 1.5). Not the date of joining the current unit.
   */
  recruitedOn?: string | null;
  /** Disciplined at reprimand (khiển trách) or above in the nomination year (R-LDTT-2), besides `measures`. */
  disciplinedInYear?: boolean;
  /** Disciplinary measures imposed, with the period each is in force (R-DISC-1, R-LDTT-2). */
  measures?: MeasureInForce[];
  /** Open cases: discipline, investigation, inspection, complaint, denunciation, press report (R-HOLD-1). */
  openHolds: number;
}

export interface CollectiveMember {
  rating?: Rating;
  hasLaoDongTienTien: boolean;
  hasChienSiCoSo: boolean;
}

export interface CollectiveFacts {
  /** The collective's awards and nominations, every status; the rules decide what counts. */
  history: AwardHistoryItem[];
  openHolds: number;
  /** The individuals who belonged to the collective on 31 December of the nomination year. */
  members: CollectiveMember[];
  /** The collective's name and life (R-ORG-1); absent: not loaded, not judged. */
  organization?: OrganizationLife;
}

/** Everything a rule needs about one nomination, already loaded by the service. */
export interface NominationFacts {
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: RecipientKind;
  individual?: IndividualFacts;
  collective?: CollectiveFacts;
  /** The stored nomination being evaluated: it never counts against itself (in `history` or not). */
  excludeNominationId?: string;
  /** Achievement period claimed (years, inclusive); absent: the default of the code and year (`defaultPeriod`). */
  periodFrom?: number;
  periodTo?: number;
  /** The criterion claimed, e.g. `74.1.a` (Law 2022 Art 74.1), and the officer's written justification. */
  criterion?: string | null;
  justification?: string | null;
  /**
   * The (expected) decision date the regime was chosen by, YYYY-MM-DD. Rules that take effect inside a regime
   * (R-LDTT-3 from 2024-04-15) read it; absent, they are taken as in force.
   */
  decisionOn?: string;
}
