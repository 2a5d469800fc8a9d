import { DEFAULT_PRIORS, interviewChance, matchChanceGivenInterview, normsOf, type ResidencyProgram, type SmartPickPriors } from '#engines/smart-pick/index.ts'
import type { Database } from '#server/db/client.ts'
import type {
  AddProgramsResponse,
  AddProgramsToList,
  ApplicationProfileInput,
  ApplicationProfileView,
  ListBuilderQuery,
  ListBuilderResponse,
  ProgramChances,
  ProgramListResponse,
  UpdateProgramListItem,
} from '#shared/contracts/list-builder.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { StudentRecords } from '../advising/student-records.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { findActiveCalibration } from '../calibration/calibration-reads.ts'
import { toResidencyProgram, type ProgramRows } from '../residency-programs/program-rows.ts'
import { buildListBuilderView, chanceView, missingProfileFields, type ProgramDisplay } from './domain/builder.ts'
import { DEFAULT_PROFILE, parseStep1, toApplicantProfile, toStoredColumns, type StoredProfile } from './domain/profile.ts'
import { readStoredPriors } from './domain/priors.ts'
import { pageOfPrograms } from './domain/program-page.ts'
import { sourceTagsInWords } from './domain/source-words.ts'
import { signalCapProblem } from './list-builder.policy.ts'
import type { ListBuilderRepository, ProgramListRow } from './list-builder.repository.ts'

type Deps = {
  db: Database
  repo: ListBuilderRepository
  programs: ProgramRows
  studentRecords: StudentRecords
  audit: AuditService
  clock: Clock
}

const specialtyName = (id: string): string => SPECIALTIES.find((s) => s.id === id)?.name ?? id

function calibrationLabel(createdAt: Date): string {
  return `Calibrated on our school's outcomes, ${createdAt.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`
}

/**
 * The student's application profile, the list builder and the program list. Reads of a
 * student's record go through `studentRecords.assertCanRead` (the student, or an assigned
 * advisor — audited); writes are the student's own.
 */
