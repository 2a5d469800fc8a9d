import type { Database, Tx } from '#server/db/client.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type {
  CloseMentorship,
  CreateMentorshipOffer,
  CreateMentorshipRequest,
  CreateNote,
  DeclineMentorshipRequest,
  MentorshipRequestView,
  MentorshipSettingsView,
  MentorshipView,
  MyMentorshipRequestsResponse,
  MyMentorshipsResponse,
  NoteView,
  UpdateMentorshipSettings,
} from '#shared/contracts/mentorships.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { isListedInDirectory } from '../directory/directory.policy.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { writeCsv } from '#shared/csv/write-csv.ts'
import { goalsFromRequest } from './domain/request-goals.ts'
import { formatForReader } from './domain/time-zones.ts'
import { timeZoneOfState } from '#shared/reference/time-zones.ts'
import { isOpenRequest, OPEN_REQUEST_STATUSES, requestTransition, type RequestEvent } from './domain/request-status.ts'
import { resolveSettings, type MentorshipSettings } from './domain/settings.ts'
import { isQuiet, quietSince, requestExpiresAt, requestSweepAction, shouldPauseMentor } from './domain/sweeps.ts'
import { heldMinutes, meetingMinutes } from './domain/meeting-minutes.ts'
import {
  mentorPausedEmail,
  mentorshipClosedEmail,
  requestAnsweredEmail,
  requestExpiredEmail,
  requestInvalidatedEmail,
  requestReceivedEmail,
  requestReminderEmail,
  requestWithdrawnEmail,
  stayInTouchEmail,
} from './mentorships-emails.ts'
import { answeringSide, canReadPrivateNote, isRequestableMentor, mentorshipViewOf, sideOf, type Side } from './mentorships.policy.ts'
import { createProgramMentorships } from './program-mentorships.ts'
import type { MentorshipRow, MentorshipsRepository, RequestRow } from './mentorships.repository.ts'

export type MentorshipsDeps = {
  db: Database
  repo: MentorshipsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  appOrigin: string
}

const REQUEST_NOT_VISIBLE = 'No such mentorship request, or it is not visible to you.'
const MENTORSHIP_NOT_VISIBLE = 'No such mentorship, or it is not visible to you.'

const day = (d: Date) => d.toISOString().slice(0, 10)

