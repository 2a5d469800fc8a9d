import type { TextRange } from './text-range.ts'

/** A comment's anchor as it was made: the range in its own version and the text it quoted. */
export type Anchored = { id: string; start: number; end: number; quote: string }

export type Reanchored = { id: string; anchor: TextRange | null; outdated: boolean }

/** Every position at which `needle` occurs in `haystack` (overlapping ones included). */
function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  if (needle.length === 0) return found
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at)
  return found
}

/**
 * Where the text a comment quoted sits in a later version of the document.
 *
 * A comment keeps the exact text it was made on (`quote`). In the later text, it stays where it
 * was when that text is still there; otherwise it moves to the occurrence of the quote nearest
 * to where it was (an edit earlier in the text shifts it by the length of what was added or cut,
 * so the nearest occurrence of the same words is the one the reviewer meant); when the quote
 * occurs nowhere any more, the comment is marked outdated — kept with its quote and shown apart,
 * never dropped. Every comment given comes back exactly once, in the order given, and an anchor
 * returned always covers exactly the quoted text.
 */
export function reanchor(comments: readonly Anchored[], previousText: string, nextText: string): Reanchored[] {
  const unchangedUpTo = commonPrefixLength(previousText, nextText)
  return comments.map((comment) => {
    if (nextText.slice(comment.start, comment.end) === comment.quote && comment.quote.length > 0) {
      return { id: comment.id, anchor: { start: comment.start, end: comment.end }, outdated: false }
    }
    const found = occurrences(nextText, comment.quote)
    if (found.length === 0) return { id: comment.id, anchor: null, outdated: true }
    // An edit before the range moved it by the change in length; an edit after it, not at all.
    const expected = comment.start + (comment.start <= unchangedUpTo ? 0 : nextText.length - previousText.length)
    let best = found[0] ?? 0
    for (const at of found) if (Math.abs(at - expected) < Math.abs(best - expected)) best = at
    return { id: comment.id, anchor: { start: best, end: best + comment.quote.length }, outdated: false }
  })
}

/** How many code units the two texts share at their beginning (counted once per pair of versions). */
function commonPrefixLength(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length)
  let prefix = 0
  while (prefix < shorter && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++
  return prefix
}
