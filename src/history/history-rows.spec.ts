import { describe, expect, it } from '@jest/globals';
import { render, type Text } from '../i18n/index.js';
import { checkHistoryRows } from './history-rows.js';

const HEADER = ['decisionNumber', 'issuedOn', 'issuerName', 'authority', 'awardCode', 'year', 'nationalId', 'basis'];
const GOOD = [
  '125/QĐ-UBND',
  '15/01/2022',
  'Chủ tịch UBND tỉnh',
  'PROVINCE_CHAIR',
  'BANG_KHEN_TINH',
  '2021',
  '011085001234',
  '',
];
const sheet = (...rows: string[][]) => [HEADER, ...rows].map((cells, i) => ({ row: i + 1, cells }));
const TODAY = '2026-12-02';
const en = (message: Text) => render(message, 'en');

describe('history rows (POST /history/import)', () => {
  it('reads a good row: the number, the date, the regime of its date, REGULAR by default, the period of its code', () => {
    const { records, errors } = checkHistoryRows(sheet(GOOD), TODAY);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      row: 2,
      number: 125,
      issuedOn: '2022-01-15',
      regime: 'TDKT_2003_ND91',
      basis: 'REGULAR',
      // A regular Bằng khen tỉnh covers two years (periods.ts, Law 2022 Art 74.1.d).
      periodFrom: 2020,
      periodTo: 2021,
      bonusAmount: 0,
    });
  });

  it.each<[string, number, string]>([
    ['decisionNumber', 0, 'QĐ-UBND'],
    ['issuedOn', 1, '31/02/2022'],
    ['issuedOn', 1, '1944-12-31'],
    ['issuedOn', 1, '2026-12-03'],
    ['authority', 3, 'CHAIRMAN'],
    ['awardCode', 4, 'HUAN_CHUONG_XYZ'],
    ['year', 5, '2023'], // after the decision
    ['year', 5, '1944'],
    ['nationalId', 6, '12345'],
    ['basis', 7, 'YEARLY'],
  ])('names %s for %p', (field, index, value) => {
    const row = [...GOOD];
    row[index] = value;
    const { records, errors } = checkHistoryRows(sheet(row), TODAY);
    expect(records).toEqual([]);
    expect(errors.map((e) => [e.row, e.field])).toContainEqual([2, field]);
  });

  /** The period columns: [awardCode, basis, year, periodFrom, periodTo] → the stored period, or the field blamed. */
  it.each<[string, string, string, string, string, [number, number] | string]>([
    ['BANG_KHEN_TINH', '', '2021', '', '', [2020, 2021]],
    ['BANG_KHEN_TINH', 'THEMATIC', '2021', '', '', [2021, 2021]],
    ['CHIEN_SI_THI_DUA_TINH', '', '2021', '', '', [2019, 2021]],
    ['CHIEN_SI_THI_DUA_TINH', '', '2021', '2018', '2020', [2018, 2020]],
    ['BANG_KHEN_THU_TUONG', '', '2021', '', '2020', [2016, 2020]],
    ['LAO_DONG_TIEN_TIEN', '', '2021', '2021', '', [2021, 2021]],
    ['BANG_KHEN_TINH', '', '2021', '2021', '2020', 'periodFrom'], // starts after it ends
    ['BANG_KHEN_TINH', '', '2021', '2020', '2022', 'periodTo'], // ends after the year
    ['BANG_KHEN_TINH', '', '2021', '20', '', 'periodFrom'],
    ['BANG_KHEN_TINH', '', '2021', '', '1944', 'periodTo'],
  ])('%s %s %s, period %p–%p → %p', (awardCode, basis, year, from, to, expected) => {
    const header = [...HEADER, 'periodFrom', 'periodTo'];
    const row = [...GOOD, from, to];
    row[4] = awardCode;
    row[5] = year;
    row[7] = basis;
    const { records, errors } = checkHistoryRows(
      [header, row].map((cells, i) => ({ row: i + 1, cells })),
      TODAY,
    );
    if (typeof expected === 'string') {
      expect(records).toEqual([]);
      expect(errors.map((e) => [e.row, e.field])).toEqual([[2, expected]]);
    } else {
      expect(errors).toEqual([]);
      expect([records[0].periodFrom, records[0].periodTo]).toEqual(expected);
    }
  });

  it('refuses a row naming its recipient two ways or none, and an unknown column in the header', () => {
    const header = [...HEADER, 'collectiveCode'];
    const rows = [header, [...GOOD, 'DB-STTTT'], [...GOOD.slice(0, 6), '', '', '']].map((cells, i) => ({
      row: i + 1,
      cells,
    }));
    const { errors } = checkHistoryRows(rows, TODAY);
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'nationalId'],
      [3, 'nationalId'],
    ]);
    expect(en(errors[0].message)).toMatch(/one way/);
    const unknown = checkHistoryRows([{ row: 1, cells: [...HEADER, 'colour'] }], TODAY);
    expect(unknown.errors).toEqual([expect.objectContaining({ row: 1, field: 'I' })]);
  });
});
