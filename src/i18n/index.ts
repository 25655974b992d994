export { CATALOGUE } from './catalogue.js';
export { DEFAULT_LOCALE, LOCALES, negotiateLocale, requestLocale } from './locale.js';
export type { Locale } from './locale.js';
export { isMessage, msg, render, renderDeep } from './message.js';
export type { Message, Text, MessageKey, ParamValue, ParamsOf } from './message.js';
export * from './helpers.js';
