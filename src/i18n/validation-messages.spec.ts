import { describe, expect, it } from '@jest/globals';
import { render } from './message.js';
import { constraintMessage } from './validation-messages.js';

describe('constraintMessage: class-validator sentences in the catalogue', () => {
  it.each<[string, string, string, string]>([
    ['year', 'year must not be less than 1945', 'year không được nhỏ hơn 1945', 'year must not be less than 1945'],
    ['year', 'year must be an integer number', 'year phải là số nguyên', 'year must be an integer number'],
    [
      'awardCode',
      'awardCode must be one of the following values: GIAY_KHEN, BANG_KHEN_TINH',
      'awardCode phải là một trong các giá trị: GIAY_KHEN, BANG_KHEN_TINH',
      'awardCode must be one of the following values: GIAY_KHEN, BANG_KHEN_TINH',
    ],
    ['extra', 'property extra should not exist', 'trường extra không được phép gửi', 'property extra should not exist'],
    [
      'items.0.name',
      'name must be shorter than or equal to 200 characters',
      'name không được dài quá 200 ký tự',
      'name must be shorter than or equal to 200 characters',
    ],
    [
      'ids',
      'each value in ids must be a UUID',
      'mỗi giá trị của ids phải là một UUID',
      'each value in ids must be a UUID',
    ],
    [
      'birthDate',
      'birthDate must be a real calendar date written YYYY-MM-DD between 1900-01-01 and 2100-12-31',
      'birthDate phải là ngày có thật, viết theo dạng YYYY-MM-DD, từ 1900-01-01 đến 2100-12-31',
      'birthDate must be a real calendar date written YYYY-MM-DD between 1900-01-01 and 2100-12-31',
    ],
    [
      'nationalId',
      'nationalId must be 9 digits (CMND) or 12 digits (CCCD)',
      'nationalId phải gồm 9 chữ số (CMND) hoặc 12 chữ số (CCCD)',
      'nationalId must be 9 digits (CMND) or 12 digits (CCCD)',
    ],
  ])('%s: %s', (field, english, vi, en) => {
    const message = constraintMessage(field, english);
    expect(render(message, 'vi')).toBe(vi);
    expect(render(message, 'en')).toBe(en);
  });

  it('reads a custom validator without a subject as it is (must not be in the future)', () => {
    const message = constraintMessage('issuedOn', 'must not be in the future');
    expect(render(message, 'vi')).toBe('không được là ngày trong tương lai');
    expect(render(message, 'en')).toBe('must not be in the future');
  });

  it('keeps the English text of a sentence it does not know, marked in Vietnamese', () => {
    const message = constraintMessage('x', 'x must be a lucky number');
    expect(render(message, 'en')).toBe('x must be a lucky number');
    expect(render(message, 'vi')).toBe('giá trị không hợp lệ (x must be a lucky number)');
  });
});
