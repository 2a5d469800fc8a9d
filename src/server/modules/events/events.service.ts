import type { Database, Tx } from '#server/db/client.ts'
import type { EventAttendee, EventInput, EventList, EventSummary, EventView } from '#shared/contracts/events.ts'
import { AppError } from '#shared/errors.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleByIds, mapClockPreferencesByIds } from '../identity/people-reads.ts'
import { formatForEmail, meetingFile, meetingInvite, type CalendarMeeting } from '../mentorships/calendar-invites.ts'
import { listInterestGroupIdsOfPerson, listMissingInterestGroupIds } from '../interest-groups/membership-reads.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { createAttendanceRepository } from './attendance.repository.ts'
import { createPlaceHolders } from './place-holders.ts'
import { createSlotsRepository } from './slots.repository.ts'
import { attendeesOf } from './domain/attendance.ts'
import { isRsvpOpen, seatsToFill, statusForNewRsvp, type StudentAudienceFacts } from './domain/seats.ts'
import { organizerOf, whereText } from './event-place.ts'
import { eventInviteEmail, eventReminderEmail, type EventInviteChange } from './events-emails.ts'
import { canManageEvents, canSeeEvent } from './events.policy.ts'
import type { EventRow, EventsRepository, RsvpRow, SeatCounts } from './events.repository.ts'

/** Whether an edit changes what an attendee's calendar holds: the title, the description, the times or the place. */
function isChangeForAttendees(
  before: EventRow,
  after: Pick<EventRow, 'title' | 'description' | 'startAt' | 'endAt' | 'room' | 'site' | 'onlineLink'>,
): boolean {
  return (
    before.title !== after.title ||
    before.description !== after.description ||
    before.startAt.getTime() !== after.startAt.getTime() ||
    before.endAt.getTime() !== after.endAt.getTime() ||
    before.room !== after.room ||
    before.site !== after.site ||
    before.onlineLink !== after.onlineLink
  )
}

export type EventsDeps = {
  db: Database
  repo: EventsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
  /** The events an interest group's student leader runs (the interest-groups module): they see them and their attendees as staff do. */
  managedEventIdsOf?: (actor: Actor) => Promise<Set<string>>
  /** Called in the transaction that cancels an event, after its attendees' CANCELs (the slots service sends the slots'). */
  onEventCancelled?: (event: EventRow, tx: Tx) => Promise<void>
}

const NOT_VISIBLE = 'No such event, or it is not open to you.'
const NO_SEATS: SeatCounts = { confirmed: 0, waitlisted: 0 }

/**
 * Events: staff create, edit and cancel them; students of the audience RSVP and cancel until
 * the cut-off. A full event puts RSVPs on a waitlist in order of asking; a freed seat goes to
 * the first in line, who is e-mailed. Every seat change runs under a row lock on the event, so
 * concurrent RSVPs never confirm more students than its capacity (`[rsvp-race]`). A confirmed
 * attendee gets an iCalendar invite (REQUEST), and a CANCEL with a higher SEQUENCE when they or
 * the office cancel.
 */
