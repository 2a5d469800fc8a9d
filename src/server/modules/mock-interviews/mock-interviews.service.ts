import type { Database, Tx } from '#server/db/client.ts'
import type {
  BookingSummary,
  BookingView,
  InterviewerReport,
  InterviewerSlots,
  MockInterviewSchool,
  OpenSlots,
  RubricEditor,
  ScoresInput,
  SlotInput,
  SlotView,
  StudentMocks,
} from '#shared/contracts/mock-interviews.ts'
import { MENTOR_KIND_LABELS, MOCK_INTERVIEW_KIND_LABELS, type MockInterviewKind } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { MS_PER_DAY, MS_PER_MINUTE } from '#shared/time.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleByIds, mapClockPreferencesByIds, mapPersonNamesByIds } from '../identity/people-reads.ts'
import { formatForEmail, meetingInvite } from '../mentorships/calendar-invites.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listAdvisorFactsByIds, listMentorFactsByIds, listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { rubricProblems, scoreProblems, seasonLabel, seasonOf } from './domain/booking-rules.ts'
import { fitSchool } from './mock-calibration.ts'
import { createQuestionBank } from './mock-question-bank.ts'
import { mockInviteEmail, mockReminderEmail, type MockInviteChange } from './mock-interviews-emails.ts'
import { canInterview, canSeeInterviewerCalibration, relationToMock } from './mock-interviews.policy.ts'
import { listOutstandingMocks, type OutstandingMock } from './outstanding-mock-reads.ts'
import type { BookingRow, MockInterviewsRepository, ScoreRow, SlotRow } from './mock-interviews.repository.ts'

export type MockInterviewsDeps = {
  db: Database
  repo: MockInterviewsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  studentRecords: StudentRecords
  appOrigin: string
  /** The zone seasons are counted in: the school's. */
  schoolTimeZone?: string
}

const NOT_FOUND = 'No such mock interview, or it is not yours to see.'
const NO_SLOT = 'No such slot, or it is no longer offered.'

/**
 * Mock interviews: interviewers publish slots, students book them within the school's limit per
 * season, the interviewer scores the school's rubric and writes feedback, and every scored mock
 * is shown beside its score adjusted for the interviewer's severity (decision 019). A booking
 * locks the student's season row and then the slot, so neither the limit nor "one student per
 * slot" can be beaten by asking twice at once. Invites go to both sides as meetings' do.
 */
