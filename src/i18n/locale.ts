/** The languages of the registry's texts: Vietnamese first, English on request (`Accept-Language`). */
export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

/**
 * The language to answer in for an `Accept-Language` header (RFC 9110 §12.5.4): the supported language with the
 * highest q-value (`vi-VN` and `en-US` match their primary tag; `*` means the default); ties keep the header's
 * order; Vietnamese when the header is absent, malformed or names neither language.
 */
export function negotiateLocale(header: string | readonly string[] | undefined): Locale {
  const text = Array.isArray(header) ? header.join(',') : (header as string | undefined);
  if (!text) return DEFAULT_LOCALE;
  let best: Locale | null = null;
  let bestQ = 0;
  for (const part of text.split(',').slice(0, 50)) {
    const [rawTag, ...rawParams] = part.trim().split(';');
    const tag = (rawTag ?? '').trim().toLowerCase();
    if (!tag) continue;
    let q = 1;
    for (const p of rawParams) {
      const [name, value] = p.split('=').map((s) => s.trim());
      if (name?.toLowerCase() === 'q') {
        q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : 0;
      }
    }
    if (q <= 0) continue;
    const primary = tag.split('-')[0];
    const locale: Locale | null =
      tag === '*'
        ? DEFAULT_LOCALE
        : (LOCALES as readonly string[]).includes(primary ?? '')
          ? (primary as Locale)
          : null;
    if (locale !== null && q > bestQ) {
      best = locale;
      bestQ = q;
    }
  }
  return best ?? DEFAULT_LOCALE;
}

/** The request's language, negotiated once and kept on the request. */
export function requestLocale(request: { headers: Record<string, string | string[] | undefined> }): Locale {
  const cached = (request as { locale?: Locale }).locale;
  if (cached) return cached;
  const locale = negotiateLocale(request.headers['accept-language']);
  (request as { locale?: Locale }).locale = locale;
  return locale;
}
