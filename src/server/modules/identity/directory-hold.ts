import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { people } from '#server/db/schema/index.ts'

/**
 * Identity's seam for the FERPA directory hold (34 CFR §99.37), the `people.directory_hold`
 * flag: the records module writes it when a student opts out or back in, and the modules that
 * list people to other students and mentors ask which of their people are held. The directory's
 * search documents follow the flag by trigger (migration 0003).
 */
type Reader = Pick<Database, 'select'>
type Writer = Pick<Database, 'update'>

/** Whether a person is on a directory hold; false for an unknown id. */
export async function findDirectoryHold(reader: Reader, personId: string): Promise<boolean> {
  const [row] = await reader.select({ hold: people.directoryHold }).from(people).where(eq(people.id, personId)).limit(1)
  return row?.hold ?? false
}

/** Sets a person's hold; returns false when no such person exists. */
export async function writeDirectoryHold(writer: Writer, personId: string, hold: boolean, at: Date): Promise<boolean> {
  const rows = await writer.update(people).set({ directoryHold: hold, updatedAt: at }).where(eq(people.id, personId)).returning({ id: people.id })
  return rows.length > 0
}

/** Of these ids, the people on a directory hold (one query however many ids). */
export async function listHeldPersonIds(reader: Reader, ids: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return new Set()
  const rows = await reader
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, unique), eq(people.directoryHold, true)))
  return new Set(rows.map((r) => r.id))
}
