import type { Database, Tx } from '#server/db/client.ts'
import {
  ADVISING_SLOT_LABELS,
  ADVISING_SLOTS,
  type AdvisingBoardView,
  type AgreementAnswer,
  type AgreementRequestsResponse,
  type AssignableSlot,
  type DeclineAgreement,
  type AdvisingSlot,
  type AdvisorsResponse,
  type AssignmentResultsResponse,
  type AssignmentRowResult,
  type BoardAssignmentResult,
  type BulkAssignAdvisor,
  type CreateBoardAssignment,
  type MyStudentsQuery,
  type MyStudentsResponse,
  type SetStudentAdvisors,
  type StudentAdvisorsQuery,
  type StudentAdvisorsResponse,
} from '#shared/contracts/advising.ts'
import { MENTOR_OFFERING_LABELS, type ClassYear, type MentorKind, type MentorOffering } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { DirectoryService } from '../directory/directory.service.ts'
import type { MentorshipsService } from '../mentorships/mentorships.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { RecommendationsService } from '../recommendations/recommendations.service.ts'
import {
  boardAgreementAnsweredEmail,
  boardAgreementAskedEmail,
  boardAgreementLapsedEmail,
  boardAgreementReminderEmail,
  boardAssignedStudentEmail,
} from './advising-emails.ts'
import { agreementLapseCutoff, agreementLapsesAt, agreementReminderCutoff } from './domain/agreement-reminders.ts'
import { parseAdvisorAssignmentsCsv } from './domain/advisor-assignments-csv.ts'
import {
  computeBoard,
  declaredSpecialtyOf,
  isYearOrTwoAhead,
  specialtyName,
  suggestionsForSlot,
  type Audience,
  type BoardInputs,
  type SuggestionCandidate,
} from './domain/board.ts'
import { planHouseDean, type HouseDeanOutcome } from './domain/house-deans.ts'
import { aboutStudent } from './domain/staff-voice.ts'
import type { AdvisingRepository, StudentRow } from './advising.repository.ts'
import type { StudentRecords } from './student-records.ts'

/** A student's standing on the advising board, for reports (`listBoardGaps`). */
export type BoardGaps = {
  id: string
  name: string
  email: string
  classYear: ClassYear
  mentorIds: string[]
  emptySlots: AdvisingSlot[]
  /** Who fills each slot (people ids), for the mentor team's split of the resident-or-alumni slot. */
  holderIds: Partial<Record<AdvisingSlot, string[]>>
}

/** A student and the advisory dean their roster house names (decision 030). */
export type HouseDeanPair = { studentId: string; advisorId: string; house: string }
export type HouseDeanPlan = HouseDeanPair & { currentAdvisorId: string | null; outcome: HouseDeanOutcome }

export type AdvisingDeps = {
  db: Database
  repo: AdvisingRepository
  clock: Clock
  audit: AuditService
  studentRecords: StudentRecords
  recommendations: RecommendationsService
  /** Every active mentorship, whatever created it (a request, a mentor program), and waiting requests. */
  mentorships: Pick<MentorshipsService, 'listActiveMentorshipsOfStudents' | 'listOpenRequestsOfStudent'>
  notifications: Pick<NotificationsService, 'enqueue'>
  appOrigin: string
  /** Fills in suggestions "Mentors for you" does not reach (its list is the student's top 50 overall). */
  directory?: DirectoryService
}

const STUDENT_NOT_VISIBLE = 'No such student, or they are not yours to see.'
/** The engine's reason for a shared identity ends so; staff never see it (it names the student's identity). */
const IDENTITY_REASON = / — you asked for that$/
/** How many recommended mentors the board filters into slot suggestions. */
const CANDIDATES = 50
const SUGGESTIONS_PER_SLOT = 3

/**
 * The advising board (decision 012) and the Office's assignment of advisors to students. The
 * board is computed on every read from the assignments, the `student_advisors` rows and the
 * student's active mentorships (`domain/board.ts`); suggestions come from the recommendations
 * service, filtered to each empty slot.
 */
