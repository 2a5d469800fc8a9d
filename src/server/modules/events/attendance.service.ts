import { randomInt } from 'node:crypto'
import QRCode from 'qrcode'
import type { Database } from '#server/db/client.ts'
import {
  checkInCodeFrom,
  formatCheckInCode,
  type AttendanceEntry,
  type AttendanceView,
  type CheckInInput,
  type CheckInMethod,
  type CheckInResult,
  type FeedbackInput,
  type MyAttendanceView,
  type StudentChoice,
  type WalkInCandidates,
} from '#shared/contracts/event-attendance.ts'
import type { ClassYear } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { formatForEmail } from '../mentorships/calendar-invites.ts'
import { listActiveIdsWithRole, listPeopleByIds, mapPersonNamesByIds, searchPeopleIds } from '../identity/people-reads.ts'
import { listInterestGroupIdsOfPerson } from '../interest-groups/membership-reads.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import type { AttendanceRepository, AttendanceRow } from './attendance.repository.ts'
import { attendanceCsv } from './domain/attendance-csv.ts'
import { attendanceState, checkInOpensAt, hasAttended, isCheckInOpen, isFeedbackOpen, newCheckInCode, summariseFeedback } from './domain/attendance.ts'
import { canManageEvents, canSeeEvent } from './events.policy.ts'
import type { EventRow, EventsRepository } from './events.repository.ts'
import { createPlaceHolders } from './place-holders.ts'

export type AttendanceDeps = {
  db: Database
  repo: EventsRepository
  attendance: AttendanceRepository
  clock: Clock
  audit: AuditService
  appOrigin: string
}

const NOT_VISIBLE = 'No such event, or it is not open to you.'

/**
 * Check-in at the door, attendance and feedback (decision 035). Staff — those who run events —
 * check in a student with a place by the code on their pass (the QR code holds a link to the
 * check-in page with it) or from the roster, and add walk-ins; each check-in records who did it
 * and when, and is audited. Students see their pass, and rate an event they attended.
 */
