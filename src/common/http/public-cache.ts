import { Injectable } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { sql } from 'kysely';
import { DataSource } from 'typeorm';
import { setContentLanguage } from '../../i18n/content-language.js';
import { requestLocale } from '../../i18n/locale.js';
import { compileOnly, replicaQuery } from '../../database/replica-reads.js';

/**
 * Public reads that any cache may keep: `Cache-Control: public`, a strong `ETag` from the register's version
 * (`register_version`, bumped by a trigger with every change of awards, decisions, revocations, award types and
 * organizations),
 * and `If-None-Match` answered 304 after one read of that version, without running the route.
 *
 * - Only for requests without `Authorization`: what a token opens is `no-store` (security.ts) and may differ
 *   (revocation reasons), so it is never tagged or answered 304 here; `Vary: Authorization` keeps a shared cache
 *   from serving the public copy to a caller with a token.
 * - The tag names the language (`Vary: Accept-Language`), since the body and `Content-Language` depend on it, and
 *   `REPRESENTATION_REVISION`, to be bumped when a release changes what a public read returns for the same data.
 * - Every instance on one database reads the same row, so they issue and accept the same tags.
 * - The version is read before the data (a tag is never newer than the body it travels with; a change in between
 *   only makes the next request fetch again), or, for the hot lists, by the list's own statement (`versionInBody`:
 *   the page and its tag come from one snapshot, one round trip).
 */
export const PUBLIC_MAX_AGE_SECONDS = 10;
export const PUBLIC_STALE_WHILE_REVALIDATE_SECONDS = 60;
export const PUBLIC_CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}, stale-while-revalidate=${PUBLIC_STALE_WHILE_REVALIDATE_SECONDS}`;
/** Bump when a public read's representation changes for the same data, so old tags stop matching. */
export const REPRESENTATION_REVISION = 2;

/** A body that carries the register version it was read at (not serialized: a symbol key). */
export const REGISTER_VERSION: unique symbol = Symbol('registerVersion');
export type Versioned<T> = T & { [REGISTER_VERSION]?: string };

/** Marks `body` as read at register `version` (when known: an empty page read none). */
export function withRegisterVersion<T extends object>(body: T, version: string | null | undefined): Versioned<T> {
  if (version !== null && version !== undefined) (body as Versioned<T>)[REGISTER_VERSION] = version;
  return body;
}

export interface PublicReadOptions {
  /** The route's body carries its version (`withRegisterVersion`): no read before a full response. */
  versionInBody?: boolean;
  /** The JSON body holds no catalogue message: the i18n rendering pass is skipped. */
  plainData?: boolean;
}

interface PublicReadConfig {
  publicRead?: PublicReadOptions;
}

/** A public read cacheable by any proxy (see above). */
export const PublicRead = (options: PublicReadOptions = {}) => RouteConfig({ publicRead: options });

/** The options of the route of `request`, when it is a public read. */
export function publicReadOf(request: FastifyRequest): PublicReadOptions | undefined {
  return (request.routeOptions.config as PublicReadConfig | undefined)?.publicRead;
}

/** `"<version>-<locale>-<revision>"`: strong, one per representation. */
export function entityTag(version: string, locale: string): string {
  return `"${version}-${locale}-${REPRESENTATION_REVISION}"`;
}

/** If-None-Match (RFC 9110 §13.1.2, weak comparison): `*` or a listed tag equal to `etag`. */
export function noneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === opaque);
}

const VERSION_SQL = compileOnly
  .selectFrom('register_version')
  .select(sql<string>`version::text`.as('version'))
  .compile().sql;

/** Reads the register's version: one prepared statement on the replica the register is read from. */
@Injectable()
export class RegisterVersions {
  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<string> {
    const rows = await replicaQuery<{ version: string }[]>(this.dataSource, VERSION_SQL, [], { prepared: true });
    // No row only after the tables were emptied (tests); the next change writes it again.
    return rows[0]?.version ?? '0';
  }
}

type Done = (error: Error | null, payload: unknown) => void;

declare module 'fastify' {
  interface FastifyRequest {
    registerVersion?: string;
  }
}

const isPublicGet = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && request.headers.authorization === undefined;

function cacheHeaders(reply: FastifyReply, etag: string, locale: ReturnType<typeof requestLocale>): void {
  reply.header('etag', etag);
  reply.header('cache-control', PUBLIC_CACHE_CONTROL);
  setContentLanguage(reply, locale);
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/(^|,\s*)authorization(\s*,|$)/i.test(vary))
    reply.header('vary', vary ? `${vary}, Authorization` : 'Authorization');
}

type Hook = NonNullable<RouteOptions['onRequest']>;

/** `hook` appended to the route's own hooks of that kind (after those already there, the rate limit's). */
function appendHook<K extends 'onRequest' | 'preSerialization' | 'onSend'>(
  options: RouteOptions,
  kind: K,
  hook: unknown,
): void {
  const current = options[kind] as Hook | Hook[] | undefined;
  (options as Record<K, unknown>)[kind] = [...(current === undefined ? [] : [current].flat()), hook];
}

/**
 * The hooks of the public reads, attached to those routes only (other routes pay nothing for them) and after the
 * rate limit's (a 304 counts as a request). The conditional request is answered in `onRequest`, the earliest
 * point once the route is known: before the query string is parsed or validated and before the handler.
 */
export function registerPublicCache(fastify: FastifyInstance, versions: RegisterVersions): void {
  async function answerConditional(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!isPublicGet(request)) return;
    const options = publicReadOf(request);
    const ifNoneMatch = request.headers['if-none-match'];
    if (options?.versionInBody && ifNoneMatch === undefined) return;
    const version = await versions.current();
    request.registerVersion = version;
    const locale = requestLocale(request);
    const etag = entityTag(version, locale);
    if (noneMatch(ifNoneMatch, etag)) {
      cacheHeaders(reply, etag, locale);
      await reply.code(304).send();
    }
  }
  const versionOfBody = (request: FastifyRequest, _reply: FastifyReply, payload: unknown, done: Done): void => {
    const version = (payload as Versioned<object> | null)?.[REGISTER_VERSION];
    if (version !== undefined) request.registerVersion = version;
    done(null, payload);
  };
  const tagResponse = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: Done): void => {
    if (reply.statusCode === 200 && isPublicGet(request)) {
      const version = request.registerVersion;
      const locale = requestLocale(request);
      if (version !== undefined) cacheHeaders(reply, entityTag(version, locale), locale);
      else reply.header('cache-control', PUBLIC_CACHE_CONTROL);
    }
    done(null, payload);
  };
  fastify.addHook('onRoute', (options) => {
    if ((options.config as PublicReadConfig | undefined)?.publicRead === undefined) return;
    appendHook(options, 'onRequest', answerConditional);
    appendHook(options, 'preSerialization', versionOfBody);
    appendHook(options, 'onSend', tagResponse);
  });
}
