import { describe, expect, it } from '@jest/globals';
import { render } from '../i18n/index.js';
import { organizationLivesInFile, type StagedOrganization } from './history-life.js';

/** Sở TT&TT, merged on 2025-03-01; a centre founded on 2024-01-01; the province, always there. */
const SO = { name: 'Sở Thông tin và Truyền thông', validFrom: null, validTo: '2025-02-28' };
const CENTRE = { name: 'Trung tâm mới', validFrom: '2024-01-01', validTo: null };
const PROVINCE = { name: 'UBND tỉnh Điện Biên', validFrom: null, validTo: null };

const staged = (
  organization: typeof SO | typeof CENTRE | typeof PROVINCE,
  role: 'ISSUER' | 'RECIPIENT',
  issuedOn: string,
  rows: number[],
): StagedOrganization => ({ ...organization, role, issuedOn, rows });

describe('R-ORG-1 on a history file', () => {
  it.each<[string, StagedOrganization[], [number, string][]]>([
    ['the Sở issues before the merger', [staged(SO, 'ISSUER', '2024-01-15', [2, 3])], []],
    ['the Sở issues on its last day', [staged(SO, 'ISSUER', '2025-02-28', [2])], []],
    [
      'the Sở issues after the merger: each row',
      [staged(SO, 'ISSUER', '2025-03-01', [4, 7])],
      [
        [4, 'issuerOrganizationCode'],
        [7, 'issuerOrganizationCode'],
      ],
    ],
    ['the Sở awarded after the merger', [staged(SO, 'RECIPIENT', '2025-06-01', [5])], [[5, 'collectiveCode']]],
    [
      'the centre awarded before it was founded',
      [staged(CENTRE, 'RECIPIENT', '2023-12-31', [6])],
      [[6, 'collectiveCode']],
    ],
    ['the centre awarded on its first day', [staged(CENTRE, 'RECIPIENT', '2024-01-01', [6])], []],
    ['the province, whenever', [staged(PROVINCE, 'ISSUER', '1990-01-01', [2])], []],
    [
      'issuer and collective of one row both gone',
      [staged(SO, 'ISSUER', '2025-03-01', [8]), staged(SO, 'RECIPIENT', '2025-03-01', [8])],
      [
        [8, 'issuerOrganizationCode'],
        [8, 'collectiveCode'],
      ],
    ],
  ])('%s', (_, organizations, expected) => {
    expect(organizationLivesInFile(organizations).map((e) => [e.row, e.field])).toEqual(expected);
  });

  it('cites the rule, the Circular and the organization in both languages', () => {
    const [error] = organizationLivesInFile([staged(SO, 'ISSUER', '2025-03-01', [4])]);
    expect(render(error.message, 'en')).toContain('R-ORG-1, Circular 15/2025/TT-BNV');
    expect(render(error.message, 'vi')).toContain('R-ORG-1, Thông tư 15/2025/TT-BNV');
    expect(render(error.message, 'en')).toContain('Sở Thông tin và Truyền thông');
  });
});
