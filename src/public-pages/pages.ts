/**
 * The public pages as HTML: small, readable on a phone, no script, every value escaped (`html`). The texts come
 * from the message catalogue in the reader's language; no personal data is shown (no birth date, no identity
 * number, never the officer's free text on a revocation).
 */
import type { AwardDto } from '../awards/dto/award.dto.js';
import type { CertificateDto } from '../certificates/dto/certificate.dto.js';
import { dateParam, msg, render, type Locale, type Message, type ParamValue } from '../i18n/index.js';
import { AWARD_TYPES, REVOCATION_GROUND_TEXT } from '../rules/index.js';
import { formatVerificationCode } from '../awards/verification-code.js';
import { html, trustedMarkup, type SafeHtml } from './html.js';

const STYLE = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #d0d4d9; --accent: #8b0000; --ok: #0b6b2b; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: var(--ink); background: #fafafa; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 3px solid var(--accent); background: #fff; }
header a { color: var(--accent); font-weight: 700; text-decoration: none; font-size: 1.1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .5rem; }
.status { border: 2px solid; border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; background: #fff; }
.status strong { display: block; font-size: 1.25rem; }
.valid { border-color: var(--ok); color: var(--ok); }
.revoked { border-color: var(--accent); color: var(--accent); }
.status p { color: var(--ink); margin: .25rem 0 0; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .5rem 1rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; }
dt { color: var(--muted); }
dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
form { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .75rem; background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
input, select, button { width: 100%; font: inherit; padding: .5rem; border: 1px solid #767676; border-radius: .25rem; background: #fff; color: var(--ink); }
button { background: var(--accent); color: #fff; border-color: var(--accent); font-weight: 700; cursor: pointer; align-self: end; min-height: 2.75rem; }
table { width: 100%; border-collapse: collapse; background: #fff; margin: 1rem 0; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
a { color: #0b4f9c; }
.pager { display: flex; gap: 1rem; flex-wrap: wrap; }
.pager a { display: inline-block; padding: .5rem 0; min-height: 2.75rem; }
.errors { border: 2px solid var(--accent); background: #fff; padding: .5rem 1rem; border-radius: .5rem; }
.hint, footer { color: var(--muted); font-size: .9rem; }
code { overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  dl { grid-template-columns: 1fr; }
  dt { margin-top: .5rem; }
  thead { position: absolute; left: -9999px; }
  table, tbody, tr, td { display: block; width: 100%; }
  tr { border: 1px solid var(--line); border-radius: .5rem; margin-bottom: .75rem; padding: .25rem .5rem; }
  td { border: 0; padding: .25rem 0; }
  td::before { content: attr(data-label) ": "; color: var(--muted); font-weight: 400; }
}
`;

function layout(locale: Locale, title: string, body: SafeHtml): string {
  const t = (m: Message) => render(m, locale);
  return `<!doctype html>${
    html`<html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title} · ${t(msg('page.site'))}</title>
        <style>
          ${trustedMarkup(STYLE)}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${t(msg('page.skip'))}</a>
        <header><a href="/tra-cuu">${t(msg('page.site'))}</a></header>
        <main id="main">
          <h1>${title}</h1>
          ${body}
        </main>
        <footer><p>${t(msg('page.footer'))}</p></footer>
      </body>
    </html>`.value
  }`;
}

/** `GET /verify/{code}`: whether the certificate stands, and what was printed on it. */
export function verifyPage(certificate: CertificateDto, locale: Locale): string {
  const t = (m: Message) => render(m, locale);
  // The date of the revocation decision, else (revoked before revocations were decisions) the day it was recorded.
  const revokedOn = certificate.revocation?.issuedOn ?? certificate.revokedAt?.slice(0, 10);
  const status = certificate.revoked
    ? html`<div class="status revoked" role="status">
        <strong>${t(msg('page.verify.revoked'))}</strong>
        <p>${t(msg('page.verify.revokedText', { date: revokedOn ? dateParam(revokedOn) : '' }))}</p>
        ${
          certificate.revocation
            ? html`<p>
                ${t(
                  msg('page.verify.revocation', {
                    number: certificate.revocation.number,
                    date: dateParam(certificate.revocation.issuedOn),
                    ground: REVOCATION_GROUND_TEXT[certificate.revocation.ground],
                  }),
                )}
              </p>`
            : ''
        }
      </div>`
    : html`<div class="status valid" role="status">
        <strong>${t(msg('page.verify.valid'))}</strong>
        <p>${t(msg('page.verify.validText'))}</p>
      </div>`;
  const kind = t(msg(certificate.recipientKind === 'COLLECTIVE' ? 'page.verify.collective' : 'page.verify.individual'));
  const signerTitle =
    certificate.signingMode === 'ON_BEHALF'
      ? t(msg('page.verify.onBehalf', { title: certificate.signerTitle }))
      : certificate.signerTitle;
  const rows: [string, string][] = [
    [t(msg('page.verify.recipient')), `${certificate.recipientName} (${kind})`],
    [t(msg('page.verify.unit')), certificate.organizationName],
    [t(msg('page.verify.award')), certificate.awardName],
    [t(msg('page.verify.year')), String(certificate.year)],
    [
      t(msg('page.verify.decision')),
      t(
        msg('page.verify.decisionValue', { number: certificate.decisionNumber, date: dateParam(certificate.issuedOn) }),
      ),
    ],
    [t(msg('page.verify.issuer')), certificate.issuerName],
    [t(msg('page.verify.signer')), `${signerTitle} ${certificate.signerName}`],
    [t(msg('page.verify.code')), formatVerificationCode(certificate.verificationCode)],
  ];
  const body = html`${status}
    <dl>
      ${rows.map(
        ([term, value]) =>
          html`<dt>${term}</dt>
            <dd>${value}</dd>`,
      )}
    </dl>
    <p><a href="/tra-cuu">${t(msg('page.verify.lookup'))}</a></p>`;
  return layout(locale, t(msg('page.verify.title')), body);
}

/** The 404 page of `/verify/{code}`: an unknown or a malformed code. */
export function certificateNotFoundPage(code: string, malformed: boolean, locale: Locale): string {
  const t = (m: Message) => render(m, locale);
  const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
  const body = html`<p>${t(msg('page.notFound.unknown', { code: shown }))}</p>
    ${malformed ? html`<p>${t(msg('page.notFound.malformed'))}</p>` : null}
    <p><a href="/tra-cuu">${t(msg('page.verify.lookup'))}</a></p>`;
  return layout(locale, t(msg('page.notFound.title')), body);
}

export interface LookupForm {
  q?: string;
  year?: string;
  awardCode?: string;
  organizationId?: string;
  limit?: string;
  cursor?: string;
}

export interface LookupView {
  form: LookupForm;
  organizations: readonly { id: string; name: string }[];
  /** Null when the search was refused (see `errors`). */
  results: { items: readonly AwardDto[]; nextCursor: string | null } | null;
  errors: readonly { field: string; message: ParamValue }[];
}

function query(form: LookupForm, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...form, cursor: undefined, ...extra })) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `GET /tra-cuu`: the search form, the results with links to their verification pages, keyset paging. */
export function lookupPage(view: LookupView, locale: Locale): string {
  const t = (m: Message) => render(m, locale);
  const { form } = view;
  const years: number[] = [];
  for (let y = new Date().getUTCFullYear(); y >= 2000; y--) years.push(y);
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}" ${selected ? html` selected` : null}>${label}</option>`;
  const formHtml = html`<form method="get" action="/tra-cuu" role="search">
    <div>
      <label for="q">${t(msg('page.lookup.name'))}</label
      ><input id="q" name="q" type="search" maxlength="200" value="${form.q ?? ''}" autocomplete="off" />
    </div>
    <div>
      <label for="year">${t(msg('page.lookup.year'))}</label
      ><select id="year" name="year">
        ${option('', t(msg('page.lookup.all')), !form.year)}${years.map((y) => option(String(y), String(y), form.year === String(y)))}
      </select>
    </div>
    <div>
      <label for="awardCode">${t(msg('page.lookup.award'))}</label
      ><select id="awardCode" name="awardCode">
        ${option('', t(msg('page.lookup.all')), !form.awardCode)}${AWARD_TYPES.map((a) => option(a.code, a.nameVi, form.awardCode === a.code))}
      </select>
    </div>
    <div>
      <label for="organizationId">${t(msg('page.lookup.unit'))}</label
      ><select id="organizationId" name="organizationId">
        ${option('', t(msg('page.lookup.all')), !form.organizationId)}${view.organizations.map((o) => option(o.id, o.name, form.organizationId === o.id))}
      </select>
    </div>
    <button type="submit">${t(msg('page.lookup.search'))}</button>
  </form>`;
  const errors =
    view.errors.length > 0
      ? html`<div class="errors" role="alert">
          <p>${t(msg('page.lookup.invalid'))}</p>
          <ul>
            ${view.errors.map(
              (e) => html`<li>${e.field}: ${render(msg('text.raw', { text: e.message }), locale)}</li>`,
            )}
          </ul>
        </div>`
      : null;
  let results: SafeHtml | null = null;
  if (view.results) {
    const { items, nextCursor } = view.results;
    const rows = items.map(
      (a) =>
        html`<tr>
          <td data-label="${t(msg('page.lookup.recipient'))}">${a.recipientName}</td>
          <td data-label="${t(msg('page.lookup.award'))}">${a.awardName}</td>
          <td data-label="${t(msg('page.lookup.year'))}">${a.year}</td>
          <td data-label="${t(msg('page.lookup.unit'))}">${a.organizationName}</td>
          <td data-label="${t(msg('page.lookup.decision'))}">
            ${t(msg('page.verify.decisionValue', { number: a.decisionNumber, date: dateParam(a.issuedOn) }))}
          </td>
          <td data-label="${t(msg('page.lookup.verify'))}">
            <a
              href="/verify/${a.verificationCode}"
              aria-label="${t(msg('page.lookup.verifyLabel', { name: a.recipientName }))}"
              >${t(msg('page.lookup.verifyLink'))}</a
            >
          </td>
        </tr>`,
    );
    const pager = html`<nav class="pager" aria-label="${t(msg('page.lookup.results'))}">
      ${form.cursor ? html`<a href="/tra-cuu${query(form)}">← ${t(msg('page.lookup.first'))}</a>` : null}
      ${nextCursor ? html`<a href="/tra-cuu${query(form, { cursor: nextCursor })}" rel="next">${t(msg('page.lookup.next'))} →</a>` : null}
    </nav>`;
    results = html`<h2>${t(msg('page.lookup.results'))}</h2>
      ${
        items.length === 0
          ? html`<p>${t(msg('page.lookup.none'))}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${t(msg('page.lookup.recipient'))}</th>
                  <th scope="col">${t(msg('page.lookup.award'))}</th>
                  <th scope="col">${t(msg('page.lookup.year'))}</th>
                  <th scope="col">${t(msg('page.lookup.unit'))}</th>
                  <th scope="col">${t(msg('page.lookup.decision'))}</th>
                  <th scope="col">${t(msg('page.lookup.verify'))}</th>
                </tr>
              </thead>
              <tbody>
                ${rows}
              </tbody>
            </table>`
      }
      ${pager}`;
  }
  const apiUrl = `/api/v1/awards${query(form, form.cursor ? { cursor: form.cursor } : {})}`;
  const marker = '\u0000link\u0000';
  const [before, after] = t(msg('page.lookup.api', { link: marker })).split(marker);
  const hint = html`<p class="hint">
    ${before}<a href="${apiUrl}"><code>GET ${apiUrl}</code></a
    >${after}
  </p>`;
  const body = html`<p>${t(msg('page.lookup.intro'))}</p>
    ${formHtml} ${errors} ${results} ${hint}`;
  return layout(locale, t(msg('page.lookup.title')), body);
}
