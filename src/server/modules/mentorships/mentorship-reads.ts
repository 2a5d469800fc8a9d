import { and, count, eq, gte, inArray, lte, max, min, or, sql } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database } from '#server/db/client.ts'
import { meetings, mentorshipRequests, mentorships } from '#server/db/schema/index.ts'
import type { MentorshipRequestStatus, MentorshipStatus } from '#shared/enums.ts'

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
    .where(
      and(
        eq(mentorships.status, 'active'),
        anyOf(
          mentorships.studentId,
          pairs.map((p) => p.studentId),
        ),
      ),
    )
  const found = new Map<string, string>()
  for (const r of rows) if (wanted.has(pairKey(r.studentId, r.mentorId))) found.set(pairKey(r.studentId, r.mentorId), r.id)
  return found
}

/**
 * When each of these students — or `'every-student'`, for a caller that does not know the ids yet
 * and looks up its own — last met a mentor: the start of their latest confirmed meeting before
 * `now`, in any of their mentorships (closed ones too). Students who never met are absent.
 */
export async function mapLastMeetingOfStudents(
  reader: MentorshipsReader,
  studentIds: readonly string[] | 'every-student',
  now: Date,
): Promise<Map<string, Date>> {
  if (studentIds.length === 0) return new Map()
  const rows = await reader
    .select({ studentId: mentorships.studentId, lastAt: max(meetings.startAt) })
    .from(meetings)
    .innerJoin(mentorships, eq(mentorships.id, meetings.mentorshipId))
    .where(
      and(studentIds === 'every-student' ? undefined : anyOf(mentorships.studentId, studentIds), eq(meetings.status, 'confirmed'), lte(meetings.startAt, now)),
    )
    .groupBy(mentorships.studentId)
  return new Map(rows.flatMap((r) => (r.lastAt ? [[r.studentId, r.lastAt] as const] : [])))
}

/** Active mentorships (both kinds: each takes a place) per mentor, for every mentor who has one. */
export async function countActiveMentorshipsByMentor(reader: MentorshipsReader): Promise<Map<string, number>> {
  const rows = await reader
    .select({ mentorId: mentorships.mentorId, active: count() })
    .from(mentorships)
    .where(eq(mentorships.status, 'active'))
    .groupBy(mentorships.mentorId)
  return new Map(rows.map((r) => [r.mentorId, r.active]))
}

/**
 * Students' requests each mentor left unanswered: still open and asked before `waitingSince`, or
 * expired (never answered) since `expiredSince`. Per mentor who has any: how many, and since when
 * the oldest has waited.
 */
export async function countUnansweredRequestsByMentor(
  reader: MentorshipsReader,
  window: { waitingSince: Date; expiredSince: Date },
): Promise<Map<string, { unanswered: number; oldestAskedAt: Date }>> {
  const rows = await reader
    .select({ mentorId: mentorshipRequests.mentorId, unanswered: count(), oldestAskedAt: min(mentorshipRequests.createdAt) })
    .from(mentorshipRequests)
    .where(
      and(
        eq(mentorshipRequests.initiatedBy, 'student'),
        or(
          and(inArray(mentorshipRequests.status, ['requested', 'viewed']), lte(mentorshipRequests.createdAt, window.waitingSince)),
          and(eq(mentorshipRequests.status, 'expired'), gte(mentorshipRequests.statusChangedAt, window.expiredSince)),
        ),
      ),
    )
    .groupBy(mentorshipRequests.mentorId)
  return new Map(rows.flatMap((r) => (r.oldestAskedAt ? [[r.mentorId, { unanswered: r.unanswered, oldestAskedAt: r.oldestAskedAt }] as const] : [])))
}

/**
 * The two people of a conversation (messages, decision 021) and whether it is still open: a
 * conversation is keyed by its mentorship request, which an accepted mentorship keeps.
 */
export type ConversationParties = {
  requestId: string
  studentId: string
  mentorId: string
  requestStatus: MentorshipRequestStatus
  mentorshipId: string | null
  mentorshipStatus: MentorshipStatus | null
}

function conversationQuery(reader: MentorshipsReader) {
  return reader
    .select({
      requestId: mentorshipRequests.id,
      studentId: mentorshipRequests.studentId,
      mentorId: mentorshipRequests.mentorId,
      requestStatus: mentorshipRequests.status,
      mentorshipId: mentorships.id,
      mentorshipStatus: mentorships.status,
    })
    .from(mentorshipRequests)
    .leftJoin(mentorships, eq(mentorships.requestId, mentorshipRequests.id))
}

/** The conversation of a request, or of the mentorship it became; null when neither exists. */
export async function findConversationParties(
  reader: MentorshipsReader,
  key: { requestId: string } | { mentorshipId: string },
): Promise<ConversationParties | null> {
  const where = 'requestId' in key ? eq(mentorshipRequests.id, key.requestId) : eq(mentorships.id, key.mentorshipId)
  const [row] = await conversationQuery(reader).where(where)
  return row ?? null
}

/** Every conversation a person is one of the two people of (as student or as mentor). */
export async function listConversationPartiesOf(reader: MentorshipsReader, personId: string): Promise<ConversationParties[]> {
  return conversationQuery(reader).where(or(eq(mentorshipRequests.studentId, personId), eq(mentorshipRequests.mentorId, personId)))
}

/** The conversations of these requests (the digest names each), batched. */
export async function listConversationPartiesByRequestIds(reader: MentorshipsReader, requestIds: readonly string[]): Promise<ConversationParties[]> {
  if (requestIds.length === 0) return []
  return conversationQuery(reader).where(anyOf(mentorshipRequests.id, requestIds))
}

/** The active mentorships (both kinds) of these mentors, for the roster's note to their students when a near-peer mentor graduates. */
export async function listActiveMentorshipsOfMentors(reader: MentorshipsReader, mentorIds: readonly string[]) {
  if (mentorIds.length === 0) return []
  return reader
    .select({ id: mentorships.id, studentId: mentorships.studentId, mentorId: mentorships.mentorId })
    .from(mentorships)
    .where(and(eq(mentorships.status, 'active'), anyOf(mentorships.mentorId, mentorIds)))
}

/**
 * Mentorships started per calendar month (UTC) since `since`, by kind — of `studentIds`, or of
 * every student — in one grouped query: the engagement dashboard's "started per month". Every
 * mentorship counts in the month it started, whatever its status now.
 */
export async function countMentorshipsStartedByMonth(
  reader: MentorshipsReader,
  studentIds: readonly string[] | null,
  since: Date,
): Promise<{ month: string; kind: 'ongoing' | 'coffee-chat'; started: number }[]> {
  if (studentIds?.length === 0) return []
  const month = sql<string>`to_char(${mentorships.startedAt} at time zone 'UTC', 'YYYY-MM')`
  const rows = await reader
    .select({ month, kind: mentorships.kind, started: count() })
    .from(mentorships)
    .where(and(gte(mentorships.startedAt, since), studentIds ? anyOf(mentorships.studentId, studentIds) : undefined))
    .groupBy(month, mentorships.kind)
  return rows.map((r) => ({ month: r.month, kind: r.kind, started: Number(r.started) }))
}