export function createListBuilderService(deps: Deps) {
  const { db, repo, studentRecords, audit, clock } = deps

  // Each specialty's programs as the model reads them, kept between requests and re-read when
  // their fingerprint changes (an import, an edit): reading 600–900 rows is most of a request.
  type SpecialtyPrograms = { stamp: string; programs: ResidencyProgram[]; display: Map<string, ProgramDisplay> }
  const programCache = new Map<string, SpecialtyPrograms>()
  async function programsOf(specialtyId: string): Promise<SpecialtyPrograms> {
    const stamp = await deps.programs.stampOfSpecialty(specialtyId)
    const cached = programCache.get(specialtyId)
    if (cached && cached.stamp === stamp) return cached
    // Preliminary PGY-1 years belong on supplemental lists, not in a specialty's application count.
    const rows = (await deps.programs.ofSpecialty(specialtyId)).filter((r) => r.track !== 'preliminary')
    const fresh = {
      stamp,
      programs: rows.map(toResidencyProgram),
      display: new Map<string, ProgramDisplay>(rows.map((r) => [r.id, { name: r.name, institution: r.institution, city: r.city }] as const)),
    }
    programCache.set(specialtyId, fresh)
    return fresh
  }

  function profileView(
    studentId: string,
    stored: StoredProfile | null,
    awayNames: { id: string; name: string; specialtyId: string }[],
  ): ApplicationProfileView {
    const p = stored ?? DEFAULT_PROFILE
    const byId = new Map(awayNames.map((a) => [a.id, a] as const))
    return {
      studentId,
      saved: stored !== null,
      applicantType: p.applicantType,
      step2: p.step2,
      step1: parseStep1(p.step1),
      researchItems: p.researchItems,
      alphaOmegaAlpha: p.alphaOmegaAlpha,
      goldHumanism: p.goldHumanism,
      clerkshipHonors: p.clerkshipHonors,
      experiences: p.experiences,
      awayRotationProgramIds: p.awayRotationProgramIds,
      preferredSpecialtyId: p.preferredSpecialtyId,
      backupSpecialtyId: p.backupSpecialtyId,
      preferredStates: p.preferredStates,
      preferredRegions: p.preferredRegions,
      tieStates: p.tieStates,
      tieRegions: p.tieRegions,
      settingPreferences: p.settingPreferences,
      needsVisa: p.needsVisa,
      signalsAvailable: p.signalsAvailable,
      targetChance: p.targetChance,
      updatedAt: p.updatedAt?.toISOString() ?? null,
      awayRotationPrograms: p.awayRotationProgramIds.map((id) => byId.get(id) ?? { id, name: id, specialtyId: '' }),
    }
  }

  async function readProfile(studentId: string): Promise<ApplicationProfileView> {
    const stored = await repo.findProfile(studentId)
    const names = await deps.programs.labelsByIds(stored?.awayRotationProgramIds ?? [])
    return profileView(studentId, stored, names)
  }

  function listView(studentId: string, rows: ProgramListRow[], signalsAvailable: number): ProgramListResponse {
    return {
      studentId,
      items: rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString(), updatedAt: r.updatedAt.toISOString() })),
      signalsAvailable,
      signalsUsed: rows.filter((r) => r.signalled).length,
    }
  }

  async function readList(studentId: string): Promise<ProgramListResponse> {
    const [rows, profile] = await Promise.all([repo.listPrograms(studentId), repo.findProfile(studentId)])
    return listView(studentId, rows, (profile ?? DEFAULT_PROFILE).signalsAvailable)
  }

  async function activePriors(): Promise<{ priors: SmartPickPriors; model: ListBuilderResponse['model'] }> {
    const calibration = await findActiveCalibration(db)
    const calibrated = calibration ? readStoredPriors(calibration.priors) : null
    if (calibration && calibrated) {
      return {
        priors: calibrated,
        model: {
          source: 'school',
          label: calibrationLabel(calibration.createdAt),
          calibratedAt: calibration.createdAt.toISOString(),
          calibratedOn: calibrated.calibratedOn ? { ...calibrated.calibratedOn, years: [...calibrated.calibratedOn.years] } : null,
          intervalLevel: calibrated.intervalLevel,
        },
      }
    }
    return {
      priors: DEFAULT_PRIORS,
      model: { source: 'national', label: 'Based on national figures', calibratedAt: null, calibratedOn: null, intervalLevel: DEFAULT_PRIORS.intervalLevel },
    }
  }

  // The whole view (every program) for one student's inputs, kept for the next request with the
  // same inputs: "Show more" and the filters ask for other pages of the same list, and each page
  // would otherwise run the model over every program again. The key holds everything the view
  // reads, so a change to the profile, the list, the programs or the calibration is a new key.
  type FullView = ReturnType<typeof buildListBuilderView>
  const viewCache = new Map<string, FullView>()
  const VIEW_CACHE_SIZE = 32

  async function fullViewFor(studentId: string, query: ListBuilderQuery, viewerIsStudent: boolean): Promise<FullView> {
    const [stored, list, model] = await Promise.all([repo.findProfile(studentId), repo.listPrograms(studentId), activePriors()])
    const profile = stored ?? DEFAULT_PROFILE
    const specialtyId = query.specialty ?? profile.preferredSpecialtyId
    if (!specialtyId) {
      throw new AppError('VALIDATION_FAILED', 'Choose a specialty: save a preferred specialty in your application profile, or pick one here.', {
        specialty: 'Choose a specialty.',
      })
    }
    const backupId = profile.backupSpecialtyId && profile.backupSpecialtyId !== specialtyId ? profile.backupSpecialtyId : null
    const [preferred, backupStamp] = await Promise.all([programsOf(specialtyId), backupId ? deps.programs.stampOfSpecialty(backupId) : null])
    const target = query.target ?? profile.targetChance
    const key = JSON.stringify([
      studentId,
      viewerIsStudent,
      specialtyId,
      target,
      // The profile itself, not its time of saving: two saves can share a clock tick.
      stored,
      list.map((e) => `${e.programId}:${e.status}:${e.signalled ? 1 : 0}`),
      model.model.source,
      model.model.calibratedAt,
      preferred.stamp,
      backupId,
      backupStamp,
    ])
    const cached = viewCache.get(key)
    if (cached) {
      // Most recently used last: the first key is the one to drop when the cache is full.
      viewCache.delete(key)
      viewCache.set(key, cached)
      return cached
    }
    const signalled = list.filter((e) => e.signalled).map((e) => e.programId)
    const input = {
      applicant: toApplicantProfile(profile, specialtyId, signalled),
      specialty: { id: specialtyId, name: specialtyName(specialtyId) },
      programs: preferred.programs,
      display: preferred.display,
      backupSpecialty: backupId ? { id: backupId, name: specialtyName(backupId) } : null,
      backupPrograms: [],
      priors: model.priors,
      target,
      list,
      profileSaved: stored !== null,
      missingFields: missingProfileFields(stored),
      viewerIsStudent,
      model: model.model,
    }
    let view = buildListBuilderView(input)
    // Most students need no backup plan: read the backup specialty's programs only for those who do.
    if (view.backup.needed && backupId) {
      view = buildListBuilderView({ ...input, backupPrograms: (await programsOf(backupId)).programs })
    }
    viewCache.set(key, view)
    if (viewCache.size > VIEW_CACHE_SIZE) viewCache.delete(viewCache.keys().next().value as string)
    return view
  }

  async function builderFor(studentId: string, query: ListBuilderQuery, viewerIsStudent: boolean): Promise<ListBuilderResponse> {
    const started = performance.now()
    const view = await fullViewFor(studentId, query, viewerIsStudent)
    const page = pageOfPrograms(view.programs, query)
    return { studentId, ...view, ...page, elapsedMs: Math.round((performance.now() - started) * 10) / 10 }
  }

  return {
    async getMyProfile(actor: Actor, meta: RequestMeta | null): Promise<ApplicationProfileView> {
      await studentRecords.assertCanRead(actor, actor.personId, 'application-profile', meta)
      return readProfile(actor.personId)
    },

    /**
     * Many students' saved application profiles, only the fields that say whether one is
     * complete (preferred specialty, Step 1, Step 2), in one query; a student who saved none is
     * left out. For a class view whose caller has already checked it may see these students.
     */
    async mapProfileSummariesOfStudents(
      studentIds: readonly string[],
    ): Promise<Map<string, { saved: true; preferredSpecialtyId: string | null; step1: ApplicationProfileView['step1']; step2: number | null }>> {
      const rows = await repo.listProfileSummaries(studentIds)
      return new Map(
        rows.map((r) => [r.studentId, { saved: true as const, preferredSpecialtyId: r.preferredSpecialtyId, step1: parseStep1(r.step1), step2: r.step2 }]),
      )
    },

    /**
     * How many programs each specialty's applicants typically apply to, by the model the list
     * builder uses now: every recommendation it gives stays within it (`adviseList`). For the
     * office's season dashboard, which compares each student's list with it.
     */
    async mapTypicalApplicationsBySpecialty(specialtyIds: readonly string[]): Promise<Map<string, number>> {
      const { priors } = await activePriors()
      return new Map([...new Set(specialtyIds)].map((id) => [id, normsOf(priors, id).typicalApplications]))
    },

    /** How many programs each student has on their list (none: left out), in one query; for the same callers. */
    countProgramsOnListsOfStudents: (studentIds: readonly string[]): Promise<Map<string, number>> => repo.countProgramsOfStudents(studentIds),

    async getStudentProfile(actor: Actor, studentId: string, meta: RequestMeta | null): Promise<ApplicationProfileView> {
      await studentRecords.assertCanRead(actor, studentId, 'application-profile', meta)
      return readProfile(studentId)
    },

    async updateMyProfile(actor: Actor, input: ApplicationProfileInput, meta: RequestMeta | null): Promise<ApplicationProfileView> {
      await studentRecords.assertCanRead(actor, actor.personId, 'application-profile', meta)
      const columns = toStoredColumns(input)
      // Away rotations must name programs Preceptor knows: the model reads them by id.
      const known = await deps.programs.existingIds(columns.awayRotationProgramIds)
      const unknownIndex = columns.awayRotationProgramIds.findIndex((id) => !known.has(id))
      if (unknownIndex >= 0) {
        throw new AppError('VALIDATION_FAILED', 'Some of the information is not valid. Check the fields named.', {
          [`awayRotationProgramIds.${input.awayRotationProgramIds.indexOf(columns.awayRotationProgramIds[unknownIndex] as string)}`]: `No program with the id "${columns.awayRotationProgramIds[unknownIndex]}". Choose it from the program list.`,
        })
      }
      await db.transaction(async (tx) => {
        await repo.upsertProfile(tx, actor.personId, columns, clock.now())
        await audit.record({ actorId: actor.personId, action: 'application-profile.update', objectType: 'person', objectId: actor.personId }, meta, tx)
      })
      return readProfile(actor.personId)
    },

    async getBuilder(actor: Actor, studentId: string, query: ListBuilderQuery, meta: RequestMeta | null): Promise<ListBuilderResponse> {
      await studentRecords.assertCanRead(actor, studentId, 'list-builder', meta)
      return builderFor(studentId, query, actor.personId === studentId)
    },

    /** One program's chances with their factors (the list leaves factors out to stay small). */
    async getProgramChances(actor: Actor, studentId: string, programId: string, meta: RequestMeta | null): Promise<ProgramChances> {
      await studentRecords.assertCanRead(actor, studentId, 'list-builder', meta)
      const [[row], stored, list, model] = await Promise.all([
        deps.programs.byIds([programId]),
        repo.findProfile(studentId),
        repo.listPrograms(studentId),
        activePriors(),
      ])
      if (!row) throw new AppError('NOT_FOUND', 'No such program.')
      const program = toResidencyProgram(row)
      const applicant = toApplicantProfile(
        stored ?? DEFAULT_PROFILE,
        program.specialty,
        list.filter((e) => e.signalled).map((e) => e.programId),
      )
      const interview = interviewChance(applicant, program, model.priors)
      const match = matchChanceGivenInterview(applicant, program, model.priors)
      return {
        studentId,
        programId,
        programName: row.name,
        interview: chanceView(interview),
        matchIfInterviewed: chanceView(match),
        basis: { interview: sourceTagsInWords(interview.basis), matchIfInterviewed: sourceTagsInWords(match.basis) },
        model: { source: model.model.source, label: model.model.label },
      }
    },

    async getProgramList(actor: Actor, studentId: string, meta: RequestMeta | null): Promise<ProgramListResponse> {
      await studentRecords.assertCanRead(actor, studentId, 'program-list', meta)
      return readList(studentId)
    },

    async updateProgramListItem(actor: Actor, programId: string, input: UpdateProgramListItem, meta: RequestMeta | null): Promise<ProgramListResponse> {
      const studentId = actor.personId
      await studentRecords.assertCanRead(actor, studentId, 'program-list', meta)
      const profile = (await repo.findProfile(studentId)) ?? DEFAULT_PROFILE
      await db.transaction(async (tx) => {
        const entries = await repo.lockListEntries(tx, studentId)
        const entry = entries.find((e) => e.programId === programId)
        if (!entry) throw new AppError('NOT_FOUND', 'That program is not on your list. Add it from the list builder or the program explorer first.')
        if (input.signalled !== undefined && input.signalled !== entry.signalled) {
          const after = entries.filter((e) => (e.programId === programId ? input.signalled : e.signalled)).length
          const problem = signalCapProblem(profile.signalsAvailable, after, input.signalled)
          if (problem) throw new AppError('VALIDATION_FAILED', problem, { signalled: problem })
        }
        const set: { status?: UpdateProgramListItem['status']; signalled?: boolean; note?: string } = {}
        if (input.status !== undefined) set.status = input.status
        if (input.signalled !== undefined) set.signalled = input.signalled
        if (input.note !== undefined) set.note = input.note
        await repo.updateListEntry(tx, studentId, programId, set, clock.now())
      })
      return readList(studentId)
    },

    async addProgramsToList(actor: Actor, input: AddProgramsToList, meta: RequestMeta | null): Promise<AddProgramsResponse> {
      const studentId = actor.personId
      await studentRecords.assertCanRead(actor, studentId, 'program-list', meta)
      const ids = [...new Set(input.programIds)]
      const known = await deps.programs.existingIds(ids)
      const missing = input.programIds.findIndex((id) => !known.has(id))
      if (missing >= 0) {
        throw new AppError('VALIDATION_FAILED', 'Some of the programs do not exist. Reload the list builder and try again.', {
          [`programIds.${missing}`]: `No program with the id "${input.programIds[missing]}".`,
        })
      }
      const added = await db.transaction((tx) => repo.addListEntries(tx, studentId, ids, input.status, clock.now()))
      return { added, alreadyOnList: ids.length - added, list: await readList(studentId) }
    },
  }
}

export type ListBuilderService = ReturnType<typeof createListBuilderService>
