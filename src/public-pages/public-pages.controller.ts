import { Controller, Get, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators.js';
import { PublicRead } from '../common/http/public-cache.js';
import { PUBLIC_PRINCIPAL } from '../auth/principal.js';
import { ListAwardsQueryDto } from '../awards/dto/award.dto.js';
import { AwardsService } from '../awards/awards.service.js';
import { normalizeVerificationCode } from '../awards/verification-code.js';
import { CertificatesService } from '../certificates/certificates.service.js';
import { ApiError } from '../common/errors/problem.js';
import { setContentLanguage } from '../i18n/content-language.js';
import { requestLocale } from '../i18n/index.js';
import { constraintMessage } from '../i18n/validation-messages.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { certificateNotFoundPage, lookupPage, verifyPage, type LookupForm, type LookupView } from './pages.js';

/** Results per page of `/tra-cuu` unless `limit` says otherwise (1 to 200, as `GET /awards`). */
const LOOKUP_PAGE_SIZE = 20;
/** At most this many organizations are offered in the unit filter (pages of the public list). */
const MAX_UNITS = 1000;

/**
 * The two public pages, outside `/api/v1` and outside the OpenAPI document: `GET /verify/{code}`, where the QR
 * code of a printed certificate leads, and `GET /tra-cuu`, the awardee lookup. Both read the same services as the
 * API (`GET /certificates/{code}`, `GET /awards`) as the public sees them.
 */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  constructor(
    private readonly certificates: CertificatesService,
    private readonly awards: AwardsService,
    private readonly organizations: OrganizationsService,
  ) {}

  @Get('verify/:code')
  @Public()
  @PublicRead()
  async verify(
    @Param('code') code: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const locale = requestLocale(request);
    page(reply, locale);
    try {
      return verifyPage(await this.certificates.verify(code), locale);
    } catch (error) {
      if (
        error instanceof ApiError &&
        (error.status === HttpStatus.BAD_REQUEST || error.status === HttpStatus.NOT_FOUND)
      ) {
        void reply.status(404);
        return certificateNotFoundPage(code, normalizeVerificationCode(code) === null, locale);
      }
      throw error;
    }
  }

  @Get('tra-cuu')
  @Public()
  @PublicRead()
  async lookup(
    @Query() raw: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const locale = requestLocale(request);
    page(reply, locale);
    const form = lookupForm(raw);
    const organizations = await this.units();
    const view: LookupView = { form, organizations, results: null, errors: [] };
    const query = plainToInstance(ListAwardsQueryDto, {
      ...(form.q ? { q: form.q } : {}),
      ...(form.year ? { year: form.year } : {}),
      ...(form.awardCode ? { awardCode: form.awardCode } : {}),
      ...(form.organizationId ? { organizationId: form.organizationId } : {}),
      ...(form.cursor ? { cursor: form.cursor } : {}),
      limit: form.limit ?? String(LOOKUP_PAGE_SIZE),
    });
    const errors = await validate(query, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) {
      void reply.status(400);
      return lookupPage(
        {
          ...view,
          errors: errors.flatMap((e) =>
            Object.values(e.constraints ?? {}).map((text) => ({
              field: e.property,
              message: constraintMessage(e.property, text),
            })),
          ),
        },
        locale,
      );
    }
    try {
      const results = await this.awards.list(query, PUBLIC_PRINCIPAL);
      return lookupPage({ ...view, results }, locale);
    } catch (error) {
      if (error instanceof ApiError && error.status === HttpStatus.BAD_REQUEST) {
        void reply.status(400);
        const fieldErrors = error.extensions.errors ?? [];
        return lookupPage(
          { ...view, errors: fieldErrors.map((e) => ({ field: e.field, message: e.message })) },
          locale,
        );
      }
      throw error;
    }
  }

  /** The organizations offered in the unit filter, by code (the order of the public list). */
  private async units(): Promise<{ id: string; name: string }[]> {
    const out: { id: string; name: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.organizations.list({ limit: 200, ...(cursor ? { cursor } : {}) });
      out.push(...page.items.map((o) => ({ id: o.id, name: o.name })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && out.length < MAX_UNITS);
    return out;
  }
}

function page(reply: FastifyReply, locale: 'vi' | 'en'): void {
  void reply.header('content-type', 'text/html; charset=utf-8');
  void reply.header('cache-control', 'no-store');
  setContentLanguage(reply, locale);
}

/** The form's fields as typed: strings only, the first of repeated ones, trimmed. */
function lookupForm(raw: Record<string, unknown>): LookupForm {
  const pick = (name: string): string | undefined => {
    const value = raw[name];
    const first = Array.isArray(value) ? (value[0] as unknown) : value;
    return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
  };
  const form: LookupForm = {};
  for (const name of ['q', 'year', 'awardCode', 'organizationId', 'limit', 'cursor'] as const) {
    const value = pick(name);
    if (value !== undefined) form[name] = value;
  }
  return form;
}
