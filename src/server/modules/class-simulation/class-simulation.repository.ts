import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { ApplicantProfile, ResidencyProgram } from '#engines/smart-pick/index.ts'
import type { Database } from '#server/db/client.ts'
import { classSimulations } from '#server/db/schema/index.ts'
import type { ClassYear } from '#shared/enums.ts'
import { mapPersonNamesByIds } from '../identity/people-reads.ts'
import { type ApplicationProfileRow, listApplicationProfilesByStudentIds, listInterviewedProgramIdsOfStudents } from '../list-builder/program-list-reads.ts'
import { listStudentIdsInClassYears } from '../profiles/profile-reads.ts'
import { listConfirmedCouplesAmong, listRankOrderListsOfStudents } from '../rank-lists/rank-list-reads.ts'
import { listProgramLabelsByIds, listProgramRowsOfSpecialtiesOrIds, toResidencyProgram } from '../residency-programs/program-rows.ts'

export type SimulationRow = typeof classSimulations.$inferSelect
type ProfileRow = ApplicationProfileRow

/** The stored application profile as the model reads it (the specialty is set per program). */
export function toApplicantProfile(row: ProfileRow): ApplicantProfile {
  const step1 =
    row.step1 === null ? null : row.step1 === 'pass' || row.step1 === 'fail' ? row.step1 : Number.isFinite(Number(row.step1)) ? Number(row.step1) : null
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
 * Reads what a class simulation needs. Names, class years, application profiles, rank order
 * lists and programs come through their owners' public reads, each batched for the whole class.
 */
export function createClassSimulationRepository(db: Database) {
  return {
    /** Of `studentIds`, those in `classYear` (all when null). */
    async filterByClassYear(studentIds: readonly string[], classYear: ClassYear | null): Promise<string[]> {
      if (studentIds.length === 0 || classYear === null) return [...studentIds]
      const inYear = await listStudentIdsInClassYears(db, studentIds, [classYear])
      return studentIds.filter((id) => inYear.has(id))
    },

    async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
      return mapPersonNamesByIds(db, ids)
    },

    /** Profiles, rank order lists (or interviewed programs) and names of the students, each read once for the whole class. */
    async listsOf(studentIds: readonly string[]): Promise<StudentLists[]> {
      if (studentIds.length === 0) return []
      const ids = [...new Set(studentIds)]
      const [names, profiles, rankOrderLists, interviewed] = await Promise.all([
        mapPersonNamesByIds(db, ids),
        listApplicationProfilesByStudentIds(db, ids),
        listRankOrderListsOfStudents(db, ids),
        listInterviewedProgramIdsOfStudents(db, ids),
      ])
      const profileOf = new Map(profiles.map((r) => [r.studentId, toApplicantProfile(r)]))
      return ids.map((id): StudentLists => {
        const lists = rankOrderLists.get(id)
        const base = { id, name: names.get(id) ?? 'Unknown student', profile: profileOf.get(id) ?? null, supplemental: lists?.supplemental ?? [] }
        if (lists && lists.primary.length > 0) return { ...base, source: 'rank-list', primary: lists.primary }
        const programs = interviewed.get(id) ?? []
        return { ...base, source: programs.length > 0 ? 'interviews' : null, primary: programs }
      })
    },

    /** Confirmed couples with both partners among `studentIds`. */
    async couplesAmong(studentIds: readonly string[]): Promise<[string, string][]> {
      return listConfirmedCouplesAmong(db, studentIds)
    },

    /** Every program of the given specialties, and the programs named. */
    async marketPrograms(specialtyIds: readonly string[], programIds: readonly string[]): Promise<ResidencyProgram[]> {
      return (await listProgramRowsOfSpecialtiesOrIds(db, specialtyIds, programIds)).map(toResidencyProgram)
    },

    async specialtiesOf(programIds: readonly string[]): Promise<Map<string, string>> {
      const rows = await listProgramLabelsByIds(db, programIds)
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

    /**
     * For each student in any finished simulation, the newest one's at-risk reasons and when it
     * finished — one JSON value, read without the lists or figures (the office's season dashboard).
     */
    async listLatestFlagsPerStudent(): Promise<{ studentId: string; finishedAt: Date; reasons: string[] }[]> {
      const result = await db.execute(sql`
        select coalesce(json_agg(json_build_array(student_id, finished_ms, reasons)), '[]')::text as flags from (
          select distinct on (s->>'id') s->>'id' as student_id, (extract(epoch from c.finished_at) * 1000)::float8 as finished_ms,
            coalesce((select json_agg(f->>'reason') from jsonb_array_elements(s->'flags') f), '[]'::json) as reasons
          from class_simulations c cross join lateral jsonb_array_elements(c.result->'students') s
          where c.status = 'done' and c.result is not null and c.finished_at is not null
          order by s->>'id', c.finished_at desc
        ) latest`)
      const [row] = (result as unknown as { rows: { flags: string }[] }).rows
      const flags = JSON.parse(row?.flags ?? '[]') as [string, number, string[]][]
      return flags.map(([studentId, finishedMs, reasons]) => ({ studentId, finishedAt: new Date(finishedMs), reasons }))
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

    /** Extends the lease of every unfinished simulation `owner` holds. */
    async renewLeases(owner: string, until: Date): Promise<void> {
      await db
        .update(classSimulations)
        .set({ leaseExpiresAt: until })
        .where(and(eq(classSimulations.leaseOwner, owner), inArray(classSimulations.status, ['queued', 'running'])))
    },

    /**
     * Marks failed the simulations left queued or running whose lease has run out (or that never
     * had one): the process that held it stopped. A live process's rows are never touched, so
     * several processes may run this at once.
     */
    async failAbandoned(now: Date, values: Partial<typeof classSimulations.$inferInsert>): Promise<number> {
      const rows = await db
        .update(classSimulations)
        .set(values)
        .where(
          and(inArray(classSimulations.status, ['queued', 'running']), or(isNull(classSimulations.leaseExpiresAt), lt(classSimulations.leaseExpiresAt, now))),
        )
        .returning({ id: classSimulations.id })
      return rows.length
    },
  }
}

export type ClassSimulationRepository = ReturnType<typeof createClassSimulationRepository>
