import type { RecommendMentor, RecommendStudent } from '#engines/recommend/index.ts'
import type { Database, Tx } from '#server/db/client.ts'
import type {
  CreateMentorProgram,
  DraftPair,
  DraftView,
  EditPair,
  ImportConflicts,
  ImportConflictsResponse,
  MentorProgramList,
  MentorProgramSummary,
  MentorProgramView,
  MyMentorPrograms,
  PublishResponse,
  SaveRanking,
  SetContinuation,
  StudentRankingView,
  UpdateMentorProgram,
} from '#shared/contracts/mentor-programs.ts'
import { AppError, type FieldErrors } from '#shared/errors.ts'
import type { ClassYear } from '#shared/enums.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import { listHeldPersonIds } from '../identity/directory-hold.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { pairKey as mentorshipPairKey } from '../mentorships/mentorship-reads.ts'
import type { MentorshipsService } from '../mentorships/mentorships.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import {
  checkPairEdit,
  findViolations,
  isOpenToParticipants,
  pairKey,
  reasonForStaff,
  refusalFor,
  seatsOf,
  statusAfterEdit,
  unpairedReason,
  type ProgramConstraints,
} from './domain/program-rules.ts'
import { fitOfAllowedPairs, runPairing } from './domain/run-pairing.ts'
import { pairedMentorEmail, pairedStudentEmail, rankingOpenEmail } from './mentor-programs-emails.ts'
import type { MentorProgramsRepository, ProgramRow } from './mentor-programs.repository.ts'

export type MentorProgramsDeps = {
  db: Database
  repo: MentorProgramsRepository
  /** Publishing creates mentorships through the mentorships service, in the publish transaction, under its lock order. */
  mentorships: Pick<MentorshipsService, 'createMentorshipsForProgram'>
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  /** Open places per mentor (capacity minus active mentees), from the mentorships module. */
  openPlacesOf: (mentorIds: readonly string[]) => Promise<Map<string, number>>
  appOrigin: string
}

const NOT_VISIBLE = 'No such mentor program, or it is not visible to you.'
const SPECIALTY_NAMES = new Map(SPECIALTIES.map((s) => [s.id, s.name]))
const iso = (d: Date | null) => d?.toISOString() ?? null
const day = (d: Date) => d.toISOString().slice(0, 10)