export function createMockInterviewsService(deps: MockInterviewsDeps) {
  const { db, repo, clock, audit, notifications, studentRecords, appOrigin } = deps
  const schoolZone = deps.schoolTimeZone ?? 'America/New_York'
  const uidHost = new URL(appOrigin).hostname || 'preceptor'
  const bookingLink = (id: string) => `${appOrigin}/mock-interviews/bookings/${id}`

  async function interviewerRoles(ids: readonly string[]): Promise<Map<string, string>> {
    const [mentors, advisors] = await Promise.all([listMentorFactsByIds(db, ids), listAdvisorFactsByIds(db, ids)])
    const roles = new Map<string, string>()
    for (const a of advisors) if (a.advisesSpecialtyId) roles.set(a.personId, 'Specialty advisor')
    for (const m of mentors) roles.set(m.personId, MENTOR_KIND_LABELS[m.kind])
    return roles
  }

  async function assertCanInterview(actor: Actor): Promise<void> {
    const [[mentor], [advisor]] = await Promise.all([listMentorFactsByIds(db, [actor.personId]), listAdvisorFactsByIds(db, [actor.personId])])
    if (!canInterview(actor.roles, mentor?.offers ?? null, advisor?.advisesSpecialtyId ?? null))
      throw new AppError('FORBIDDEN', 'Only mentors who offer mock interviews (on their profile) and specialty advisors publish mock interview slots.')
  }

  /** Slots as pages show them; the online link only to those it is for. */
  async function slotViews(rows: readonly SlotRow[], linkFor: (slot: SlotRow) => boolean): Promise<SlotView[]> {
    const ids = [...new Set(rows.map((s) => s.interviewerId))]
    const [names, roles] = await Promise.all([mapPersonNamesByIds(db, ids), interviewerRoles(ids)])
    return rows.map((s) => ({
      id: s.id,
      interviewer: { id: s.interviewerId, name: names.get(s.interviewerId) ?? 'Former interviewer', role: roles.get(s.interviewerId) ?? 'Interviewer' },
      specialtyId: s.specialtyId,
      specialtyName: findSpecialty(s.specialtyId)?.name ?? s.specialtyId,
      kind: s.kind,
      startAt: s.startAt.toISOString(),
      endAt: s.endAt.toISOString(),
      timeZone: s.timeZone,
      place: s.place,
      room: s.room,
      onlineLink: linkFor(s) ? s.onlineLink : '',
      status: s.status,
    }))
  }

  async function allowanceOf(studentId: string, season: string) {
    const [limit, used] = await Promise.all([repo.findBookingsPerSeason(), repo.countBookedInSeason(studentId, season)])
    return { season: seasonLabel(season), limit, used }
  }

  const what = (slot: SlotRow) =>
    `${MOCK_INTERVIEW_KIND_LABELS[slot.kind as MockInterviewKind]} mock interview, ${findSpecialty(slot.specialtyId)?.name ?? slot.specialtyId}`
  const whereOf = (slot: SlotRow) => (slot.place === 'online' ? `Online: ${slot.onlineLink}` : slot.room)

  /** The invite (or cancel) to both sides, in the transaction of the change. */
  async function sendInvites(slot: SlotRow, booking: BookingRow, change: MockInviteChange, tx: Tx) {
    const people = new Map((await listPeopleByIds(tx, [booking.studentId, slot.interviewerId])).map((p) => [p.id, p]))
    const student = people.get(booking.studentId)
    const interviewer = people.get(slot.interviewerId)
    if (!student || !interviewer) return
    const ics = meetingInvite({
      uid: `mock-interview-${booking.id}@${uidHost}`,
      sequence: booking.calendarSequence,
      startAt: slot.startAt,
      endAt: slot.endAt,
      title: `Mock interview: ${student.name} with ${interviewer.name}`,
      description: `${what(slot)} in Preceptor.\n${bookingLink(booking.id)}`,
      // A link becomes the invite's URL (checked again by the writer); a room stays in LOCATION.
      locationKind: slot.place === 'online' ? 'video' : 'in-person',
      locationDetail: slot.place === 'online' ? slot.onlineLink : slot.room,
      organizer: { name: interviewer.name, email: interviewer.email },
      attendee: { name: student.name, email: student.email },
      stampedAt: clock.now(),
      cancelled: change !== 'booked',
    })
    const clocks = await mapClockPreferencesByIds(tx, [student.id, interviewer.id])
    for (const [person, other, isInterviewer] of [
      [student, interviewer, false],
      [interviewer, student, true],
    ] as const) {
      const when = formatForEmail(slot.startAt, slot.timeZone, clocks.get(person.id)?.hourCycle ?? null)
      await notifications.enqueue(
        mockInviteEmail({
          to: person.email,
          toName: person.name,
          otherName: other.name,
          isInterviewer,
          change,
          what: what(slot),
          when,
          where: whereOf(slot),
          ics,
          link: bookingLink(booking.id),
        }),
        tx,
      )
    }
  }

  function groupScores(rows: readonly ScoreRow[]): Map<string, { competencyId: string; score: number }[]> {
    const map = new Map<string, { competencyId: string; score: number }[]>()
    for (const r of rows) map.set(r.bookingId, [...(map.get(r.bookingId) ?? []), { competencyId: r.competencyId, score: r.score }])
    return map
  }

  /** A student's mocks, booked and past, each scored one with its raw and adjusted score. */
  async function mocksOf(studentId: string): Promise<StudentMocks> {
    const rows = (await repo.listBookingsOfStudent(studentId)).filter((r) => r.booking.status === 'booked')
    const [scores, facts, rubric, students] = await Promise.all([
      repo.listScores(rows.map((r) => r.booking.id)),
      repo.listAllScoreFacts(),
      repo.listAllCompetencies(),
      listPeopleByIds(db, [studentId]),
    ])
    const school = fitSchool(facts)
    const byBooking = groupScores(scores)
    const views = await slotViews(
      rows.map((r) => r.slot),
      () => true,
    )
    const student = { id: studentId, name: students[0]?.name ?? 'Former student' }
    const summaries: BookingSummary[] = rows.map((r, i) => {
      const slot = views[i] as SlotView
      const given = byBooking.get(r.booking.id) ?? []
      return {
        id: r.booking.id,
        status: r.booking.status,
        slot,
        student,
        scoredAt: r.booking.scoredAt?.toISOString() ?? null,
        scores: given,
        calibrated: school.calibrate(given, r.slot.interviewerId, slot.interviewer.name),
        feedback: r.booking.feedback,
      }
    })
    const now = clock.now().getTime()
    const isDone = (b: BookingSummary) => b.scoredAt !== null || Date.parse(b.slot.endAt) <= now
    return {
      student,
      allowance: await allowanceOf(studentId, seasonOf(clock.now(), schoolZone)),
      rubric,
      // A mock scored while it runs is already the student's to read.
      upcoming: summaries.filter((b) => !isDone(b)).reverse(),
      past: summaries.filter(isDone),
    }
  }

  /** One mock for the caller: its student, its interviewer, or staff through the student-record gate (audited). */
  async function getBooking(actor: Actor, bookingId: string, meta: RequestMeta | null): Promise<BookingView> {
    const booking = await repo.findBookingById(bookingId)
    const slot = booking ? await repo.findSlotById(booking.slotId) : null
    if (!booking || !slot) throw new AppError('NOT_FOUND', NOT_FOUND)
    const relation = relationToMock(actor.personId, { studentId: booking.studentId, interviewerId: slot.interviewerId })
    if (!relation) await studentRecords.assertCanRead(actor, booking.studentId, 'mock-interview', meta)
    const viewer = relation ?? 'staff'
    const [[view], scores, facts, rubric, allCompetencies, names] = await Promise.all([
      slotViews([slot], () => viewer !== 'staff'),
      repo.listScores([booking.id]),
      repo.listAllScoreFacts(),
      repo.listRubric(),
      repo.listAllCompetencies(),
      mapPersonNamesByIds(db, [booking.studentId]),
    ])
    if (!view) throw new AppError('NOT_FOUND', NOT_FOUND)
    const given = scores.map((s) => ({ competencyId: s.competencyId, score: s.score }))
    // A scored mock keeps the competencies it was scored on, even if the rubric changed since.
    const shown = given.length ? allCompetencies.filter((c) => given.some((s) => s.competencyId === c.id)) : rubric
    const now = clock.now()
    const booked = booking.status === 'booked' && slot.status === 'open'
    return {
      id: booking.id,
      status: booking.status,
      slot: view,
      student: { id: booking.studentId, name: names.get(booking.studentId) ?? 'Former student' },
      scoredAt: booking.scoredAt?.toISOString() ?? null,
      scores: given,
      calibrated: fitSchool(facts).calibrate(given, slot.interviewerId, view.interviewer.name),
      feedback: booking.feedback,
      rubric: viewer === 'interviewer' && booked ? rubric : shown,
      viewer,
      canScore: viewer === 'interviewer' && booked && slot.startAt.getTime() <= now.getTime(),
      canCancel: viewer !== 'staff' && booked && slot.startAt.getTime() > now.getTime(),
    }
  }

  async function cancelBookingIn(slot: SlotRow, booking: BookingRow, change: MockInviteChange, tx: Tx) {
    const cancelled = await repo.cancelBooking(booking.id, clock.now(), tx)
    await sendInvites(slot, cancelled, change, tx)
  }

  return {
    getBooking,
    /** Booked, unscored mocks of many students (null: every student), for the office's letters dashboard (reporting); the caller decides whom it may see. */
    listOutstandingMocksOfStudents: (studentIds: readonly string[] | null): Promise<OutstandingMock[]> => listOutstandingMocks(db, studentIds),
    ...createQuestionBank({ db, repo, clock, audit }),

    async getSchool(): Promise<MockInterviewSchool> {
      const [bookingsPerSeason, competencies] = await Promise.all([repo.findBookingsPerSeason(), repo.listRubric()])
      return { bookingsPerSeason, competencies }
    },

    /**
     * The day-before reminder: each student with a mock starting in the next 24 hours gets one
     * e-mail, claimed per booking in the transaction of its e-mail, so sweeps in several processes
     * send it once; a cancelled booking or a withdrawn slot gets none.
     */
    async sweepMockInterviewReminders(now: Date = clock.now()): Promise<{ reminded: number }> {
      let reminded = 0
      for (const { booking, slot } of await repo.listRemindersDue(now, new Date(now.getTime() + MS_PER_DAY))) {
        const people = new Map((await listPeopleByIds(db, [booking.studentId, slot.interviewerId])).map((p) => [p.id, p]))
        const student = people.get(booking.studentId)
        const readsTimes = student ? (await mapClockPreferencesByIds(db, [student.id])).get(student.id) : undefined
        const sent = await db.transaction(async (tx) => {
          if (!(await repo.claimReminder(booking.id, now, tx))) return false
          // Claimed either way, so a closed account is not retried every sweep.
          if (student?.status !== 'active') return false
          const when = formatForEmail(slot.startAt, slot.timeZone, readsTimes?.hourCycle ?? null)
          const interviewer = people.get(slot.interviewerId)?.name ?? 'your interviewer'
          await notifications.enqueue(mockReminderEmail(student.email, student.name, interviewer, what(slot), when, whereOf(slot), bookingLink(booking.id)), tx)
          return true
        })
        if (sent) reminded++
      }
      return { reminded }
    },

    /** The rubric as the office edits it: retired competencies too, each with the scores past mocks gave it. */
    async rubricEditor(): Promise<RubricEditor> {
      const [bookingsPerSeason, competencies, used] = await Promise.all([repo.findBookingsPerSeason(), repo.listCompetenciesForEditor(), repo.listScoresUsed()])
      return {
        bookingsPerSeason,
        competencies: competencies.map((c) => ({ ...c, scoreCount: used.get(c.id)?.count ?? 0, scoresUsed: used.get(c.id)?.scores ?? [] })),
      }
    },

    /**
     * The school's rubric and limit replaced (admins). A competency left out is retired if past
     * mocks scored it (its scores stay readable under its name), deleted if none did; a level
     * past mocks were scored at cannot be dropped. Audited.
     */
    async saveSchool(actor: Actor, input: MockInterviewSchool, meta: RequestMeta | null): Promise<MockInterviewSchool> {
      await db.transaction(async (tx) => {
        const used = await repo.listScoresUsed(tx)
        const problems = rubricProblems(input.competencies, new Map([...used].map(([id, u]) => [id, u.scores])))
        if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', 'The rubric has problems.', problems)
        await repo.saveBookingsPerSeason(input.bookingsPerSeason, clock.now(), tx)
        await repo.replaceRubric(input.competencies, tx)
        await audit.record({ actorId: actor.personId, action: 'mock-interview.rubric.save', objectType: 'mock-interview-rubric', objectId: 'school' }, meta, tx)
      })
      return { bookingsPerSeason: input.bookingsPerSeason, competencies: await repo.listRubric() }
    },

    /** Free slots a student may book, and where they stand against the limit this season. */
    async listOpenSlots(actor: Actor, filter: { specialtyId?: string | undefined; kind?: MockInterviewKind | undefined }): Promise<OpenSlots> {
      const now = clock.now()
      const rows = (await repo.listFreeSlots(now, filter)).filter((s) => s.interviewerId !== actor.personId)
      return { allowance: await allowanceOf(actor.personId, seasonOf(now, schoolZone)), slots: await slotViews(rows, () => false) }
    },

    /** A new slot: in the future, not overlapping another of the interviewer's (each is a field error). */
    async createSlot(actor: Actor, input: SlotInput): Promise<SlotView> {
      await assertCanInterview(actor)
      const startAt = new Date(input.startAt)
      const endAt = new Date(startAt.getTime() + input.durationMinutes * MS_PER_MINUTE)
      if (startAt.getTime() <= clock.now().getTime())
        throw new AppError('VALIDATION_FAILED', 'The slot is in the past.', { startAt: 'Choose a time in the future: this one has passed.' })
      const slot = await db.transaction(async (tx) => {
        // Without this, two overlapping publishes at once both find no clash and both land.
        await repo.lockInterviewerSlots(actor.personId, tx)
        const clash = await repo.listOverlappingSlots(actor.personId, startAt, endAt, tx)
        if (clash.length) {
          const at = formatForEmail(clash[0]?.startAt ?? startAt, input.timeZone || schoolZone)
          throw new AppError('VALIDATION_FAILED', 'The slot overlaps another of yours.', { startAt: `This overlaps your slot of ${at}. Choose another time.` })
        }
        return repo.insertSlot(
          {
            interviewerId: actor.personId,
            specialtyId: input.specialtyId,
            kind: input.kind,
            startAt,
            endAt,
            timeZone: input.timeZone || schoolZone,
            place: input.place,
            room: input.place === 'in-person' ? input.room : '',
            onlineLink: input.place === 'online' ? input.onlineLink : '',
            createdAt: clock.now(),
          },
          tx,
        )
      })
      const [view] = await slotViews([slot], () => true)
      if (!view) throw new Error('The new slot vanished.')
      return view
    },

    /** The interviewer's own slots, latest first, each with who booked it. */
    async interviewerSlots(actor: Actor): Promise<InterviewerSlots> {
      const [[mentor], [advisor]] = await Promise.all([listMentorFactsByIds(db, [actor.personId]), listAdvisorFactsByIds(db, [actor.personId])])
      const rows = await repo.listSlotsOfInterviewer(actor.personId)
      const bookings = await repo.listActiveBookingsOfSlots(rows.map((s) => s.id))
      const names = await mapPersonNamesByIds(
        db,
        bookings.map((b) => b.studentId),
      )
      const bySlot = new Map(bookings.map((b) => [b.slotId, b]))
      const views = await slotViews(rows, () => true)
      return {
        canInterview: canInterview(actor.roles, mentor?.offers ?? null, advisor?.advisesSpecialtyId ?? null),
        slots: views.map((v) => {
          const b = bySlot.get(v.id)
          return {
            ...v,
            booking: b
              ? { id: b.id, student: { id: b.studentId, name: names.get(b.studentId) ?? 'Former student' }, scoredAt: b.scoredAt?.toISOString() ?? null }
              : null,
          }
        }),
      }
    },

    /** The interviewer withdraws a slot; a student who had booked it gets a calendar cancel. */
    async cancelSlot(actor: Actor, slotId: string): Promise<{ ok: true }> {
      await db.transaction(async (tx) => {
        const slot = await repo.lockSlot(slotId, tx)
        if (!slot || slot.interviewerId !== actor.personId) throw new AppError('NOT_FOUND', NO_SLOT)
        if (slot.status === 'cancelled') return
        if (slot.startAt.getTime() <= clock.now().getTime()) throw new AppError('CONFLICT', 'This slot has begun; it can no longer be withdrawn.')
        await repo.setSlotStatus(slotId, 'cancelled', tx)
        const booking = await repo.findActiveBookingOfSlot(slotId, tx)
        if (booking) await cancelBookingIn(slot, booking, 'cancelled-by-interviewer', tx)
      })
      return { ok: true }
    },

    /**
     * Books a slot for the student: within the school's limit for the slot's season, not over
     * another of their mocks, not a slot that has begun or is taken. Locks the student's season
     * row, then the slot, so concurrent bookings count in turn (`[booking-race]`).
     */
    async bookSlot(actor: Actor, slotId: string, meta: RequestMeta | null): Promise<BookingView> {
      const found = await repo.findSlotById(slotId)
      if (found?.status !== 'open') throw new AppError('NOT_FOUND', NO_SLOT)
      const season = seasonOf(found.startAt, schoolZone)
      const booking = await db.transaction(async (tx) => {
        await repo.lockAllowance(actor.personId, season, tx)
        const slot = await repo.lockSlot(slotId, tx)
        if (slot?.status !== 'open') throw new AppError('NOT_FOUND', NO_SLOT)
        if (slot.interviewerId === actor.personId)
          throw new AppError('VALIDATION_FAILED', 'This is your own slot.', { slotId: 'You cannot book your own slot.' })
        if (slot.startAt.getTime() <= clock.now().getTime())
          throw new AppError('VALIDATION_FAILED', 'This slot is in the past.', { slotId: 'This slot has already begun or passed: choose a later one.' })
        if (await repo.findActiveBookingOfSlot(slotId, tx)) throw new AppError('CONFLICT', 'Another student has just booked this slot: choose another.')
        const [limit, used] = await Promise.all([repo.findBookingsPerSeason(tx), repo.countBookedInSeason(actor.personId, season, tx)])
        if (used >= limit)
          throw new AppError('VALIDATION_FAILED', 'You have reached the limit of mock interviews.', {
            slotId: `You have booked ${used} of the ${limit} mock interviews the school offers each student in ${seasonLabel(season)}. Cancel one to book another.`,
          })
        if ((await repo.listStudentBookingsOverlapping(actor.personId, slot.startAt, slot.endAt, tx)).length)
          throw new AppError('VALIDATION_FAILED', 'You have another mock interview at this time.', {
            slotId: 'You already have a mock interview at this time.',
          })
        const row = await repo.insertBooking({ slotId, studentId: actor.personId, season, bookedAt: clock.now() }, tx)
        await sendInvites(slot, row, 'booked', tx)
        return row
      })
      return getBooking(actor, booking.id, meta)
    },

    /** The student or the interviewer cancels a booking before it begins; both get a calendar cancel. */
    async cancelBooking(actor: Actor, bookingId: string, meta: RequestMeta | null): Promise<BookingView> {
      await db.transaction(async (tx) => {
        const booking = await repo.findBookingById(bookingId, tx)
        const slot = booking ? await repo.lockSlot(booking.slotId, tx) : null
        const relation = booking && slot ? relationToMock(actor.personId, { studentId: booking.studentId, interviewerId: slot.interviewerId }) : null
        if (!booking || !slot || !relation) throw new AppError('NOT_FOUND', NOT_FOUND)
        if (booking.status === 'cancelled') return
        if (slot.startAt.getTime() <= clock.now().getTime()) throw new AppError('CONFLICT', 'This mock interview has begun; it can no longer be cancelled.')
        await cancelBookingIn(slot, booking, relation === 'student' ? 'cancelled-by-student' : 'cancelled-by-interviewer', tx)
        // An interviewer who cancels a booking gives up the slot too (they could not make it).
        if (relation === 'interviewer') await repo.setSlotStatus(slot.id, 'cancelled', tx)
      })
      return getBooking(actor, bookingId, meta)
    },

    /** The interviewer's scores on every competency of the rubric and their feedback, once the interview has begun. */
    async saveScores(actor: Actor, bookingId: string, input: ScoresInput, meta: RequestMeta | null): Promise<BookingView> {
      const booking = await repo.findBookingById(bookingId)
      const slot = booking ? await repo.findSlotById(booking.slotId) : null
      if (!booking || !slot || slot.interviewerId !== actor.personId) throw new AppError('NOT_FOUND', NOT_FOUND)
      if (booking.status !== 'booked' || slot.status !== 'open') throw new AppError('CONFLICT', 'This mock interview was cancelled.')
      if (slot.startAt.getTime() > clock.now().getTime()) throw new AppError('CONFLICT', 'You can score this mock interview once it has begun.')
      const rubric = await repo.listRubric()
      const problems = scoreProblems(rubric, input.scores)
      if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', 'Some competencies need a level.', problems)
      await db.transaction(async (tx) => {
        await repo.saveScores(bookingId, input.scores, input.feedback, clock.now(), tx)
        await audit.record({ actorId: actor.personId, action: 'mock-interview.score', objectType: 'mock-interview', objectId: bookingId }, meta, tx)
      })
      return getBooking(actor, bookingId, meta)
    },

    /** The student's own mocks. */
    async myMocks(actor: Actor): Promise<StudentMocks> {
      return mocksOf(actor.personId)
    },

    /** A student's mocks for their advisors (assigned, or with the school-wide scope): audited. */
    async studentMocks(actor: Actor, studentId: string, meta: RequestMeta | null): Promise<StudentMocks> {
      await studentRecords.assertCanRead(actor, studentId, 'mock-interviews', meta)
      const [student] = await listStudentFactsByIds(db, [studentId])
      if (!student) throw new AppError('NOT_FOUND', 'No such student.')
      return mocksOf(studentId)
    },

    /** Every interviewer's severity and consistency, for the office. */
    async interviewerReport(actor: Actor): Promise<InterviewerReport> {
      if (!canSeeInterviewerCalibration(actor.roles)) throw new AppError('FORBIDDEN', 'Only the office sees interviewers’ calibration.')
      const facts = await repo.listAllScoreFacts()
      const names = await mapPersonNamesByIds(db, [...new Set(facts.map((f) => f.raterId))])
      return fitSchool(facts).report(names)
    },
  }
}

export type MockInterviewsService = ReturnType<typeof createMockInterviewsService>
