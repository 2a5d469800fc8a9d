import { randomUUID } from 'node:crypto'
import { and, count, desc, eq, inArray, max, ne, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { pastApplicantDetails, pastApplicants, pastApplications, smartPickCalibrations } from '#server/db/schema/index.ts'
import type { CheckedGraduate } from './domain/past-outcomes-csv.ts'
import type { StoredGraduate } from './domain/recalibrate.ts'

type Writer = Pick<Database, 'insert' | 'select' | 'delete' | 'update' | 'execute'>

const BATCH = 2_000

/** Transaction-scoped advisory locks: imports take turns, and so do activations. */
export const PAST_OUTCOMES_LOCK = 7_301_001
export const ACTIVE_CALIBRATION_LOCK = 7_301_002

export async function lockFor(tx: Writer, key: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${key})`)
}

/** Past outcomes and calibrations: this module's reads and writes. */
export function createCalibrationRepository(db: Database) {
  return {
    /** Graduates, applications, interviews and matches per stored match year. */
    async countByYear(): Promise<{ year: number; graduates: number; applications: number; interviews: number; matched: number; importedAt: Date | null }[]> {
      const graduates = await db
        .select({
          year: pastApplicants.matchYear,
          graduates: count(),
          matched: sql<number>`count(${pastApplicants.matchedProgramId})::int`,
          importedAt: max(pastApplicants.importedAt),
        })
        .from(pastApplicants)
        .groupBy(pastApplicants.matchYear)
      const applications = await db
        .select({
          year: pastApplicants.matchYear,
          applications: count(),
          interviews: sql<number>`count(*) filter (where ${pastApplications.interviewed})::int`,
        })
        .from(pastApplications)
        .innerJoin(pastApplicants, eq(pastApplicants.id, pastApplications.applicantId))
        .groupBy(pastApplicants.matchYear)
      const byYear = new Map(applications.map((a) => [a.year, a] as const))
      return graduates
        .map((g) => ({
          year: g.year,
          graduates: g.graduates,
          matched: Number(g.matched),
          applications: byYear.get(g.year)?.applications ?? 0,
          interviews: Number(byYear.get(g.year)?.interviews ?? 0),
          importedAt: g.importedAt ? new Date(g.importedAt) : null,
        }))
        .sort((a, b) => a.year - b.year)
    },

    /** Graduate ids already stored in a year other than the one given for them (they may not move). */
    async findGraduatesInOtherYears(graduates: readonly { graduateId: string; matchYear: number }[]): Promise<Map<string, number>> {
      const found = new Map<string, number>()
      const ids = graduates.map((g) => g.graduateId)
      for (let i = 0; i < ids.length; i += BATCH) {
        const rows = await db
          .select({ externalId: pastApplicants.externalId, matchYear: pastApplicants.matchYear })
          .from(pastApplicants)
          .where(inArray(pastApplicants.externalId, ids.slice(i, i + BATCH)))
        for (const row of rows) found.set(row.externalId, row.matchYear)
      }
      const yearOf = new Map(graduates.map((g) => [g.graduateId, g.matchYear] as const))
      for (const [id, year] of found) if (yearOf.get(id) === year) found.delete(id)
      return found
    },

    /**
     * Replaces every stored graduate of `years` with `graduates`, in the caller's transaction.
     * A graduate's link to an account (`person_id`) is kept across a re-import by their id.
     */
    async replaceYears(tx: Writer, years: readonly number[], graduates: readonly CheckedGraduate[], importedAt: Date): Promise<number> {
      if (years.length === 0) return 0
      const links = await tx
        .select({ externalId: pastApplicants.externalId, personId: pastApplicants.personId })
        .from(pastApplicants)
        .where(and(inArray(pastApplicants.matchYear, [...years]), sql`${pastApplicants.personId} is not null`))
      const personOf = new Map(links.map((l) => [l.externalId, l.personId] as const))
      const deleted = await tx
        .delete(pastApplicants)
        .where(inArray(pastApplicants.matchYear, [...years]))
        .returning({ id: pastApplicants.id })
      const applicantRows: (typeof pastApplicants.$inferInsert)[] = []
      const detailRows: (typeof pastApplicantDetails.$inferInsert)[] = []
      const applicationRows: (typeof pastApplications.$inferInsert)[] = []
      for (const g of graduates) {
        const id = randomUUID()
        applicantRows.push({
          id,
          externalId: g.graduateId,
          personId: personOf.get(g.graduateId) ?? null,
          matchYear: g.matchYear,
          applicantType: g.applicantType,
          step2: g.step2,
          step1: g.step1,
          researchItems: g.researchItems,
          alphaOmegaAlpha: g.alphaOmegaAlpha,
          goldHumanism: g.goldHumanism,
          clerkshipHonors: g.clerkshipHonors,
          experiences: g.experiences,
          specialtyId: g.specialtyId,
          matchedProgramId: g.matchedProgramId,
          importedAt,
        })
        const away = g.applications.filter((a) => a.awayRotation).map((a) => a.programId)
        if (g.tieStates.length > 0 || g.tieRegions.length > 0 || g.needsVisa || away.length > 0) {
          detailRows.push({ applicantId: id, tieStates: g.tieStates, tieRegions: g.tieRegions, needsVisa: g.needsVisa, awayRotationProgramIds: away })
        }
        for (const a of g.applications) applicationRows.push({ applicantId: id, programId: a.programId, signalled: a.signalled, interviewed: a.interviewed })
      }
      for (let i = 0; i < applicantRows.length; i += BATCH) await tx.insert(pastApplicants).values(applicantRows.slice(i, i + BATCH))
      for (let i = 0; i < detailRows.length; i += BATCH) await tx.insert(pastApplicantDetails).values(detailRows.slice(i, i + BATCH))
      for (let i = 0; i < applicationRows.length; i += BATCH) await tx.insert(pastApplications).values(applicationRows.slice(i, i + BATCH))
      return deleted.length
    },

    /** Every stored graduate with their applications and details, for the fit. */
    async findAllGraduates(): Promise<StoredGraduate[]> {
      const applicants = await db
        .select({
          id: pastApplicants.id,
          matchYear: pastApplicants.matchYear,
          applicantType: pastApplicants.applicantType,
          specialtyId: pastApplicants.specialtyId,
          step2: pastApplicants.step2,
          step1: pastApplicants.step1,
          researchItems: pastApplicants.researchItems,
          alphaOmegaAlpha: pastApplicants.alphaOmegaAlpha,
          goldHumanism: pastApplicants.goldHumanism,
          clerkshipHonors: pastApplicants.clerkshipHonors,
          experiences: pastApplicants.experiences,
          matchedProgramId: pastApplicants.matchedProgramId,
          tieStates: pastApplicantDetails.tieStates,
          tieRegions: pastApplicantDetails.tieRegions,
          needsVisa: pastApplicantDetails.needsVisa,
          awayRotationProgramIds: pastApplicantDetails.awayRotationProgramIds,
        })
        .from(pastApplicants)
        .leftJoin(pastApplicantDetails, eq(pastApplicantDetails.applicantId, pastApplicants.id))
        .orderBy(pastApplicants.matchYear, pastApplicants.externalId)
      const applications = await db
        .select({
          applicantId: pastApplications.applicantId,
          programId: pastApplications.programId,
          signalled: pastApplications.signalled,
          interviewed: pastApplications.interviewed,
        })
        .from(pastApplications)
        .orderBy(pastApplications.applicantId, pastApplications.programId)
      const byApplicant = new Map<string, { programId: string; signalled: boolean; interviewed: boolean }[]>()
      for (const a of applications) {
        const list = byApplicant.get(a.applicantId)
        const item = { programId: a.programId, signalled: a.signalled, interviewed: a.interviewed }
        if (list) list.push(item)
        else byApplicant.set(a.applicantId, [item])
      }
      return applicants.map(({ id, tieStates, tieRegions, needsVisa, awayRotationProgramIds, ...a }) => ({
        ...a,
        tieStates: tieStates ?? [],
        tieRegions: tieRegions ?? [],
        needsVisa: needsVisa ?? false,
        awayRotationProgramIds: awayRotationProgramIds ?? [],
        applications: byApplicant.get(id) ?? [],
      }))
    },

    async insertCalibration(values: { createdBy: string; priors: unknown; report: unknown; createdAt: Date }, writer: Writer = db): Promise<string> {
      const [row] = await writer
        .insert(smartPickCalibrations)
        .values({ ...values, active: false })
        .returning({ id: smartPickCalibrations.id })
      return (row as { id: string }).id
    },

    async findCalibrations(limit = 50) {
      return db
        .select({
          id: smartPickCalibrations.id,
          createdAt: smartPickCalibrations.createdAt,
          createdById: smartPickCalibrations.createdBy,
          active: smartPickCalibrations.active,
          report: smartPickCalibrations.report,
        })
        .from(smartPickCalibrations)
        .orderBy(desc(smartPickCalibrations.createdAt), desc(smartPickCalibrations.id))
        .limit(limit)
    },

    async findCalibrationById(id: string) {
      const [row] = await db
        .select({
          id: smartPickCalibrations.id,
          createdAt: smartPickCalibrations.createdAt,
          createdById: smartPickCalibrations.createdBy,
          active: smartPickCalibrations.active,
          report: smartPickCalibrations.report,
        })
        .from(smartPickCalibrations)
        .where(eq(smartPickCalibrations.id, id))
      return row ?? null
    },

    /** The newest active calibration's priors, or null (the list builder's view). */
    async findActivePriors(): Promise<{ id: string; priors: unknown } | null> {
      const [row] = await db
        .select({ id: smartPickCalibrations.id, priors: smartPickCalibrations.priors })
        .from(smartPickCalibrations)
        .where(eq(smartPickCalibrations.active, true))
        .orderBy(desc(smartPickCalibrations.createdAt))
        .limit(1)
      return row ?? null
    },

    /** Makes `id` the only active calibration (or, with `active` false, switches it off). */
    async setActive(tx: Writer, id: string, active: boolean): Promise<void> {
      await lockFor(tx, ACTIVE_CALIBRATION_LOCK)
      if (active)
        await tx
          .update(smartPickCalibrations)
          .set({ active: false })
          .where(and(ne(smartPickCalibrations.id, id), eq(smartPickCalibrations.active, true)))
      await tx.update(smartPickCalibrations).set({ active }).where(eq(smartPickCalibrations.id, id))
    },
  }
}

export type CalibrationRepository = ReturnType<typeof createCalibrationRepository>
