import { and, asc, desc, eq, inArray, isNotNull, or } from 'drizzle-orm'
import type { ApplicantProfile, ResidencyProgram } from '#engines/smart-pick/index.ts'
import type { Database } from '#server/db/client.ts'
import {
  applicationProfiles,
  classSimulations,
  people,
  rankListCouples,
  rankListEntries,
  residencyPrograms,
  studentProfiles,
  studentProgramLists,
} from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'
import { toResidencyProgram } from '../residency-programs/program-rows.ts'

export type SimulationRow = typeof classSimulations.$inferSelect
type ProfileRow = typeof applicationProfiles.$inferSelect

/** The stored application profile as the model reads it (the specialty is set per program). */
export function toApplicantProfile(row: ProfileRow): ApplicantProfile {
  const step1 = row.step1 === null ? null : row.step1 === 'pass' || row.step1 === 'fail' ? row.step1 : Number.isFinite(Number(row.step1)) ? Number(row.step1) : null
  return {
    applicantType: row.applicantType,
    step2: row.step2,
    step1,
    researchItems: row.researchItems,
    alphaOmegaAlpha: row.alphaOmegaAlpha,
    goldHumanism: row.goldHumanism,
    clerkshipHonors: row.clerkshipHonors,
    experiences: row.experiences,
    awayRotations: row.awayRotationProgramIds,
    preferredSpecialty: row.preferredSpecialtyId ?? '',
    backupSpecialty: row.backupSpecialtyId,
    geographicPreferences: { states: row.preferredStates, regions: row.preferredRegions },
    ties: { states: row.tieStates, regions: row.tieRegions },
    settingPreferences: row.settingPreferences,
    needsVisa: row.needsVisa,
    signalsAvailable: row.signalsAvailable,
    signalledProgramIds: [],
  }
}

export type StudentLists = {
  id: string
  name: string
  profile: ApplicantProfile | null
  /** `rank-list` when the student has a rank order list; `interviews` when only interviewed programs. */
  source: 'rank-list' | 'interviews' | null
  primary: (string | null)[]
  supplemental: { advanced: string; ranks: string[] }[]
}

/**
 * Reads what a class simulation needs. Rank order lists are read straight from the rank-list
 * tables (read-only); the rank-lists module owns writing them.
 */