export function createEventsService(deps: EventsDeps) {
  const { db, repo, clock, audit, notifications, appOrigin } = deps
  const managedEventIdsOf = async (actor: Actor) => (deps.managedEventIdsOf && !canManageEvents(actor) ? deps.managedEventIdsOf(actor) : new Set<string>())
  const uidHost = new URL(appOrigin).hostname || 'preceptor'
  const eventLink = (id: string) => `${appOrigin}/events/${id}`
  const attendanceRepo = createAttendanceRepository(db)
  const slotsRepo = createSlotsRepository(db)
  const places = createPlaceHolders(db, repo)

  /** What decides which events a student is invited to (null for one who is not a student). */
  async function audienceFactsOf(actor: Actor): Promise<StudentAudienceFacts | null> {
    if (!actor.roles.includes('student')) return null
    const [[facts], interestGroupIds] = await Promise.all([listStudentFactsByIds(db, [actor.personId]), listInterestGroupIdsOfPerson(db, actor.personId)])
    return { classYear: facts?.classYear ?? null, specialtyInterests: facts?.specialtyInterests ?? [], interestGroupIds }
  }

  /** The event as calendars read it; one UID per event, so an invite and a download stay one entry. */
  async function calendarEvent(
    event: EventRow,
    attendee: { name: string; email: string },
    sequence: number,
    cancelled: boolean,
    tx: Tx | Database,
  ): Promise<CalendarMeeting> {
    return {
      uid: `event-${event.id}@${uidHost}`,
      sequence,
      startAt: event.startAt,
      endAt: event.endAt,
      title: event.title,
      description: [event.description, eventLink(event.id)].filter(Boolean).join('\n\n'),
      // A link becomes the invite's URL; a room (and the link, for both) stays readable in LOCATION.
      locationKind: event.onlineLink && !event.room && !event.site ? 'video' : 'in-person',
      locationDetail: whereText(event).replace('\n', ' '),
      organizer: await organizerOf(event, uidHost, tx),
      attendee,
      stampedAt: clock.now(),
      cancelled,
    }
  }

  /** One attendee's invite or cancel, in the transaction of the change that caused it. */
  async function sendInvite(event: EventRow, rsvp: RsvpRow, change: EventInviteChange, tx: Tx) {
    const [student] = await listPeopleByIds(tx, [rsvp.studentId])
    if (!student) return
    const sequence = await repo.nextCalendarSequence(rsvp.id, tx)
    const cancelled = change === 'rsvp-cancelled' || change === 'event-cancelled'
    const calendar = await calendarEvent(event, { name: student.name, email: student.email }, sequence, cancelled, tx)
    // In the event's zone (it happens at a place), on the student's own 12- or 24-hour clock.
    const readsTimes = (await mapClockPreferencesByIds(tx, [student.id])).get(student.id)
    const when = formatForEmail(event.startAt, event.timeZone, readsTimes?.hourCycle ?? null)
    await notifications.enqueue(
      eventInviteEmail(student.email, student.name, event.title, change, when, whereText(event), meetingInvite(calendar), eventLink(event.id)),
      tx,
    )
  }

  /** Moves the first of the waitlist into the seats now free, each e-mailed. */
  async function promote(event: EventRow, tx: Tx) {
    const [confirmed, waiting] = await Promise.all([repo.listActiveRsvps([event.id], 'confirmed', tx), repo.listActiveRsvps([event.id], 'waitlisted', tx)])
    const n = seatsToFill(event.capacity, confirmed.length, waiting.length)
    for (const rsvp of waiting.slice(0, n)) {
      const promoted = await repo.setRsvpStatus(rsvp.id, 'confirmed', clock.now(), tx)
      await sendInvite(event, promoted, 'promoted', tx)
    }
  }

  function summaryOf(
    event: EventRow,
    seats: SeatCounts,
    mine: RsvpRow | null,
    position: number | null,
    canRsvp: boolean,
    slots: EventSummary['slots'],
  ): EventSummary {
    const active = mine && mine.status !== 'cancelled' ? mine : null
    return {
      id: event.id,
      title: event.title,
      kind: event.kind,
      startAt: event.startAt.toISOString(),
      endAt: event.endAt.toISOString(),
      timeZone: event.timeZone,
      room: event.room,
      site: event.site,
      onlineLink: event.onlineLink,
      host: event.host,
      classYears: event.classYears,
      specialtyIds: event.specialtyIds,
      interestGroupIds: event.interestGroupIds,
      capacity: event.capacity,
      rsvpClosesAt: event.rsvpClosesAt.toISOString(),
      status: event.status,
      confirmedCount: seats.confirmed,
      waitlistCount: seats.waitlisted,
      rsvpOpen: canRsvp && isRsvpOpen(event, clock.now()),
      myRsvp: active ? { status: active.status, waitlistPosition: active.status === 'waitlisted' ? position : null } : null,
      slots,
    }
  }

  /** The caller's view of events: seats counted, their own RSVP and place in line. */
  async function summaries(actor: Actor, rows: EventRow[]): Promise<EventSummary[]> {
    const ids = rows.map((e) => e.id)
    const isStudent = actor.roles.includes('student')
    const [seats, mine, slots] = await Promise.all([
      repo.countSeats(ids),
      isStudent ? repo.listRsvpsOfStudent(actor.personId, ids) : Promise.resolve([]),
      slotsRepo.countSlotsOfEvents(ids, isStudent ? actor.personId : null),
    ])
    const mineByEvent = new Map(mine.map((r) => [r.eventId, r]))
    const waitingIn = mine.filter((r) => r.status === 'waitlisted').map((r) => r.eventId)
    const lines = await repo.listActiveRsvps(waitingIn, 'waitlisted')
    const position = (eventId: string) => lines.filter((r) => r.eventId === eventId).findIndex((r) => r.studentId === actor.personId) + 1 || null
    const slotsOf = (id: string): EventSummary['slots'] => {
      const counted = slots.get(id)
      return counted ? { total: counted.total, free: counted.free, mineStartAt: counted.mineStartAt?.toISOString() ?? null } : null
    }
    return rows.map((e) => summaryOf(e, seats.get(e.id) ?? NO_SEATS, mineByEvent.get(e.id) ?? null, position(e.id), isStudent, slotsOf(e.id)))
  }

  async function visibleEvent(actor: Actor, id: string): Promise<EventRow> {
    const event = await repo.findEventById(id)
    if (!event || !(canSeeEvent(actor, event, await audienceFactsOf(actor)) || (await managedEventIdsOf(actor)).has(id)))
      throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return event
  }

  async function attendees(rows: RsvpRow[]): Promise<EventAttendee[]> {
    const people = new Map(
      (
        await listPeopleByIds(
          db,
          rows.map((r) => r.studentId),
        )
      ).map((p) => [p.id, p]),
    )
    return rows.map((r) => ({
      studentId: r.studentId,
      name: people.get(r.studentId)?.name ?? 'Former student',
      email: people.get(r.studentId)?.email ?? '',
      queuedAt: r.queuedAt.toISOString(),
    }))
  }

  async function getEvent(actor: Actor, id: string): Promise<EventView> {
    const event = await visibleEvent(actor, id)
    const [summary] = await summaries(actor, [event])
    if (!summary) throw new Error('The event vanished.')
    const staff = canManageEvents(actor) || (await managedEventIdsOf(actor)).has(id)
    return {
      ...summary,
      description: event.description,
      attendees: staff ? await attendees(await repo.listActiveRsvps([id], 'confirmed')) : null,
      waitlist: staff ? await attendees(await repo.listActiveRsvps([id], 'waitlisted')) : null,
    }
  }

  /** An audience may name only groups that exist (the ids are not a foreign key: an array). */
  async function assertGroupsExist(input: EventInput) {
    const missing = await listMissingInterestGroupIds(db, input.interestGroupIds)
    if (missing.length > 0)
      throw new AppError('VALIDATION_FAILED', 'An interest group named in the audience does not exist.', {
        interestGroupIds: 'Choose interest groups from the list.',
      })
  }

  function eventValues(input: EventInput) {
    return {
      title: input.title,
      kind: input.kind,
      description: input.description,
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      timeZone: input.timeZone || 'America/New_York',
      room: input.room,
      site: input.site,
      onlineLink: input.onlineLink,
      host: input.host,
      classYears: [...new Set(input.classYears)],
      specialtyIds: [...new Set(input.specialtyIds)],
      interestGroupIds: [...new Set(input.interestGroupIds)],
      capacity: input.capacity,
      rsvpClosesAt: new Date(input.rsvpClosesAt),
    }
  }

  async function cancelInTransaction(actor: Actor, id: string, meta: RequestMeta, tx: Tx) {
    const event = await repo.lockEvent(id, tx)
    if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    if (event.status === 'cancelled') return
    const cancelled = await repo.updateEvent(id, { status: 'cancelled', sequence: event.sequence + 1, updatedAt: clock.now() }, tx)
    for (const rsvp of await repo.listActiveRsvps([id], 'confirmed', tx)) await sendInvite(cancelled, rsvp, 'event-cancelled', tx)
    await deps.onEventCancelled?.(cancelled, tx)
    await audit.record({ actorId: actor.personId, action: 'event.cancel', objectType: 'event', objectId: id }, meta, tx)
  }

  return {
    /** Events the caller may see: upcoming soonest first, past most recent first. */
    async listEvents(actor: Actor): Promise<EventList> {
      const [student, managed] = await Promise.all([audienceFactsOf(actor), managedEventIdsOf(actor)])
      const rows = (await repo.listEvents()).filter((e) => canSeeEvent(actor, e, student) || managed.has(e.id))
      const now = clock.now().getTime()
      const all = await summaries(actor, rows)
      return {
        upcoming: all.filter((e) => Date.parse(e.endAt) > now),
        past: all.filter((e) => Date.parse(e.endAt) <= now).reverse(),
      }
    },

    getEvent,

    /**
     * Of `eventIds`, the ones each of `studentIds` attended (`attendeesOf`): those checked in at
     * the door, or, at a held event that has ended with no one checked in, a confirmed place.
     * Four queries however many students; for a class view whose caller has already checked it
     * may see these students, and for a student's own timeline.
     */
    async mapAttendedEventsOfStudents(eventIds: readonly string[], studentIds: readonly string[]): Promise<Map<string, Set<string>>> {
      const attended = new Map<string, Set<string>>()
      if (eventIds.length === 0 || studentIds.length === 0) return attended
      const now = clock.now()
      const wanted = new Set(eventIds)
      const held = (await repo.listEvents()).filter((e) => wanted.has(e.id) && e.status !== 'cancelled' && e.startAt.getTime() <= now.getTime())
      if (held.length === 0) return attended
      const ids = held.map((e) => e.id)
      // A place is a confirmed RSVP or a booked time slot (`place-holders.ts`): a slot counts as an RSVP does.
      const [holders, checkIns] = await Promise.all([places.mapPlaceHolders(ids), attendanceRepo.listAttendance(ids)])
      const students = new Set(studentIds)
      for (const event of held) {
        const confirmed = new Set(holders.get(event.id))
        const checkedIn = new Set(checkIns.filter((a) => a.eventId === event.id).map((a) => a.studentId))
        for (const studentId of attendeesOf(event, now, confirmed, checkedIn)) {
          if (!students.has(studentId)) continue
          const mine = attended.get(studentId)
          if (mine) mine.add(event.id)
          else attended.set(studentId, new Set([event.id]))
        }
      }
      return attended
    },

    /**
     * The events a student has a place at, as their calendar feed shows them (a cancelled event
     * stays, marked cancelled, so subscribed calendars drop it; a place given up leaves the feed).
     */
    async calendarEntriesFor(person: { id: string; name: string; email: string }): Promise<CalendarMeeting[]> {
      const rows = await repo.listConfirmedOfStudent(person.id)
      return Promise.all(rows.map(({ rsvp, event }) => calendarEvent(event, person, rsvp.calendarSequence, event.status === 'cancelled', db)))
    },

    /**
     * The day-before reminder: each student with a place at an event starting in the next 24
     * hours gets one e-mail. Claimed per attendee in the transaction of its e-mail, so sweeps in
     * several processes at once send it once; a place given up meanwhile gets none.
     */
    async sweepEventReminders(now: Date = clock.now()): Promise<{ reminded: number }> {
      let reminded = 0
      for (const { rsvp, event } of await repo.listRemindersDue(now, new Date(now.getTime() + MS_PER_DAY))) {
        const [student] = await listPeopleByIds(db, [rsvp.studentId])
        const readsTimes = student ? (await mapClockPreferencesByIds(db, [student.id])).get(student.id) : undefined
        const sent = await db.transaction(async (tx) => {
          if (!(await repo.claimReminder(rsvp.id, now, tx))) return false
          // Claimed either way, so a closed account is not retried every sweep.
          if (student?.status !== 'active') return false
          const when = formatForEmail(event.startAt, event.timeZone, readsTimes?.hourCycle ?? null)
          await notifications.enqueue(eventReminderEmail(student.email, student.name, event.title, when, whereText(event), eventLink(event.id)), tx)
          return true
        })
        if (sent) reminded++
      }
      return { reminded }
    },

    /**
     * The event as a file for "Add to calendar" (METHOD:PUBLISH), for whoever may see it: the same
     * UID and sequence as the invites an attendee was sent, so a calendar keeps one entry.
     */
    async eventCalendarFile(actor: Actor, id: string): Promise<string> {
      const event = await visibleEvent(actor, id)
      const rsvp = await repo.findRsvp(event.id, actor.personId)
      const calendar = await calendarEvent(event, { name: actor.name, email: actor.email }, rsvp?.calendarSequence ?? 0, event.status === 'cancelled', db)
      return meetingFile(calendar)
    },

    /** `link` runs in the event's transaction: an interest group ties its new event to itself. */
    async createEvent(actor: Actor, input: EventInput, meta: RequestMeta, link?: (eventId: string, tx: Tx) => Promise<void>): Promise<EventView> {
      await assertGroupsExist(input)
      const now = clock.now()
      const created = await db.transaction(async (tx) => {
        const row = await repo.insertEvent({ ...eventValues(input), createdById: actor.personId, createdAt: now, updatedAt: now }, tx)
        await link?.(row.id, tx)
        await audit.record({ actorId: actor.personId, action: 'event.create', objectType: 'event', objectId: row.id }, meta, tx)
        return row
      })
      return getEvent(actor, created.id)
    },

    /** Creates events in the caller's transaction (the occurrences of a series), each audited; returns their rows in order. */
    async insertEvents(actor: Actor, inputs: readonly EventInput[], meta: RequestMeta, tx: Tx): Promise<EventRow[]> {
      const now = clock.now()
      const rows: EventRow[] = []
      for (const input of inputs) {
        const row = await repo.insertEvent({ ...eventValues(input), createdById: actor.personId, createdAt: now, updatedAt: now }, tx)
        await audit.record({ actorId: actor.personId, action: 'event.create', objectType: 'event', objectId: row.id }, meta, tx)
        rows.push(row)
      }
      return rows
    },

    /** A new version of the event; confirmed attendees get the updated invite, and new seats go to the waitlist. */
    async updateEvent(actor: Actor, id: string, input: EventInput, meta: RequestMeta): Promise<EventView> {
      await assertGroupsExist(input)
      await db.transaction(async (tx) => {
        const event = await repo.lockEvent(id, tx)
        if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        if (event.status === 'cancelled') throw new AppError('CONFLICT', 'This event is cancelled and can no longer be changed.')
        const confirmed = await repo.listActiveRsvps([id], 'confirmed', tx)
        if (input.capacity !== null && input.capacity < confirmed.length)
          throw new AppError('VALIDATION_FAILED', 'The capacity is below the students already confirmed.', {
            capacity: `${confirmed.length} students already have a place: use at least ${confirmed.length}, or cancel places first.`,
          })
        const values = eventValues(input)
        const changed = isChangeForAttendees(event, values)
        const updated = await repo.updateEvent(id, { ...values, sequence: event.sequence + (changed ? 1 : 0), updatedAt: clock.now() }, tx)
        // A new capacity or audience alone is no news to those already coming.
        if (changed) for (const rsvp of confirmed) await sendInvite(updated, rsvp, 'updated', tx)
        await promote(updated, tx)
        await audit.record({ actorId: actor.personId, action: 'event.update', objectType: 'event', objectId: id }, meta, tx)
      })
      return getEvent(actor, id)
    },

    /** Cancels the event: each confirmed attendee's calendar gets a CANCEL; RSVPs stop. */
    async cancelEvent(actor: Actor, id: string, meta: RequestMeta): Promise<EventView> {
      await db.transaction((tx) => cancelInTransaction(actor, id, meta, tx))
      return getEvent(actor, id)
    },

    /** Cancels several events in one transaction (the rest of a series): all of them, or none. */
    async cancelEvents(actor: Actor, ids: readonly string[], meta: RequestMeta): Promise<void> {
      await db.transaction(async (tx) => {
        for (const id of ids) await cancelInTransaction(actor, id, meta, tx)
      })
    },

    /** A seat while one is free, else the back of the waitlist. Asking again keeps one's place. */
    async rsvp(actor: Actor, id: string): Promise<EventView> {
      await visibleEvent(actor, id)
      await db.transaction(async (tx) => {
        const event = await repo.lockEvent(id, tx)
        if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        if (!isRsvpOpen(event, clock.now()))
          throw new AppError('CONFLICT', event.status === 'cancelled' ? 'This event is cancelled.' : 'RSVPs for this event have closed.')
        const existing = await repo.findRsvp(id, actor.personId, tx)
        if (existing && existing.status !== 'cancelled') return
        const seats = (await repo.countSeats([id], tx)).get(id) ?? NO_SEATS
        const rsvp = await repo.saveRsvp(id, actor.personId, statusForNewRsvp(event.capacity, seats.confirmed), clock.now(), tx)
        if (rsvp.status === 'confirmed') await sendInvite(event, rsvp, 'confirmed', tx)
      })
      return getEvent(actor, id)
    },

    /** Gives up a seat (or a place in line) until the cut-off; a freed seat goes to the first waiting. */
    async cancelRsvp(actor: Actor, id: string): Promise<EventView> {
      await visibleEvent(actor, id)
      await db.transaction(async (tx) => {
        const event = await repo.lockEvent(id, tx)
        if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        if (!isRsvpOpen(event, clock.now()))
          throw new AppError(
            'CONFLICT',
            event.status === 'cancelled' ? 'This event is cancelled.' : 'RSVPs for this event have closed; tell the host if you cannot come.',
          )
        const existing = await repo.findRsvp(id, actor.personId, tx)
        if (!existing || existing.status === 'cancelled') return
        const given = await repo.setRsvpStatus(existing.id, 'cancelled', clock.now(), tx)
        if (existing.status === 'confirmed') {
          await sendInvite(event, given, 'rsvp-cancelled', tx)
          await promote(event, tx)
        }
      })
      return getEvent(actor, id)
    },
  }
}

export type EventsService = ReturnType<typeof createEventsService>
