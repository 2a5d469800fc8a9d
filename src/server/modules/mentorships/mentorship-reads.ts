import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { mentorships } from '#server/db/schema/index.ts'

/** Mentorships' public reads, for other modules; batched, in the caller's transaction when given one. */
export type MentorshipsReader = Pick<Database, 'select'>

/** The key of a student–mentor pair in the maps below. */
export const pairKey = (studentId: string, mentorId: string) => `${studentId}:${mentorId}`

/** The active mentorship of each pair that has one, by `pairKey`. */
export async function findActiveMentorshipIds(
  reader: MentorshipsReader,
  pairs: readonly { studentId: string; mentorId: string }[],
): Promise<Map<string, string>> {
  if (pairs.length === 0) return new Map()
  const wanted = new Set(pairs.map((p) => pairKey(p.studentId, p.mentorId)))
  const rows = await reader
    .select({ id: mentorships.id, studentId: mentorships.studentId, mentorId: mentorships.mentorId })
    .from(mentorships)
    .where(and(eq(mentorships.status, 'active'), inArray(mentorships.studentId, [...new Set(pairs.map((p) => p.studentId))])))
  const found = new Map<string, string>()
  for (const r of rows) if (wanted.has(pairKey(r.studentId, r.mentorId))) found.set(pairKey(r.studentId, r.mentorId), r.id)
  return found
}
