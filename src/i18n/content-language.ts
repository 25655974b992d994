import type { FastifyReply } from 'fastify';
import type { Locale } from './locale.js';

/**
 * Marks a response as written in `locale` (`Content-Language`) and as chosen by `Accept-Language` (`Vary`), so a
 * cache never serves one language to a reader of the other.
 */
export function setContentLanguage(reply: FastifyReply, locale: Locale): void {
  reply.header('content-language', locale);
  const vary = reply.getHeader('vary');
  const current = typeof vary === 'string' ? vary : Array.isArray(vary) ? vary.join(', ') : '';
  if (!/(^|,\s*)accept-language(\s*,|$)/i.test(current)) {
    reply.header('vary', current ? `${current}, Accept-Language` : 'Accept-Language');
  }
}
