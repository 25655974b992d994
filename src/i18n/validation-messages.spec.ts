import { describe, expect, it } from '@jest/globals';
import { render } from './message.js';
import { constraintMessage } from './validation-messages.js';

describe('constraintMessage: class-validator sentences in the catalogue', () => {
  it.each<[string, string, string, string]>([
    ['year', 'year must not be less than 1945', 'không được nhỏ hơn 1945', 'must not be less than 1945'],
    ['year', 'year must be an integer number', 'phải là số nguyên', 'must be an integer number'],
    [
      'awardCode',
      'awardCode must be one of the following values: GIAY_KHEN, BANG_KHEN_TINH',
      'phải là một trong các giá trị: GIAY_KHEN, BANG_KHEN_TINH',
      'must be one of the following values: GIAY_KHEN, BANG_KHEN_TINH',
    ],
    ['extra', 'property extra should not exist', 'là trường không được phép gửi', 'should not exist'],
    [
      'items.0.name',
      'name must be shorter than or equal to 200 characters',
      'không được dài quá 200 ký tự',
      'must be shorter than or equal to 200 characters',
    ],
    ['ids', 'each value in ids must be a UUID', 'phải là một UUID', 'must be a UUID'],
    [
      'birthDate',
      'birthDate must be a real calendar date written YYYY-MM-DD between 1900-01-01 and 2100-12-31',
      'phải là ngày có thật, viết theo dạng YYYY-MM-DD, từ 1900-01-01 đến 2100-12-31',
      'must be a real calendar date written YYYY-MM-DD between 1900-01-01 and 2100-12-31',
    ],
    [
      'nationalId',
      'nationalId must be 9 digits (CMND) or 12 digits (CCCD)',
      'phải gồm 9 chữ số (CMND) hoặc 12 chữ số (CCCD)',
      'must be 9 digits (CMND) or 12 digits (CCCD)',
    ],
  ])('%s: %s', (field, english, vi, en) => {
    const message = constraintMessage(field, english);
    expect(render(message, 'vi')).toBe(vi);
    expect(render(message, 'en')).toBe(en);
  });

  it('keeps the English text of a sentence it does not know, marked in Vietnamese', () => {
    const message = constraintMessage('x', 'x must be a lucky number');
    expect(render(message, 'en')).toBe('x must be a lucky number');
    expect(render(message, 'vi')).toBe('giá trị không hợp lệ (x must be a lucky number)');
  });
});
