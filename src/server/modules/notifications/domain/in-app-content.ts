/**
 * What the app shows of an e-mail: its subject, its first line after the greeting, and the page
 * it links to. Everything is taken from the e-mail itself, so the app never says more than the
 * e-mail did (a waived letter, an anonymous author: decision 022).
 */

export type InAppContent = { title: string; summary: string; link: string | null }

const TITLE_MAX = 200
const SUMMARY_MAX = 200
const GREETING = /^(hello|dear|hi)\b[^\n]*,$/i

/**
 * Paths whose links carry a credential (sign-in, invitation, reset, a writer's upload link, the
 * calendar feed's secret address) or are not pages: an in-app row never keeps them.
 */
const NOT_A_PAGE = [/^\/api\//, /^\/auth\//, /^\/letters\/upload\//]

/** The page path of `url` when it is a page of this app that carries no token; otherwise null. */
export function pagePathOf(url: string, appOrigin: string): string | null {
  if (!URL.canParse(url) || !URL.canParse(appOrigin)) return null
  const parsed = new URL(url)
  if (parsed.origin !== new URL(appOrigin).origin) return null
  if (NOT_A_PAGE.some((pattern) => pattern.test(parsed.pathname))) return null
  if ([...parsed.searchParams.keys()].some((key) => /token/i.test(key))) return null
  return `${parsed.pathname}${parsed.search}${parsed.hash}`
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const head = text.slice(0, max - 1)
  const lastSpace = head.lastIndexOf(' ')
  return `${(lastSpace > max / 2 ? head.slice(0, lastSpace) : head).replace(/[\s,;:.]+$/, '')}…`
}

const URL_PATTERN = /https?:\/\/[^\s"'<>]+/g

/** Titles that end in a full stop without ending a sentence ("Dr. Lee accepted."). */
const ABBREVIATION = /\b(Dr|Mr|Mrs|Ms|Mx|Prof|St|vs|e\.g|i\.e)\.$/

/** The first sentence of a paragraph: up to a . ! or ? followed by a space and a capital or a quote. */
export function firstSentence(paragraph: string): string {
  const ends = /[.!?](?=\s+["“(]?[\p{Lu}\p{N}])/gu
  for (let match = ends.exec(paragraph); match; match = ends.exec(paragraph)) {
    const sentence = paragraph.slice(0, match.index + 1)
    if (!ABBREVIATION.test(sentence)) return sentence
  }
  return paragraph
}

/** The first sentence after the greeting that says something other than a link, on one line. */
export function summaryOf(text: string): string {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const body = paragraphs.filter((p, i) => !(i === 0 && GREETING.test(p)))
  for (const paragraph of body) {
    const words = paragraph.replace(URL_PATTERN, '').replace(/\s+/g, ' ').trim()
    if (/[\p{L}\p{N}]/u.test(words)) return cut(firstSentence(words), SUMMARY_MAX)
  }
  return ''
}

/**
 * The in-app copy of one e-mail. `link` given (a page path or a full link; null for none) wins; otherwise the first link in the
 * text that is a page of this app without a token.
 */
export function inAppContentOf(email: { subject: string; text: string; link?: string | null }, appOrigin: string | null): InAppContent {
  const title = cut(email.subject.replace(/\s+/g, ' ').trim(), TITLE_MAX)
  let link: string | null = null
  if (appOrigin) {
    const candidates = email.link !== undefined ? (email.link === null ? [] : [email.link]) : (email.text.match(URL_PATTERN) ?? [])
    for (const candidate of candidates) {
      const absolute = candidate.startsWith('/') ? `${appOrigin.replace(/\/$/, '')}${candidate}` : candidate
      link = pagePathOf(absolute.replace(/[.,;:)]+$/, ''), appOrigin)
      if (link) break
    }
  }
  return { title, summary: summaryOf(email.text), link }
}
