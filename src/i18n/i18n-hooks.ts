import type { FastifyInstance } from 'fastify';
import { setContentLanguage } from './content-language.js';
import { requestLocale } from './locale.js';
import { renderDeep } from './message.js';
import { publicReadOf } from '../common/http/public-cache.js';

/** Content types whose body a person reads: JSON and problems, CSV, spreadsheets, HTML, plain text. */
const TEXT_TYPES = /^(application\/(json|problem\+json|vnd\.openxmlformats|zip)|text\/)/i;

/**
 * Renders every catalogue message of a JSON body in the request's language (`Accept-Language`, Vietnamese by
 * default) just before it is serialized, and marks text responses of the API with `Content-Language`. A route
 * that writes in a fixed language (the certificate PDF, always Vietnamese) sets the header itself.
 */
export function registerI18nHooks(fastify: FastifyInstance, apiPrefix: string): void {
  fastify.addHook('preSerialization', async (request, reply, payload) => {
    const locale = requestLocale(request);
    setContentLanguage(reply, locale);
    // A route that declares its body free of catalogue messages (large pages of register rows) skips the walk.
    if (publicReadOf(request)?.plainData) return payload;
    return renderDeep(payload, locale);
  });
  fastify.addHook('onSend', async (request, reply) => {
    if (reply.hasHeader('content-language')) return;
    if (!request.url.startsWith(`/${apiPrefix}/`)) return;
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && TEXT_TYPES.test(type)) setContentLanguage(reply, requestLocale(request));
  });
}
