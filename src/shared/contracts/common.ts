import { z } from 'zod'
import { ERROR_CODES } from '../errors.ts'

/*
 * Text primitives. Every string a person types goes through one of these, so the rules about
 * what a string may hold live in one place:
 * - no NUL and no other control character except line breaks and tabs in multi-line text
 *   (PostgreSQL refuses NUL, and a line break in a name reaches an e-mail subject);
 * - well-formed Unicode (a lone surrogate cannot be stored or shown);
 * - single-line text (names, titles, search words) refuses line breaks and tabs too, and the
 *   Unicode line and paragraph separators;
 * - a person's name holds no web or e-mail address, because names become e-mail greetings.
 * The request layer (server/http/unsafe-text.ts) refuses NUL and lone surrogates in every
 * field of every request as well, whatever its schema says.
 */

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL_IN_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
/** Every control character, plus the line and paragraph separators. */
const CONTROL_IN_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/
/** A web address or something that reads as one: scheme, www., an @, or a dotted name ending in a common top-level domain. */
const LOOKS_LIKE_ADDRESS = /:\/\/|\bwww\.|@|[a-z0-9-]\.(com|org|net|edu|gov|io|co|me|info|biz|xyz|ly|app|dev|link|site|online|ru|cn|uk|us)\b/i

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** True when the string is well-formed UTF-16 (every surrogate in a pair), so it can be stored as UTF-8. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value)
}

export const SINGLE_LINE_MESSAGE = 'Use one line of text, without line breaks or control characters.'
export const CONTROL_MESSAGE = 'Remove the control characters from this text.'
export const MALFORMED_MESSAGE = 'This text has characters that cannot be stored. Retype it.'

/** True when a single-line field would refuse the value (for importers that check cells by hand). */
export function isSingleLineText(value: string): boolean {
  return !CONTROL_IN_SINGLE_LINE.test(value) && isWellFormedText(value)
}

/** One line of trimmed text with a length cap: names, titles, places, search words. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => isWellFormedText(value), MALFORMED_MESSAGE)
    .refine((value) => !CONTROL_IN_SINGLE_LINE.test(value), SINGLE_LINE_MESSAGE)
export const requiredText = (max: number) => text(max).min(1, 'This field is required.')

/** Trimmed text that may run over several lines (notes, bios, messages): keeps line breaks and tabs. */
export const multilineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .refine((value) => isWellFormedText(value), MALFORMED_MESSAGE)
    .refine((value) => !CONTROL_IN_MULTILINE.test(value), CONTROL_MESSAGE)
export const requiredMultilineText = (max: number) => multilineText(max).min(1, 'This field is required.')

/** A person's name: one line, and no address in it (names become e-mail greetings). */
export const personName = (max: number) => text(max).refine((value) => !LOOKS_LIKE_ADDRESS.test(value), 'Give a name only, without a web or e-mail address.')

/*
 * Dates. Bounded so that arithmetic on them (a meeting's end, a reminder before a deadline)
 * stays inside what JavaScript dates, the calendar library and PostgreSQL all accept: a meeting
 * at 9999-12-31 ended in year 10000 and failed deep inside.
 */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2199
const DATE_RANGE_MESSAGE = `Use a date between ${EARLIEST_YEAR} and ${LATEST_YEAR}.`
const yearInRange = (value: string) => {
  const year = Number(value.slice(0, 4))
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR
}

/** A calendar date, `YYYY-MM-DD`, that exists and lies in the supported range. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2026-11-30.')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Not a valid date.')
  .refine(yearInRange, DATE_RANGE_MESSAGE)

/** An instant with its UTC offset (`2026-11-30T14:00:00Z`), in the supported range. */
export const instant = (example: string) =>
  z.iso
    .datetime({ offset: true, message: `Use a date and time such as ${example}.` })
    .refine((value) => Number.isNaN(Date.parse(value)) || yearInRange(new Date(value).toISOString()), DATE_RANGE_MESSAGE)

export const Email = z.string().trim().toLowerCase().max(254, 'Use at most 254 characters.').pipe(z.email('Enter a valid e-mail address.'))

export const Uuid = z.uuid('Not a valid id.')

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})

export const OkResponse = z.object({ ok: z.literal(true) })

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ description: 'What went wrong, for programs; each code has one HTTP status (shared/errors.ts).' }),
      message: z.string().meta({ description: 'What went wrong and what to do, in words to show a person.' }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: 'For invalid input: each field at fault (a dot-separated path, `_` for the whole body) and what is wrong with it.' }),
    }),
  })
  .meta({ id: 'Error' })
