/** Small builders of message parameters shared by the rules and the services. */
import type { Authority, Basis, Rating, RecipientKind } from '../rules/types.js';
import { type Message, type ParamValue, msg } from './message.js';

/** "a, b or c" in the language of the reader. */
export function orList(items: readonly ParamValue[]): ParamValue {
  if (items.length <= 1) return items[0] ?? '';
  return msg('list.or', { head: items.slice(0, -1), last: items[items.length - 1] });
}

/** "a, b and c" in the language of the reader. */
export function andList(items: readonly ParamValue[]): ParamValue {
  if (items.length <= 1) return items[0] ?? '';
  return msg('list.and', { head: items.slice(0, -1), last: items[items.length - 1] });
}

/** Years as a list, or "none". */
export function yearList(years: readonly number[]): ParamValue {
  return years.length === 0 ? msg('list.none') : years;
}

/** A YYYY-MM-DD date, written the way the reader writes dates (15/12/2023, 2023-12-15). */
export function dateParam(iso: string): ParamValue {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return msg('format.date', { yyyy: m[1], month: m[2], day: m[3] });
}

export function ratingParam(rating: Rating): Message {
  return msg(`rating.${rating}`);
}

export function basisParam(basis: Basis): Message {
  return msg(`basis.${basis}`);
}

export function authorityParam(authority: Authority): Message {
  return msg(`authority.${authority}`);
}

export function recipientParam(kind: RecipientKind): Message {
  return msg(`recipient.an.${kind}`);
}

/** "a; b; c": items that may hold commas themselves. */
export function semicolonList(items: readonly Message[]): Message {
  if (items.length === 0) return msg('text.raw', { text: '' });
  return items.slice(1).reduce<Message>((first, rest) => msg('list.semicolon', { first, rest }), items[0]);
}

/** "Organization 42 does not exist", with the entity named in the reader's language. */
export function referenceMissing(
  entity: 'entity.organization' | 'entity.individual' | 'entity.nomination' | 'entity.household',
  id: string,
): Message {
  return msg('error.referenceMissing', { entity: msg(entity), id });
}
