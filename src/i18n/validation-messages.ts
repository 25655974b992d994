/**
 * class-validator reports each failed constraint as an English sentence ("year must not be less than 1945") and
 * keeps no arguments: the sentence is turned back into a catalogue message with its numbers, by the shape of the
 * sentence class-validator (or this service's validators) writes. Anything unknown keeps its English text.
 */
import { msg, type Message, type ParamValue } from './message.js';

type Builder = (m: RegExpExecArray) => Message;

/** Sentences without their leading property name (`year must …` → `must …`). */
const PATTERNS: readonly [RegExp, Builder][] = [
  [/^must be an integer number$/, () => msg('validation.isInt')],
  [/^must be a number conforming to the specified constraints$/, () => msg('validation.isNumber')],
  [/^must be a string$/, () => msg('validation.isString')],
  [/^must be a boolean value$/, () => msg('validation.isBoolean')],
  [/^must be an array$/, () => msg('validation.isArray')],
  [/^must be an object$/, () => msg('validation.isObject')],
  [/^must be a UUID$/, () => msg('validation.isUUID')],
  [/^must be one of the following values: (.*)$/, (m) => msg('validation.isIn', { values: m[1] })],
  [/^must not be less than (.+)$/, (m) => msg('validation.min', { value: m[1] })],
  [/^must not be greater than (.+)$/, (m) => msg('validation.max', { value: m[1] })],
  [/^must be longer than or equal to (\d+) characters$/, (m) => msg('validation.minLength', { value: m[1] })],
  [/^must be shorter than or equal to (\d+) characters$/, (m) => msg('validation.maxLength', { value: m[1] })],
  [/^must contain at least (\d+) elements$/, (m) => msg('validation.arrayMinSize', { value: m[1] })],
  [/^must contain no more than (\d+) elements$/, (m) => msg('validation.arrayMaxSize', { value: m[1] })],
  [/^all .*elements must be unique$/, () => msg('validation.arrayUnique')],
  [/^should not be empty$/, () => msg('validation.notEmpty')],
  [/^should not be null or undefined$/, () => msg('validation.defined')],
  [/^should not exist$/, () => msg('validation.unknownProperty')],
  [/^must be either object or array$/, () => msg('validation.nested')],
  [/^must match (.+) regular expression$/, (m) => msg('validation.matches', { pattern: m[1] })],
  [
    /^must be a real calendar date written YYYY-MM-DD between (\S+) and (\S+)$/,
    (m) => msg('validation.calendarDate', { earliest: m[1], latest: m[2] }),
  ],
  [/^must not be in the future$/, () => msg('validation.notInFuture')],
  [/^must have at most (\d+) decimal places$/, (m) => msg('validation.decimalPlaces', { value: m[1] })],
  [
    /^must not contain invisible or control characters \(found (.*)\)$/,
    (m) => msg('validation.invisible', { found: m[1] }),
  ],
  [/^must be an award code: /, () => msg('validation.awardCode')],
  [
    /^must be a decision number like (\S+), or a whole number from 1 to (\d+)$/,
    (m) => msg('validation.decisionNumber', { example: m[1], max: m[2] }),
  ],
  [/^may contain letters, digits, "\.", "_" and "-" only$/, () => msg('validation.organizationCode')],
  [/^may contain Latin letters, Đ, digits and "-" only/, () => msg('validation.documentSymbol')],
  [/^must be 9 digits \(CMND\) or 12 digits \(CCCD\)$/, () => msg('validation.nationalId')],
  [/^looks like "nominations\.approve"$/, () => msg('validation.auditAction')],
];

/**
 * The catalogue message for one failed constraint of `field`, from class-validator's English sentence: its subject
 * ("year", "property extra", "each value in ids") and what it must be, each in the reader's language. English reads
 * exactly as class-validator wrote it.
 */
export function constraintMessage(field: string, english: string): Message {
  const property = field.split('.').pop() ?? field;
  const subjects: [string, () => ParamValue][] = [
    [`each value in nested property ${property} `, () => msg('validation.subject.each', { name: property })],
    [`each value in ${property} `, () => msg('validation.subject.each', { name: property })],
    [`nested property ${property} `, () => msg('validation.subject.nested', { name: property })],
    [`property ${property} `, () => msg('validation.subject.property', { name: property })],
    [`${property} `, () => property],
  ];
  const found = subjects.find(([prefix]) => english.startsWith(prefix));
  const subject: ParamValue = found ? found[1]() : '';
  const rest = found ? english.slice(found[0].length) : english;
  for (const [pattern, build] of PATTERNS) {
    const m = pattern.exec(rest);
    if (!m) continue;
    return found ? msg('validation.withSubject', { subject, predicate: build(m) }) : build(m);
  }
  return msg('validation.other', { text: english });
}
