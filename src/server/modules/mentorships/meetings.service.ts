import { randomUUID } from 'node:crypto'
import type { Database, Tx } from '#server/db/client.ts'
import type { AvailabilityView, CreateMeeting, MeetingFeedback, MeetingView, RescheduleMeeting, UpdateAvailability } from '#shared/contracts/mentorships.ts'
import type { MeetingLocationKind } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { hashSecret, newSecret } from '../identity/tokens.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { expandAvailability } from './domain/availability.ts'
import { calendarFeed, locationText, meetingFile, meetingInvite, type CalendarMeeting } from './domain/ics.ts'
import { timeZoneOfState } from '#shared/reference/time-zones.ts'
import { formatForReader, isValidTimeZone } from './domain/time-zones.ts'
import { meetingFollowUpEmail, meetingInviteEmail, meetingProposedEmail } from './mentorships-emails.ts'
import { sideOf } from './mentorships.policy.ts'
import type { MeetingRow, MentorshipRow, MentorshipsRepository } from './mentorships.repository.ts'
import { isUniqueViolation, type MentorshipsService } from './mentorships.service.ts'
import { MS_PER_MINUTE, MS_PER_DAY, MS_PER_WEEK } from '#shared/time.ts'

export type MeetingsDeps = {
  db: Database
  repo: MentorshipsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  mentorships: MentorshipsService
  appOrigin: string
  /** Other entries of a person's calendar feed (the events they have a place at). */
  otherCalendarEntries?: (person: { id: string; name: string; email: string }) => Promise<CalendarMeeting[]>
}

const DEFAULT_MINUTES = 30
const MEETING_NOT_VISIBLE = 'No such meeting, or it is not visible to you.'

/**
 * Meetings of a mentorship: the mentor's weekly availability (in their time zone), booking a
 * free slot, proposing a time, confirming, rescheduling and cancelling — each change e-mailed
 * to both sides with an iCalendar invite (same UID, growing SEQUENCE) — feedback after a
 * meeting, and each person's calendar feed at a secret URL.
 */
