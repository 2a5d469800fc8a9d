import type { FieldErrors } from '#shared/errors.ts'

/** A half-open range of UTF-16 code units, `[start, end)`, into a version's text. */
export type TextRange = { start: number; end: number }

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff

/** True when an offset falls between the two halves of one character (an emoji, say). */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  return isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset))
}

/**
 * What is wrong with a range a reviewer selected in a text, by field, or null when it is a
 * non-empty range that exists in the text and does not cut a character in two.
 */
export function rangeProblems(text: string, range: TextRange): FieldErrors | null {
  const fields: FieldErrors = {}
  if (range.start > text.length) fields.start = `The text is ${text.length} characters long: the range must start inside it.`
  if (range.end > text.length) fields.end = `The text is ${text.length} characters long: the range must end inside it.`
  if (!fields.start && !fields.end && range.end <= range.start) fields.end = 'Select at least one character: the range must end after it starts.'
  if (!fields.start && splitsCharacter(text, range.start)) fields.start = 'The range starts in the middle of a character.'
  if (!fields.end && splitsCharacter(text, range.end)) fields.end = 'The range ends in the middle of a character.'
  return Object.keys(fields).length ? fields : null
}