export function createMentorProgramsService(deps: MentorProgramsDeps) {
  const { db, repo, mentorships, clock, audit, notifications, openPlacesOf, appOrigin } = deps

  function summaryOf(program: ProgramRow, counts: { students: number; mentors: number }): MentorProgramSummary {
    return {
      id: program.id,
      name: program.name,
      status: program.status,
      pairingMethod: program.pairingMethod,
      studentCount: counts.students,
      mentorCount: counts.mentors,
      rankingDeadline: iso(program.rankingDeadline),
      createdAt: program.createdAt.toISOString(),
      publishedAt: iso(program.publishedAt),
    }
  }

  async function getProgramRow(id: string, tx: Tx = db): Promise<ProgramRow> {
    const program = await repo.findProgramById(id, tx)
    if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
    return program
  }

  function refuse(action: Parameters<typeof refusalFor>[0], program: ProgramRow) {
    const why = refusalFor(action, program.status, program.pairingMethod)
    if (why) throw new AppError('CONFLICT', why)
  }

  /**
   * Resolves a program's participants from e-mails and class years. Every line that names no
   * active student (or mentor) is refused with its own field, and nothing is written.
   */
  async function resolveParticipants(
    input: { classYears: readonly ClassYear[]; studentEmails: readonly string[]; mentors: readonly { email: string; capacity: number | null }[] },
    tx: Tx,
  ) {
    const fields: FieldErrors = {}
    const found = new Map((await repo.findPeopleByEmails([...input.studentEmails, ...input.mentors.map((m) => m.email)], tx)).map((p) => [p.email, p]))
    const students = new Map<string, 'class-year' | 'listed'>()
    for (const id of await repo.listActiveStudentIdsOfClassYears(input.classYears, tx)) students.set(id, 'class-year')
    input.studentEmails.forEach((email, i) => {
      const person = found.get(email)
      if (person?.status !== 'active' || !person.roles.includes('student')) fields[`studentEmails.${i}`] = `${email}: no active student has this e-mail.`
      else if (!students.has(person.id)) students.set(person.id, 'listed')
    })
    const mentors = new Map<string, number | null>()
    input.mentors.forEach((m, i) => {
      const person = found.get(m.email)
      if (person?.status !== 'active' || !person.roles.includes('mentor')) fields[`mentors.${i}.email`] = `${m.email}: no active mentor has this e-mail.`
      else if (mentors.has(person.id)) fields[`mentors.${i}.email`] = `${m.email} is listed twice.`
      else mentors.set(person.id, m.capacity)
    })
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'Some participants could not be found. Check the lines named.', fields)
    return {
      students: [...students].map(([studentId, source]) => ({ studentId, source })),
      mentors: [...mentors].map(([mentorId, capacity]) => ({ mentorId, capacity })),
    }
  }

  async function checkKeepFrom(id: string | null, self: string | null, tx: Tx) {
    if (id === null) return
    const earlier = await repo.findProgramById(id, tx)
    if (!earlier || id === self || (earlier.status !== 'published' && earlier.status !== 'archived')) {
      throw new AppError('VALIDATION_FAILED', 'Pairs can be kept only from an earlier, published program.', {
        keepFromProgramId: 'Choose a published program.',
      })
    }
  }

  /** Everything a run, a draft or an edit needs, read before any transaction. */
  async function loadContext(programId: string) {
    const program = await getProgramRow(programId)
    const [students, mentors, conflicts, rankings, continuations, pairs, studentProfiles, mentorProfiles] = await Promise.all([
      repo.listStudents(programId),
      repo.listMentors(programId),
      repo.listConflicts(programId),
      repo.listRankings(programId),
      repo.listContinuations(programId),
      repo.listPairs(programId),
      repo.listStudentProfiles(programId),
      repo.listMentorProfiles(programId),
    ])
    const studentIds = new Set(students.map((s) => s.id))
    const mentorIds = new Set(mentors.map((m) => m.id))
    const forbidden = new Map(conflicts.map((c) => [pairKey(c.studentId, c.mentorId), c.reason]))
    // Kept: both opted in, the earlier program published the pair, and both are in this one.
    const previous = program.keepFromProgramId ? await repo.listPublishedPairs(program.keepFromProgramId) : []
    const previousPairs = new Map(previous.map((p) => [pairKey(p.studentId, p.mentorId ?? ''), p]))
    const kept = new Map<string, string>()
    const continuing = new Map<string, number>()
    for (const c of continuations) {
      const pair = previousPairs.get(pairKey(c.studentId, c.mentorId))
      if (!c.studentOptedAt || !c.mentorOptedAt || !pair || !studentIds.has(c.studentId) || !mentorIds.has(c.mentorId)) continue
      kept.set(c.studentId, c.mentorId)
      // A kept pair whose mentorship is still active goes on in it: it takes no new place.
      if (pair.mentorshipActive) continuing.set(c.mentorId, (continuing.get(c.mentorId) ?? 0) + 1)
    }
    const open = await openPlacesOf(mentors.map((m) => m.id))
    const seats = new Map(mentors.map((m) => [m.id, seatsOf(m.capacity, (open.get(m.id) ?? 0) + (continuing.get(m.id) ?? 0), program.maxPerMentor)]))
    const ranking = new Map<string, string[]>()
    for (const r of rankings) ranking.set(r.studentId, [...(ranking.get(r.studentId) ?? []), r.mentorId])
    const constraints: ProgramConstraints = { students: studentIds, seats, forbidden, kept }
    const names = new Map<string, string>([...students.map((s) => [s.id, s.name] as const), ...mentors.map((m) => [m.id, m.name] as const)])
    return { program, students, mentors, conflicts, ranking, pairs, constraints, names, studentProfiles, mentorProfiles, continuations, previous }
  }

  type Context = Awaited<ReturnType<typeof loadContext>>

  function engineInputs(ctx: Context) {
    const students: RecommendStudent[] = ctx.studentProfiles.map((s) => ({
      id: s.personId,
      classYear: s.classYear ?? 'M1',
      specialtyInterests: s.specialtyInterests ?? [],
      careerGoals: s.careerGoals ?? '',
      helpWanted: s.helpWanted ?? [],
      // Identity is never read for programs: admins see every reason, and a reason about a
      // shared identity would disclose it to them.
      identity: [],
      wantsIdentityAlignedMentor: false,
    }))
    const mentors: (RecommendMentor & { seats: number })[] = ctx.mentorProfiles.map((m) => ({
      id: m.personId,
      kind: m.kind ?? 'faculty',
      departmentId: m.departmentId,
      specialtyId: m.specialtyId,
      subspecialty: m.subspecialty ?? '',
      clinicalSite: m.clinicalSite ?? '',
      state: m.state ?? '',
      researchInterests: m.researchInterests ?? '',
      offers: m.offers ?? [],
      capacity: m.capacity ?? 0,
      accepting: true,
      languages: m.languages ?? [],
      identity: [],
      seats: ctx.constraints.seats.get(m.personId) ?? 0,
    }))
    const forbidden = ctx.conflicts.map((c) => ({ student: c.studentId, mentor: c.mentorId }))
    return { students, mentors, forbidden }
  }

  function draftOf(ctx: Context, editors: Map<string, string>): DraftView {
    const { program, constraints } = ctx
    const byStudent = new Map(ctx.pairs.map((p) => [p.studentId, p]))
    const filled = new Map<string, number>()
    for (const p of ctx.pairs) if (p.mentorId) filled.set(p.mentorId, (filled.get(p.mentorId) ?? 0) + 1)
    const totalSeats = [...constraints.seats.values()].reduce((a, b) => a + b, 0)
    const pairs: DraftPair[] = ctx.students.map((s) => {
      const row = byStudent.get(s.id)
      const mentorId = row?.mentorId ?? null
      const ranked = ctx.ranking.get(s.id) ?? []
      const rank = mentorId ? ranked.indexOf(mentorId) : -1
      const allowed = ctx.mentors
        .filter((m) => m.id !== s.id && (constraints.seats.get(m.id) ?? 0) > 0 && !constraints.forbidden.has(pairKey(s.id, m.id)))
        .map((m) => m.id)
      return {
        student: { id: s.id, name: s.name, classYear: s.classYear },
        mentor: mentorId ? { id: mentorId, name: ctx.names.get(mentorId) ?? editors.get(mentorId) ?? '' } : null,
        fit: row?.fit ?? null,
        reasons: (row?.reasons ?? []).map(reasonForStaff),
        source: row?.source ?? 'pairing',
        studentRank: rank >= 0 ? rank + 1 : null,
        editedBy: row?.editedBy ? { id: row.editedBy, name: editors.get(row.editedBy) ?? '' } : null,
        editedAt: iso(row?.editedAt ?? null),
        editReason: row?.editReason ?? null,
        mentorshipId: row?.mentorshipId ?? null,
        unpairedBecause:
          mentorId !== null || program.pairedAt === null
            ? null
            : unpairedReason({
                method: program.pairingMethod,
                allowedMentors: allowed,
                ranked,
                adminReason: row?.source === 'admin' ? (row.editReason ?? '') : null,
                adminName: row?.editedBy ? (editors.get(row.editedBy) ?? null) : null,
                studentCount: ctx.students.length,
                totalSeats,
              }),
      }
    })
    const totalFit = program.pairedAt === null ? null : Math.round(pairs.reduce((sum, p) => sum + (p.mentor ? (p.fit ?? 0) : 0), 0) * 100) / 100
    const upperBound = program.pairedUpperBound
    return {
      programId: program.id,
      status: program.status,
      pairingMethod: program.pairingMethod,
      pairedAt: iso(program.pairedAt),
      pairs,
      mentors: ctx.mentors.map((m) => ({ id: m.id, name: m.name, seats: constraints.seats.get(m.id) ?? 0, filled: filled.get(m.id) ?? 0 })),
      totalFit,
      upperBound,
      // The max-fit engine is exact (min-cost flow, checked against an LP solver); its own dual
      // bound proves it when it is given. An admin's edit may lower the total below the optimum.
      provenOptimal:
        program.pairingMethod === 'max-fit' &&
        program.pairedAt !== null &&
        !ctx.pairs.some((p) => p.source === 'admin') &&
        (upperBound === null || (totalFit !== null && Math.abs(upperBound - totalFit) <= 1e-6 * Math.max(1, Math.abs(upperBound)))),
    }
  }

  async function editorNames(ctx: Context): Promise<Map<string, string>> {
    const ids = [...new Set(ctx.pairs.flatMap((p) => [p.editedBy, p.mentorId]).filter((id): id is string => id !== null && !ctx.names.has(id)))]
    return new Map([...ctx.names, ...(await repo.listNames(ids)).map((p) => [p.id, p.name] as const)])
  }

  async function buildDraft(programId: string): Promise<DraftView> {
    const ctx = await loadContext(programId)
    return draftOf(ctx, await editorNames(ctx))
  }

  async function buildView(programId: string): Promise<MentorProgramView> {
    const program = await getProgramRow(programId)
    const [students, mentors, conflicts, continuations] = await Promise.all([
      repo.listStudents(programId),
      repo.listMentors(programId),
      repo.listConflicts(programId),
      repo.listContinuations(programId),
    ])
    const { constraints } = await loadContext(programId)
    const names = new Map([...students, ...mentors].map((p) => [p.id, p.name]))
    const missing = [...new Set(conflicts.flatMap((c) => [c.studentId, c.mentorId]).filter((id) => !names.has(id)))]
    for (const p of await repo.listNames(missing)) names.set(p.id, p.name)
    const keepFrom = program.keepFromProgramId ? await repo.findProgramById(program.keepFromProgramId) : null
    return {
      ...summaryOf(program, { students: students.length, mentors: mentors.length }),
      description: program.description,
      classYears: program.classYears,
      maxPerMentor: program.maxPerMentor,
      keepFromProgram: keepFrom ? { id: keepFrom.id, name: keepFrom.name } : null,
      students: students.map((s) => ({ id: s.id, name: s.name, email: s.email, classYear: s.classYear, source: s.source, ranked: s.ranked })),
      mentors: mentors.map((m) => ({
        id: m.id,
        name: m.name,
        email: m.email,
        kind: m.kind,
        specialtyName: m.specialtyId ? (SPECIALTY_NAMES.get(m.specialtyId) ?? null) : null,
        capacity: m.capacity,
        seats: constraints.seats.get(m.id) ?? 0,
      })),
      conflicts: conflicts.map((c) => ({
        id: c.id,
        student: { id: c.studentId, name: names.get(c.studentId) ?? '' },
        mentor: { id: c.mentorId, name: names.get(c.mentorId) ?? '' },
        reason: c.reason,
      })),
      keptPairs: continuations.filter((c) => c.studentOptedAt && c.mentorOptedAt).length,
      pairedAt: iso(program.pairedAt),
    }
  }

  async function getMyRanking(actor: Actor, id: string): Promise<StudentRankingView> {
    const program = await repo.findProgramById(id)
    if (!program || !isOpenToParticipants(program.status, program.pairingMethod) || !(await repo.isStudentOf(id, actor.personId)))
      throw new AppError('NOT_FOUND', NOT_VISIBLE)
    const ctx = await loadContext(id)
    const { students, mentors, forbidden } = engineInputs(ctx)
    const me = students.filter((s) => s.id === actor.personId)
    const fit = fitOfAllowedPairs({ students: me, mentors, forbidden }).get(actor.personId) ?? new Map()
    // A near-peer on a FERPA directory hold is never listed to students (34 CFR §99.37).
    const held = await listHeldPersonIds(
      db,
      ctx.mentors.map((m) => m.id),
    )
    // Conflicts are not shown as such: a mentor the student may not have is simply not listed.
    const rankable = ctx.mentors
      .filter((m) => fit.has(m.id) && !held.has(m.id))
      .map((m) => ({
        id: m.id,
        name: m.name,
        kind: m.kind,
        specialtyName: m.specialtyId ? (SPECIALTY_NAMES.get(m.specialtyId) ?? null) : null,
        clinicalSite: ctx.mentorProfiles.find((p) => p.personId === m.id)?.clinicalSite ?? '',
        reasons: fit.get(m.id)?.reasons ?? [],
        fit: fit.get(m.id)?.fit ?? 0,
      }))
      .sort((a, b) => b.fit - a.fit || a.name.localeCompare(b.name))
      .map(({ fit: _fit, ...m }) => m)
    const listed = new Set(rankable.map((m) => m.id))
    const previousPair = ctx.previous.find((p) => p.studentId === actor.personId)
    const continuation = previousPair ? ctx.continuations.find((c) => c.studentId === actor.personId && c.mentorId === previousPair.mentorId) : undefined
    const pair =
      program.status === 'published' || program.status === 'archived' ? ctx.pairs.find((p) => p.studentId === actor.personId && p.mentorId) : undefined
    return {
      program: {
        id: program.id,
        name: program.name,
        description: program.description,
        status: program.status,
        rankingDeadline: iso(program.rankingDeadline),
        pairingMethod: program.pairingMethod,
      },
      mentors: rankable,
      ranking: (ctx.ranking.get(actor.personId) ?? []).filter((m) => listed.has(m)),
      canEdit:
        refusalFor('rank', program.status, program.pairingMethod) === null &&
        program.pairingMethod === 'student-ranks' &&
        !(program.rankingDeadline && clock.now() > program.rankingDeadline),
      previous: previousPair?.mentorId
        ? {
            mentor: { id: previousPair.mentorId, name: previousPair.mentorName },
            studentOpted: Boolean(continuation?.studentOptedAt),
            mentorOpted: Boolean(continuation?.mentorOptedAt),
          }
        : null,
      pairedWith: pair?.mentorId ? { id: pair.mentorId, name: ctx.names.get(pair.mentorId) ?? '', mentorshipId: pair.mentorshipId } : null,
    }
  }

  return {
    loadContext,

    async listPrograms(): Promise<MentorProgramList> {
      const rows = await repo.listPrograms()
      return { programs: rows.map((r) => summaryOf(r.program, { students: r.studentCount, mentors: r.mentorCount })) }
    },

    getProgram: (_actor: Actor, id: string) => buildView(id),

    async createProgram(actor: Actor, input: CreateMentorProgram, meta: RequestMeta): Promise<MentorProgramView> {
      const now = clock.now()
      const id = await db.transaction(async (tx) => {
        await checkKeepFrom(input.keepFromProgramId, null, tx)
        const participants = await resolveParticipants(input, tx)
        const id = await repo.insertProgram(
          {
            name: input.name,
            description: input.description,
            classYears: [...new Set(input.classYears)],
            pairingMethod: input.pairingMethod,
            maxPerMentor: input.maxPerMentor,
            rankingDeadline: input.rankingDeadline ? new Date(input.rankingDeadline) : null,
            keepFromProgramId: input.keepFromProgramId,
            status: 'draft',
            createdBy: actor.personId,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        )
        await repo.replaceStudents(id, participants.students, tx)
        await repo.replaceMentors(id, participants.mentors, tx)
        await audit.record({ actorId: actor.personId, action: 'mentor-program.created', objectType: 'mentor-program', objectId: id }, meta, tx)
        return id
      })
      return buildView(id)
    },

    async updateProgram(actor: Actor, id: string, input: UpdateMentorProgram, meta: RequestMeta): Promise<MentorProgramView> {
      const now = clock.now()
      await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('edit', program)
        if (input.keepFromProgramId !== undefined) await checkKeepFrom(input.keepFromProgramId, id, tx)
        const method = input.pairingMethod ?? program.pairingMethod
        const participantsChanged = input.classYears !== undefined || input.studentEmails !== undefined || input.mentors !== undefined
        if (participantsChanged) {
          const currentStudents = await repo.listStudents(id, tx)
          const currentMentors = await repo.listMentors(id, tx)
          const participants = await resolveParticipants(
            {
              classYears: input.classYears ?? program.classYears,
              studentEmails: input.studentEmails ?? currentStudents.filter((s) => s.source === 'listed').map((s) => s.email),
              mentors: input.mentors ?? currentMentors.map((m) => ({ email: m.email, capacity: m.capacity })),
            },
            tx,
          )
          await repo.replaceStudents(id, participants.students, tx)
          await repo.replaceMentors(id, participants.mentors, tx)
        }
        const status = statusAfterEdit(program.status, method)
        if (program.status === 'review') await repo.deletePairs(id, tx)
        await repo.updateProgram(
          id,
          {
            ...(input.name !== undefined ? { name: input.name } : {}),
            ...(input.description !== undefined ? { description: input.description } : {}),
            ...(input.pairingMethod !== undefined ? { pairingMethod: input.pairingMethod } : {}),
            ...(input.maxPerMentor !== undefined ? { maxPerMentor: input.maxPerMentor } : {}),
            ...(input.classYears !== undefined ? { classYears: [...new Set(input.classYears)] } : {}),
            ...(input.rankingDeadline !== undefined ? { rankingDeadline: input.rankingDeadline ? new Date(input.rankingDeadline) : null } : {}),
            ...(input.keepFromProgramId !== undefined ? { keepFromProgramId: input.keepFromProgramId } : {}),
            status,
            ...(program.status === 'review' ? { pairedAt: null, pairedBy: null, pairedTotalFit: null, pairedUpperBound: null } : {}),
            updatedAt: now,
          },
          tx,
        )
        await audit.record({ actorId: actor.personId, action: 'mentor-program.updated', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return buildView(id)
    },

    /**
     * Conflicts from lines "student e-mail, mentor e-mail, reason". Each line is judged on its
     * own; the good ones are added and every rejected line is reported with its number and why.
     */
    async importConflicts(actor: Actor, id: string, input: ImportConflicts, meta: RequestMeta): Promise<ImportConflictsResponse> {
      const program = await getProgramRow(id)
      refuse('edit', program)
      const lines = input.lines.split(/\r?\n/)
      const parsed = lines.map((text, i) => {
        const [student = '', mentor = '', ...rest] = text.split(',').map((part) => part.trim())
        return {
          line: i + 1,
          text: text.trim(),
          student: student.toLowerCase(),
          mentor: mentor.toLowerCase(),
          reason: rest.join(', ').trim() || 'Grades this student',
        }
      })
      const [students, mentors] = await Promise.all([repo.listStudents(id), repo.listMentors(id)])
      const studentByEmail = new Map(students.map((s) => [s.email, s.id]))
      const mentorByEmail = new Map(mentors.map((m) => [m.email, m.id]))
      const rejected: ImportConflictsResponse['rejected'] = []
      const rows: { studentId: string; mentorId: string; reason: string }[] = []
      for (const p of parsed) {
        if (p.text === '' || p.text.startsWith('#')) continue
        if (!p.student || !p.mentor)
          rejected.push({ line: p.line, text: p.text.slice(0, 200), reason: 'Write the student’s e-mail, then the mentor’s, separated by a comma.' })
        else if (!studentByEmail.has(p.student))
          rejected.push({ line: p.line, text: p.text.slice(0, 200), reason: `${p.student} is not a student of this program.` })
        else if (!mentorByEmail.has(p.mentor))
          rejected.push({ line: p.line, text: p.text.slice(0, 200), reason: `${p.mentor} is not a mentor of this program.` })
        else if (p.reason.length > 300) rejected.push({ line: p.line, text: p.text.slice(0, 200), reason: 'The reason is longer than 300 characters.' })
        else rows.push({ studentId: studentByEmail.get(p.student) as string, mentorId: mentorByEmail.get(p.mentor) as string, reason: p.reason })
      }
      const now = clock.now()
      const added = await db.transaction(async (tx) => {
        const locked = await repo.lockProgram(id, tx)
        if (!locked) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('edit', locked)
        const added = await repo.insertConflicts(
          rows.map((r) => ({ ...r, programId: id, createdBy: actor.personId, createdAt: now })),
          tx,
        )
        // A draft that now breaks a conflict goes back for a new run.
        if (locked.status === 'review' && added > 0) {
          const pairs = await repo.listPairs(id, tx)
          const newKeys = new Set(rows.map((r) => pairKey(r.studentId, r.mentorId)))
          if (pairs.some((p) => p.mentorId && newKeys.has(pairKey(p.studentId, p.mentorId)))) {
            await repo.deletePairs(id, tx)
            await repo.updateProgram(
              id,
              {
                status: statusAfterEdit(locked.status, locked.pairingMethod),
                pairedAt: null,
                pairedBy: null,
                pairedTotalFit: null,
                pairedUpperBound: null,
                updatedAt: now,
              },
              tx,
            )
          }
        }
        if (added > 0)
          await audit.record({ actorId: actor.personId, action: 'mentor-program.conflicts-added', objectType: 'mentor-program', objectId: id }, meta, tx)
        return added
      })
      return { added, rejected }
    },

    async deleteConflict(actor: Actor, id: string, conflictId: string, meta: RequestMeta): Promise<MentorProgramView> {
      await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('edit', program)
        if (!(await repo.deleteConflict(id, conflictId, tx))) throw new AppError('NOT_FOUND', 'No such conflict in this program.')
        await audit.record({ actorId: actor.personId, action: 'mentor-program.conflict-removed', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return buildView(id)
    },

    async openRanking(actor: Actor, id: string, meta: RequestMeta): Promise<MentorProgramView> {
      const now = clock.now()
      const link = `${appOrigin}/programs/${id}/ranking`
      await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('open-ranking', program)
        const students = await repo.listStudents(id, tx)
        if (students.length === 0) throw new AppError('CONFLICT', 'Add students to the program before opening the ranking.')
        await repo.updateProgram(id, { status: 'ranking', updatedAt: now }, tx)
        for (const s of students)
          await notifications.enqueue(rankingOpenEmail(s.email, s.name, program.name, program.rankingDeadline ? day(program.rankingDeadline) : null, link), tx)
        await audit.record({ actorId: actor.personId, action: 'mentor-program.ranking-opened', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return buildView(id)
    },

    /** Runs the pairing and replaces the draft: every pair meets the hard constraints, or nothing is written. */
    async runPairing(actor: Actor, id: string, meta: RequestMeta): Promise<DraftView> {
      const ctx = await loadContext(id)
      refuse('run', ctx.program)
      if (ctx.students.length === 0 || ctx.mentors.length === 0) throw new AppError('CONFLICT', 'A program needs students and mentors before it can be paired.')
      const { students, mentors, forbidden } = engineInputs(ctx)
      const keep = [...ctx.constraints.kept].map(([student, mentor]) => ({ student, mentor }))
      const result = runPairing({ method: ctx.program.pairingMethod, students, mentors, forbidden, keep, rankings: ctx.ranking })
      // Kept pairs the seats could not hold are not kept; the check below holds the others.
      const constraints: ProgramConstraints = { ...ctx.constraints, kept: new Map(result.pairs.filter((p) => p.kept).map((p) => [p.student, p.mentor])) }
      const problems = findViolations(result.pairs, constraints)
      if (problems.length > 0) throw new Error(`The pairing broke a hard constraint: ${problems.join('; ')}`)
      const now = clock.now()
      await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('run', program)
        if (program.updatedAt.getTime() !== ctx.program.updatedAt.getTime())
          throw new AppError('CONFLICT', 'The program changed while it was being paired. Run the pairing again.')
        await repo.replacePairs(
          id,
          result.pairs.map((p) => ({ studentId: p.student, mentorId: p.mentor, fit: p.fit, reasons: p.reasons, source: p.kept ? 'kept' : 'pairing' })),
          tx,
        )
        await repo.updateProgram(
          id,
          { status: 'review', pairedAt: now, pairedBy: actor.personId, pairedTotalFit: result.totalFit, pairedUpperBound: result.upperBound, updatedAt: now },
          tx,
        )
        await audit.record({ actorId: actor.personId, action: 'mentor-program.paired', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return buildDraft(id)
    },

    getDraft: (_actor: Actor, id: string) => buildDraft(id),

    /** An admin's change to one pair; refused with a field error when it breaks a hard constraint. */
    async editPair(actor: Actor, id: string, input: EditPair, meta: RequestMeta): Promise<DraftView> {
      const ctx = await loadContext(id)
      refuse('edit-pair', ctx.program)
      const current = ctx.pairs.filter((p) => p.mentorId !== null).map((p) => ({ student: p.studentId, mentor: p.mentorId as string }))
      const names = await editorNames(ctx)
      const refusal = checkPairEdit(
        { studentId: input.studentId, mentorId: input.mentorId },
        current,
        ctx.constraints,
        (pid) => names.get(pid) ?? 'this person',
      )
      if (refusal) throw new AppError('VALIDATION_FAILED', refusal.message, refusal.fields)
      let fit: { fit: number; reasons: string[] } | undefined
      if (input.mentorId) {
        const { students, mentors, forbidden } = engineInputs(ctx)
        fit = fitOfAllowedPairs({
          students: students.filter((s) => s.id === input.studentId),
          mentors: mentors.filter((m) => m.id === input.mentorId),
          forbidden,
        })
          .get(input.studentId)
          ?.get(input.mentorId)
      }
      const now = clock.now()
      await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('edit-pair', program)
        // Re-checked under the lock against the pairs as they are now.
        const pairsNow = (await repo.listPairs(id, tx)).filter((p) => p.mentorId !== null).map((p) => ({ student: p.studentId, mentor: p.mentorId as string }))
        const again = checkPairEdit(
          { studentId: input.studentId, mentorId: input.mentorId },
          pairsNow,
          ctx.constraints,
          (pid) => names.get(pid) ?? 'this person',
        )
        if (again) throw new AppError('VALIDATION_FAILED', again.message, again.fields)
        await repo.upsertPair(
          {
            programId: id,
            studentId: input.studentId,
            mentorId: input.mentorId,
            fit: fit?.fit ?? null,
            reasons: fit?.reasons ?? [],
            source: 'admin',
            editedBy: actor.personId,
            editedAt: now,
            editReason: input.reason,
          },
          tx,
        )
        await repo.updateProgram(id, { updatedAt: now }, tx)
        await audit.record({ actorId: actor.personId, action: 'mentor-program.pair-edited', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return buildDraft(id)
    },

    /**
     * Publishes the draft in one transaction: the program row is locked and must still be in
     * review (so a second publish finds it published and is refused), each mentor's profile row
     * is locked in id order as accepting a request does, capacity is counted again, and each pair
     * becomes an active mentorship (or keeps the one it has) with an e-mail to both sides.
     */
    async publish(actor: Actor, id: string, meta: RequestMeta): Promise<PublishResponse> {
      const ctx = await loadContext(id)
      refuse('publish', ctx.program)
      const now = clock.now()
      const mentorshipLink = (mid: string) => `${appOrigin}/mentorships/${mid}`
      const result = await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('publish', program)
        const pairs = (await repo.listPairs(id, tx)).filter((p) => p.mentorId !== null).map((p) => ({ student: p.studentId, mentor: p.mentorId as string }))
        if (pairs.length === 0) throw new AppError('CONFLICT', 'There is no pair to publish.')
        const problems = findViolations(pairs, ctx.constraints)
        if (problems.length > 0) {
          const named = problems.map((text) => text.replace(/[0-9a-f-]{36}/g, (pid) => ctx.names.get(pid) ?? pid))
          throw new AppError('CONFLICT', `The draft no longer meets the program's rules: ${named.join('; ')}. Edit those pairs or run the pairing again.`)
        }
        const perMentor = new Map<string, string[]>()
        for (const p of pairs) perMentor.set(p.mentor, [...(perMentor.get(p.mentor) ?? []), p.student])
        const mentorIds = [...perMentor.keys()].sort()
        // The mentorships module locks each mentor's capacity and creates the mentorships, in this transaction.
        const made = await mentorships.createMentorshipsForProgram(
          actor,
          program,
          pairs.map((p) => ({ studentId: p.student, mentorId: p.mentor })),
          tx,
        )
        if ('shortfall' in made) {
          const { mentorId, openPlaces: left, newPairs: fresh } = made.shortfall
          throw new AppError(
            'CONFLICT',
            `${ctx.names.get(mentorId) ?? 'A mentor'} has ${left} open place${left === 1 ? '' : 's'} now, fewer than the ${fresh} new pair${fresh === 1 ? '' : 's'}. Change their pairs, or run the pairing again.`,
          )
        }
        const people = new Map((await repo.listNames([...new Set(pairs.flatMap((p) => [p.student, p.mentor]))], tx)).map((p) => [p.id, p]))
        let created = 0
        let emails = 0
        for (const p of pairs) {
          const pairing = made.mentorships.get(mentorshipPairKey(p.student, p.mentor))
          if (!pairing) throw new Error('A published pair has no mentorship.')
          const { mentorshipId } = pairing
          if (pairing.created) created++
          await repo.setPairMentorship(id, p.student, mentorshipId, tx)
          const student = people.get(p.student)
          const mentor = people.get(p.mentor)
          if (student && mentor) {
            await notifications.enqueue(pairedStudentEmail(student.email, student.name, mentor.name, program.name, mentorshipLink(mentorshipId)), tx)
            emails++
          }
        }
        for (const mentorId of mentorIds) {
          const mentor = people.get(mentorId)
          if (!mentor) continue
          const mentees = (perMentor.get(mentorId) ?? []).map((s) => people.get(s)?.name ?? '').sort()
          await notifications.enqueue(pairedMentorEmail(mentor.email, mentor.name, mentees, program.name, `${appOrigin}/mentorships`), tx)
          emails++
        }
        await repo.updateProgram(id, { status: 'published', publishedAt: now, publishedBy: actor.personId, updatedAt: now }, tx)
        await audit.record({ actorId: actor.personId, action: 'mentor-program.published', objectType: 'mentor-program', objectId: id }, meta, tx)
        return { created, emails }
      })
      const program = await getProgramRow(id)
      return { program: summaryOf(program, await repo.countParticipants(id)), mentorshipsCreated: result.created, emailsQueued: result.emails }
    },

    async archive(actor: Actor, id: string, meta: RequestMeta): Promise<MentorProgramView> {
      await db.transaction(async (tx) => {
        const program = await repo.lockProgram(id, tx)
        if (!program) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('archive', program)
        await repo.updateProgram(id, { status: 'archived', updatedAt: clock.now() }, tx)
        await audit.record({ actorId: actor.personId, action: 'mentor-program.archived', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return buildView(id)
    },

    // ── participants ──

    getMyRanking,

    async saveRanking(actor: Actor, id: string, input: SaveRanking, meta: RequestMeta): Promise<StudentRankingView> {
      const program = await repo.findProgramById(id)
      if (!program || !isOpenToParticipants(program.status, program.pairingMethod) || !(await repo.isStudentOf(id, actor.personId)))
        throw new AppError('NOT_FOUND', NOT_VISIBLE)
      if (program.pairingMethod !== 'student-ranks') throw new AppError('CONFLICT', 'In this program the pairs are made by fit; there is nothing to rank.')
      refuse('rank', program)
      if (program.rankingDeadline && clock.now() > program.rankingDeadline) throw new AppError('CONFLICT', `Ranking closed on ${day(program.rankingDeadline)}.`)
      const view = await getMyRanking(actor, id)
      const allowed = new Set(view.mentors.map((m) => m.id))
      const fields: FieldErrors = {}
      input.mentorIds.forEach((m, i) => {
        if (!allowed.has(m)) fields[`mentorIds.${i}`] = 'Not a mentor you can rank in this program.'
      })
      if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'Rank only the mentors listed for you.', fields)
      await db.transaction(async (tx) => {
        const locked = await repo.lockProgram(id, tx)
        if (!locked) throw new AppError('NOT_FOUND', NOT_VISIBLE)
        refuse('rank', locked)
        await repo.replaceRanking(id, actor.personId, input.mentorIds, tx)
        await audit.record({ actorId: actor.personId, action: 'mentor-program.ranking-saved', objectType: 'mentor-program', objectId: id }, meta, tx)
      })
      return getMyRanking(actor, id)
    },

    /** A student or mentor of last year's pair asks to keep it, or no longer does. */
    async setContinuation(actor: Actor, id: string, input: SetContinuation, meta: RequestMeta): Promise<{ ok: true }> {
      const program = await repo.findProgramById(id)
      if (!program || !isOpenToParticipants(program.status, program.pairingMethod)) throw new AppError('NOT_FOUND', NOT_VISIBLE)
      const asStudent = await repo.isStudentOf(id, actor.personId)
      const asMentor = await repo.isMentorOf(id, actor.personId)
      if (!asStudent && !asMentor) throw new AppError('NOT_FOUND', NOT_VISIBLE)
      if (program.status !== 'draft' && program.status !== 'ranking')
        throw new AppError('CONFLICT', 'The pairs of this program are already made; ask its admins.')
      const previous = program.keepFromProgramId ? await repo.listPublishedPairs(program.keepFromProgramId) : []
      const pair = previous.find(
        (p) =>
          (asStudent && p.studentId === actor.personId && p.mentorId === input.partnerId) ||
          (asMentor && p.mentorId === actor.personId && p.studentId === input.partnerId),
      )
      if (!pair?.mentorId)
        throw new AppError('VALIDATION_FAILED', 'You were not paired with this person in the earlier program.', {
          partnerId: 'Not your pair in the earlier program.',
        })
      const side = pair.studentId === actor.personId ? 'student' : 'mentor'
      await db.transaction(async (tx) => {
        await repo.setContinuation(id, pair.studentId, pair.mentorId as string, side, input.keep ? clock.now() : null, tx)
        await audit.record(
          {
            actorId: actor.personId,
            action: input.keep ? 'mentor-program.keep-requested' : 'mentor-program.keep-withdrawn',
            objectType: 'mentor-program',
            objectId: id,
          },
          meta,
          tx,
        )
      })
      return { ok: true }
    },

    async listMine(actor: Actor): Promise<MyMentorPrograms> {
      const programs: MyMentorPrograms['programs'] = []
      // Drafts are the Office's work in progress: participants see a program once it opens to them.
      const visible = (p: ProgramRow) => isOpenToParticipants(p.status, p.pairingMethod)
      if (actor.roles.includes('student')) {
        for (const { program } of await repo.listProgramsOfStudent(actor.personId)) {
          if (!visible(program)) continue
          const [rankings, pairs] = await Promise.all([
            repo.listRankings(program.id),
            program.status === 'published' ? repo.listPairs(program.id) : Promise.resolve([]),
          ])
          const pair = pairs.find((p) => p.studentId === actor.personId && p.mentorId)
          const names = pair?.mentorId ? await repo.listNames([pair.mentorId]) : []
          programs.push({
            id: program.id,
            name: program.name,
            description: program.description,
            status: program.status,
            pairingMethod: program.pairingMethod,
            rankingDeadline: iso(program.rankingDeadline),
            as: 'student',
            ranked: rankings.filter((r) => r.studentId === actor.personId).length,
            mentor: pair?.mentorId ? { id: pair.mentorId, name: names[0]?.name ?? '', mentorshipId: pair.mentorshipId } : null,
            mentees: [],
            keepable: [],
          })
        }
      }
      if (actor.roles.includes('mentor')) {
        for (const { program } of await repo.listProgramsOfMentor(actor.personId)) {
          if (!visible(program)) continue
          const pairs = program.status === 'published' ? (await repo.listPairs(program.id)).filter((p) => p.mentorId === actor.personId) : []
          const previous =
            program.keepFromProgramId && (program.status === 'draft' || program.status === 'ranking')
              ? (await repo.listPublishedPairs(program.keepFromProgramId)).filter((p) => p.mentorId === actor.personId)
              : []
          const continuations = previous.length > 0 ? await repo.listContinuations(program.id) : []
          const names = new Map((await repo.listNames(pairs.map((p) => p.studentId))).map((p) => [p.id, p.name]))
          programs.push({
            id: program.id,
            name: program.name,
            description: program.description,
            status: program.status,
            pairingMethod: program.pairingMethod,
            rankingDeadline: iso(program.rankingDeadline),
            as: 'mentor',
            ranked: null,
            mentor: null,
            mentees: pairs
              .map((p) => ({ id: p.studentId, name: names.get(p.studentId) ?? '', mentorshipId: p.mentorshipId }))
              .sort((a, b) => a.name.localeCompare(b.name)),
            keepable: previous.map((p) => {
              const c = continuations.find((x) => x.studentId === p.studentId && x.mentorId === actor.personId)
              return { student: { id: p.studentId, name: p.studentName }, mentorOpted: Boolean(c?.mentorOptedAt), studentOpted: Boolean(c?.studentOptedAt) }
            }),
          })
        }
      }
      return { programs }
    },
  }
}

export type MentorProgramsService = ReturnType<typeof createMentorProgramsService>
