import { describe, expect, it } from '@jest/globals';
import { clientErrorResponse } from './client-errors.js';

const parse = (raw: string) => {
  const [head, body] = raw.split('\r\n\r\n');
  const [statusLine, ...headers] = head.split('\r\n');
  return {
    statusLine,
    headers: Object.fromEntries(headers.map((line) => line.split(': ') as [string, string])),
    body: JSON.parse(body) as Record<string, unknown>,
    bodyBytes: Buffer.byteLength(body),
  };
};

describe('clientErrorResponse: requests refused by the HTTP parser', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', 431, 'HEADERS_TOO_LARGE'],
    ['ERR_HTTP_REQUEST_TIMEOUT', 408, 'REQUEST_TIMEOUT'],
    ['HPE_INVALID_METHOD', 400, 'MALFORMED_REQUEST'],
    [undefined, 400, 'MALFORMED_REQUEST'],
  ])('%s → %i problem+json %s, and the connection closes', (code, status, problemCode) => {
    const response = parse(clientErrorResponse({ code }));
    expect(response.statusLine).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
    expect(response.headers['Content-Type']).toMatch(/^application\/problem\+json/);
    expect(response.headers.Connection).toBe('close');
    expect(Number(response.headers['Content-Length'])).toBe(response.bodyBytes);
    expect(response.body).toMatchObject({
      status,
      code: problemCode,
      type: expect.stringMatching(/^urn:/),
      title: expect.any(String),
    });
  });
});