export function createAdvisingService(deps: AdvisingDeps) {
  const { db, repo, clock, audit, studentRecords, recommendations, mentorships, notifications, appOrigin, directory } = deps

  /** Listed, accepting mentors of the slot's kind from the directory, for slots the recommendations left short. */
  async function directoryCandidates(student: Actor, slot: AdvisingSlot, declaredId: string | null, audience: Audience): Promise<SuggestionCandidate[]> {
    if (!directory || slot === 'advisory-dean' || (slot === 'specialty-advisor' && !declaredId)) return []
    const kind: MentorKind[] =
      slot === 'near-peer' ? ['near-peer'] : slot === 'resident-or-alumni' ? ['resident', 'fellow', 'alumni'] : slot === 'specialty-advisor' ? ['faculty'] : []
    const query = {
      specialty: declaredId ? [declaredId] : [],
      department: [],
      kind,
      rank: [],
      site: [],
      state: [],
      region: [],
      offers: slot === 'research-mentor' ? (['research'] as MentorOffering[]) : [],
      accepting: 'true' as const,
      language: [],
      identity: [],
      page: 1,
      pageSize: 10,
    }
    // The declared specialty first; for slots that do not need it, anyone of the kind after.
    const searches = slot === 'specialty-advisor' || !declaredId ? [query] : [query, { ...query, specialty: [] }]
    const out: SuggestionCandidate[] = []
    for (const q of searches) {
      const found = await directory.searchMentors(student, q, null)
      for (const m of found.results) {
        if (m.openPlaces <= 0) continue
        const fit = (m as { fitReasons?: string[] }).fitReasons
        const reasons =
          fit && fit.length > 0
            ? fit
            : m.offers.length > 0
              ? [
                  `offers ${m.offers
                    .slice(0, 3)
                    .map((o) => MENTOR_OFFERING_LABELS[o].toLowerCase())
                    .join(', ')}`,
                ]
              : []
        out.push({
          id: m.id,
          name: m.name,
          kind: m.kind,
          specialtyName: m.specialtyName,
          offers: m.offers,
          openPlaces: m.openPlaces,
          reasons: audience === 'staff' ? reasons.filter((r) => !IDENTITY_REASON.test(r)) : reasons,
        })
      }
    }
    return out
  }

  /** Board inputs of many students in four queries; `mentorNames: false` when no one reads the holders' names. */
  async function loadInputs(students: readonly StudentRow[], options: { mentorNames?: boolean } = {}): Promise<Map<string, BoardInputs>> {
    const ids = students.map((s) => s.id)
    const [advisors, assignments, mentorshipRows] = await Promise.all([
      repo.listOfficeAdvisorsOf(ids),
      repo.listAssignmentsOf(ids),
      mentorships.listActiveMentorshipsOfStudents(ids, options),
    ])
    const facts = await repo.listHolderFacts(mentorshipRows.map((m) => m.mentorId))
    const active = mentorshipRows.flatMap((m) => {
      const f = facts.get(m.mentorId)
      if (!f) return []
      return [
        {
          ...m,
          mentorKind: f.mentorKind,
          mentorSpecialtyId: f.mentorSpecialtyId,
          mentorOffers: f.mentorOffers,
          mentorAdvisesSpecialtyId: f.advisesSpecialtyId,
          hasMentorProfile: f.hasMentorProfile,
        },
      ]
    })
    type Entry = { [K in keyof BoardInputs]: BoardInputs[K] extends readonly (infer T)[] ? T[] : BoardInputs[K] }
    const out = new Map<string, Entry>()
    for (const s of students) {
      out.set(s.id, {
        student: { id: s.id, name: s.name, classYear: s.classYear, specialtyInterests: s.specialtyInterests },
        officeAdvisors: [],
        assignments: [],
        mentorships: [],
      })
    }
    for (const a of advisors) {
      out
        .get(a.studentId)
        ?.officeAdvisors.push({ person: { id: a.advisorId, name: a.advisorName }, advisesSpecialtyId: a.advisesSpecialtyId ?? null, assignedAt: a.assignedAt })
    }
    for (const a of assignments) {
      out.get(a.studentId)?.assignments.push({
        id: a.id,
        slot: a.slot,
        person: { id: a.personId, name: a.personName },
        specialtyId: a.specialtyId,
        assignedAt: a.assignedAt,
        agreedAt: a.agreedAt,
      })
    }
    for (const m of active) {
      // A mentor whose mentor profile is gone fills no slot, unless they advise a specialty.
      if (!m.hasMentorProfile && m.mentorAdvisesSpecialtyId === null) continue
      out.get(m.studentId)?.mentorships.push({
        id: m.id,
        kind: m.kind,
        startedAt: m.startedAt,
        mentor: { id: m.mentorId, name: m.mentorName },
        mentorKind: m.mentorKind,
        mentorSpecialtyId: m.mentorSpecialtyId,
        mentorOffers: m.mentorOffers,
        mentorAdvisesSpecialtyId: m.mentorAdvisesSpecialtyId ?? null,
      })
    }
    return out
  }

  async function buildBoard(student: StudentRow, audience: Audience): Promise<AdvisingBoardView> {
    const inputs = (await loadInputs([student])).get(student.id)
    if (!inputs) throw new AppError('NOT_FOUND', STUDENT_NOT_VISIBLE)
    const board = computeBoard(inputs, audience)
    // Staff read about the student by name: recommendation reasons are worded for the student.
    const voice = (text: string) => (audience === 'staff' ? aboutStudent(text, student.name) : text)

    // Suggestions: the student's own "Mentors for you", as the student would get them. No audit
    // meta: this is not the student reading identity; staff never see identity reasons at all.
    const studentActor: Actor = { personId: student.id, email: student.email, name: student.name, roles: ['student'], sessionId: '', expiresAt: clock.now() }
    const needsSuggestions = board.emptySlots.some((s) => s !== 'advisory-dean')
    const recommended: SuggestionCandidate[] = needsSuggestions
      ? (await recommendations.listMentorsForStudent(studentActor, { limit: CANDIDATES }, null)).results.map((r) => ({
          id: r.mentor.id,
          name: r.mentor.name,
          kind: r.mentor.kind,
          specialtyName: r.mentor.specialtyName,
          offers: r.mentor.offers,
          openPlaces: r.mentor.openPlaces,
          reasons: audience === 'staff' ? r.reasons.filter((reason) => !IDENTITY_REASON.test(reason)).map(voice) : r.reasons,
        }))
      : []
    const declared = board.declaredSpecialty
    const specialtyAdvisors = declared && board.emptySlots.includes('specialty-advisor') ? await repo.listSpecialtyAdvisors(declared.id, 5) : []
    // Nobody already on the board (holding a slot or formerly) is suggested again.
    const onBoard = new Set<string>([student.id])
    for (const slot of board.slots) {
      for (const h of slot.holders) onBoard.add(h.person.id)
      for (const f of slot.former) onBoard.add(f.person.id)
    }
    for (const m of inputs.mentorships) onBoard.add(m.mentor.id)

    const pendingRequests = new Map((await mentorships.listOpenRequestsOfStudent(student.id)).map((r) => [r.mentorId, r.id]))
    // Near-peers must be a year or two ahead: their own class year decides.
    const withYears = async (list: SuggestionCandidate[]): Promise<SuggestionCandidate[]> => {
      const years = new Map((await repo.listPeopleFacts(list.filter((c) => c.kind === 'near-peer').map((c) => c.id))).map((f) => [f.id, f.classYear]))
      return list.map((c) => ({ ...c, classYear: years.get(c.id) ?? null }))
    }
    const context = { studentClassYear: student.classYear, pendingRequests }
    const candidates = await withYears(recommended)

    const suggestions = new Map<AdvisingSlot, ReturnType<typeof suggestionsForSlot>>()
    for (const slot of board.slots) {
      if (!slot.isEmpty || !slot.isRequired) continue
      let list = suggestionsForSlot(slot.slot, declared, candidates, specialtyAdvisors, onBoard, SUGGESTIONS_PER_SLOT, context)
      if (list.length < SUGGESTIONS_PER_SLOT && slot.slot !== 'advisory-dean') {
        const more = await withYears(await directoryCandidates(studentActor, slot.slot, declared?.id ?? null, audience))
        list = suggestionsForSlot(
          slot.slot,
          declared,
          [...candidates, ...more.map((m) => ({ ...m, reasons: m.reasons.map(voice) }))],
          specialtyAdvisors,
          onBoard,
          SUGGESTIONS_PER_SLOT,
          context,
        )
      }
      suggestions.set(slot.slot, list)
    }

    return {
      student: { id: student.id, name: student.name, classYear: student.classYear },
      declaredSpecialty: declared,
      emptySlots: board.emptySlots,
      slots: board.slots.map((slot) => ({ ...slot, suggestions: suggestions.get(slot.slot) ?? [] })),
      others: board.others,
    }
  }

  async function requireStudent(studentId: string): Promise<StudentRow> {
    const student = await repo.findStudentById(studentId)
    if (!student) throw new AppError('NOT_FOUND', STUDENT_NOT_VISIBLE)
    return student
  }

  /** An advisor may change the board of their own students; an admin, anyone's. */
  async function assertCanManageBoard(actor: Actor, studentId: string): Promise<void> {
    if (actor.roles.includes('admin')) return
    if (actor.roles.includes('advisor') && (await studentRecords.isAssignedAdvisor(actor.personId, studentId))) return
    throw new AppError('NOT_FOUND', STUDENT_NOT_VISIBLE)
  }

  /** As it reads mid-sentence: "research mentor", but "Dermatology advisor". */
  function slotLabelOf(slot: AssignableSlot, specialtyId: string | null): string {
    return slot === 'specialty-advisor' && specialtyId ? `${specialtyName(specialtyId)} advisor` : ADVISING_SLOT_LABELS[slot].toLowerCase()
  }

  /** Where the advisor who asked sees the slot again: an advisor the student's board; an admin (who reads no boards) the advisors page. */
  function askerLink(roles: readonly string[], studentId: string): string {
    return roles.includes('advisor') ? `${appOrigin}/advising/students/${studentId}` : `${appOrigin}/admin/advisors`
  }

  /** An assignment waiting for this person's answer; anyone else's, or one answered, is not found. */
  async function requireAgreementRequest(actor: Actor, assignmentId: string) {
    const assignment = await repo.findAssignmentById(assignmentId)
    if (assignment?.personId !== actor.personId) throw new AppError('NOT_FOUND', 'No such request waiting for your answer.')
    if (assignment.agreedAt !== null)
      throw new AppError('CONFLICT', 'You agreed to this already. To step down, ask the advisor who asked you to take you off the board.')
    return assignment
  }

  type Pair = { row: number; label: string; studentId: string; advisorId: string }

  /** Writes the checked pairs in one transaction, an audit row each. */
  async function assignAdvisorRows(actor: Actor, pairs: readonly Pair[], meta: RequestMeta): Promise<AssignmentRowResult[]> {
    const now = clock.now()
    return db.transaction(async (tx) => {
      const out: AssignmentRowResult[] = []
      for (const p of pairs) {
        const added = await repo.addStudentAdvisor(p.studentId, p.advisorId, actor.personId, now, tx)
        if (added) await audit.record({ actorId: actor.personId, action: 'advising.advisor-assigned', objectType: 'person', objectId: p.studentId }, meta, tx)
        out.push({ row: p.row, studentId: p.studentId, label: p.label, outcome: added ? 'assigned' : 'already-assigned', column: null, reason: null })
      }
      return out
    })
  }

  /**
   * One advisory dean per student (decision 012): a row naming a second one is refused, never
   * added beside the first. Changing a student's dean is explicit: remove the current one on the
   * student's row of the advisors page, then assign the new one. Returns a checker that remembers
   * the deans the same file or list assigns on earlier rows.
   */
  async function deanChecker(studentIds: readonly string[]) {
    const deans = new Map<string, { id: string; name: string }>()
    for (const a of await repo.listOfficeAdvisorsOf(studentIds))
      if (a.advisesSpecialtyId === null) deans.set(a.studentId, { id: a.advisorId, name: a.advisorName })
    return (
      studentId: string,
      studentName: string,
      advisor: { id: string; name: string; advisesSpecialtyId: string | null },
      onEarlierRow = false,
    ): string | null => {
      if (advisor.advisesSpecialtyId !== null) return null
      const current = deans.get(studentId)
      if (current && current.id !== advisor.id) {
        return onEarlierRow
          ? `An earlier row already gives ${studentName} an advisory dean (${current.name}); a student has one.`
          : `${studentName} already has an advisory dean (${current.name}); a student has one. To change it, remove ${current.name} on ${studentName}’s row first.`
      }
      deans.set(studentId, { id: advisor.id, name: advisor.name })
      return null
    }
  }

  function summarize(rows: AssignmentRowResult[], dryRun = false): AssignmentResultsResponse {
    const sorted = [...rows].sort((a, b) => a.row - b.row)
    return {
      dryRun,
      toAssign: sorted.filter((r) => r.outcome === 'to-assign').length,
      assigned: sorted.filter((r) => r.outcome === 'assigned').length,
      alreadyAssigned: sorted.filter((r) => r.outcome === 'already-assigned').length,
      rejected: sorted.filter((r) => r.outcome === 'rejected').length,
      rows: sorted,
    }
  }

  return {
    /**
     * The one gate for every student record, for other modules (letters, list builder, rank
     * lists): the student and their assigned advisors (and roles the caller's module grants);
     * every read by someone else is audited. NOT_FOUND otherwise.
     */
    assertCanReadStudentRecord: studentRecords.assertCanRead,

    /**
     * For the roster (decision 030): what giving each student their house's advisory dean would do
     * — assign, reassign (a dean an earlier house gave), keep (a dean an admin chose), or nothing.
     * Reads through `reader`, so a roster's transaction sees its own writes.
     */
    async planHouseDeans(pairs: readonly HouseDeanPair[], reader: Pick<Database, 'select'> = db): Promise<HouseDeanPlan[]> {
      const deans = await repo.listDeansOf(
        pairs.map((p) => p.studentId),
        reader,
      )
      return pairs.map((p) => {
        const current = deans.get(p.studentId) ?? null
        return { ...p, currentAdvisorId: current?.advisorId ?? null, outcome: planHouseDean(current, p.advisorId) }
      })
    },

    /** Writes a plan of `planHouseDeans` in the caller's transaction: an audit row per student whose dean changes. */
    async applyHouseDeans(actor: Actor, plan: readonly HouseDeanPlan[], meta: RequestMeta, tx: Tx): Promise<void> {
      const now = clock.now()
      const changing = plan.filter((p) => p.outcome === 'assign' || p.outcome === 'reassign')
      for (const p of changing) {
        if (p.outcome === 'reassign' && p.currentAdvisorId) await repo.removeStudentAdvisor(p.studentId, p.currentAdvisorId, tx)
        await repo.addHouseDean(p.studentId, p.advisorId, p.house, actor.personId, now, tx)
      }
      await audit.recordMany(
        changing.map((p) => ({ actorId: actor.personId, action: `advising.advisor-assigned:house-${p.outcome}`, objectType: 'person', objectId: p.studentId })),
        meta,
        tx,
      )
    },

    /** The signed-in student's own board, with suggestions for every empty slot. */
    async getMyBoard(actor: Actor): Promise<AdvisingBoardView> {
      const student = await repo.findStudentById(actor.personId)
      if (!student) throw new AppError('NOT_FOUND', 'You have no student record yet. The Office of Student Affairs sets it up.')
      return buildBoard(student, 'student')
    },

    /** A student's board for one of their assigned advisors; the read is audited by the gate. */
    async getStudentBoard(actor: Actor, studentId: string, meta: RequestMeta): Promise<AdvisingBoardView> {
      await studentRecords.assertCanRead(actor, studentId, 'advising-board', meta)
      const student = await requireStudent(studentId)
      return buildBoard(student, actor.personId === studentId ? 'student' : 'staff')
    },

    /**
     * For the school dashboard (reporting): each active student — of `studentIds`, or every one —
     * with class year, the mentors of their active ongoing mentorships and their board's empty required
     * slots, in the board's batched reads. No suggestions, no audit: the caller audits its report.
     */
    async listBoardGaps(studentIds: readonly string[] | 'every-active-student'): Promise<BoardGaps[]> {
      // Students without a class year are left out below, so the school's list may skip them in SQL.
      const students =
        studentIds === 'every-active-student'
          ? await repo.listActiveStudentsWithProfiles()
          : (await repo.listStudentsByIds(studentIds)).filter((s) => s.status === 'active')
      // The gaps name no one: the mentors' names are not read.
      const inputs = await loadInputs(students, { mentorNames: false })
      return students.flatMap((s) => {
        const input = inputs.get(s.id)
        if (!input || s.classYear === null) return []
        const board = computeBoard(input, 'staff')
        return [
          {
            id: s.id,
            name: s.name,
            email: s.email,
            classYear: s.classYear,
            // A coffee chat is one conversation, not a mentor.
            mentorIds: [...new Set(input.mentorships.filter((m) => m.kind === 'ongoing').map((m) => m.mentor.id))],
            emptySlots: board.emptySlots,
            holderIds: Object.fromEntries(board.slots.map((slot) => [slot.slot, slot.holders.map((h) => h.person.id)])),
          },
        ]
      })
    },

    /** The advisor's assigned students, each with the slots filled and the empty ones flagged. */
    async listMyStudents(actor: Actor, query: MyStudentsQuery, meta: RequestMeta): Promise<MyStudentsResponse> {
      const ids = await studentRecords.studentsOf(actor.personId)
      const students = await repo.listStudentsByIds(ids)
      const inputs = await loadInputs(students)
      const missingCounts = Object.fromEntries(ADVISING_SLOTS.map((s) => [s, 0])) as Record<AdvisingSlot, number>
      const items: MyStudentsResponse['items'] = []
      for (const s of students) {
        const input = inputs.get(s.id)
        if (!input) continue
        const board = computeBoard(input, 'staff')
        for (const slot of board.emptySlots) missingCounts[slot] += 1
        if (query.missing && !board.emptySlots.includes(query.missing)) continue
        if (query.classYear && s.classYear !== query.classYear) continue
        items.push({
          student: { id: s.id, name: s.name, classYear: s.classYear },
          declaredSpecialtyName: board.declaredSpecialty?.name ?? null,
          slots: board.slots.map((slot) => ({
            slot: slot.slot,
            holderNames: slot.holders.map((h) => (h.awaitingAgreement ? `${h.person.name} (awaiting agreement)` : h.person.name)),
          })),
          emptySlots: board.emptySlots,
          otherNames: board.others.map((o) => o.person.name),
        })
      }
      await audit.record({ actorId: actor.personId, action: 'advising.my-students.read', objectType: 'person', objectId: actor.personId }, meta)
      return { items, missingCounts, total: students.length }
    },

    /** Fills a slot of a student's board by hand (advisors for their students; admins). */
    async assignToBoard(actor: Actor, input: CreateBoardAssignment, meta: RequestMeta): Promise<BoardAssignmentResult> {
      const { studentId } = input
      await assertCanManageBoard(actor, studentId)
      const student = await requireStudent(studentId)
      if (input.personId === studentId)
        throw new AppError('VALIDATION_FAILED', 'A student cannot fill a slot of their own board.', { personId: 'Choose someone else.' })
      const person = await repo.findPersonIncludeProfiles(input.personId)
      if (person?.status !== 'active') throw new AppError('VALIDATION_FAILED', 'Choose an active person.', { personId: 'No active person with this id.' })
      const label = ADVISING_SLOT_LABELS[input.slot].toLowerCase()
      const isMentor = person.roles.includes('mentor') && person.mentorKind !== null
      let specialtyId: string | null = null
      switch (input.slot) {
        case 'specialty-advisor': {
          const declared = declaredSpecialtyOf(student.specialtyInterests)
          if (!declared)
            throw new AppError('VALIDATION_FAILED', 'The student has not declared a specialty yet (their first specialty interest).', {
              slot: 'No declared specialty to advise in.',
            })
          const theirs = person.advisesSpecialtyId ?? (isMentor && person.mentorKind === 'faculty' ? person.mentorSpecialtyId : null)
          if (theirs !== declared.id) {
            const what = theirs ? `advises in ${specialtyName(theirs)}` : 'is neither a specialty advisor nor faculty in a specialty'
            throw new AppError('VALIDATION_FAILED', `${person.name} ${what}; the student's declared specialty is ${declared.name}.`, {
              personId: `Choose a ${declared.name} advisor or faculty member.`,
            })
          }
          specialtyId = declared.id
          break
        }
        case 'research-mentor':
          if (!isMentor) throw new AppError('VALIDATION_FAILED', `${person.name} is not a mentor.`, { personId: `Choose a mentor for the ${label} slot.` })
          break
        case 'near-peer': {
          if (!isMentor || person.mentorKind !== 'near-peer')
            throw new AppError('VALIDATION_FAILED', `${person.name} is not a near-peer mentor.`, { personId: 'Choose a near-peer mentor.' })
          const [facts] = await repo.listPeopleFacts([person.id])
          if (!isYearOrTwoAhead(student.classYear, facts?.classYear ?? null)) {
            throw new AppError('VALIDATION_FAILED', `${person.name} is not a year or two ahead of ${student.name}.`, {
              personId: 'Choose a near-peer a year or two ahead of the student.',
            })
          }
          break
        }
        case 'resident-or-alumni':
          if (!isMentor || !['resident', 'fellow', 'alumni'].includes(person.mentorKind ?? '')) {
            throw new AppError('VALIDATION_FAILED', `${person.name} is not a resident, fellow or alumni mentor.`, {
              personId: 'Choose a resident, fellow or alumni mentor.',
            })
          }
          break
      }
      const slotLabel = slotLabelOf(input.slot, specialtyId)
      // Someone assigning themselves has agreed by doing it; anyone else is asked first.
      const selfAssigned = person.id === actor.personId
      const now = clock.now()
      const id = await db.transaction(async (tx) => {
        const inserted = await repo.insertAssignment(
          {
            studentId,
            slot: input.slot,
            personId: person.id,
            specialtyId,
            note: input.note,
            assignedBy: actor.personId,
            assignedAt: now,
            agreedAt: selfAssigned ? now : null,
          },
          tx,
        )
        if (!inserted) throw new AppError('CONFLICT', `${person.name} is already assigned to this slot.`)
        await audit.record({ actorId: actor.personId, action: 'advising-board.assigned', objectType: 'person', objectId: studentId }, meta, tx)
        // Nobody is placed on a board silently: the person is asked (the student hears once they
        // agree); in the same transaction as the row, so the ask cannot be lost.
        if (selfAssigned) {
          await notifications.enqueue(boardAssignedStudentEmail(student.email, student.name, person.name, slotLabel, actor.name, `${appOrigin}/advising`), tx)
        } else {
          await notifications.enqueue(
            boardAgreementAskedEmail(person.email, person.name, student.name, slotLabel, actor.name, input.note, `${appOrigin}/?agreement=${inserted}`),
            tx,
          )
        }
        return inserted
      })
      if (selfAssigned) {
        return {
          assignmentId: id,
          message: `You are now ${student.name}’s ${slotLabel}. We e-mailed ${student.name}.`,
          emailed: [student.name],
        }
      }
      return {
        assignmentId: id,
        message: `We asked ${person.name} to agree to be ${student.name}’s ${slotLabel}. The board shows them as awaiting agreement until they answer; ${student.name} is told once they agree, and you are told if they decline.`,
        emailed: [person.name],
      }
    },

    /** The slots this person was asked to take on and has not answered yet. */
    async listMyAgreementRequests(actor: Actor): Promise<AgreementRequestsResponse> {
      const [rows, asked] = await Promise.all([repo.listAwaitingAgreementOf(actor.personId), repo.listAwaitingAgreementAskedBy(actor.personId)])
      const names = await repo.mapPersonNames([
        ...rows.map((r) => r.studentId),
        ...rows.flatMap((r) => (r.assignedBy ? [r.assignedBy] : [])),
        ...asked.flatMap((r) => [r.studentId, r.personId]),
      ])
      return {
        waitingOnOthers: asked.flatMap((r) => {
          const studentName = names.get(r.studentId)
          const personName = names.get(r.personId)
          if (studentName === undefined || personName === undefined) return []
          return [
            {
              assignmentId: r.id,
              student: { id: r.studentId, name: studentName },
              person: { id: r.personId, name: personName },
              slotLabel: slotLabelOf(r.slot, r.specialtyId),
              askedAt: r.assignedAt.toISOString(),
              remindedAt: r.remindedAt?.toISOString() ?? null,
              lapsesAt: r.remindedAt ? agreementLapsesAt(r.remindedAt).toISOString() : null,
            },
          ]
        }),
        items: rows.flatMap((r) => {
          const studentName = names.get(r.studentId)
          if (studentName === undefined) return []
          const askedByName = r.assignedBy ? names.get(r.assignedBy) : undefined
          return [
            {
              assignmentId: r.id,
              student: { id: r.studentId, name: studentName },
              slotLabel: slotLabelOf(r.slot, r.specialtyId),
              askedBy: r.assignedBy && askedByName !== undefined ? { id: r.assignedBy, name: askedByName } : null,
              askedAt: r.assignedAt.toISOString(),
              note: r.note,
            },
          ]
        }),
      }
    },

    /** The person assigned agrees: the slot is theirs, the student and the advisor who asked are told. */
    async acceptAgreement(actor: Actor, assignmentId: string, meta: RequestMeta): Promise<AgreementAnswer> {
      const assignment = await requireAgreementRequest(actor, assignmentId)
      const student = await requireStudent(assignment.studentId)
      const asker = assignment.assignedBy ? await repo.findPersonIncludeProfiles(assignment.assignedBy) : null
      const slotLabel = slotLabelOf(assignment.slot, assignment.specialtyId)
      await db.transaction(async (tx) => {
        if (!(await repo.markAgreed(assignment.id, clock.now(), tx))) throw new AppError('CONFLICT', 'You have answered this already.')
        await audit.record({ actorId: actor.personId, action: 'advising-board.agreed', objectType: 'person', objectId: student.id }, meta, tx)
        await notifications.enqueue(
          boardAssignedStudentEmail(
            student.email,
            student.name,
            actor.name,
            slotLabel,
            asker?.name ?? 'The Office of Student Affairs',
            `${appOrigin}/advising`,
          ),
          tx,
        )
        if (asker?.status === 'active')
          await notifications.enqueue(
            boardAgreementAnsweredEmail(asker.email, asker.name, actor.name, student.name, slotLabel, true, '', askerLink(asker.roles, student.id)),
            tx,
          )
      })
      const firstName = student.name.split(/\s+/)[0]
      return { message: `You are now ${student.name}’s ${slotLabel}. We told ${asker?.status === 'active' ? `${firstName} and ${asker.name}` : firstName}.` }
    },

    /** The person assigned declines: the assignment is gone and the advisor who asked is told why. */
    async declineAgreement(actor: Actor, assignmentId: string, input: DeclineAgreement, meta: RequestMeta): Promise<AgreementAnswer> {
      const assignment = await requireAgreementRequest(actor, assignmentId)
      const student = await requireStudent(assignment.studentId)
      const asker = assignment.assignedBy ? await repo.findPersonIncludeProfiles(assignment.assignedBy) : null
      const slotLabel = slotLabelOf(assignment.slot, assignment.specialtyId)
      const told = asker?.status === 'active' ? asker : null
      await db.transaction(async (tx) => {
        // The delete itself checks the request is unanswered: an accept that committed after this
        // decline was read (or while it waited for the row) keeps the agreed assignment.
        if (!(await repo.deleteAwaitingAssignment(assignment.id, tx))) {
          const agreed = await repo.findAssignmentById(assignment.id, tx)
          throw agreed
            ? new AppError(
                'CONFLICT',
                `You agreed already: you are ${student.name}’s ${slotLabel}. To step down, ask ${asker?.name ?? 'the Office of Student Affairs'} to take you off the board.`,
              )
            : new AppError('CONFLICT', 'You declined this already, or it was withdrawn.')
        }
        await audit.record({ actorId: actor.personId, action: 'advising-board.declined', objectType: 'person', objectId: student.id }, meta, tx)
        if (told)
          await notifications.enqueue(
            boardAgreementAnsweredEmail(told.email, told.name, actor.name, student.name, slotLabel, false, input.reason, askerLink(told.roles, student.id)),
            tx,
          )
      })
      // Say only what happened: nobody is e-mailed when the asker's account is gone or closed.
      const firstName = student.name.split(/\s+/)[0]
      return {
        message: told
          ? `You declined. We told ${told.name}, so they can ask someone else.`
          : `You declined, and you are off ${firstName}’s board. ${asker ? `${asker.name} no longer has an active account` : 'The advisor who asked no longer has an account'}, so nobody was e-mailed; ${firstName}’s advisors see the slot as open.`,
      }
    },

    /**
     * The agreement sweep: a week after an advisor asked, the person who has not answered is
     * reminded, once. The reminder is claimed in the database with the e-mail in the same
     * transaction (`claimAgreementReminder`), so concurrent sweeps never send it twice.
     */
    async sweepAgreementReminders(now: Date = clock.now()): Promise<{ reminded: number }> {
      let reminded = 0
      for (const row of await repo.listAgreementRemindersDue(agreementReminderCutoff(now))) {
        const [person, student, asker] = await Promise.all([
          repo.findPersonIncludeProfiles(row.personId),
          repo.findStudentById(row.studentId),
          row.assignedBy ? repo.findPersonIncludeProfiles(row.assignedBy) : null,
        ])
        if (!student) continue
        const sent = await db.transaction(async (tx) => {
          if (!(await repo.claimAgreementReminder(row.id, now, tx))) return false
          // Claimed either way, so a closed account is not retried every sweep; only active people get mail.
          if (person?.status !== 'active') return false
          await notifications.enqueue(
            boardAgreementReminderEmail(
              person.email,
              person.name,
              student.name,
              slotLabelOf(row.slot, row.specialtyId),
              asker?.name ?? 'The Office of Student Affairs',
              `${appOrigin}/?agreement=${row.id}`,
              agreementLapsesAt(now),
            ),
            tx,
          )
          return true
        })
        if (sent) reminded++
      }
      return { reminded }
    },

    /**
     * Two weeks after its reminder, a request still unanswered lapses: the person comes off the
     * board, the slot is open again, and the advisor who asked is told. The conditional delete
     * is the claim, so an answer given meanwhile wins and concurrent sweeps lapse it once.
     */
    async sweepLapsedAgreements(now: Date = clock.now()): Promise<{ lapsed: number }> {
      let lapsed = 0
      for (const row of await repo.listLapsedAgreements(agreementLapseCutoff(now))) {
        const [person, student, asker] = await Promise.all([
          repo.findPersonIncludeProfiles(row.personId),
          repo.findStudentById(row.studentId),
          row.assignedBy ? repo.findPersonIncludeProfiles(row.assignedBy) : null,
        ])
        const done = await db.transaction(async (tx) => {
          if (!(await repo.deleteAwaitingAssignment(row.id, tx))) return false
          await audit.record({ actorId: null, action: 'advising-board.agreement-lapsed', objectType: 'person', objectId: row.studentId }, null, tx)
          if (asker?.status === 'active' && student)
            await notifications.enqueue(
              boardAgreementLapsedEmail(
                asker.email,
                asker.name,
                person?.name ?? 'The person you asked',
                student.name,
                slotLabelOf(row.slot, row.specialtyId),
                row.assignedAt,
                askerLink(asker.roles, student.id),
              ),
              tx,
            )
          return true
        })
        if (done) lapsed++
      }
      return { lapsed }
    },

    async removeFromBoard(actor: Actor, assignmentId: string, meta: RequestMeta): Promise<void> {
      const assignment = await repo.findAssignmentById(assignmentId)
      if (!assignment) throw new AppError('NOT_FOUND', 'No such assignment on a board you manage.')
      await assertCanManageBoard(actor, assignment.studentId)
      await db.transaction(async (tx) => {
        if (!(await repo.deleteAssignment(assignmentId, assignment.studentId, tx))) throw new AppError('NOT_FOUND', 'No such assignment on a board you manage.')
        await audit.record({ actorId: actor.personId, action: 'advising-board.unassigned', objectType: 'person', objectId: assignment.studentId }, meta, tx)
      })
    },

    // ── advisors of students (admins) ──

    async listAdvisors(): Promise<AdvisorsResponse> {
      const rows = await repo.listAdvisors()
      return {
        items: rows.map((r) => ({
          id: r.id,
          name: r.name,
          title: r.title ?? '',
          advisesSpecialtyName: r.advisesSpecialtyId ? specialtyName(r.advisesSpecialtyId) : null,
          studentCount: Number(r.studentCount),
        })),
      }
    },

    async listStudentAdvisors(query: StudentAdvisorsQuery): Promise<StudentAdvisorsResponse> {
      const students = await repo.listActiveStudents(query.classYear)
      const advisors = await repo.listOfficeAdvisorsOf(students.map((s) => s.id))
      const byStudent = new Map<string, { id: string; name: string; assignedAt: string }[]>()
      for (const a of advisors) {
        const list = byStudent.get(a.studentId) ?? []
        list.push({ id: a.advisorId, name: a.advisorName, assignedAt: a.assignedAt.toISOString() })
        byStudent.set(a.studentId, list)
      }
      const items = students
        .map((s) => ({ student: { id: s.id, name: s.name, email: s.email, classYear: s.classYear }, advisors: byStudent.get(s.id) ?? [] }))
        .filter((row) => (query.unassigned === 'true' ? row.advisors.length === 0 : true))
        .filter((row) => (query.advisorId ? row.advisors.some((a) => a.id === query.advisorId) : true))
      return { items, total: items.length }
    },

    /** Sets exactly these advisors for one student: at most one advisory dean (this is how a dean is replaced). */
    async setStudentAdvisors(actor: Actor, input: SetStudentAdvisors, meta: RequestMeta): Promise<StudentAdvisorsResponse['items'][number]> {
      const { studentId, advisorIds } = input
      const student = await repo.findStudentById(studentId)
      if (!student) throw new AppError('VALIDATION_FAILED', 'Choose a student.', { studentId: 'No student with this id.' })
      const wanted = [...new Set(advisorIds)]
      const fields: Record<string, string> = {}
      let dean: { index: number; name: string } | null = null
      for (const [i, id] of wanted.entries()) {
        const advisor = await repo.findActiveAdvisor(id)
        if (!advisor) fields[`advisorIds.${i}`] = 'Not an active advisor.'
        else if (advisor.advisesSpecialtyId === null) {
          if (dean) fields[`advisorIds.${i}`] = `A student has one advisory dean; ${dean.name} is already in this list.`
          else dean = { index: i, name: advisor.name }
        }
      }
      if (Object.keys(fields).length > 0)
        throw new AppError('VALIDATION_FAILED', 'Only active advisors, and one advisory dean, can be assigned to a student.', fields)
      const now = clock.now()
      await db.transaction(async (tx) => {
        const current = await repo.listAdvisorIdsOf(studentId, tx)
        for (const id of current.filter((c) => !wanted.includes(c))) {
          await repo.removeStudentAdvisor(studentId, id, tx)
          await audit.record({ actorId: actor.personId, action: 'advising.advisor-unassigned', objectType: 'person', objectId: studentId }, meta, tx)
        }
        for (const id of wanted.filter((w) => !current.includes(w))) {
          await repo.addStudentAdvisor(studentId, id, actor.personId, now, tx)
          await audit.record({ actorId: actor.personId, action: 'advising.advisor-assigned', objectType: 'person', objectId: studentId }, meta, tx)
        }
      })
      const advisors = await repo.listOfficeAdvisorsOf([studentId])
      return {
        student: { id: student.id, name: student.name, email: student.email, classYear: student.classYear },
        advisors: advisors.map((a) => ({ id: a.advisorId, name: a.advisorName, assignedAt: a.assignedAt.toISOString() })),
      }
    },

    /** "Assign these 30 students to this advisor": each student assigned, already assigned, or rejected with a reason. */
    async bulkAssignAdvisor(actor: Actor, input: BulkAssignAdvisor, meta: RequestMeta): Promise<AssignmentResultsResponse> {
      const advisor = await repo.findActiveAdvisor(input.advisorId)
      if (!advisor) throw new AppError('VALIDATION_FAILED', 'Choose an active advisor.', { advisorId: 'Not an active advisor.' })
      const unique = [...new Set(input.studentIds)]
      const students = new Map((await repo.listStudentsByIds(unique)).map((s) => [s.id, s]))
      const checkDean = await deanChecker([...students.keys()])
      const rows: AssignmentRowResult[] = []
      const pairs: Pair[] = []
      for (const [i, id] of unique.entries()) {
        const student = students.get(id)
        const reject = (reason: string) => rows.push({ row: i + 1, studentId: id, label: student?.name ?? id, outcome: 'rejected', column: null, reason })
        const problem = !student
          ? 'No student with this id.'
          : student.status !== 'active'
            ? `${student.name}’s account is ${student.status}.`
            : checkDean(id, student.name, advisor)
        if (problem || !student) reject(problem ?? 'No student with this id.')
        else pairs.push({ row: i + 1, label: student.name, studentId: id, advisorId: input.advisorId })
      }
      rows.push(...(await assignAdvisorRows(actor, pairs, meta)))
      return summarize(rows)
    },

    /**
     * CSV `student_email,advisor_email`. A dry run (the default) checks every row and writes
     * nothing: each row says what applying would do, or its problem and column. Applying checks
     * again and writes the valid rows in one transaction.
     */
    async importAdvisorAssignments(
      actor: Actor,
      csv: string,
      meta: RequestMeta,
      options: { dryRun: boolean } = { dryRun: true },
    ): Promise<AssignmentResultsResponse> {
      const parsed = parseAdvisorAssignmentsCsv(csv)
      if (parsed.fileError) throw new AppError('VALIDATION_FAILED', parsed.fileError, { csv: parsed.fileError })
      const emails = [...new Set(parsed.rows.flatMap((r) => [r.studentEmail, r.advisorEmail]))]
      const byEmail = new Map((await repo.findPeopleByEmails(emails)).map((p) => [p.email.toLowerCase(), p]))
      const studentIds = parsed.rows.flatMap((r) => byEmail.get(r.studentEmail)?.id ?? [])
      const checkDean = await deanChecker(studentIds)
      const current = new Set((await repo.listOfficeAdvisorsOf(studentIds)).map((a) => `${a.studentId} ${a.advisorId}`))
      const rows: AssignmentRowResult[] = parsed.rejects.map((r) => ({
        row: r.row,
        studentId: null,
        label: r.label,
        outcome: 'rejected',
        column: r.column,
        reason: r.reason,
      }))
      const pairs: Pair[] = []
      const deanRows = new Map<string, number>()
      for (const r of parsed.rows) {
        const label = `${r.studentEmail} → ${r.advisorEmail}`
        const student = byEmail.get(r.studentEmail)
        const advisor = byEmail.get(r.advisorEmail)
        const reject = (column: 'student_email' | 'advisor_email', reason: string) =>
          rows.push({ row: r.row, studentId: student?.id ?? null, label, outcome: 'rejected', column, reason })
        if (!student) reject('student_email', `No one has the e-mail ${r.studentEmail}.`)
        else if (!student.isStudent) reject('student_email', `${student.name} (${r.studentEmail}) is not a student.`)
        else if (student.status !== 'active') reject('student_email', `${student.name}’s account is ${student.status}.`)
        else if (!advisor) reject('advisor_email', `No one has the e-mail ${r.advisorEmail}.`)
        else if (!advisor.isAdvisor) reject('advisor_email', `${advisor.name} (${r.advisorEmail}) is not an advisor.`)
        else if (advisor.status !== 'active') reject('advisor_email', `${advisor.name}’s account is ${advisor.status}.`)
        else {
          const dean = checkDean(
            student.id,
            student.name,
            { id: advisor.id, name: advisor.name, advisesSpecialtyId: advisor.advisesSpecialtyId ?? null },
            deanRows.has(student.id),
          )
          if (dean) reject('advisor_email', dean)
          else {
            if (advisor.advisesSpecialtyId === null && !current.has(`${student.id} ${advisor.id}`)) deanRows.set(student.id, r.row)
            pairs.push({ row: r.row, label, studentId: student.id, advisorId: advisor.id })
          }
        }
      }
      if (options.dryRun) {
        for (const p of pairs)
          rows.push({
            row: p.row,
            studentId: p.studentId,
            label: p.label,
            outcome: current.has(`${p.studentId} ${p.advisorId}`) ? 'already-assigned' : 'to-assign',
            column: null,
            reason: null,
          })
        return summarize(rows, true)
      }
      rows.push(...(await assignAdvisorRows(actor, pairs, meta)))
      return summarize(rows)
    },
  }
}

export type AdvisingService = ReturnType<typeof createAdvisingService>
