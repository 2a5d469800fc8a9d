import { and, count, desc, eq, isNotNull, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { pastApplicants, smartPickCalibrations } from '#server/db/schema/index.ts'

/**
 * Calibration's public reads, for other modules: the active calibration (the list builder's
 * model) and the school's past graduates (a program's page). Each takes the database or the
 * caller's transaction; none returns a graduate's scores or applications.
 */
export type CalibrationReader = Pick<Database, 'select' | 'selectDistinct'>

/** The newest active calibration (its stored priors, unchecked), or null. */
export async function findActiveCalibration(reader: CalibrationReader): Promise<{ id: string; createdAt: Date; priors: unknown } | null> {
  const [row] = await reader
    .select({ id: smartPickCalibrations.id, createdAt: smartPickCalibrations.createdAt, priors: smartPickCalibrations.priors })
    .from(smartPickCalibrations)
    .where(eq(smartPickCalibrations.active, true))
    .orderBy(desc(smartPickCalibrations.createdAt))
    .limit(1)
  return row ?? null
}

/** How many graduates matched at the program, by match year (newest first): counts only. */
export async function countGraduatesMatchedAtProgramByYear(reader: CalibrationReader, programId: string): Promise<{ year: number; count: number }[]> {
  return reader
    .select({ year: pastApplicants.matchYear, count: count() })
    .from(pastApplicants)
    .where(eq(pastApplicants.matchedProgramId, programId))
    .groupBy(pastApplicants.matchYear)
    .orderBy(desc(pastApplicants.matchYear))
}

/** Graduates linked to an account who matched at the program: the account and the year, newest first. */
export async function listLinkedGraduatesMatchedAtProgram(reader: CalibrationReader, programId: string): Promise<{ personId: string; matchYear: number }[]> {
  const rows = await reader
    .select({ personId: pastApplicants.personId, matchYear: pastApplicants.matchYear })
    .from(pastApplicants)
    .where(and(eq(pastApplicants.matchedProgramId, programId), isNotNull(pastApplicants.personId)))
    .orderBy(desc(pastApplicants.matchYear))
  return rows.flatMap((r) => (r.personId ? [{ personId: r.personId, matchYear: r.matchYear }] : []))
}

/** The match years the school holds outcomes for, newest first. */
export async function listPastMatchYears(reader: CalibrationReader): Promise<number[]> {
  const rows = await reader.selectDistinct({ year: pastApplicants.matchYear }).from(pastApplicants).orderBy(desc(pastApplicants.matchYear))
  return rows.map((r) => r.year)
}

/**
 * The school's U.S. MD graduates by the specialty they applied in: how many, and how many matched
 * (every match year held). Counts only, for the office's outcomes report.
 */
export async function countPastOutcomesBySpecialty(reader: CalibrationReader): Promise<{ specialtyId: string; applicants: number; matched: number }[]> {
  const rows = await reader
    .select({
      specialtyId: pastApplicants.specialtyId,
      applicants: count(),
      matched: sql<number>`count(${pastApplicants.matchedProgramId})::int`,
    })
    .from(pastApplicants)
    .where(eq(pastApplicants.applicantType, 'us-md'))
    .groupBy(pastApplicants.specialtyId)
  return rows.map((r) => ({ ...r, matched: Number(r.matched) }))
}

/** Graduates linked to an account, with whether they matched (the office's outcomes by group; never scores or programs). */
export async function listLinkedPastOutcomes(reader: CalibrationReader): Promise<{ personId: string; matched: boolean }[]> {
  const rows = await reader
    .select({ personId: pastApplicants.personId, matched: isNotNull(pastApplicants.matchedProgramId) })
    .from(pastApplicants)
    .where(and(isNotNull(pastApplicants.personId), eq(pastApplicants.applicantType, 'us-md')))
  return rows.flatMap((r) => (r.personId ? [{ personId: r.personId, matched: Boolean(r.matched) }] : []))
}

/** The school's graduates who applied in one specialty, by match year (newest first): how many, and how many matched. Counts only, for the specialty's page. */
export async function countPastOutcomesInSpecialtyByYear(
  reader: CalibrationReader,
  specialtyId: string,
): Promise<{ year: number; applicants: number; matched: number }[]> {
  const rows = await reader
    .select({ year: pastApplicants.matchYear, applicants: count(), matched: sql<number>`count(${pastApplicants.matchedProgramId})::int` })
    .from(pastApplicants)
    .where(eq(pastApplicants.specialtyId, specialtyId))
    .groupBy(pastApplicants.matchYear)
    .orderBy(desc(pastApplicants.matchYear))
  return rows.map((r) => ({ year: r.year, applicants: Number(r.applicants), matched: Number(r.matched) }))
}
