import { describe, expect, it } from '@jest/globals';
import fastJson from 'fast-json-stringify';
import { PUBLIC_PRINCIPAL } from '../auth/principal.js';
import { toPage } from '../common/pagination/pagination.js';
import { toAwardDto } from './awards.service.js';
import type { AwardRow } from './awards.repository.js';
import { AWARD_PAGE_SCHEMA } from './award-page.schema.js';

const row = (overrides: Partial<AwardRow>): AwardRow => ({
  id: '0e1c9f54-7a43-4c38-9d2c-0d6c2a1b5e01',
  year: 2023,
  periodFrom: 2023,
  periodTo: 2023,
  awardCode: 'GIAY_KHEN',
  basis: 'REGULAR',
  recipientKind: 'INDIVIDUAL',
  recipientName: 'Nguyễn Văn An',
  individualId: '5b8f2b7e-3d1a-4f0e-8c6b-2a9d7e4f1c02',
  organizationId: '9a7e5c3b-1d2f-4e6a-8b0c-4d2e6f8a0b03',
  organizationName: 'Phòng "Tổng hợp" \\ Sở TT&TT\n',
  proposingOrganizationId: '9a7e5c3b-1d2f-4e6a-8b0c-4d2e6f8a0b03',
  decisionId: '3c5e7a9b-2d4f-4a6c-8e0b-6f8a2c4e6a04',
  decisionNumber: '05/QĐ-STTTT',
  issuedOn: '2024-01-23',
  regime: 'TDKT_2022_ND98',
  certificateNumber: null,
  verificationCode: 'K7QX-2M9P-4TZA',
  bonusAmount: '540000',
  bonusPaidWithAwardId: null,
  revokedAt: null,
  revokedReason: null,
  revocationId: null,
  revocationNumber: null,
  revocationIssuedOn: null,
  revocationGround: null,
  needsReview: false,
  ...overrides,
});

describe('AWARD_PAGE_SCHEMA', () => {
  const serialize = fastJson(AWARD_PAGE_SCHEMA);
  const rows = [
    row({}),
    row({
      recipientKind: 'COLLECTIVE',
      individualId: null,
      recipientName: 'Tập thể <b>“A”</b>\u2028',
      certificateNumber: '12/GK',
    }),
    row({
      revokedAt: new Date('2025-03-01T02:03:04.005Z'),
      revokedReason: 'Sai hồ sơ\t',
      revocationId: '1f3a5c7e-9b1d-4f3a-8c5e-7a9c1e3f5a06',
      revocationNumber: '12/QĐ-STTTT',
      revocationIssuedOn: '2025-03-01',
      revocationGround: 'B',
      bonusAmount: '0',
      bonusPaidWithAwardId: '7d9f1b3c-5e7a-4c9e-8a0c-1e3f5a7c9e05',
    }),
    row({ revokedAt: new Date('2024-12-31T17:30:00.000Z'), revokedReason: 'Trước khi có quyết định hủy bỏ' }),
    row({
      revokedAt: new Date('2025-04-01T02:00:00.000Z'),
      revokedReason: 'x',
      revocationId: '2a4c6e8a-0c2e-4a6c-8e0a-2c4e6a8c0e07',
      revocationNumber: '13/QĐ-STTTT',
      revocationIssuedOn: '2025-04-01',
      revocationGround: 'A',
    }),
    row({ needsReview: true }),
    row({ bonusAmount: '9007199254740991', year: 2006, awardName: undefined } as Partial<AwardRow>),
  ];

  it.each([
    ['a full page with a next cursor', 3],
    ['a last page', 10],
    ['an empty page', 0],
  ])('%s: the same bytes as JSON.stringify', (_name, limit) => {
    const page = toPage(
      limit === 0 ? [] : rows,
      limit || 50,
      (r) => [r.issuedOn, r.id],
      (r) => toAwardDto(r, PUBLIC_PRINCIPAL),
    );
    expect(serialize(page)).toBe(JSON.stringify(page));
  });

  it('lists every property of the DTO, in the order toAwardDto writes them', () => {
    expect(Object.keys(AWARD_PAGE_SCHEMA.properties.items.items.properties)).toEqual(Object.keys(toAwardDto(row({}))));
  });
});