export function createMeetingsService(deps: MeetingsDeps) {
  const { db, repo, clock, audit, notifications, mentorships, appOrigin } = deps
  const uidHost = new URL(appOrigin).hostname || 'preceptor'
  const mentorshipLink = (id: string) => `${appOrigin}/mentorships/${id}`

  async function mentorZone(mentorId: string): Promise<string> {
    return (await repo.findAvailability(mentorId)).timeZone ?? 'UTC'
  }

  /**
   * "Tuesday, July 7, 2026 at 9:00 AM Eastern Time (New York, UTC−4)": in the reader's own zone
   * and clock when they saved them, otherwise in the mentor's zone, which the words name.
   */
  async function whenFor(personIds: readonly string[], instant: Date, mentorZone: string, tx: Tx): Promise<(personId: string) => string> {
    const clocks = await repo.mapClockPreferences(personIds, tx)
    return (personId) => formatForReader(instant, mentorZone, clocks.get(personId))
  }

  function calendarMeeting(
    meeting: MeetingRow,
    mentorship: Pick<MentorshipRow, 'studentName' | 'studentEmail' | 'mentorName' | 'mentorEmail'>,
  ): CalendarMeeting {
    return {
      uid: meeting.uid,
      sequence: meeting.sequence,
      startAt: meeting.startAt,
      endAt: meeting.endAt,
      title: `Mentoring: ${mentorship.mentorName} and ${mentorship.studentName}`,
      description: `A mentoring conversation in Preceptor.\n${mentorshipLink(meeting.mentorshipId)}`,
      locationKind: meeting.locationKind,
      locationDetail: meeting.locationDetail,
      organizer: { name: mentorship.mentorName, email: mentorship.mentorEmail },
      attendee: { name: mentorship.studentName, email: mentorship.studentEmail },
      stampedAt: meeting.updatedAt,
      cancelled: meeting.status === 'cancelled',
      tentative: meeting.status === 'proposed',
    }
  }

  /** The invite to both sides, in the transaction of the change (`zone`: read before it began). */
  async function sendInvites(meeting: MeetingRow, mentorship: MentorshipRow, change: 'new' | 'updated' | 'cancelled', zone: string, tx: Tx) {
    const ics = meetingInvite(calendarMeeting(meeting, mentorship))
    const at = await whenFor([mentorship.mentorId, mentorship.studentId], meeting.startAt, zone, tx)
    const where = locationText(meeting.locationKind, meeting.locationDetail)
    const link = mentorshipLink(mentorship.id)
    await notifications.enqueue(
      meetingInviteEmail(mentorship.mentorEmail, mentorship.mentorName, mentorship.studentName, change, at(mentorship.mentorId), where, ics, link),
      tx,
    )
    await notifications.enqueue(
      meetingInviteEmail(mentorship.studentEmail, mentorship.studentName, mentorship.mentorName, change, at(mentorship.studentId), where, ics, link),
      tx,
    )
  }

  function meetingView(m: MeetingRow, feedbackGiven = false): MeetingView {
    return {
      id: m.id,
      mentorshipId: m.mentorshipId,
      status: m.status,
      startAt: m.startAt.toISOString(),
      endAt: m.endAt.toISOString(),
      locationKind: m.locationKind,
      locationDetail: m.locationDetail,
      proposedBy: m.proposedBy,
      sequence: m.sequence,
      feedbackGiven,
    }
  }

  async function freeSlots(mentorId: string, from: Date, to: Date) {
    const availability = await repo.findAvailability(mentorId)
    const timeZone = availability.timeZone ?? 'UTC'
    const busy = await repo.listBusyOfMentor(mentorId, from, to)
    const slots = expandAvailability(
      availability.slots.map((s) => ({
        weekday: s.weekday,
        startTime: s.startTime,
        durationMinutes: s.durationMinutes,
        locationKind: s.locationKind,
        locationDetail: s.locationDetail,
      })),
      timeZone,
      new Set(availability.exceptions),
      from,
      to,
      busy,
    )
    return { timeZone, slots }
  }

  async function loadMeeting(actor: Actor, meetingId: string) {
    const meeting = await repo.findMeetingById(meetingId)
    if (!meeting) throw new AppError('NOT_FOUND', MEETING_NOT_VISIBLE)
    const mentorship = await repo.findMentorshipById(meeting.mentorshipId)
    const side = mentorship ? sideOf(actor, mentorship) : null
    if (!mentorship || !side) throw new AppError('NOT_FOUND', MEETING_NOT_VISIBLE)
    return { meeting, mentorship, side }
  }

  /** Writes a change guarded by the sequence the caller read: two racing edits cannot both win. */
  async function change(meeting: MeetingRow, values: Partial<MeetingRow>, tx: Tx) {
    try {
      const ok = await repo.updateMeeting(meeting.id, meeting.sequence, { ...values, sequence: meeting.sequence + 1, updatedAt: clock.now() }, tx)
      if (!ok) throw new AppError('CONFLICT', 'This meeting changed in the meantime, or is cancelled. Reload it and try again.')
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'The mentor already has a meeting at that time.')
      throw error
    }
    const updated = await repo.findMeetingById(meeting.id, tx)
    if (!updated) throw new Error('The meeting vanished.')
    return updated
  }

  return {
    async getMyAvailability(actor: Actor): Promise<AvailabilityView> {
      const a = await repo.findAvailability(actor.personId)
      const person = await repo.findPersonIncludeMentorProfile(actor.personId)
      return {
        timeZone: a.timeZone ?? 'UTC',
        defaultTimeZone: timeZoneOfState(person?.state ?? ''),
        slots: a.slots.map((s) => ({
          weekday: s.weekday,
          startTime: s.startTime,
          durationMinutes: s.durationMinutes,
          locationKind: s.locationKind,
          locationDetail: s.locationDetail,
        })),
        exceptions: a.exceptions,
      }
    },

    async setMyAvailability(actor: Actor, input: UpdateAvailability, meta: RequestMeta): Promise<AvailabilityView> {
      if (!isValidTimeZone(input.timeZone))
        throw new AppError('VALIDATION_FAILED', 'Choose a time zone such as America/New_York.', { timeZone: 'Not a known time zone.' })
      await db.transaction(async (tx) => {
        await repo.replaceAvailability(actor.personId, input.timeZone, input.slots, input.exceptions, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.availability-changed', objectType: 'person', objectId: actor.personId }, meta, tx)
      })
      return this.getMyAvailability(actor)
    },

    /** The mentor's free slots for a mentorship's student to book. */
    async listFreeSlots(actor: Actor, mentorshipId: string, query: { from?: string | undefined; days: number }) {
      const { row } = await mentorships.loadOwnActiveMentorship(actor, mentorshipId)
      const now = clock.now()
      const from = query.from ? new Date(Math.max(new Date(query.from).getTime(), now.getTime())) : now
      const { timeZone, slots } = await freeSlots(row.mentorId, from, new Date(from.getTime() + query.days * MS_PER_DAY))
      return {
        timeZone,
        slots: slots.map((s) => ({
          startAt: s.startAt.toISOString(),
          endAt: s.endAt.toISOString(),
          locationKind: s.locationKind,
          locationDetail: s.locationDetail,
        })),
      }
    },

    /**
     * `book`: the student takes a free slot of the mentor's availability; confirmed at once, and
     * the invite goes out. `propose`: either side suggests any future time; the other confirms.
     * A partial unique index refuses two live meetings of one mentor at the same start.
     */
    async createMeeting(actor: Actor, mentorshipId: string, input: CreateMeeting, meta: RequestMeta): Promise<MeetingView> {
      const { row, side } = await mentorships.loadOwnActiveMentorship(actor, mentorshipId)
      const now = clock.now()
      const startAt = new Date(input.startAt)
      if (startAt <= now) throw new AppError('VALIDATION_FAILED', 'Choose a time in the future.', { startAt: 'This time has passed.' })
      let endAt: Date
      let locationKind: MeetingLocationKind
      let locationDetail: string
      if (input.mode === 'book') {
        if (side !== 'student') throw new AppError('FORBIDDEN', 'The student books a slot; a mentor proposes a time instead.')
        const { slots } = await freeSlots(row.mentorId, new Date(startAt.getTime() - MS_PER_MINUTE), new Date(startAt.getTime() + MS_PER_MINUTE))
        const slot = slots.find((s) => s.startAt.getTime() === startAt.getTime())
        if (!slot) throw new AppError('CONFLICT', 'That slot is not free any more. Choose another.', { startAt: 'Not a free slot.' })
        endAt = slot.endAt
        locationKind = input.locationKind ?? slot.locationKind
        locationDetail = input.locationDetail ?? slot.locationDetail
      } else {
        endAt = new Date(startAt.getTime() + (input.durationMinutes ?? DEFAULT_MINUTES) * MS_PER_MINUTE)
        locationKind = input.locationKind ?? 'video'
        locationDetail = input.locationDetail ?? ''
      }
      const status = input.mode === 'book' ? 'confirmed' : 'proposed'
      const zone = await mentorZone(row.mentorId)
      const id = await db
        .transaction(async (tx) => {
          const id = await repo.insertMeeting(
            {
              mentorshipId: row.id,
              mentorId: row.mentorId,
              uid: `${randomUUID()}@${uidHost}`,
              sequence: 0,
              status,
              proposedBy: actor.personId,
              startAt,
              endAt,
              locationKind,
              locationDetail,
              createdAt: now,
              updatedAt: now,
            },
            tx,
          )
          const meeting = await repo.findMeetingById(id, tx)
          if (!meeting) throw new Error('The new meeting vanished.')
          if (status === 'confirmed') await sendInvites(meeting, row, 'new', zone, tx)
          else {
            const other =
              side === 'student'
                ? { id: row.mentorId, name: row.mentorName, email: row.mentorEmail }
                : { id: row.studentId, name: row.studentName, email: row.studentEmail }
            const at = await whenFor([other.id], startAt, zone, tx)
            await notifications.enqueue(meetingProposedEmail(other.email, other.name, actor.name, at(other.id), mentorshipLink(row.id)), tx)
          }
          await audit.record(
            { actorId: actor.personId, action: `meeting.${status === 'confirmed' ? 'booked' : 'proposed'}`, objectType: 'meeting', objectId: id },
            meta,
            tx,
          )
          return id
        })
        .catch((error: unknown) => {
          if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'The mentor already has a meeting at that time.', { startAt: 'Taken.' })
          throw error
        })
      const meeting = await repo.findMeetingById(id)
      if (!meeting) throw new Error('The new meeting vanished.')
      return meetingView(meeting)
    },

    /** The other side confirms a proposed time; the invite goes out. */
    async confirmMeeting(actor: Actor, meetingId: string, meta: RequestMeta): Promise<MeetingView> {
      const { meeting, mentorship } = await loadMeeting(actor, meetingId)
      if (meeting.status !== 'proposed') throw new AppError('CONFLICT', 'Only a proposed meeting can be confirmed.')
      if (meeting.proposedBy === actor.personId) throw new AppError('FORBIDDEN', 'The other side confirms a time you proposed.')
      if (mentorship.status !== 'active') throw new AppError('CONFLICT', 'This mentorship is closed.')
      const zone = await mentorZone(mentorship.mentorId)
      const updated = await db.transaction(async (tx) => {
        const updated = await change(meeting, { status: 'confirmed' }, tx)
        await sendInvites(updated, mentorship, 'new', zone, tx)
        await audit.record({ actorId: actor.personId, action: 'meeting.confirmed', objectType: 'meeting', objectId: meeting.id }, meta, tx)
        return updated
      })
      return meetingView(updated)
    },

    /** Moves a meeting: same UID, SEQUENCE + 1, an updated invite to both. */
    async rescheduleMeeting(actor: Actor, meetingId: string, input: RescheduleMeeting, meta: RequestMeta): Promise<MeetingView> {
      const { meeting, mentorship } = await loadMeeting(actor, meetingId)
      if (meeting.status === 'cancelled') throw new AppError('CONFLICT', 'This meeting is cancelled.')
      if (mentorship.status !== 'active') throw new AppError('CONFLICT', 'This mentorship is closed.')
      const startAt = new Date(input.startAt)
      if (startAt <= clock.now()) throw new AppError('VALIDATION_FAILED', 'Choose a time in the future.', { startAt: 'This time has passed.' })
      const minutes = input.durationMinutes ?? Math.round((meeting.endAt.getTime() - meeting.startAt.getTime()) / MS_PER_MINUTE)
      const zone = await mentorZone(mentorship.mentorId)
      const updated = await db.transaction(async (tx) => {
        const updated = await change(
          meeting,
          {
            startAt,
            endAt: new Date(startAt.getTime() + minutes * MS_PER_MINUTE),
            ...(input.locationKind !== undefined ? { locationKind: input.locationKind } : {}),
            ...(input.locationDetail !== undefined ? { locationDetail: input.locationDetail } : {}),
          },
          tx,
        )
        if (updated.status === 'confirmed') await sendInvites(updated, mentorship, 'updated', zone, tx)
        await audit.record({ actorId: actor.personId, action: 'meeting.rescheduled', objectType: 'meeting', objectId: meeting.id }, meta, tx)
        return updated
      })
      return meetingView(updated)
    },

    /** Cancels: METHOD:CANCEL with the same UID and SEQUENCE + 1, to both. */
    async cancelMeeting(actor: Actor, meetingId: string, meta: RequestMeta): Promise<MeetingView> {
      const { meeting, mentorship } = await loadMeeting(actor, meetingId)
      if (meeting.status === 'cancelled') throw new AppError('CONFLICT', 'This meeting is already cancelled.')
      const wasConfirmed = meeting.status === 'confirmed'
      const zone = await mentorZone(mentorship.mentorId)
      const updated = await db.transaction(async (tx) => {
        const updated = await change(meeting, { status: 'cancelled' }, tx)
        if (wasConfirmed) await sendInvites(updated, mentorship, 'cancelled', zone, tx)
        await audit.record({ actorId: actor.personId, action: 'meeting.cancelled', objectType: 'meeting', objectId: meeting.id }, meta, tx)
        return updated
      })
      return meetingView(updated)
    },

    /** Private feedback to the program after a confirmed meeting has begun; once per person. */
    async giveFeedback(actor: Actor, meetingId: string, input: MeetingFeedback, meta: RequestMeta): Promise<{ ok: true }> {
      const { meeting } = await loadMeeting(actor, meetingId)
      if (meeting.status !== 'confirmed' || meeting.startAt > clock.now())
        throw new AppError('CONFLICT', 'Feedback opens once a confirmed meeting has taken place.')
      await db.transaction(async (tx) => {
        const saved = await repo.insertFeedback(
          { meetingId: meeting.id, personId: actor.personId, rating: input.rating, comment: input.comment, createdAt: clock.now() },
          tx,
        )
        if (!saved) throw new AppError('CONFLICT', 'You already sent feedback on this meeting.')
        await audit.record({ actorId: actor.personId, action: 'meeting.feedback-given', objectType: 'meeting', objectId: meeting.id }, meta, tx)
      })
      return { ok: true }
    },

    /**
     * After a confirmed meeting ends, both sides get one prompt to log what was discussed and to
     * give the program feedback. Claimed per meeting (`meeting_follow_ups`), so never sent twice;
     * meetings that ended more than a week before the sweep are left alone.
     */
    async sendMeetingFollowUps(now: Date = clock.now()): Promise<number> {
      let sent = 0
      for (const m of await repo.listMeetingsAwaitingFollowUp(new Date(now.getTime() - MS_PER_WEEK), now)) {
        const claimed = await db.transaction(async (tx) => {
          if (!(await repo.claimFollowUp(m.id, now, tx))) return false
          const link = mentorshipLink(m.mentorshipId)
          await notifications.enqueue(meetingFollowUpEmail(m.studentEmail, m.studentName, m.mentorName, link), tx)
          await notifications.enqueue(meetingFollowUpEmail(m.mentorEmail, m.mentorName, m.studentName, link), tx)
          return true
        })
        if (claimed) sent++
      }
      return sent
    },

    /** One meeting as a file for "Add to calendar": the same UID as its invites, so a calendar keeps one event. */
    async meetingCalendarFile(actor: Actor, meetingId: string): Promise<string> {
      const { meeting, mentorship } = await loadMeeting(actor, meetingId)
      return meetingFile(calendarMeeting(meeting, mentorship))
    },

    /** A new secret feed URL; any earlier one stops working. Only the hash is stored. */
    async regenerateCalendarFeed(actor: Actor, meta: RequestMeta): Promise<{ url: string }> {
      const token = newSecret()
      await db.transaction(async (tx) => {
        await repo.replaceCalendarFeed(actor.personId, hashSecret(token), clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'calendar.feed-regenerated', objectType: 'person', objectId: actor.personId }, meta, tx)
      })
      return { url: `${appOrigin}/api/calendar/${token}.ics` }
    },

    /** The feed behind a secret URL, or null for an unknown token or an inactive person. */
    async calendarFeedFor(token: string): Promise<string | null> {
      const owner = token.length <= 100 ? await repo.findCalendarFeedOwner(hashSecret(token)) : null
      if (owner?.status !== 'active') return null
      const [rows, others] = await Promise.all([
        repo.listMeetingsOfPerson(owner.personId),
        deps.otherCalendarEntries?.({ id: owner.personId, name: owner.name, email: owner.email }) ?? [],
      ])
      return calendarFeed(`Preceptor — ${owner.name}`, [...rows.filter((m) => m.status !== 'proposed').map((m) => calendarMeeting(m, m)), ...others])
    },
  }
}

export type MeetingsService = ReturnType<typeof createMeetingsService>
