import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { directoryEntries } from '#server/db/schema/index.ts'

/**
 * The directory's public read for other modules: which people are listed (active, no FERPA
 * hold, mentors with a profile — people who chose to be found), so a page may name them.
 */
export async function listListedPersonIds(reader: Pick<Database, 'select'>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await reader
    .select({ personId: directoryEntries.personId })
    .from(directoryEntries)
    .where(and(inArray(directoryEntries.personId, [...new Set(ids)]), eq(directoryEntries.listed, true)))
  return new Set(rows.map((r) => r.personId))
}