export function createMentorshipsService(deps: MentorshipsDeps) {
  const { db, repo, clock, audit, notifications, appOrigin } = deps
  // Requests are answered on My mentorships; the page brings this one into view.
  const requestLink = (id: string) => `${appOrigin}/mentorships?request=${id}`
  const mentorshipLink = (id: string) => `${appOrigin}/mentorships/${id}`
  const directoryLink = `${appOrigin}/mentors`

  /** The zone e-mails about a mentor's requests are written in: theirs (availability, else where they work). */
  async function zoneOfMentor(mentorId: string, tx: Tx): Promise<string> {
    const saved = (await repo.findAvailability(mentorId, tx)).timeZone
    return saved ?? timeZoneOfState((await repo.findPersonIncludeMentorProfile(mentorId, tx))?.state ?? '') ?? 'UTC'
  }
  /** When a request expires, as its reader reads times (their zone and clock, else the mentor's zone). */
  async function expiryFor(readerId: string, row: Pick<RequestRow, 'expiresAt' | 'mentorId'>, tx: Tx): Promise<string> {
    const reader = (await repo.mapClockPreferences([readerId], tx)).get(readerId)
    return formatForReader(row.expiresAt, reader?.timeZone ?? (await zoneOfMentor(row.mentorId, tx)), reader)
  }
  const profileLink = `${appOrigin}/profile`

  async function loadSettings(tx: Tx = db): Promise<MentorshipSettings> {
    return resolveSettings(await repo.listSettings(tx))
  }

  function requestView(row: RequestRow): MentorshipRequestView {
    return {
      id: row.id,
      student: { id: row.studentId, name: row.studentName },
      mentor: { id: row.mentorId, name: row.mentorName },
      initiatedBy: row.initiatedBy,
      kind: row.kind,
      message: row.message,
      goals: row.goals,
      helpWanted: row.helpWanted,
      status: row.status,
      statusChangedAt: row.statusChangedAt.toISOString(),
      declineReason: row.declineReason,
      declineNote: row.declineNote,
      createdAt: row.createdAt.toISOString(),
      viewedAt: row.viewedAt?.toISOString() ?? null,
      expiresAt: row.expiresAt.toISOString(),
      mentorshipId: row.mentorshipId,
    }
  }

  /** Who is who on a request: the side that asked, the side that answers, and their addresses. */
  function people(row: RequestRow) {
    const student = { id: row.studentId, name: row.studentName, email: row.studentEmail }
    const mentor = { id: row.mentorId, name: row.mentorName, email: row.mentorEmail }
    return row.initiatedBy === 'student' ? { asker: student, answerer: mentor } : { asker: mentor, answerer: student }
  }

  async function loadRequest(actor: Actor, id: string) {
    const row = await repo.findRequestById(id)
    const view = row ? mentorshipViewOf(actor, row) : null
    if (!row || !view) throw new AppError('NOT_FOUND', REQUEST_NOT_VISIBLE)
    return { row, view }
  }

  async function loadMentorship(actor: Actor, id: string) {
    const row = await repo.findMentorshipById(id)
    const view = row ? mentorshipViewOf(actor, row) : null
    if (!row || !view) throw new AppError('NOT_FOUND', MENTORSHIP_NOT_VISIBLE)
    return { row, view }
  }

  /** The caller's side of an active mentorship, for writes; admins read, never write. */
  async function loadOwnActiveMentorship(actor: Actor, id: string): Promise<{ row: MentorshipRow; side: Side }> {
    const { row } = await loadMentorship(actor, id)
    const side = sideOf(actor, row)
    if (!side) throw new AppError('FORBIDDEN', 'Only the student and the mentor write in a mentorship.')
    if (row.status !== 'active') throw new AppError('CONFLICT', 'This mentorship is closed.')
    return { row, side }
  }

  async function move(row: RequestRow, event: RequestEvent, values: Parameters<MentorshipsRepository['updateRequestIfStatus']>[2], tx: Tx) {
    const next = requestTransition(row.status, event)
    if (!next) throw new AppError('CONFLICT', `This request is ${row.status}; it cannot change now.`)
    const moved = await repo.updateRequestIfStatus(row.id, OPEN_REQUEST_STATUSES, { status: next, statusChangedAt: clock.now(), ...values }, tx)
    if (!moved) throw new AppError('CONFLICT', 'This request changed in the meantime. Reload it and try again.')
  }

  async function openPlaces(mentorId: string, tx: Tx = db): Promise<number> {
    const person = await repo.findPersonIncludeMentorProfile(mentorId, tx)
    if (!person?.hasMentorProfile) return 0
    return Math.max(0, (person.capacity ?? 0) - (await repo.countActiveMentorships(mentorId, tx)))
  }

  async function mentoringMinutes(mentorshipId: string, now: Date): Promise<number> {
    const rows = await repo.listMeetingsOfMentorship(mentorshipId)
    return heldMinutes(rows, now)
  }

  async function buildMentorshipView(actor: Actor, row: MentorshipRow): Promise<MentorshipView> {
    const now = clock.now()
    const [goals, items, shared, meetingRows] = await Promise.all([
      repo.listGoals(row.id),
      repo.listActionItems(row.id),
      repo.listSharedNotes(row.id),
      repo.listMeetingsOfMentorship(row.id),
    ])
    const notes: NoteView[] = shared.map((n) => ({
      id: n.id,
      author: { id: n.authorId, name: n.authorName ?? '' },
      visibility: 'shared',
      body: n.body,
      createdAt: n.createdAt.toISOString(),
    }))
    // Private notes: the caller's own, when the caller is one of the sides. Never anyone else's.
    if (sideOf(actor, row)) {
      for (const n of await repo.findPrivateNotesByAuthor(row.id, actor.personId)) {
        if (canReadPrivateNote(actor, n))
          notes.push({
            id: n.id,
            author: { id: n.authorId, name: n.authorName ?? '' },
            visibility: 'private',
            body: n.body,
            createdAt: n.createdAt.toISOString(),
          })
      }
      notes.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    }
    const given = new Set(
      (
        await repo.listFeedbackGivenBy(
          actor.personId,
          meetingRows.map((m) => m.id),
        )
      ).map((f) => f.meetingId),
    )
    return {
      id: row.id,
      student: { id: row.studentId, name: row.studentName },
      mentor: { id: row.mentorId, name: row.mentorName },
      kind: row.kind,
      status: row.status,
      startedAt: row.startedAt.toISOString(),
      closedAt: row.closedAt?.toISOString() ?? null,
      closureReason: row.closureReason,
      thankYouNote: row.thankYouNote,
      goals: goals.map((g) => ({ id: g.id, title: g.title, progress: g.progress, createdAt: g.createdAt.toISOString(), updatedAt: g.updatedAt.toISOString() })),
      actionItems: items.map((i) => ({
        id: i.id,
        title: i.title,
        dueDate: i.dueDate,
        done: i.doneAt !== null,
        doneAt: i.doneAt?.toISOString() ?? null,
        createdAt: i.createdAt.toISOString(),
      })),
      notes,
      meetings: meetingRows.map((m) => ({
        id: m.id,
        mentorshipId: m.mentorshipId,
        status: m.status,
        startAt: m.startAt.toISOString(),
        endAt: m.endAt.toISOString(),
        locationKind: m.locationKind,
        locationDetail: m.locationDetail,
        proposedBy: m.proposedBy,
        sequence: m.sequence,
        feedbackGiven: given.has(m.id),
      })),
      mentoringMinutes: heldMinutes(meetingRows, now),
    }
  }

  async function viewMentorship(actor: Actor, id: string, meta: RequestMeta | null): Promise<MentorshipView> {
    const { row, view } = await loadMentorship(actor, id)
    if (view === 'admin' && meta) await audit.record({ actorId: actor.personId, action: 'mentorship.read', objectType: 'mentorship', objectId: row.id }, meta)
    return buildMentorshipView(actor, row)
  }

  async function createOpenRequest(
    actor: Actor,
    input: {
      studentId: string
      mentorId: string
      initiatedBy: Side
      kind: CreateMentorshipRequest['kind']
      message: string
      goals: string
      helpWanted: CreateMentorshipRequest['helpWanted']
    },
    meta: RequestMeta,
  ): Promise<MentorshipRequestView> {
    if (input.studentId === input.mentorId)
      throw new AppError('VALIDATION_FAILED', 'You cannot mentor yourself.', {
        [input.initiatedBy === 'student' ? 'mentorId' : 'studentId']: 'Choose someone else.',
      })
    const now = clock.now()
    const id = await db.transaction(async (tx) => {
      const settings = await loadSettings(tx)
      const mentor = await repo.findPersonIncludeMentorProfile(input.mentorId, tx)
      if (input.initiatedBy === 'student') {
        if (!mentor || !isRequestableMentor(mentor))
          throw new AppError('VALIDATION_FAILED', 'This mentor is not taking requests now. Choose another mentor from the directory.', {
            mentorId: 'Not accepting requests.',
          })
        await repo.lockStudentRequests(input.studentId, tx)
        const open = await repo.countOpenRequestsSentBy(input.studentId, tx)
        if (open >= settings.maxOpenRequests) {
          throw new AppError(
            'CONFLICT',
            `You have ${open} open requests, the most allowed at once (${settings.maxOpenRequests}). Wait for an answer or withdraw one first.`,
          )
        }
      } else {
        if (!mentor || !isListedInDirectory(mentor)) throw new AppError('FORBIDDEN', 'Only mentors listed in the directory may offer mentorship.')
        const target = await repo.findPersonIncludeMentorProfile(input.studentId, tx)
        if (target?.status !== 'active' || !target.roles.includes('student'))
          throw new AppError('VALIDATION_FAILED', 'Choose an active student.', { studentId: 'Not an active student.' })
      }
      if ((await openPlaces(input.mentorId, tx)) === 0) throw new AppError('CONFLICT', 'This mentor has no open places now.')
      if (await repo.hasActiveMentorshipBetween(input.studentId, input.mentorId, tx))
        throw new AppError('CONFLICT', 'You already have an active mentorship together.')
      let id: string
      try {
        id = await repo.insertRequest(
          {
            studentId: input.studentId,
            mentorId: input.mentorId,
            initiatedBy: input.initiatedBy,
            kind: input.kind,
            message: input.message,
            goals: input.goals,
            helpWanted: [...new Set(input.helpWanted)],
            status: 'requested',
            statusChangedAt: now,
            createdAt: now,
            expiresAt: requestExpiresAt(now, settings),
          },
          tx,
        )
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'There is already an open request between you two.')
        throw error
      }
      const row = await repo.findRequestById(id, tx)
      if (!row) throw new Error('The new request vanished.')
      const { asker, answerer } = people(row)
      await notifications.enqueue(
        requestReceivedEmail(
          answerer.email,
          answerer.name,
          asker.name,
          row.kind,
          row.initiatedBy === 'mentor',
          requestLink(id),
          await expiryFor(answerer.id, row, tx),
        ),
        tx,
      )
      await audit.record(
        {
          actorId: actor.personId,
          action: input.initiatedBy === 'student' ? 'mentorship.requested' : 'mentorship.offered',
          objectType: 'mentorship-request',
          objectId: id,
        },
        meta,
        tx,
      )
      return id
    })
    const row = await repo.findRequestById(id)
    if (!row) throw new Error('The new request vanished.')
    return requestView(row)
  }

  async function findQuiet(now: Date) {
    const settings = await loadSettings()
    const upcoming = await repo.listMentorshipsWithUpcomingMeeting(now)
    const rows = await repo.listActiveWithLastMeeting(now)
    return rows
      .filter((r) => !upcoming.has(r.id) && isQuiet(quietSince(r.startedAt, r.lastMeetingAt), now, settings))
      .map((r) => {
        const since = quietSince(r.startedAt, r.lastMeetingAt)
        return {
          id: r.id,
          student: { id: r.studentId, name: r.studentName },
          mentor: { id: r.mentorId, name: r.mentorName },
          kind: r.kind,
          status: r.status,
          startedAt: r.startedAt.toISOString(),
          closedAt: null,
          quietSince: since.toISOString(),
          lastMeetingAt: r.lastMeetingAt?.toISOString() ?? null,
          weeksQuiet: Math.floor((now.getTime() - since.getTime()) / (7 * MS_PER_DAY)),
          parties: r,
        }
      })
  }

  return {
    /** Pairs of a formal mentor program become active mentorships in the publish transaction. */
    ...createProgramMentorships({ repo, clock }),

    /** Open places of one mentor: capacity − active mentorships, never below 0. */
    openPlaces: (mentorId: string) => openPlaces(mentorId),

    /** Open places of many mentors in one query (mentors without a profile are absent). */
    async openPlacesOf(mentorIds: readonly string[]): Promise<Map<string, number>> {
      const rows = await repo.listCapacities(mentorIds)
      return new Map(rows.map((r) => [r.mentorId, Math.max(0, r.capacity - r.active)]))
    },

    /** Active mentorships of these students, whatever created them (for the advising board); `mentorNames: false` leaves the names empty, unread. */
    listActiveMentorshipsOfStudents: (studentIds: readonly string[], options: { mentorNames?: boolean } = {}) => repo.listActiveOfStudents(studentIds, options),

    /** A student's requests still waiting for an answer, either side's (for the advising board). */
    listOpenRequestsOfStudent: (studentId: string) => repo.listOpenRequestsOfStudent(studentId),

    async getSettings(): Promise<MentorshipSettingsView> {
      return loadSettings()
    },

    async updateSettings(actor: Actor, input: UpdateMentorshipSettings, meta: RequestMeta): Promise<MentorshipSettingsView> {
      const now = clock.now()
      await db.transaction(async (tx) => {
        const next = { ...(await loadSettings(tx)), ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as MentorshipSettings
        if (next.requestReminderDay >= next.requestExpiryDays) {
          throw new AppError('VALIDATION_FAILED', 'The reminder must come before the request expires.', {
            requestReminderDay: `Choose a day before day ${next.requestExpiryDays}.`,
          })
        }
        for (const [key, value] of Object.entries(input)) if (value !== undefined) await repo.upsertSetting(key, value, actor.personId, now, tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.settings-changed', objectType: 'mentorship-settings' }, meta, tx)
      })
      return loadSettings()
    },

    requestMentor: (actor: Actor, input: CreateMentorshipRequest, meta: RequestMeta) =>
      createOpenRequest(
        actor,
        {
          studentId: actor.personId,
          mentorId: input.mentorId,
          initiatedBy: 'student',
          kind: input.kind,
          message: input.message,
          goals: input.goals,
          helpWanted: input.helpWanted,
        },
        meta,
      ),

    offerMentorship: (actor: Actor, input: CreateMentorshipOffer, meta: RequestMeta) =>
      createOpenRequest(
        actor,
        {
          studentId: input.studentId,
          mentorId: actor.personId,
          initiatedBy: 'mentor',
          kind: input.kind,
          message: input.message,
          goals: '',
          helpWanted: input.helpWanted,
        },
        meta,
      ),

    async listMyRequests(actor: Actor): Promise<MyMentorshipRequestsResponse> {
      const rows = await repo.listRequestsOf(actor.personId)
      const mine = (row: RequestRow) => (row.initiatedBy === 'student' ? row.studentId : row.mentorId) === actor.personId
      const sent = rows.filter(mine)
      return {
        sent: sent.map(requestView),
        received: rows.filter((r) => !mine(r)).map(requestView),
        openSent: sent.filter((r) => r.initiatedBy === 'student' && isOpenRequest(r.status)).length,
        maxOpenRequests: (await loadSettings()).maxOpenRequests,
      }
    },

    /** One request. When the side that must answer opens it, it becomes `viewed` (a read receipt). */
    async getRequest(actor: Actor, id: string, meta: RequestMeta): Promise<MentorshipRequestView> {
      const { row, view } = await loadRequest(actor, id)
      if (view === 'admin')
        await audit.record({ actorId: actor.personId, action: 'mentorship-request.read', objectType: 'mentorship-request', objectId: row.id }, meta)
      if (view === answeringSide(row.initiatedBy) && row.status === 'requested') {
        await repo.updateRequestIfStatus(row.id, ['requested'], { status: 'viewed', statusChangedAt: clock.now(), viewedAt: clock.now() })
        return requestView((await repo.findRequestById(id)) ?? row)
      }
      return requestView(row)
    },

    /**
     * Accepts a request and starts the mentorship. Capacity holds under concurrency: the mentor's
     * profile row is locked (SELECT … FOR UPDATE) before active mentorships are counted, so
     * parallel accepts for one mentor take turns and the last one to find no place is refused.
     */
    async acceptRequest(actor: Actor, id: string, meta: RequestMeta): Promise<MentorshipRequestView> {
      const { row } = await loadRequest(actor, id)
      if (sideOf(actor, row) !== answeringSide(row.initiatedBy)) throw new AppError('FORBIDDEN', 'Only the person asked may accept.')
      if (!requestTransition(row.status, 'accept')) throw new AppError('CONFLICT', `This request is ${row.status}; it cannot be accepted now.`)
      const now = clock.now()
      if (now >= row.expiresAt) throw new AppError('CONFLICT', 'This request has expired; it can no longer be accepted.')
      await db.transaction(async (tx) => {
        const profile = await repo.lockMentorProfile(row.mentorId, tx)
        const mentor = await repo.findPersonIncludeMentorProfile(row.mentorId, tx)
        if (!profile || !mentor || !isListedInDirectory(mentor)) throw new AppError('CONFLICT', 'This mentor is no longer available.')
        const active = await repo.countActiveMentorships(row.mentorId, tx)
        if (active >= profile.capacity)
          throw new AppError(
            'CONFLICT',
            `No open places: the mentor already has ${active} active mentee${active === 1 ? '' : 's'} (capacity ${profile.capacity}).`,
          )
        if (await repo.hasActiveMentorshipBetween(row.studentId, row.mentorId, tx))
          throw new AppError('CONFLICT', 'You already have an active mentorship together.')
        await move(row, 'accept', {}, tx)
        const mentorshipId = await repo.insertMentorship(
          { requestId: row.id, studentId: row.studentId, mentorId: row.mentorId, kind: row.kind, status: 'active', startedAt: now },
          tx,
        )
        // The goals the student wrote become the mentorship's first goals, in their order.
        const goals = goalsFromRequest(row.goals)
        for (const [index, title] of goals.entries()) {
          const at = new Date(now.getTime() + index)
          await repo.insertGoal({ mentorshipId, title, progress: 0, createdBy: row.studentId, createdAt: at, updatedAt: at }, tx)
        }
        const { asker, answerer } = people(row)
        await notifications.enqueue(requestAnsweredEmail(asker.email, asker.name, answerer.name, true, null, null, mentorshipLink(mentorshipId)), tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.accepted', objectType: 'mentorship', objectId: mentorshipId }, meta, tx)
      })
      return requestView((await repo.findRequestById(id)) ?? row)
    },

    async declineRequest(actor: Actor, id: string, input: DeclineMentorshipRequest, meta: RequestMeta): Promise<MentorshipRequestView> {
      const { row } = await loadRequest(actor, id)
      if (sideOf(actor, row) !== answeringSide(row.initiatedBy)) throw new AppError('FORBIDDEN', 'Only the person asked may decline.')
      await db.transaction(async (tx) => {
        await move(row, 'decline', { declineReason: input.reason, declineNote: input.note || null }, tx)
        const { asker, answerer } = people(row)
        await notifications.enqueue(requestAnsweredEmail(asker.email, asker.name, answerer.name, false, input.reason, input.note || null, directoryLink), tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.declined', objectType: 'mentorship-request', objectId: row.id }, meta, tx)
      })
      return requestView((await repo.findRequestById(id)) ?? row)
    },

    async withdrawRequest(actor: Actor, id: string, meta: RequestMeta): Promise<MentorshipRequestView> {
      const { row } = await loadRequest(actor, id)
      if (sideOf(actor, row) !== row.initiatedBy) throw new AppError('FORBIDDEN', 'Only the person who asked may withdraw.')
      await db.transaction(async (tx) => {
        await move(row, 'withdraw', {}, tx)
        const { asker, answerer } = people(row)
        await notifications.enqueue(requestWithdrawnEmail(answerer.email, answerer.name, asker.name), tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.withdrawn', objectType: 'mentorship-request', objectId: row.id }, meta, tx)
      })
      return requestView((await repo.findRequestById(id)) ?? row)
    },

    /**
     * The request sweep: closes requests whose mentor is no longer listed (invalidated), reminds
     * the side that must answer once, expires what waited too long and tells the asker, and
     * pauses a mentor who let too many expire. Every step is claimed in the database (a status
     * guard or a unique notice row), so concurrent sweeps never send anything twice.
     */
    async sweepRequests(now: Date = clock.now()): Promise<{ reminded: number; expired: number; invalidated: number; paused: number }> {
      const settings = await loadSettings()
      const counts = { reminded: 0, expired: 0, invalidated: 0, paused: 0 }
      for (const row of await repo.listOpenRequests()) {
        const { asker, answerer } = people(row)
        const mentor = await repo.findPersonIncludeMentorProfile(row.mentorId)
        if (!mentor || !isListedInDirectory(mentor)) {
          const done = await db.transaction(async (tx) => {
            const moved = await repo.updateRequestIfStatus(
              row.id,
              OPEN_REQUEST_STATUSES,
              { status: 'invalidated', statusChangedAt: now, invalidatedBecause: 'mentor-unlisted' },
              tx,
            )
            if (moved) {
              const student = { name: row.studentName, email: row.studentEmail }
              await notifications.enqueue(requestInvalidatedEmail(student.email, student.name, row.mentorName, directoryLink), tx)
              await audit.record({ actorId: null, action: 'mentorship.invalidated', objectType: 'mentorship-request', objectId: row.id }, null, tx)
            }
            return moved
          })
          if (done) counts.invalidated++
          continue
        }
        const action = requestSweepAction(row, now, row.reminded, settings)
        if (action === 'remind') {
          const sent = await db.transaction(async (tx) => {
            if (!(await repo.claimRequestNotice(row.id, 'reminder', now, tx))) return false
            await notifications.enqueue(
              requestReminderEmail(answerer.email, answerer.name, asker.name, requestLink(row.id), await expiryFor(answerer.id, row, tx)),
              tx,
            )
            return true
          })
          if (sent) counts.reminded++
        } else if (action === 'expire') {
          const result = await db.transaction(async (tx) => {
            // The mentor's profile row first, as accepting takes it (then the request row, then
            // the audit chain): the same lock order everywhere, so sweeps and accepts never
            // deadlock; and two sweeps cannot both pause the mentor.
            const profile = await repo.lockMentorProfile(row.mentorId, tx)
            const moved = await repo.updateRequestIfStatus(row.id, OPEN_REQUEST_STATUSES, { status: 'expired', statusChangedAt: now }, tx)
            if (!moved || !(await repo.claimRequestNotice(row.id, 'expired', now, tx))) return { expired: false, paused: false }
            await notifications.enqueue(requestExpiredEmail(asker.email, asker.name, answerer.name, directoryLink), tx)
            await audit.record({ actorId: null, action: 'mentorship.expired', objectType: 'mentorship-request', objectId: row.id }, null, tx)
            if (row.initiatedBy !== 'student' || !profile?.accepting) return { expired: true, paused: false }
            const expiredAt = await repo.listExpiryTimesOfMentor(row.mentorId, new Date(now.getTime() - settings.pauseWindowDays * MS_PER_DAY), tx)
            const lastPause = await repo.findLastPause(row.mentorId, tx)
            if (!shouldPauseMentor(expiredAt, lastPause, now, settings)) return { expired: true, paused: false }
            await repo.setAccepting(row.mentorId, false, now, tx)
            await repo.insertPause(row.mentorId, now, expiredAt.length, tx)
            await notifications.enqueue(mentorPausedEmail(row.mentorEmail, row.mentorName, expiredAt.length, profileLink), tx)
            await audit.record({ actorId: null, action: 'mentorship.mentor-paused', objectType: 'person', objectId: row.mentorId }, null, tx)
            return { expired: true, paused: true }
          })
          if (result.expired) counts.expired++
          if (result.paused) counts.paused++
        }
      }
      return counts
    },

    async listMyMentorships(actor: Actor): Promise<MyMentorshipsResponse> {
      const rows = await repo.listMentorshipsOf(actor.personId)
      const summary = (r: MentorshipRow) => ({
        id: r.id,
        student: { id: r.studentId, name: r.studentName },
        mentor: { id: r.mentorId, name: r.mentorName },
        kind: r.kind,
        status: r.status,
        startedAt: r.startedAt.toISOString(),
        closedAt: r.closedAt?.toISOString() ?? null,
      })
      return {
        asStudent: rows.filter((r) => r.studentId === actor.personId).map(summary),
        asMentor: rows.filter((r) => r.mentorId === actor.personId).map(summary),
      }
    },

    getMentorship: (actor: Actor, id: string, meta: RequestMeta) => viewMentorship(actor, id, meta),

    async addGoal(actor: Actor, id: string, title: string, meta: RequestMeta) {
      const { row } = await loadOwnActiveMentorship(actor, id)
      const now = clock.now()
      await db.transaction(async (tx) => {
        await repo.insertGoal({ mentorshipId: row.id, title, progress: 0, createdBy: actor.personId, createdAt: now, updatedAt: now }, tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.goal-added', objectType: 'mentorship', objectId: row.id }, meta, tx)
      })
      return viewMentorship(actor, id, null)
    },

    async updateGoal(actor: Actor, id: string, goalId: string, input: { title?: string | undefined; progress?: number | undefined }, meta: RequestMeta) {
      const { row } = await loadOwnActiveMentorship(actor, id)
      await db.transaction(async (tx) => {
        const values = {
          updatedAt: clock.now(),
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.progress !== undefined ? { progress: input.progress } : {}),
        }
        if (!(await repo.updateGoal(row.id, goalId, values, tx))) throw new AppError('NOT_FOUND', 'No such goal in this mentorship.')
        await audit.record({ actorId: actor.personId, action: 'mentorship.goal-updated', objectType: 'mentorship', objectId: row.id }, meta, tx)
      })
      return viewMentorship(actor, id, null)
    },

    async addActionItem(actor: Actor, id: string, input: { title: string; dueDate: string | null }, meta: RequestMeta) {
      const { row } = await loadOwnActiveMentorship(actor, id)
      await db.transaction(async (tx) => {
        await repo.insertActionItem({ mentorshipId: row.id, title: input.title, dueDate: input.dueDate, createdBy: actor.personId, createdAt: clock.now() }, tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.action-item-added', objectType: 'mentorship', objectId: row.id }, meta, tx)
      })
      return viewMentorship(actor, id, null)
    },

    async updateActionItem(
      actor: Actor,
      id: string,
      itemId: string,
      input: { title?: string | undefined; dueDate?: string | null | undefined; done?: boolean | undefined },
      meta: RequestMeta,
    ) {
      const { row } = await loadOwnActiveMentorship(actor, id)
      await db.transaction(async (tx) => {
        const values = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.dueDate !== undefined ? { dueDate: input.dueDate } : {}),
          ...(input.done !== undefined ? { doneAt: input.done ? clock.now() : null } : {}),
        }
        if (Object.keys(values).length === 0) throw new AppError('VALIDATION_FAILED', 'Nothing to change.', { _: 'Send a title, due date or done.' })
        if (!(await repo.updateActionItem(row.id, itemId, values, tx))) throw new AppError('NOT_FOUND', 'No such action item in this mentorship.')
        await audit.record({ actorId: actor.personId, action: 'mentorship.action-item-updated', objectType: 'mentorship', objectId: row.id }, meta, tx)
      })
      return viewMentorship(actor, id, null)
    },

    /** A note: shared with the other side, or private to its writer. Audited without its words. */
    async addNote(actor: Actor, id: string, input: CreateNote, meta: RequestMeta) {
      const { row } = await loadOwnActiveMentorship(actor, id)
      await db.transaction(async (tx) => {
        const values = { mentorshipId: row.id, authorId: actor.personId, body: input.body, createdAt: clock.now() }
        if (input.visibility === 'private') await repo.insertPrivateNote(values, tx)
        else await repo.insertSharedNote(values, tx)
        await audit.record(
          { actorId: actor.personId, action: `mentorship.note-added.${input.visibility}`, objectType: 'mentorship', objectId: row.id },
          meta,
          tx,
        )
      })
      return viewMentorship(actor, id, null)
    },

    /**
     * The one way anyone but its writer reads a private note: an admin, giving a reason, for one
     * mentorship. The reason is stored and the read audited before the notes leave.
     */
    async readPrivateNotesAsAdmin(actor: Actor, id: string, reason: string, meta: RequestMeta): Promise<{ notes: NoteView[] }> {
      if (!actor.roles.includes('admin')) throw new AppError('FORBIDDEN', 'Only admins may request this access.')
      const row = await repo.findMentorshipById(id)
      if (!row) throw new AppError('NOT_FOUND', MENTORSHIP_NOT_VISIBLE)
      await db.transaction(async (tx) => {
        const accessId = await repo.insertPrivateNoteAccess({ mentorshipId: row.id, adminId: actor.personId, reason, at: clock.now() }, tx)
        await audit.record(
          { actorId: actor.personId, action: 'mentorship.private-notes.read', objectType: 'private-note-access', objectId: accessId },
          meta,
          tx,
        )
      })
      const notes = await repo.findAllPrivateNotesForAuditedAccess(row.id)
      return {
        notes: notes.map((n) => ({
          id: n.id,
          author: { id: n.authorId, name: n.authorName ?? '' },
          visibility: 'private' as const,
          body: n.body,
          createdAt: n.createdAt.toISOString(),
        })),
      }
    },

    async makeOngoing(actor: Actor, id: string, meta: RequestMeta) {
      const { row } = await loadOwnActiveMentorship(actor, id)
      if (row.kind !== 'coffee-chat') throw new AppError('CONFLICT', 'This mentorship is already ongoing.')
      await db.transaction(async (tx) => {
        await repo.updateMentorshipIfActive(row.id, { kind: 'ongoing' }, tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.made-ongoing', objectType: 'mentorship', objectId: row.id }, meta, tx)
      })
      return viewMentorship(actor, id, null)
    },

    /** Closes the mentorship, freeing the mentor's place; the thank-you note goes to the other side. */
    async closeMentorship(actor: Actor, id: string, input: CloseMentorship, meta: RequestMeta) {
      const { row, side } = await loadOwnActiveMentorship(actor, id)
      const now = clock.now()
      await db.transaction(async (tx) => {
        const closed = await repo.updateMentorshipIfActive(
          row.id,
          { status: 'closed', closedAt: now, closedBy: actor.personId, closureReason: input.reason, thankYouNote: input.thankYouNote || null },
          tx,
        )
        if (!closed) throw new AppError('CONFLICT', 'This mentorship is already closed.')
        const other = side === 'student' ? { name: row.mentorName, email: row.mentorEmail } : { name: row.studentName, email: row.studentEmail }
        const self = side === 'student' ? row.studentName : row.mentorName
        await notifications.enqueue(mentorshipClosedEmail(other.email, other.name, self, input.thankYouNote || null, mentorshipLink(row.id)), tx)
        await audit.record({ actorId: actor.personId, action: 'mentorship.closed', objectType: 'mentorship', objectId: row.id }, meta, tx)
      })
      return viewMentorship(actor, id, null)
    },

    /**
     * A mentor's mentoring hours for a teaching portfolio (RFC 4180 CSV): one row per meeting
     * held. Mentees are numbered, not named, since the file is meant to be shared (FERPA).
     */
    async mentoringHoursCsv(actor: Actor): Promise<string> {
      const now = clock.now()
      const held = await repo.listHeldMeetingsOfMentor(actor.personId, now)
      const numbers = new Map<string, number>()
      const rows = held.map((m) => {
        if (!numbers.has(m.mentorshipId)) numbers.set(m.mentorshipId, numbers.size + 1)
        const minutes = meetingMinutes(m)
        return [day(m.startAt), m.startAt.toISOString(), `Mentee ${numbers.get(m.mentorshipId)}`, m.kind, m.locationKind, minutes, (minutes / 60).toFixed(2)]
      })
      const total = held.reduce((sum, m) => sum + meetingMinutes(m), 0)
      rows.push(['Total', '', `${numbers.size} mentee${numbers.size === 1 ? '' : 's'}`, '', '', total, (total / 60).toFixed(2)])
      return writeCsv(['date', 'start_utc', 'mentee', 'mentorship_kind', 'location', 'minutes', 'hours'], rows)
    },

    /** Active mentorships quiet for `quietWeeks` or more with nothing booked ahead: for advisors (names and dates only). */
    async listQuiet(now: Date = clock.now()) {
      return { items: (await findQuiet(now)).map(({ parties: _parties, ...item }) => item) }
    },

    /** "Stay in touch": nudges both sides of each quiet mentorship, once per quiet spell. */
    async sweepQuietMentorships(now: Date = clock.now()): Promise<number> {
      const settings = await loadSettings()
      let nudged = 0
      for (const q of await findQuiet(now)) {
        const sent = await db.transaction(async (tx) => {
          if (!(await repo.claimNudge(q.id, new Date(q.quietSince), now, tx))) return false
          const link = mentorshipLink(q.id)
          await notifications.enqueue(stayInTouchEmail(q.parties.studentEmail, q.parties.studentName, q.parties.mentorName, settings.quietWeeks, link), tx)
          await notifications.enqueue(stayInTouchEmail(q.parties.mentorEmail, q.parties.mentorName, q.parties.studentName, settings.quietWeeks, link), tx)
          return true
        })
        if (sent) nudged++
      }
      return nudged
    },

    async listFeedback(limit = 200) {
      const rows = await repo.listFeedback(limit)
      return {
        items: rows.map((r) => ({
          meetingId: r.meetingId,
          mentorshipId: r.mentorshipId,
          from: { id: r.personId, name: r.personName ?? '' },
          rating: r.rating,
          comment: r.comment,
          createdAt: r.createdAt.toISOString(),
          meetingStartAt: r.meetingStartAt.toISOString(),
        })),
      }
    },

    /** For the meetings service: the mentorship a side may act in. */
    loadOwnActiveMentorship,
    loadMentorship,
    mentoringMinutes,
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true
  }
  return false
}

export { isUniqueViolation }
export type MentorshipsService = ReturnType<typeof createMentorshipsService>
