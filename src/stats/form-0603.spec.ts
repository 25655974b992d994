import { describe, expect, it } from '@jest/globals';
import { type Form0603Count, FORM_0603_ROWS, tabulateForm0603 } from './form-0603.js';

const count = (overrides: Partial<Form0603Count>): Form0603Count => ({
  awardCode: 'BANG_KHEN_TINH',
  recipientKind: 'INDIVIDUAL',
  basis: 'REGULAR',
  enterprise: false,
  reportingCategory: null,
  count: 1,
  ...overrides,
});

const row = (rows: ReturnType<typeof tabulateForm0603>, code: string) => rows.find((r) => r.code === code)?.values;

describe('form 0603 (Circular 02/2023/TT-BNV)', () => {
  it('has rows 01–17 in order', () => {
    expect(FORM_0603_ROWS.map((r) => r.code)).toEqual(
      Array.from({ length: 17 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
  });

  it.each<[string, Partial<Form0603Count>, string[], number]>([
    // [what, the group, the rows it counts in, its column (1 = Bằng khen … 4 = Kỷ niệm chương)]
    ['a Bằng khen to a collective', { recipientKind: 'COLLECTIVE' }, ['01', '02', '11'], 1],
    ['a Bằng khen to an enterprise', { recipientKind: 'COLLECTIVE', enterprise: true }, ['01', '02', '03', '11'], 1],
    ['a Bằng khen to a household', { recipientKind: 'HOUSEHOLD', basis: 'AD_HOC' }, ['01', '04', '13'], 1],
    ['an unclassified person', {}, ['01', '05', '11'], 1],
    [
      'a CSTĐ tỉnh to a department leader',
      { awardCode: 'CHIEN_SI_THI_DUA_TINH', reportingCategory: 'DEPARTMENT_LEADER' },
      ['01', '05', '07', '11'],
      2,
    ],
    ['a Cờ thi đua', { awardCode: 'CO_THI_DUA_TINH', recipientKind: 'COLLECTIVE' }, ['01', '02', '11'], 3],
    [
      'a Kỷ niệm chương to a worker, for resistance',
      { awardCode: 'KY_NIEM_CHUONG', reportingCategory: 'WORKER', basis: 'RESISTANCE' },
      ['01', '05', '10', '17'],
      4,
    ],
    [
      'a Bằng khen for a career',
      { reportingCategory: 'PROVINCE_LEADER', basis: 'CAREER' },
      ['01', '05', '06', '15'],
      1,
    ],
    ['an entrepreneur, foreign', { reportingCategory: 'ENTREPRENEUR', basis: 'FOREIGN' }, ['01', '05', '08', '14'], 1],
    [
      'another leader, seniority',
      { reportingCategory: 'OTHER_LEADER', basis: 'SENIORITY' },
      ['01', '05', '09', '16'],
      1,
    ],
    ['a thematic award', { basis: 'THEMATIC' }, ['01', '05', '12'], 1],
  ])('%s', (_, group, rows, column) => {
    const table = tabulateForm0603([count({ ...group, count: 3 })]);
    for (const r of table) {
      const expected = [0, 0, 0, 0, 0];
      if (rows.includes(r.code)) {
        expected[0] = 3;
        expected[column] = 3;
      }
      expect([r.code, r.values]).toEqual([r.code, expected]);
    }
  });

  it('leaves out the codes the form has no column for (Tập thể lao động xuất sắc, Giấy khen)', () => {
    const table = tabulateForm0603([
      count({ awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC', recipientKind: 'COLLECTIVE' }),
      count({ awardCode: 'GIAY_KHEN' }),
    ]);
    expect(row(table, '01')).toEqual([0, 0, 0, 0, 0]);
  });
});