export function createClassSimulationRepository(db: Database) {
  return {
    /** Of `studentIds`, those in `classYear` (all when null). */
    async filterByClassYear(studentIds: readonly string[], classYear: ClassYear | null): Promise<string[]> {
      if (studentIds.length === 0 || classYear === null) return [...studentIds]
      const rows = await db
        .select({ id: studentProfiles.personId })
        .from(studentProfiles)
        .where(and(inArray(studentProfiles.personId, [...studentIds]), eq(studentProfiles.classYear, classYear)))
      return rows.map((r) => r.id)
    },

    async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map()
      const rows = await db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, [...ids]))
      return new Map(rows.map((r) => [r.id, r.name]))
    },

    /** Profiles, rank order lists (or interviewed programs) and names of the students. */
    async listsOf(studentIds: readonly string[]): Promise<StudentLists[]> {
      if (studentIds.length === 0) return []
      const ids = [...studentIds]
      const [names, profiles, entries, interviewed] = await Promise.all([
        db.select({ id: people.id, name: people.name }).from(people).where(inArray(people.id, ids)),
        db.select().from(applicationProfiles).where(inArray(applicationProfiles.studentId, ids)),
        db
          .select({ studentId: rankListEntries.studentId, listKey: rankListEntries.listKey, rank: rankListEntries.rank, programId: rankListEntries.programId })
          .from(rankListEntries)
          .where(inArray(rankListEntries.studentId, ids))
          .orderBy(asc(rankListEntries.studentId), asc(rankListEntries.listKey), asc(rankListEntries.rank)),
        db
          .select({ studentId: studentProgramLists.studentId, programId: studentProgramLists.programId })
          .from(studentProgramLists)
          .where(and(inArray(studentProgramLists.studentId, ids), eq(studentProgramLists.status, 'interviewed')))
          .orderBy(asc(studentProgramLists.studentId), asc(studentProgramLists.addedAt), asc(studentProgramLists.programId)),
      ])
      const nameOf = new Map(names.map((r) => [r.id, r.name]))
      const profileOf = new Map(profiles.map((r) => [r.studentId, toApplicantProfile(r)]))
      const out = new Map<string, StudentLists>(
        ids.map((id) => [id, { id, name: nameOf.get(id) ?? 'Unknown student', profile: profileOf.get(id) ?? null, source: null, primary: [], supplemental: [] }]),
      )
      for (const e of entries) {
        const s = out.get(e.studentId) as StudentLists
        if (e.listKey === 'primary') {
          s.primary.push(e.programId)
          s.source = 'rank-list'
        } else if (e.listKey.startsWith('supplemental:') && e.programId !== null) {
          const advanced = e.listKey.slice('supplemental:'.length)
          let list = s.supplemental.find((l) => l.advanced === advanced)
          if (!list) {
            list = { advanced, ranks: [] }
            s.supplemental.push(list)
          }
          list.ranks.push(e.programId)
        }
      }
      for (const i of interviewed) {
        const s = out.get(i.studentId) as StudentLists
        if (s.source === 'rank-list') continue
        s.source = 'interviews'
        s.primary.push(i.programId)
      }
      return [...out.values()]
    },

    /** Confirmed couples with both partners among `studentIds`. */
    async couplesAmong(studentIds: readonly string[]): Promise<[string, string][]> {
      if (studentIds.length < 2) return []
      const ids = [...studentIds]
      const rows = await db
        .select({ a: rankListCouples.requestedBy, b: rankListCouples.partnerId })
        .from(rankListCouples)
        .where(and(isNotNull(rankListCouples.confirmedAt), inArray(rankListCouples.requestedBy, ids), inArray(rankListCouples.partnerId, ids)))
      return rows.map((r) => [r.a, r.b])
    },

    /** Every program of the given specialties, and the programs named. */
    async marketPrograms(specialtyIds: readonly string[], programIds: readonly string[]): Promise<ResidencyProgram[]> {
      const conditions = []
      if (specialtyIds.length > 0) conditions.push(inArray(residencyPrograms.specialtyId, [...specialtyIds]))
      if (programIds.length > 0) conditions.push(inArray(residencyPrograms.id, [...programIds]))
      if (conditions.length === 0) return []
      const rows = await db.select().from(residencyPrograms).where(or(...conditions))
      return rows.map(toResidencyProgram)
    },

    async specialtiesOf(programIds: readonly string[]): Promise<Map<string, string>> {
      if (programIds.length === 0) return new Map()
      const rows = await db.select({ id: residencyPrograms.id, specialtyId: residencyPrograms.specialtyId, track: residencyPrograms.track }).from(residencyPrograms).where(inArray(residencyPrograms.id, [...programIds]))
      return new Map(rows.filter((r) => r.track !== 'preliminary').map((r) => [r.id, r.specialtyId]))
    },

    async insert(values: typeof classSimulations.$inferInsert): Promise<SimulationRow> {
      const [row] = await db.insert(classSimulations).values(values).returning()
      return row as SimulationRow
    },

    async findById(id: string): Promise<SimulationRow | null> {
      const [row] = await db.select().from(classSimulations).where(eq(classSimulations.id, id)).limit(1)
      return row ?? null
    },

    /** An advisor's simulations, newest first, without results. */
    async listByCreator(advisorId: string, limit = 50) {
      return db
        .select({
          id: classSimulations.id,
          createdBy: classSimulations.createdBy,
          createdAt: classSimulations.createdAt,
          status: classSimulations.status,
          runs: classSimulations.runs,
          completedRuns: classSimulations.completedRuns,
          seed: classSimulations.seed,
          params: classSimulations.params,
          error: classSimulations.error,
          startedAt: classSimulations.startedAt,
          finishedAt: classSimulations.finishedAt,
        })
        .from(classSimulations)
        .where(eq(classSimulations.createdBy, advisorId))
        .orderBy(desc(classSimulations.createdAt))
        .limit(limit)
    },

    async update(id: string, values: Partial<typeof classSimulations.$inferInsert>): Promise<void> {
      await db.update(classSimulations).set(values).where(eq(classSimulations.id, id))
    },

    /** Moves a simulation from one of `from` to `values` (status included); false if it was not in `from`. */
    async transition(id: string, from: readonly SimulationRow['status'][], values: Partial<typeof classSimulations.$inferInsert>): Promise<boolean> {
      const rows = await db
        .update(classSimulations)
        .set(values)
        .where(and(eq(classSimulations.id, id), inArray(classSimulations.status, [...from])))
        .returning({ id: classSimulations.id })
      return rows.length > 0
    },

    /** Simulations left queued or running (by a server that stopped). */
    async listUnfinished(): Promise<{ id: string }[]> {
      return db.select({ id: classSimulations.id }).from(classSimulations).where(inArray(classSimulations.status, ['queued', 'running']))
    },
  }
}

export type ClassSimulationRepository = ReturnType<typeof createClassSimulationRepository>
