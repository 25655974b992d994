import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Characters a name never holds and a reader never sees: format characters (Unicode category Cf: zero-width
 * spaces and joiners U+200B–U+200D, bidi embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069, the
 * byte order mark U+FEFF, the soft hyphen U+00AD…), lone surrogates (Cs), and control characters (Cc) other than
 * the whitespace ones (tab, line breaks), which are folded into single spaces. They make two names that look the
 * same differ, or reorder how a name displays.
 */
const INVISIBLE = /[\p{Cf}\p{Cs}]|(?![\t\n\v\f\r])\p{Cc}/u;

/** The first invisible or control character of `value`, written `U+200B`, or undefined. */
export function invisibleCharacterIn(value: string): string | undefined {
  const match = INVISIBLE.exec(value);
  if (!match) return undefined;
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A name as stored: NFC (one code point per accented letter, as Vietnamese is typed), runs of whitespace as one space, trimmed. */
export function normalizeName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * A human-readable name (a person's, an organization's, a signer's…): normalised on input with `normalizeName`
 * and refused (400) when it holds an invisible or control character. Put it where `@Transform(trim)` would go,
 * with the field's own `@IsString()` and `@Length()`.
 */
export function HumanName(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    // A value with an invisible character is left as sent (trimming would drop a leading U+FEFF), for the check to refuse.
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && invisibleCharacterIn(value) === undefined ? normalizeName(value) : value,
    ),
    ValidateBy(
      {
        name: 'isHumanName',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || invisibleCharacterIn(value) === undefined,
          defaultMessage: (args) =>
            `${args?.property ?? 'value'} must not contain invisible or control characters (found ${
              typeof args?.value === 'string' ? invisibleCharacterIn(args.value) : '?'
            })`,
        },
      },
      options,
    ),
  );
}
