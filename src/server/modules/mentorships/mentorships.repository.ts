import { and, asc, count, desc, eq, gte, inArray, isNull, lt, lte, max, ne, or, type SQL, sql } from 'drizzle-orm'
import { anyOf } from '#server/db/any-of.ts'
import type { Database, Tx } from '#server/db/client.ts'
import {
  availabilityExceptions,
  availabilitySlots,
  calendarFeeds,
  meetingFeedback,
  meetingFollowUps,
  meetings,
  mentorAvailability,
  mentorPauses,
  mentorshipActionItems,
  mentorshipGoals,
  mentorshipNotes,
  mentorshipNudges,
  mentorshipPrivateNotes,
  mentorshipRequestNotices,
  mentorshipRequests,
  mentorships,
  mentorshipSettings,
  privateNoteAccesses,
} from '#server/db/schema/index.ts'
import type { MentorshipRequestStatus } from '#shared/enums.ts'
import { findPersonWithRoles, listPeopleByIds, mapClockPreferencesByIds, mapPersonNamesByIds, type PeopleReader } from '../identity/people-reads.ts'
import { lockMentorCapacity, setMentorAccepting } from '../profiles/mentor-capacity.ts'
import { mentorCapacityFields } from '../profiles/profile-queries.ts'
import { listMentorFactsByIds } from '../profiles/profile-reads.ts'

export type Parties = { studentName: string; studentEmail: string; mentorName: string; mentorEmail: string }
export type RequestRow = typeof mentorshipRequests.$inferSelect & Parties & { mentorshipId: string | null }
export type MentorshipRow = typeof mentorships.$inferSelect & Parties
export type MeetingRow = typeof meetings.$inferSelect

/**
 * The student's and mentor's names and addresses added to each row: one read of identity's
 * people however many rows (identity owns the people table). A person who no longer exists
 * reads as empty strings, as the left joins this replaced did.
 */
async function withParties<T extends { studentId: string; mentorId: string }>(reader: PeopleReader, rows: readonly T[]): Promise<(T & Parties)[]> {
  if (rows.length === 0) return []
  const people = new Map(
    (
      await listPeopleByIds(
        reader,
        rows.flatMap((r) => [r.studentId, r.mentorId]),
      )
    ).map((p) => [p.id, p]),
  )
  return rows.map((row) => {
    const student = people.get(row.studentId)
    const mentor = people.get(row.mentorId)
    return { ...row, studentName: student?.name ?? '', studentEmail: student?.email ?? '', mentorName: mentor?.name ?? '', mentorEmail: mentor?.email ?? '' }
  })
}

/** Each row with its author's name (one read of identity): notes and feedback name who wrote them. */
async function withAuthorNames<T extends { authorId: string }>(reader: PeopleReader, rows: readonly T[]): Promise<(T & { authorName: string | null })[]> {
  const names = await mapPersonNamesByIds(
    reader,
    rows.map((r) => r.authorId),
  )
  return rows.map((row) => ({ ...row, authorName: names.get(row.authorId) ?? null }))
}

