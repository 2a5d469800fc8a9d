/**
 * Search ranks only the most recently active matching threads. A board's common words can match
 * most of its threads; ranking every one of them costs time in proportion to the board, while
 * the person searching reads the first page and narrows with another word. So the database
 * returns the newest `window + 1` matches with their rank, and this file orders them best match
 * first and cuts the page. The extra one tells "exactly `window`" from "more than `window`".
 */

export type ThreadMatch = { id: string; lastActivityAt: Date; rank: number }

export type SearchPage = {
  /** The page's question ids, best match first. */
  ids: string[]
  /** How many matches are ranked: all of them, or `window` when more matched. */
  total: number
  /** More threads matched than were ranked; the oldest of them are left out. */
  truncated: boolean
}

/** `matches` newest first, as the database returns them; `page` counts from 1. */
export function pageOfBestMatches(matches: readonly ThreadMatch[], window: number, page: number, pageSize: number): SearchPage {
  const truncated = matches.length > window
  const ranked = matches
    .slice(0, window)
    .sort((a, b) => b.rank - a.rank || b.lastActivityAt.getTime() - a.lastActivityAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const start = (page - 1) * pageSize
  return { ids: ranked.slice(start, start + pageSize).map((m) => m.id), total: ranked.length, truncated }
}
