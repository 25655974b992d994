import { describe, expect, it } from '@jest/globals';
import {
  duplicateClashes,
  duplicateClashKind,
  type DuplicateCandidate,
  type DuplicateClashKind,
} from './duplicates.js';
import type { AwardCode, AwardHistoryItem, Basis, NominationStatus } from './types.js';

const GK: DuplicateCandidate = { awardCode: 'GIAY_KHEN', year: 2024, basis: 'REGULAR' };

const awardOf = (awardCode: AwardCode, revoked = false, year = 2024, basis: Basis = 'REGULAR'): AwardHistoryItem => ({
  source: 'AWARD',
  awardCode,
  year,
  basis,
  revoked,
});
const nominationOf = (
  awardCode: AwardCode,
  status: NominationStatus,
  id = 'n1',
  year = 2024,
  basis: Basis = 'REGULAR',
): AwardHistoryItem => ({ source: 'NOMINATION', id, awardCode, year, basis, status });

describe('R-DUP-1 what counts against a regular nomination (Law 2022 principles; R-REVOKE-1)', () => {
  it.each<[string, DuplicateCandidate, AwardHistoryItem, DuplicateClashKind | null]>([
    ['an award of the same code', GK, awardOf('GIAY_KHEN'), 'AWARD'],
    ['a revoked award of the same code (R-REVOKE-1)', GK, awardOf('GIAY_KHEN', true), null],
    ['a Bằng khen tỉnh award: one reward with a Giấy khen', GK, awardOf('BANG_KHEN_TINH'), 'AWARD'],
    ['a revoked Bằng khen tỉnh award', GK, awardOf('BANG_KHEN_TINH', true), null],
    ['a Bằng khen Thủ tướng award: another reward', GK, awardOf('BANG_KHEN_THU_TUONG'), null],
    ['an award of another year', GK, awardOf('GIAY_KHEN', false, 2023), null],
    ['a thematic award', GK, awardOf('GIAY_KHEN', false, 2024, 'THEMATIC'), null],
    ['an APPROVED nomination of the same code', GK, nominationOf('GIAY_KHEN', 'APPROVED'), 'APPROVED_NOMINATION'],
    ['an APPROVED Bằng khen tỉnh', GK, nominationOf('BANG_KHEN_TINH', 'APPROVED'), 'APPROVED_NOMINATION'],
    ['a DRAFT of the same code: the same proposal twice', GK, nominationOf('GIAY_KHEN', 'DRAFT'), 'OPEN_NOMINATION'],
    ['a SUBMITTED one of the same code', GK, nominationOf('GIAY_KHEN', 'SUBMITTED'), 'OPEN_NOMINATION'],
    ['a RETURNED one of the same code', GK, nominationOf('GIAY_KHEN', 'RETURNED'), 'OPEN_NOMINATION'],
    ['a DRAFT Bằng khen tỉnh: an alternative proposal', GK, nominationOf('BANG_KHEN_TINH', 'DRAFT'), null],
    ['a WITHDRAWN one', GK, nominationOf('GIAY_KHEN', 'WITHDRAWN'), null],
    ['a REJECTED one', GK, nominationOf('GIAY_KHEN', 'REJECTED'), null],
    ['a DECIDED one: its award stands for it', GK, nominationOf('GIAY_KHEN', 'DECIDED'), null],
    ['the nomination itself', { ...GK, excludeNominationId: 'n1' }, nominationOf('GIAY_KHEN', 'APPROVED'), null],
    ['a thematic DRAFT', GK, nominationOf('GIAY_KHEN', 'DRAFT', 'n1', 2024, 'THEMATIC'), null],
    ['anything, for a thematic candidate', { ...GK, basis: 'THEMATIC' }, awardOf('GIAY_KHEN'), null],
    [
      'an LĐTT award, for CSTĐ cơ sở',
      { ...GK, awardCode: 'CHIEN_SI_THI_DUA_CO_SO' },
      awardOf('LAO_DONG_TIEN_TIEN'),
      null,
    ],
  ])('%s → %p', (_label, candidate, item, kind) => {
    expect(duplicateClashKind(candidate, item)).toBe(kind);
  });

  it('a DECIDED nomination whose award was revoked no longer counts: the year is free again', () => {
    const history = [nominationOf('GIAY_KHEN', 'DECIDED'), awardOf('GIAY_KHEN', true)];
    expect(duplicateClashes(GK, history)).toEqual([]);
    expect(duplicateClashes(GK, [nominationOf('GIAY_KHEN', 'DECIDED'), awardOf('GIAY_KHEN')])).toEqual([
      { kind: 'AWARD', awardCode: 'GIAY_KHEN' },
    ]);
  });

  it('names the clashing nominations', () => {
    expect(
      duplicateClashes(GK, [nominationOf('GIAY_KHEN', 'DRAFT', 'a'), nominationOf('BANG_KHEN_TINH', 'APPROVED', 'b')]),
    ).toEqual([
      { kind: 'OPEN_NOMINATION', awardCode: 'GIAY_KHEN', nominationId: 'a' },
      { kind: 'APPROVED_NOMINATION', awardCode: 'BANG_KHEN_TINH', nominationId: 'b' },
    ]);
  });
});
