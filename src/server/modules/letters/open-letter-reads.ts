import { and, inArray } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { letterRequests } from '#server/db/schema/index.ts'
import type { LetterStatus } from '#shared/enums.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'

/** A letter the writer still owes, as the office's dashboard may see it: who, whom, status and dates — nothing of the letter. */
export type OpenLetterRequest = {
  id: string
  studentId: string
  /** Stable key of the writer: their person id, or `outside:` and the name the student typed. */
  writerKey: string
  writerName: string
  hasAccount: boolean
  status: LetterStatus
  dueDate: string
  requestedAt: Date
}

const OPEN: LetterStatus[] = ['requested', 'accepted', 'in-progress']

/**
 * Every open request (requested, accepted, in progress) — of `studentIds`, or of every student —
 * in one query plus one read of writers' names. Selects no talking points, no writer's message and
 * no column of `letter_contents`: the caller is a report, never a reader of letters.
 */
export async function listOpenLetterRequests(db: Database, studentIds: readonly string[] | null): Promise<OpenLetterRequest[]> {
  if (studentIds?.length === 0) return []
  const rows = await db
    .select({
      id: letterRequests.id,
      studentId: letterRequests.studentId,
      writerPersonId: letterRequests.writerPersonId,
      writerName: letterRequests.writerName,
      status: letterRequests.status,
      dueDate: letterRequests.dueDate,
      createdAt: letterRequests.createdAt,
    })
    .from(letterRequests)
    .where(and(inArray(letterRequests.status, OPEN), studentIds ? anyOf(letterRequests.studentId, studentIds) : undefined))
  const names = await mapPersonNamesByIds(
    db,
    rows.map((r) => r.writerPersonId),
  )
  return rows.map((r) => {
    const outside = (r.writerName ?? '').trim()
    return {
      id: r.id,
      studentId: r.studentId,
      writerKey: r.writerPersonId ?? `outside:${outside.toLowerCase()}`,
      writerName: r.writerPersonId ? (names.get(r.writerPersonId) ?? '') : outside,
      hasAccount: r.writerPersonId !== null,
      status: r.status,
      dueDate: r.dueDate,
      requestedAt: r.createdAt,
    }
  })
}
