import { randomBytes } from 'node:crypto';

/**
 * Certificate verification codes (mã xác thực): printed on the certificate, usually as a QR code, and checked
 * by anyone at `GET /certificates/{code}`. 20 symbols of Crockford's base32 (no I, L, O, U) carry 100 random
 * bits, so codes cannot be guessed or enumerated.
 */
export const VERIFICATION_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 20;

const CANONICAL = new RegExp(`^[${VERIFICATION_ALPHABET}]{${VERIFICATION_CODE_LENGTH}}$`);

/**
 * What `normalizeVerificationCode` accepts, as an ECMAScript pattern for the OpenAPI document: the 20 symbols in
 * either case, with hyphens and spaces anywhere (and at most 64 characters in all).
 */
export const VERIFICATION_CODE_PATTERN = `^[\\s-]*([${VERIFICATION_ALPHABET}${VERIFICATION_ALPHABET.toLowerCase()}][\\s-]*){${VERIFICATION_CODE_LENGTH}}$`;

/** A fresh code from the operating system's CSPRNG (256 is a multiple of 32: no modulo bias). */
export function generateVerificationCode(): string {
  const bytes = randomBytes(VERIFICATION_CODE_LENGTH);
  let code = '';
  for (const byte of bytes) code += VERIFICATION_ALPHABET[byte & 31];
  return code;
}

/**
 * The canonical form of a code a person typed or scanned: case-insensitive, hyphens and spaces ignored
 * (certificates print it in groups, `ABCD-EFGH-…`). Returns null when it cannot be a code.
 */
export function normalizeVerificationCode(input: string): string | null {
  if (input.length > 64) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  return CANONICAL.test(code) ? code : null;
}

/** The code in groups of four for printing: `ABCD-EFGH-JKMN-PQRS-TVWX`. */
export function formatVerificationCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
