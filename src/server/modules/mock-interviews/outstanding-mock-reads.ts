import { and, eq, isNull } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { mockInterviewBookings, mockInterviewSlots } from '#server/db/schema/index.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'

/** A booked mock interview not yet scored: who, with whom, when — never a score or feedback. */
export type OutstandingMock = {
  id: string
  studentId: string
  interviewerName: string
  startAt: Date
  endAt: Date
  bookedAt: Date
}

/**
 * Every booked, unscored mock — of `studentIds`, or of every student — in one query plus one read
 * of interviewers' names. Upcoming ones and those held but awaiting feedback both count.
 */
export async function listOutstandingMocks(db: Database, studentIds: readonly string[] | null): Promise<OutstandingMock[]> {
  if (studentIds?.length === 0) return []
  const rows = await db
    .select({
      id: mockInterviewBookings.id,
      studentId: mockInterviewBookings.studentId,
      interviewerId: mockInterviewSlots.interviewerId,
      startAt: mockInterviewSlots.startAt,
      endAt: mockInterviewSlots.endAt,
      bookedAt: mockInterviewBookings.bookedAt,
    })
    .from(mockInterviewBookings)
    .innerJoin(mockInterviewSlots, eq(mockInterviewSlots.id, mockInterviewBookings.slotId))
    .where(
      and(
        eq(mockInterviewBookings.status, 'booked'),
        isNull(mockInterviewBookings.scoredAt),
        studentIds ? anyOf(mockInterviewBookings.studentId, studentIds) : undefined,
      ),
    )
  const names = await mapPersonNamesByIds(
    db,
    rows.map((r) => r.interviewerId),
  )
  return rows.map(({ interviewerId, ...r }) => ({ ...r, interviewerName: names.get(interviewerId) ?? '' }))
}
