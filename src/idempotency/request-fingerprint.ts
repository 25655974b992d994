import { createHash } from 'node:crypto';

/** `Idempotency-Key`: 1 to 255 visible ASCII characters (a UUID is the usual choice). */
const KEY = /^[\x21-\x7e]{1,255}$/;

export function isValidIdempotencyKey(value: unknown): value is string {
  return typeof value === 'string' && KEY.test(value);
}

/** JSON with object keys sorted at every level, so `{a, b}` and `{b, a}` are the same request. */
export function canonicalJson(value: unknown): string {
  if (Buffer.isBuffer(value)) return JSON.stringify({ $base64: value.toString('base64') });
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export interface FingerprintInput {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * SHA-256 of what makes two requests "the same": method, path with query, and the body as parsed (canonical JSON,
 * so formatting and key order do not matter). A multipart upload is not parsed yet when the key is checked (the
 * route reads the file later), so for it the media type and the length of the body stand in for the body.
 */
export function requestFingerprint(request: FingerprintInput): string {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  const multipart = contentType.startsWith('multipart/');
  const body = multipart
    ? { multipart: contentType.split(';')[0], length: String(request.headers['content-length'] ?? '') }
    : request.body;
  return createHash('sha256')
    .update(`${request.method.toUpperCase()} ${request.url}\n`)
    .update(canonicalJson(body))
    .digest('hex');
}
