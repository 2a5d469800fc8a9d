/**
 * The school's word filter, pure. A term matches as whole words, whatever the case, the accents
 * or the punctuation between words: "Dr. Idiot" and "idiót" both hold "idiot", while "idiotic"
 * and "Scunthorpe" hold neither "idiot" nor any shorter word inside them. A filter that matched
 * inside words would refuse innocent posts, which teaches people to distrust it.
 */

export type FilterTerm<A extends string> = { term: string; action: A }

/** Lower case, accents removed, and every run of characters that are not letters or digits made one space. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/**
 * The first term (in the order given) that `text` holds, or null. Callers pass the stricter
 * action's terms first, so a post holding a blocked and a reviewed word is blocked.
 */
export function findFilteredTerm<A extends string>(text: string, terms: readonly FilterTerm<A>[]): FilterTerm<A> | null {
  const words = ` ${normaliseWords(text)} `
  for (const t of terms) {
    const needle = normaliseWords(t.term)
    if (needle !== '' && words.includes(` ${needle} `)) return t
  }
  return null
}