export function createEventAttendanceService(deps: AttendanceDeps) {
  const { db, repo, attendance, clock, audit, appOrigin } = deps
  // A confirmed RSVP or a booked time slot: either is a place at the door.
  const places = createPlaceHolders(db, repo)

  function assertStaff(actor: Actor) {
    if (!canManageEvents(actor)) throw new AppError('FORBIDDEN', 'Only those who run events check people in.')
  }

  async function staffEvent(actor: Actor, id: string): Promise<EventRow> {
    assertStaff(actor)
    const event = await repo.findEventById(id)
    if (!event) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return event
  }

  async function classYearsOf(ids: readonly string[]): Promise<Map<string, ClassYear>> {
    return new Map((await listStudentFactsByIds(db, ids)).map((f) => [f.personId, f.classYear]))
  }

  /** Who had a place and who came, as the roster and the CSV show it: places by name, then walk-ins by time. */
  async function rosterOf(event: EventRow): Promise<AttendanceEntry[]> {
    const now = clock.now()
    const [holders, checkedIn] = await Promise.all([places.mapPlaceHolders([event.id]), attendance.listAttendance([event.id])])
    const byStudent = new Map(checkedIn.map((a) => [a.studentId, a]))
    const placeIds = holders.get(event.id) ?? []
    const walkInIds = checkedIn.filter((a) => !placeIds.includes(a.studentId)).map((a) => a.studentId)
    const ids = [...placeIds, ...walkInIds]
    const [people, years, staffNames] = await Promise.all([
      listPeopleByIds(db, ids),
      classYearsOf(ids),
      mapPersonNamesByIds(
        db,
        checkedIn.map((a) => a.checkedInById),
      ),
    ])
    const person = new Map(people.map((p) => [p.id, p]))
    const entry = (studentId: string, hadPlace: boolean): AttendanceEntry => {
      const row = byStudent.get(studentId)
      return {
        studentId,
        name: person.get(studentId)?.name ?? 'Former student',
        email: person.get(studentId)?.email ?? '',
        classYear: years.get(studentId) ?? null,
        hadPlace,
        state: attendanceState(event, now, Boolean(row), checkedIn.length > 0),
        method: row?.method ?? null,
        checkedInAt: row?.checkedInAt.toISOString() ?? null,
        checkedInBy: row?.checkedInById ? (staffNames.get(row.checkedInById) ?? null) : null,
      }
    }
    const byName = (a: AttendanceEntry, b: AttendanceEntry) => a.name.localeCompare(b.name, 'en')
    return [...placeIds.map((id) => entry(id, true)).sort(byName), ...walkInIds.map((id) => entry(id, false))]
  }

  async function viewOf(event: EventRow): Promise<AttendanceView> {
    const now = clock.now()
    const [roster, feedback] = await Promise.all([rosterOf(event), attendance.listFeedback(event.id)])
    return {
      eventId: event.id,
      title: event.title,
      startAt: event.startAt.toISOString(),
      endAt: event.endAt.toISOString(),
      timeZone: event.timeZone,
      status: event.status,
      checkInOpensAt: checkInOpensAt(event).toISOString(),
      checkInOpen: isCheckInOpen(event, now),
      ended: event.endAt.getTime() <= now.getTime(),
      counts: {
        places: roster.filter((r) => r.hadPlace).length,
        checkedIn: roster.filter((r) => r.state === 'checked-in').length,
        walkIns: roster.filter((r) => !r.hadPlace).length,
        noShows: roster.filter((r) => r.state === 'no-show').length,
      },
      roster,
      feedback: summariseFeedback(feedback),
    }
  }

  function assertCheckInOpen(event: EventRow) {
    if (event.status === 'cancelled') throw new AppError('CONFLICT', 'This event is cancelled.')
    if (!isCheckInOpen(event, clock.now()))
      throw new AppError('CONFLICT', `Check-in opens an hour before the start, at ${formatForEmail(checkInOpensAt(event), event.timeZone, null)}.`)
  }

  /** Records the check-in (or finds the one already there) with its audit row, in one transaction. */
  async function record(actor: Actor, event: EventRow, studentId: string, method: CheckInMethod, meta: RequestMeta): Promise<CheckInResult> {
    const written = await db.transaction(async (tx) => {
      const row = await attendance.insertAttendance({ eventId: event.id, studentId, method, checkedInAt: clock.now(), checkedInById: actor.personId }, tx)
      if (row)
        await audit.record(
          { actorId: actor.personId, action: `event.${method === 'walk-in' ? 'walk-in' : 'check-in'}`, objectType: 'event_attendance', objectId: row.id },
          meta,
          tx,
        )
      return row
    })
    const entry = (await rosterOf(event)).find((r) => r.studentId === studentId)
    if (!entry) throw new Error('The check-in vanished.')
    return { entry, alreadyCheckedIn: written === null }
  }

  async function hasPlace(eventId: string, studentId: string): Promise<boolean> {
    return places.holdsPlace(eventId, studentId)
  }

  /** The student's own pass: made the first time it is shown, one code per student and event. */
  async function passOf(eventId: string, studentId: string): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await attendance.findPass(eventId, studentId)
      if (existing) return existing
      await attendance.insertPass(eventId, studentId, newCheckInCode(randomInt), clock.now())
    }
    throw new Error('No free check-in code after five tries.')
  }

  async function visibleToStudent(actor: Actor, id: string): Promise<EventRow> {
    const event = await repo.findEventById(id)
    // The same facts as the events service's own audience check: class year, specialty interests, groups.
    const [[facts], interestGroupIds] = await Promise.all([listStudentFactsByIds(db, [actor.personId]), listInterestGroupIdsOfPerson(db, actor.personId)])
    const student = { classYear: facts?.classYear ?? null, specialtyInterests: facts?.specialtyInterests ?? [], interestGroupIds }
    if (!event || !canSeeEvent(actor, event, student)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return event
  }

  /** Whether this student attended, by the rule of `attendeesOf`, and their check-in if any. */
  async function attendedBy(event: EventRow, studentId: string): Promise<{ attended: boolean; checkIn: AttendanceRow | null }> {
    const [checkIn, anyCheckIn, place] = await Promise.all([
      attendance.findAttendance(event.id, studentId),
      attendance.listEventsWithAttendance([event.id]),
      hasPlace(event.id, studentId),
    ])
    return { attended: hasAttended(event, clock.now(), { hasPlace: place, isCheckedIn: checkIn !== null }, anyCheckIn.size > 0), checkIn }
  }

  async function myView(actor: Actor, event: EventRow): Promise<MyAttendanceView> {
    const now = clock.now()
    const [{ attended, checkIn }, place, feedback] = await Promise.all([
      attendedBy(event, actor.personId),
      hasPlace(event.id, actor.personId),
      attendance.findFeedback(event.id, actor.personId),
    ])
    const showPass = place && !checkIn && event.status !== 'cancelled' && event.endAt.getTime() > now.getTime()
    let pass: MyAttendanceView['pass'] = null
    if (showPass) {
      const code = await passOf(event.id, actor.personId)
      const checkInUrl = `${appOrigin}/events/${event.id}/check-in?code=${code}`
      const svg = await QRCode.toString(checkInUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
      pass = { code: formatCheckInCode(code), checkInUrl, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
    }
    return {
      pass,
      checkedInAt: checkIn?.checkedInAt.toISOString() ?? null,
      attended,
      feedback: {
        open: isFeedbackOpen(event, now, attended),
        rating: feedback?.rating ?? null,
        comment: feedback?.comment ?? '',
        updatedAt: feedback?.updatedAt.toISOString() ?? null,
      },
    }
  }

  return {
    /** The host's view: the roster with each student's state, counts, and feedback without names. */
    async getAttendance(actor: Actor, eventId: string): Promise<AttendanceView> {
      return viewOf(await staffEvent(actor, eventId))
    },

    /** Checks in a student with a place, by their pass's code (or the scanned link) or their id; again is no change. */
    async checkIn(actor: Actor, eventId: string, input: CheckInInput, meta: RequestMeta): Promise<CheckInResult> {
      const event = await staffEvent(actor, eventId)
      assertCheckInOpen(event)
      const field = input.studentId ? 'studentId' : 'code'
      const studentId = input.studentId ?? (await attendance.findStudentByCode(eventId, checkInCodeFrom(input.code)))
      if (!studentId)
        throw new AppError('VALIDATION_FAILED', 'No pass at this event has that code.', {
          code: `No pass at this event has the code ${formatCheckInCode(checkInCodeFrom(input.code))}. Check the event, or find the student by name.`,
        })
      if (!(await hasPlace(eventId, studentId))) {
        // Someone already checked in (a walk-in, or a place given up after) is simply there.
        const already = await attendance.findAttendance(eventId, studentId)
        if (already) return record(actor, event, studentId, already.method, meta)
        const [student] = await listPeopleByIds(db, [studentId])
        throw new AppError('VALIDATION_FAILED', 'This student has no place at the event.', {
          [field]: `${student?.name ?? 'This student'} has no place at this event: add them as a walk-in if they are here.`,
        })
      }
      return record(actor, event, studentId, input.studentId ? 'roster' : 'pass', meta)
    },

    /** Adds a student of the school who came without a place, and checks them in. */
    async addWalkIn(actor: Actor, eventId: string, input: StudentChoice, meta: RequestMeta): Promise<CheckInResult> {
      const event = await staffEvent(actor, eventId)
      assertCheckInOpen(event)
      const [student] = await listPeopleByIds(db, [input.studentId])
      const isStudent = (await listActiveIdsWithRole(db, [input.studentId], 'student')).has(input.studentId)
      if (!student || !isStudent)
        throw new AppError('VALIDATION_FAILED', 'Only a current student of the school can be added.', { studentId: 'Not a current student of the school.' })
      return record(actor, event, input.studentId, (await hasPlace(eventId, input.studentId)) ? 'roster' : 'walk-in', meta)
    },

    /** Takes back a check-in made by mistake. */
    async undoCheckIn(actor: Actor, eventId: string, input: StudentChoice, meta: RequestMeta): Promise<AttendanceView> {
      const event = await staffEvent(actor, eventId)
      await db.transaction(async (tx) => {
        const row = await attendance.findAttendance(eventId, input.studentId, tx)
        if (!row) return
        await attendance.deleteAttendance(eventId, input.studentId, tx)
        await audit.record({ actorId: actor.personId, action: 'event.check-in.undo', objectType: 'event_attendance', objectId: row.id }, meta, tx)
      })
      return viewOf(event)
    },

    /** Students of the school by name, for adding a walk-in (ten at most). */
    async searchWalkIns(actor: Actor, eventId: string, q: string): Promise<WalkInCandidates> {
      const event = await staffEvent(actor, eventId)
      const { ids } = await searchPeopleIds(db, { q, status: 'active', role: 'student', page: 1, pageSize: 10 })
      const [people, years, holders, checkedIn] = await Promise.all([
        listPeopleByIds(db, ids),
        classYearsOf(ids),
        places.mapPlaceHolders([event.id]),
        attendance.listAttendance([event.id]),
      ])
      const onRoster = new Set([...(holders.get(event.id) ?? []), ...checkedIn.map((a) => a.studentId)])
      const byId = new Map(people.map((p) => [p.id, p]))
      return {
        candidates: ids.flatMap((id) => {
          const person = byId.get(id)
          return person ? [{ studentId: id, name: person.name, classYear: years.get(id) ?? null, onRoster: onRoster.has(id) }] : []
        }),
      }
    },

    /** The attendance as a formula-safe CSV; the export is audited, as it holds students' names and addresses. */
    async exportAttendanceCsv(actor: Actor, eventId: string, meta: RequestMeta): Promise<string> {
      const event = await staffEvent(actor, eventId)
      const csv = attendanceCsv(await rosterOf(event))
      await audit.record({ actorId: actor.personId, action: 'event.attendance.export', objectType: 'event', objectId: event.id }, meta)
      return csv
    },

    /** A student's own pass (while they have a place and the event is ahead), check-in and feedback. */
    async getMyAttendance(actor: Actor, eventId: string): Promise<MyAttendanceView> {
      return myView(actor, await visibleToStudent(actor, eventId))
    },

    /** Saves (or changes) the student's one rating and comment; only for an event they attended, once it has begun. */
    async saveFeedback(actor: Actor, eventId: string, input: FeedbackInput, meta: RequestMeta): Promise<MyAttendanceView> {
      const event = await visibleToStudent(actor, eventId)
      const { attended } = await attendedBy(event, actor.personId)
      if (!isFeedbackOpen(event, clock.now(), attended))
        throw new AppError('FORBIDDEN', attended ? 'Feedback opens when the event begins.' : 'Only students who attended this event can give feedback.')
      await db.transaction(async (tx) => {
        const row = await attendance.saveFeedback(eventId, actor.personId, input.rating, input.comment, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'event.feedback.save', objectType: 'event_feedback', objectId: row.id }, meta, tx)
      })
      return myView(actor, event)
    },

    /** The caller's own check-ins and feedback at every event, for their records export. */
    async listMyAttendance(actor: Actor) {
      const { attended, feedback } = await attendance.listOfStudent(actor.personId)
      const events = new Map((await repo.listEvents()).map((e) => [e.id, e]))
      const ids = [...new Set([...attended.map((a) => a.eventId), ...feedback.map((f) => f.eventId)])]
      return ids.map((id) => {
        const checkIn = attended.find((a) => a.eventId === id)
        const mine = feedback.find((f) => f.eventId === id)
        return {
          event: events.get(id)?.title ?? 'A removed event',
          eventStartAt: events.get(id)?.startAt.toISOString() ?? null,
          checkedInAt: checkIn?.checkedInAt.toISOString() ?? null,
          checkedInHow: checkIn?.method ?? null,
          feedbackRating: mine?.rating ?? null,
          feedbackComment: mine?.comment ?? null,
        }
      })
    },
  }
}

export type EventAttendanceService = ReturnType<typeof createEventAttendanceService>
