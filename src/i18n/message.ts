/**
 * Messages for people, as data: a rule or a service returns a `Message` (a catalogue key and its parameters), and
 * the edge of the service renders it in the language of the request (`render`, `renderDeep`). Stored verdicts keep
 * the `Message`, so they read in either language later. Pure: no NestJS, no I/O. See docs/i18n.md.
 */
import { CATALOGUE } from './catalogue.js';
import type { Locale } from './locale.js';

export type Catalogue = typeof CATALOGUE;
export type MessageKey = keyof Catalogue;

/** The `{name}` placeholders of a template, as a union of names. */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;

/** A parameter: a number, a literal text (a name, a date, a code), another message, or a list of them. */
export type ParamValue = string | number | Message | readonly ParamValue[];

/** Parameters whose name fixes their type across the catalogue. */
interface NamedParamTypes {
  year: number;
  from: number;
  until: number;
  prev: number;
  count: number;
  limit: number;
  actual: number;
  law: Message;
}

type ParamType<P extends string> = P extends keyof NamedParamTypes ? NamedParamTypes[P] : ParamValue;

export type ParamNames<K extends MessageKey> = Placeholders<Catalogue[K]['vi']> | Placeholders<Catalogue[K]['en']>;
export type ParamsOf<K extends MessageKey> = { [P in ParamNames<K>]: ParamType<P> };

/** A message to render later: `$t` is the catalogue key, `p` its parameters (JSON: stored as is). */
export interface Message {
  readonly $t: MessageKey;
  /** Checked by `msg` when built; kept loose here so stored JSON and entity types stay shallow. */
  readonly p?: Readonly<Record<string, unknown>>;
}

/** What a person reads: a catalogue message, or a plain text (a name, or a text stored before the catalogue). */
export type Text = Message | string;

type ParamArgs<K extends MessageKey> = [ParamNames<K>] extends [never] ? [] : [params: ParamsOf<K>];

/** A message of the catalogue with its parameters; the compiler checks the key and every parameter. */
export function msg<K extends MessageKey>(key: K, ...args: ParamArgs<K>): Message {
  const params = args[0] as Record<string, ParamValue> | undefined;
  return params === undefined ? { $t: key } : { $t: key, p: params };
}

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { $t?: unknown }).$t === 'string' &&
    Object.hasOwn(CATALOGUE, (value as { $t: string }).$t)
  );
}

function renderParam(value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => renderParam(v, locale)).join(', ');
  if (isMessage(value)) return render(value, locale);
  return JSON.stringify(value);
}

/** The text of a message in a language. A plain string (a text stored before the catalogue) is returned as is. */
export function render(message: Message | string, locale: Locale): string {
  if (typeof message === 'string') return message;
  const entry = (CATALOGUE as Record<string, { vi: string; en: string }>)[message.$t];
  if (entry === undefined) return message.$t;
  const params = message.p ?? {};
  return entry[locale].replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_all, name: string) =>
    renderParam(params[name], locale),
  );
}

/**
 * A JSON-like value with every `Message` in it rendered to text: what a response body looks like to a client.
 * Non-plain objects (streams, buffers, dates) are left alone.
 */
export function renderDeep(value: unknown, locale: Locale): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const rendered = renderDeep(value[i], locale);
      if (rendered !== value[i]) {
        out ??= value.slice();
        out[i] = rendered;
      }
    }
    return out ?? value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null && !isClassInstanceDto(value)) return value;
  if (isMessage(value)) return render(value, locale);
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const rendered = renderDeep(v, locale);
    if (rendered !== v) {
      out ??= { ...(value as Record<string, unknown>) };
      out[k] = rendered;
    }
  }
  return out ?? value;
}

/** Response DTO classes are plain data too; buffers, streams, dates and the like are not. */
function isClassInstanceDto(value: object): boolean {
  return !(
    value instanceof Date ||
    ArrayBuffer.isView(value) ||
    value instanceof ArrayBuffer ||
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    typeof (value as { then?: unknown }).then === 'function' ||
    value instanceof Map ||
    value instanceof Set
  );
}