export function createMentorshipsRepository(db: Database) {
  const selectRequests = (tx: Tx = db) =>
    tx
      .select({ row: mentorshipRequests, mentorshipId: mentorships.id })
      .from(mentorshipRequests)
      .leftJoin(mentorships, eq(mentorships.requestId, mentorshipRequests.id))
  const toRequests = (rows: readonly { row: typeof mentorshipRequests.$inferSelect; mentorshipId: string | null }[], tx: Tx = db): Promise<RequestRow[]> =>
    withParties(
      tx,
      rows.map((r) => ({ ...r.row, mentorshipId: r.mentorshipId })),
    )

  const selectMentorships = (tx: Tx = db) => tx.select().from(mentorships)

  /** Private notes matching `where`, oldest first, with their authors' names. */
  const readPrivateNotes = async (where: SQL | undefined) =>
    withAuthorNames(
      db,
      await db
        .select({
          id: mentorshipPrivateNotes.id,
          authorId: mentorshipPrivateNotes.authorId,
          body: mentorshipPrivateNotes.body,
          createdAt: mentorshipPrivateNotes.createdAt,
        })
        .from(mentorshipPrivateNotes)
        .where(where)
        .orderBy(asc(mentorshipPrivateNotes.createdAt)),
    )

  return {
    /** How each person reads times (identity's), so e-mails show their zone and clock. */
    mapClockPreferences: (ids: readonly string[], tx: Tx = db) => mapClockPreferencesByIds(tx, ids),

    // ── settings ──
    listSettings: (tx: Tx = db) => tx.select({ key: mentorshipSettings.key, value: mentorshipSettings.value }).from(mentorshipSettings),

    async upsertSetting(key: string, value: number, by: string, now: Date, tx: Tx = db) {
      await tx
        .insert(mentorshipSettings)
        .values({ key, value, updatedAt: now, updatedBy: by })
        .onConflictDoUpdate({ target: mentorshipSettings.key, set: { value, updatedAt: now, updatedBy: by } })
    },

    // ── people ──
    /** A person with roles, directory hold and mentor profile: what listing and capacity rules need. */
    async findPersonIncludeMentorProfile(personId: string, tx: Tx = db) {
      const [person, [profile]] = await Promise.all([findPersonWithRoles(tx, personId), listMentorFactsByIds(tx, [personId])])
      if (!person) return null
      return {
        id: person.id,
        name: person.name,
        email: person.email,
        status: person.status,
        directoryHold: person.directoryHold,
        capacity: profile?.capacity ?? null,
        accepting: profile?.accepting ?? null,
        state: profile?.state ?? null,
        roles: person.roles,
        hasMentorProfile: profile !== undefined,
      }
    },

    /**
     * Locks the mentor's profile row until the transaction ends: concurrent accepts for one
     * mentor take turns here, so each counts the mentorships the one before it committed.
     */
    lockMentorProfile: (mentorId: string, tx: Tx) => lockMentorCapacity(tx, mentorId),

    setAccepting: (mentorId: string, accepting: boolean, now: Date, tx: Tx) => setMentorAccepting(tx, mentorId, accepting, now),

    /**
     * Active mentorships of these students, however they began (a request, a mentor program).
     * `mentorNames: false` leaves each `mentorName` empty and skips reading the names: a whole
     * school's boards counted for a report show no mentor by name.
     */
    async listActiveOfStudents(studentIds: readonly string[], options: { mentorNames?: boolean } = {}) {
      if (studentIds.length === 0) return []
      const rows = await db
        .select({
          id: mentorships.id,
          studentId: mentorships.studentId,
          mentorId: mentorships.mentorId,
          kind: mentorships.kind,
          startedAt: mentorships.startedAt,
        })
        .from(mentorships)
        .where(and(anyOf(mentorships.studentId, studentIds), eq(mentorships.status, 'active')))
        .orderBy(asc(mentorships.startedAt))
      if (options.mentorNames === false) return rows.map((r) => ({ ...r, mentorName: '' }))
      const names = await mapPersonNamesByIds(
        db,
        rows.map((r) => r.mentorId),
      )
      return rows.map((r) => ({ ...r, mentorName: names.get(r.mentorId) ?? '' }))
    },

    /** Requests between this student and any mentor still waiting for an answer. */
    async listOpenRequestsOfStudent(studentId: string) {
      return db
        .select({
          id: mentorshipRequests.id,
          mentorId: mentorshipRequests.mentorId,
          initiatedBy: mentorshipRequests.initiatedBy,
          createdAt: mentorshipRequests.createdAt,
        })
        .from(mentorshipRequests)
        .where(and(eq(mentorshipRequests.studentId, studentId), inArray(mentorshipRequests.status, ['requested', 'viewed'])))
    },

    async countActiveMentorships(mentorId: string, tx: Tx = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(mentorships)
        .where(and(eq(mentorships.mentorId, mentorId), eq(mentorships.status, 'active')))
      return row?.n ?? 0
    },

    /**
     * Capacity and active mentorships of many mentors at once (a directory page, a mentor
     * program): one query, profiles' capacity joined as its query piece.
     */
    async listCapacities(mentorIds: readonly string[]): Promise<{ mentorId: string; capacity: number; active: number }[]> {
      if (mentorIds.length === 0) return []
      const capacities = mentorCapacityFields(db)
      const active = db
        .select({ mentorId: mentorships.mentorId, n: count().as('n') })
        .from(mentorships)
        .where(and(eq(mentorships.status, 'active'), anyOf(mentorships.mentorId, mentorIds)))
        .groupBy(mentorships.mentorId)
        .as('active')
      const rows = await db
        .select({ mentorId: capacities.personId, capacity: capacities.capacity, active: active.n })
        .from(capacities)
        .leftJoin(active, eq(active.mentorId, capacities.personId))
        .where(inArray(capacities.personId, [...mentorIds]))
      return rows.map((r) => ({ mentorId: r.mentorId, capacity: r.capacity, active: Number(r.active ?? 0) }))
    },

    /**
     * Read-only figures for the directory and "Mentors for you": per mentor, the students' requests
     * created since `since` that the mentor answered (accepted or declined) or let expire, and the
     * median hours from request to answer. Open, withdrawn and invalidated requests do not count.
     * All mentors with any such request, or only `mentorIds`.
     */
    async listResponseStats(
      since: Date,
      mentorIds?: readonly string[],
    ): Promise<{ mentorId: string; requests: number; answered: number; medianHours: number | null }[]> {
      if (mentorIds !== undefined && mentorIds.length === 0) return []
      const answered = sql`${mentorshipRequests.status} in ('accepted', 'declined')`
      const rows = await db
        .select({
          mentorId: mentorshipRequests.mentorId,
          requests: sql<number>`count(*)::int`,
          answered: sql<number>`(count(*) filter (where ${answered}))::int`,
          medianHours: sql<
            number | null
          >`percentile_cont(0.5) within group (order by extract(epoch from ${mentorshipRequests.statusChangedAt} - ${mentorshipRequests.createdAt}) / 3600) filter (where ${answered})`,
        })
        .from(mentorshipRequests)
        .where(
          and(
            eq(mentorshipRequests.initiatedBy, 'student'),
            gte(mentorshipRequests.createdAt, since),
            inArray(mentorshipRequests.status, ['accepted', 'declined', 'expired']),
            mentorIds === undefined ? undefined : anyOf(mentorshipRequests.mentorId, mentorIds),
          ),
        )
        .groupBy(mentorshipRequests.mentorId)
      return rows.map((r) => ({
        mentorId: r.mentorId,
        requests: Number(r.requests),
        answered: Number(r.answered),
        medianHours: r.medianHours === null ? null : Number(r.medianHours),
      }))
    },

    /**
     * Read-only: active mentees and open requests per mentor, for every mentor who has any, or
     * only `mentorIds` (a page of the directory reads twenty rows, not the whole school's). The
     * rows come back as one JSON value: "Mentors for you" reads every mentor's load on each
     * request, and the embedded database decodes a value per field far slower than `JSON.parse`.
     */
    async listMentorLoad(mentorIds?: readonly string[]): Promise<{ mentorId: string; active: number; open: number }[]> {
      if (mentorIds !== undefined && mentorIds.length === 0) return []
      const only = mentorIds === undefined ? sql`true` : inArray(sql`mentor_id`, [...mentorIds])
      const result = await db.execute(sql`
        select coalesce(json_agg(json_build_array(mentor_id, active, open)), '[]')::text as load from (
          select mentor_id, sum(active)::int as active, sum(open)::int as open from (
            select mentor_id, count(*) as active, 0 as open from mentorships where status = 'active' and ${only} group by mentor_id
            union all
            select mentor_id, 0, count(*) from mentorship_requests where status in ('requested', 'viewed') and ${only} group by mentor_id
          ) load group by mentor_id
        ) per_mentor`)
      const [row] = (result as unknown as { rows: { load: string }[] }).rows
      const load = JSON.parse(row?.load ?? '[]') as [string, number, number][]
      return load.map(([mentorId, active, open]) => ({ mentorId, active, open }))
    },

    /** Read-only: the people a student declined, or was declined by (requests and offers alike). */
    async listDeclinedCounterparts(studentId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ mentorId: mentorshipRequests.mentorId })
        .from(mentorshipRequests)
        .where(and(eq(mentorshipRequests.studentId, studentId), eq(mentorshipRequests.status, 'declined')))
      return rows.map((r) => r.mentorId)
    },

    /** Serialises request creation per student, so the open-request limit holds under races. */
    async lockStudentRequests(studentId: string, tx: Tx) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`mentorship-requests:${studentId}`}, 0))`)
    },

    async countOpenRequestsSentBy(studentId: string, tx: Tx = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(mentorshipRequests)
        .where(
          and(
            eq(mentorshipRequests.studentId, studentId),
            eq(mentorshipRequests.initiatedBy, 'student'),
            inArray(mentorshipRequests.status, ['requested', 'viewed']),
          ),
        )
      return row?.n ?? 0
    },

    async hasActiveMentorshipBetween(studentId: string, mentorId: string, tx: Tx = db): Promise<boolean> {
      const [row] = await tx
        .select({ id: mentorships.id })
        .from(mentorships)
        .where(and(eq(mentorships.studentId, studentId), eq(mentorships.mentorId, mentorId), eq(mentorships.status, 'active')))
        .limit(1)
      return row !== undefined
    },

    // ── requests ──
    async insertRequest(values: typeof mentorshipRequests.$inferInsert, tx: Tx = db): Promise<string> {
      const [row] = await tx.insert(mentorshipRequests).values(values).returning({ id: mentorshipRequests.id })
      if (!row) throw new Error('Inserting the mentorship request returned no row.')
      return row.id
    },

    async findRequestById(id: string, tx: Tx = db): Promise<RequestRow | null> {
      const [row] = await toRequests(await selectRequests(tx).where(eq(mentorshipRequests.id, id)).limit(1), tx)
      return row ?? null
    },

    async listRequestsOf(personId: string): Promise<RequestRow[]> {
      const rows = await selectRequests()
        .where(or(eq(mentorshipRequests.studentId, personId), eq(mentorshipRequests.mentorId, personId)))
        .orderBy(desc(mentorshipRequests.createdAt))
      return toRequests(rows)
    },

    /** Moves a request in one UPDATE guarded by its status: of two racing callers, one wins. */
    async updateRequestIfStatus(
      id: string,
      from: readonly MentorshipRequestStatus[],
      values: Partial<typeof mentorshipRequests.$inferInsert>,
      tx: Tx = db,
    ): Promise<boolean> {
      const rows = await tx
        .update(mentorshipRequests)
        .set(values)
        .where(and(eq(mentorshipRequests.id, id), inArray(mentorshipRequests.status, [...from])))
        .returning({ id: mentorshipRequests.id })
      return rows.length > 0
    },

    async listOpenRequests(): Promise<(RequestRow & { reminded: boolean })[]> {
      const rows = await selectRequests()
        .where(inArray(mentorshipRequests.status, ['requested', 'viewed']))
        .orderBy(asc(mentorshipRequests.createdAt))
      const ids = rows.map((r) => r.row.id)
      const reminded = ids.length
        ? await db
            .select({ requestId: mentorshipRequestNotices.requestId })
            .from(mentorshipRequestNotices)
            .where(and(inArray(mentorshipRequestNotices.requestId, ids), eq(mentorshipRequestNotices.kind, 'reminder')))
        : []
      const remindedIds = new Set(reminded.map((r) => r.requestId))
      return (await toRequests(rows)).map((r) => ({ ...r, reminded: remindedIds.has(r.id) }))
    },

    /** Records a notice; false when it was already recorded (by this or another sweep). */
    async claimRequestNotice(requestId: string, kind: 'reminder' | 'expired', now: Date, tx: Tx): Promise<boolean> {
      const rows = await tx
        .insert(mentorshipRequestNotices)
        .values({ requestId, kind, sentAt: now })
        .onConflictDoNothing()
        .returning({ requestId: mentorshipRequestNotices.requestId })
      return rows.length > 0
    },

    async listExpiryTimesOfMentor(mentorId: string, since: Date, tx: Tx = db): Promise<Date[]> {
      const rows = await tx
        .select({ at: mentorshipRequests.statusChangedAt })
        .from(mentorshipRequests)
        .where(
          and(
            eq(mentorshipRequests.mentorId, mentorId),
            eq(mentorshipRequests.status, 'expired'),
            eq(mentorshipRequests.initiatedBy, 'student'),
            gte(mentorshipRequests.statusChangedAt, since),
          ),
        )
      return rows.map((r) => r.at)
    },

    async findLastPause(mentorId: string, tx: Tx = db): Promise<Date | null> {
      const [row] = await tx
        .select({ at: max(mentorPauses.pausedAt) })
        .from(mentorPauses)
        .where(eq(mentorPauses.mentorId, mentorId))
      return row?.at ?? null
    },

    async insertPause(mentorId: string, now: Date, expiredCount: number, tx: Tx) {
      await tx.insert(mentorPauses).values({ mentorId, pausedAt: now, expiredCount })
    },

    // ── mentorships ──
    async insertMentorship(values: typeof mentorships.$inferInsert, tx: Tx): Promise<string> {
      const [row] = await tx.insert(mentorships).values(values).returning({ id: mentorships.id })
      if (!row) throw new Error('Inserting the mentorship returned no row.')
      return row.id
    },

    async findMentorshipById(id: string, tx: Tx = db): Promise<MentorshipRow | null> {
      const [row] = await withParties(tx, await selectMentorships(tx).where(eq(mentorships.id, id)).limit(1))
      return row ?? null
    },

    async listMentorshipsOf(personId: string): Promise<MentorshipRow[]> {
      const rows = await selectMentorships()
        .where(or(eq(mentorships.studentId, personId), eq(mentorships.mentorId, personId)))
        .orderBy(desc(mentorships.startedAt))
      return withParties(db, rows)
    },

    async updateMentorshipIfActive(id: string, values: Partial<typeof mentorships.$inferInsert>, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .update(mentorships)
        .set(values)
        .where(and(eq(mentorships.id, id), eq(mentorships.status, 'active')))
        .returning({ id: mentorships.id })
      return rows.length > 0
    },

    /** Active mentorships with the start of their last meeting that has begun (for nudges). */
    async listActiveWithLastMeeting(now: Date): Promise<(MentorshipRow & { lastMeetingAt: Date | null })[]> {
      const last = db
        .select({ mentorshipId: meetings.mentorshipId, lastMeetingAt: max(meetings.startAt).as('last_meeting_at') })
        .from(meetings)
        .where(and(ne(meetings.status, 'cancelled'), lte(meetings.startAt, now)))
        .groupBy(meetings.mentorshipId)
        .as('last')
      const rows = await db
        .select({ row: mentorships, lastMeetingAt: last.lastMeetingAt })
        .from(mentorships)
        .leftJoin(last, eq(last.mentorshipId, mentorships.id))
        .where(eq(mentorships.status, 'active'))
        .orderBy(asc(mentorships.startedAt))
      return withParties(
        db,
        rows.map((r) => ({ ...r.row, lastMeetingAt: r.lastMeetingAt ? new Date(r.lastMeetingAt as unknown as string) : null })),
      )
    },

    async claimNudge(mentorshipId: string, quietSince: Date, now: Date, tx: Tx): Promise<boolean> {
      const rows = await tx
        .insert(mentorshipNudges)
        .values({ mentorshipId, quietSince, sentAt: now })
        .onConflictDoNothing()
        .returning({ id: mentorshipNudges.mentorshipId })
      return rows.length > 0
    },

    // ── goals, action items, notes ──
    listGoals: (mentorshipId: string) =>
      db.select().from(mentorshipGoals).where(eq(mentorshipGoals.mentorshipId, mentorshipId)).orderBy(asc(mentorshipGoals.createdAt)),
    async insertGoal(values: typeof mentorshipGoals.$inferInsert, tx: Tx = db) {
      await tx.insert(mentorshipGoals).values(values)
    },
    async updateGoal(mentorshipId: string, goalId: string, values: Partial<typeof mentorshipGoals.$inferInsert>, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .update(mentorshipGoals)
        .set(values)
        .where(and(eq(mentorshipGoals.id, goalId), eq(mentorshipGoals.mentorshipId, mentorshipId)))
        .returning({ id: mentorshipGoals.id })
      return rows.length > 0
    },

    listActionItems: (mentorshipId: string) =>
      db.select().from(mentorshipActionItems).where(eq(mentorshipActionItems.mentorshipId, mentorshipId)).orderBy(asc(mentorshipActionItems.createdAt)),
    async insertActionItem(values: typeof mentorshipActionItems.$inferInsert, tx: Tx = db) {
      await tx.insert(mentorshipActionItems).values(values)
    },
    async updateActionItem(mentorshipId: string, itemId: string, values: Partial<typeof mentorshipActionItems.$inferInsert>, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .update(mentorshipActionItems)
        .set(values)
        .where(and(eq(mentorshipActionItems.id, itemId), eq(mentorshipActionItems.mentorshipId, mentorshipId)))
        .returning({ id: mentorshipActionItems.id })
      return rows.length > 0
    },

    listSharedNotes: async (mentorshipId: string) =>
      withAuthorNames(
        db,
        await db
          .select({ id: mentorshipNotes.id, authorId: mentorshipNotes.authorId, body: mentorshipNotes.body, createdAt: mentorshipNotes.createdAt })
          .from(mentorshipNotes)
          .where(eq(mentorshipNotes.mentorshipId, mentorshipId))
          .orderBy(asc(mentorshipNotes.createdAt)),
      ),
    async insertSharedNote(values: typeof mentorshipNotes.$inferInsert, tx: Tx = db) {
      await tx.insert(mentorshipNotes).values(values)
    },
    async insertPrivateNote(values: typeof mentorshipPrivateNotes.$inferInsert, tx: Tx = db) {
      await tx.insert(mentorshipPrivateNotes).values(values)
    },
    /** One writer's own private notes: the only read of private notes besides the audited admin access. */
    findPrivateNotesByAuthor: (mentorshipId: string, authorId: string) =>
      readPrivateNotes(and(eq(mentorshipPrivateNotes.mentorshipId, mentorshipId), eq(mentorshipPrivateNotes.authorId, authorId))),
    findAllPrivateNotesForAuditedAccess: (mentorshipId: string) => readPrivateNotes(eq(mentorshipPrivateNotes.mentorshipId, mentorshipId)),

    async insertPrivateNoteAccess(values: typeof privateNoteAccesses.$inferInsert, tx: Tx): Promise<string> {
      const [row] = await tx.insert(privateNoteAccesses).values(values).returning({ id: privateNoteAccesses.id })
      if (!row) throw new Error('Recording the access returned no row.')
      return row.id
    },

    /** Mentorship ids with a meeting still to come (not cancelled): not quiet, whatever the past. */
    async listMentorshipsWithUpcomingMeeting(now: Date): Promise<Set<string>> {
      const rows = await db
        .selectDistinct({ id: meetings.mentorshipId })
        .from(meetings)
        .where(and(ne(meetings.status, 'cancelled'), gte(meetings.startAt, now)))
      return new Set(rows.map((r) => r.id))
    },

    // ── availability ──
    async findAvailability(mentorId: string, tx: Tx = db) {
      const [settings] = await tx.select().from(mentorAvailability).where(eq(mentorAvailability.mentorId, mentorId)).limit(1)
      const slots = await tx
        .select()
        .from(availabilitySlots)
        .where(eq(availabilitySlots.mentorId, mentorId))
        .orderBy(asc(availabilitySlots.weekday), asc(availabilitySlots.startTime))
      const exceptions = await tx
        .select({ date: availabilityExceptions.date })
        .from(availabilityExceptions)
        .where(eq(availabilityExceptions.mentorId, mentorId))
        .orderBy(asc(availabilityExceptions.date))
      return { timeZone: settings?.timeZone ?? null, slots, exceptions: exceptions.map((e) => e.date) }
    },

    async replaceAvailability(
      mentorId: string,
      timeZone: string,
      slots: Omit<typeof availabilitySlots.$inferInsert, 'mentorId'>[],
      exceptions: string[],
      now: Date,
      tx: Tx,
    ) {
      await tx
        .insert(mentorAvailability)
        .values({ mentorId, timeZone, updatedAt: now })
        .onConflictDoUpdate({ target: mentorAvailability.mentorId, set: { timeZone, updatedAt: now } })
      await tx.delete(availabilitySlots).where(eq(availabilitySlots.mentorId, mentorId))
      await tx.delete(availabilityExceptions).where(eq(availabilityExceptions.mentorId, mentorId))
      if (slots.length) await tx.insert(availabilitySlots).values(slots.map((s) => ({ ...s, mentorId })))
      const dates = [...new Set(exceptions)]
      if (dates.length) await tx.insert(availabilityExceptions).values(dates.map((date) => ({ mentorId, date })))
    },

    // ── meetings ──
    async insertMeeting(values: typeof meetings.$inferInsert, tx: Tx): Promise<string> {
      const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id })
      if (!row) throw new Error('Inserting the meeting returned no row.')
      return row.id
    },
    async findMeetingById(id: string, tx: Tx = db): Promise<MeetingRow | null> {
      const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).limit(1)
      return row ?? null
    },
    listMeetingsOfMentorship: (mentorshipId: string) =>
      db.select().from(meetings).where(eq(meetings.mentorshipId, mentorshipId)).orderBy(asc(meetings.startAt)),
    /** The mentor's meetings that are not cancelled, overlapping [from, to): busy time. */
    listBusyOfMentor: (mentorId: string, from: Date, to: Date) =>
      db
        .select({ startAt: meetings.startAt, endAt: meetings.endAt })
        .from(meetings)
        .where(and(eq(meetings.mentorId, mentorId), ne(meetings.status, 'cancelled'), lt(meetings.startAt, to), gte(meetings.endAt, from))),
    async updateMeeting(id: string, expectedSequence: number, values: Partial<typeof meetings.$inferInsert>, tx: Tx): Promise<boolean> {
      const rows = await tx
        .update(meetings)
        .set(values)
        .where(and(eq(meetings.id, id), eq(meetings.sequence, expectedSequence), ne(meetings.status, 'cancelled')))
        .returning({ id: meetings.id })
      return rows.length > 0
    },
    /** Every meeting of a person's mentorships, either side, with both parties: their calendar feed. */
    async listMeetingsOfPerson(personId: string) {
      const rows = await db
        .select({ meeting: meetings, studentId: mentorships.studentId })
        .from(meetings)
        .innerJoin(mentorships, eq(mentorships.id, meetings.mentorshipId))
        .where(or(eq(mentorships.studentId, personId), eq(mentorships.mentorId, personId)))
        .orderBy(asc(meetings.startAt))
      return withParties(
        db,
        rows.map((r) => ({ ...r.meeting, studentId: r.studentId })),
      )
    },
    /** A mentor's confirmed meetings that have ended: their mentoring hours. */
    listHeldMeetingsOfMentor: (mentorId: string, now: Date) =>
      db
        .select({
          mentorshipId: meetings.mentorshipId,
          startAt: meetings.startAt,
          endAt: meetings.endAt,
          locationKind: meetings.locationKind,
          kind: mentorships.kind,
        })
        .from(meetings)
        .innerJoin(mentorships, eq(mentorships.id, meetings.mentorshipId))
        .where(and(eq(meetings.mentorId, mentorId), eq(meetings.status, 'confirmed'), lte(meetings.endAt, now)))
        .orderBy(asc(meetings.startAt)),

    /** Confirmed meetings that ended in [since, now) with no follow-up prompt yet, with both parties. */
    async listMeetingsAwaitingFollowUp(since: Date, now: Date) {
      const rows = await db
        .select({ meeting: meetings, studentId: mentorships.studentId })
        .from(meetings)
        .innerJoin(mentorships, eq(mentorships.id, meetings.mentorshipId))
        .leftJoin(meetingFollowUps, eq(meetingFollowUps.meetingId, meetings.id))
        .where(and(eq(meetings.status, 'confirmed'), gte(meetings.endAt, since), lte(meetings.endAt, now), isNull(meetingFollowUps.meetingId)))
        .orderBy(asc(meetings.endAt))
      return withParties(
        db,
        rows.map((r) => ({ ...r.meeting, studentId: r.studentId })),
      )
    },
    async claimFollowUp(meetingId: string, now: Date, tx: Tx): Promise<boolean> {
      const rows = await tx.insert(meetingFollowUps).values({ meetingId, sentAt: now }).onConflictDoNothing().returning({ id: meetingFollowUps.meetingId })
      return rows.length > 0
    },

    async insertFeedback(values: typeof meetingFeedback.$inferInsert, tx: Tx = db): Promise<boolean> {
      const rows = await tx.insert(meetingFeedback).values(values).onConflictDoNothing().returning({ id: meetingFeedback.meetingId })
      return rows.length > 0
    },
    listFeedbackGivenBy: (personId: string, meetingIds: string[]) =>
      meetingIds.length
        ? db
            .select({ meetingId: meetingFeedback.meetingId })
            .from(meetingFeedback)
            .where(and(eq(meetingFeedback.personId, personId), inArray(meetingFeedback.meetingId, meetingIds)))
        : Promise.resolve([]),
    async listFeedback(limit: number) {
      const rows = await db
        .select({
          meetingId: meetingFeedback.meetingId,
          mentorshipId: meetings.mentorshipId,
          personId: meetingFeedback.personId,
          rating: meetingFeedback.rating,
          comment: meetingFeedback.comment,
          createdAt: meetingFeedback.createdAt,
          meetingStartAt: meetings.startAt,
        })
        .from(meetingFeedback)
        .innerJoin(meetings, eq(meetings.id, meetingFeedback.meetingId))
        .orderBy(desc(meetingFeedback.createdAt))
        .limit(limit)
      const names = await mapPersonNamesByIds(
        db,
        rows.map((r) => r.personId),
      )
      return rows.map((r) => ({ ...r, personName: names.get(r.personId) ?? null }))
    },

    // ── calendar feeds ──
    async replaceCalendarFeed(personId: string, tokenHash: string, now: Date, tx: Tx = db) {
      await tx
        .insert(calendarFeeds)
        .values({ personId, tokenHash, createdAt: now })
        .onConflictDoUpdate({ target: calendarFeeds.personId, set: { tokenHash, createdAt: now } })
    },
    async findCalendarFeedOwner(tokenHash: string) {
      const [feed] = await db.select({ personId: calendarFeeds.personId }).from(calendarFeeds).where(eq(calendarFeeds.tokenHash, tokenHash)).limit(1)
      const [person] = feed ? await listPeopleByIds(db, [feed.personId]) : []
      return feed && person ? { personId: feed.personId, name: person.name, email: person.email, status: person.status } : null
    },
  }
}

export type MentorshipsRepository = ReturnType<typeof createMentorshipsRepository>
