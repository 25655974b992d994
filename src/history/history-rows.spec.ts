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
  it('reads a good row: the number, the date, the regime of its date, REGULAR by default, the period = the year', () => {
    const { records, errors } = checkHistoryRows(sheet(GOOD), TODAY);
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      row: 2,
      number: 125,
      issuedOn: '2022-01-15',
      regime: 'TDKT_2003_ND91',
      basis: 'REGULAR',
      periodFrom: 2021,
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
