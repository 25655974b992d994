import { describe, expect, it } from '@jest/globals';
import { canonicalJson, isValidIdempotencyKey, requestFingerprint } from './request-fingerprint.js';

const json = { 'content-type': 'application/json' };

describe('request fingerprint', () => {
  it('ignores key order and formatting, at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    const a = requestFingerprint({
      method: 'POST',
      url: '/api/v1/nominations',
      headers: json,
      body: { year: 2024, awardCode: 'GIAY_KHEN' },
    });
    const b = requestFingerprint({
      method: 'post',
      url: '/api/v1/nominations',
      headers: json,
      body: { awardCode: 'GIAY_KHEN', year: 2024 },
    });
    expect(a).toBe(b);
  });

  it('tells apart another body, path, query or method', () => {
    const base = { method: 'POST', url: '/api/v1/nominations', headers: json, body: { year: 2024 } };
    const fingerprint = requestFingerprint(base);
    expect(requestFingerprint({ ...base, body: { year: 2025 } })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, body: { year: '2024' } })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, url: '/api/v1/nominations/check' })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, url: '/api/v1/nominations?x=1' })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, method: 'PUT' })).not.toBe(fingerprint);
    expect(requestFingerprint({ ...base, body: undefined })).not.toBe(fingerprint);
  });

  it('fingerprints a multipart upload by its media type and length (its boundary differs on every retry)', () => {
    const upload = (boundary: string, length: string) =>
      requestFingerprint({
        method: 'POST',
        url: '/api/v1/nominations/import',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length },
        body: undefined,
      });
    expect(upload('----a1', '512')).toBe(upload('----b2', '512'));
    expect(upload('----a1', '512')).not.toBe(upload('----a1', '513'));
  });

  it.each([
    ['0b9e6f0e-5b1a-4d7e-9a53-2b4c6f1d8e90', true],
    ['nomination-2024-001', true],
    ['x'.repeat(255), true],
    ['', false],
    ['x'.repeat(256), false],
    ['has space', false],
    ['tab\there', false],
    ['khóa', false],
  ])('accepts %p as a key: %p', (key, valid) => {
    expect(isValidIdempotencyKey(key)).toBe(valid);
  });

  it('refuses a header sent twice', () => {
    expect(isValidIdempotencyKey(['a', 'b'])).toBe(false);
  });
});
