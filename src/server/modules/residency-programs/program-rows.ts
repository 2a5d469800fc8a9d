import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm'
import type { ResidencyProgram } from '#engines/smart-pick/index.ts'
import type { Database } from '#server/db/client.ts'
import { residencyPrograms } from '#server/db/schema/index.ts'
import { programSearchWords } from '#shared/search/program-search-words.ts'

/**
 * Residency programs' public reads, for other modules (list builder, rank lists, class
 * simulation, calibration): they call these instead of naming `residency_programs`. Each takes
 * the database or the caller's transaction and reads in one query however many ids it is given.
 */
export type ProgramReader = Pick<Database, 'select'>

export type ProgramRow = typeof residencyPrograms.$inferSelect

/** What a list shows of a program: its name and where it is. */
export type ProgramLabel = { id: string; name: string; institution: string; specialtyId: string; track: ProgramRow['track']; city: string; state: string }

const labelColumns = {
  id: residencyPrograms.id,
  name: residencyPrograms.name,
  institution: residencyPrograms.institution,
  specialtyId: residencyPrograms.specialtyId,
  track: residencyPrograms.track,
  city: residencyPrograms.city,
  state: residencyPrograms.state,
}

const unique = (ids: readonly string[]) => [...new Set(ids)]

/** A stored program as the list builder's model reads it. */
export function toResidencyProgram(row: ProgramRow): ResidencyProgram {
  return {
    id: row.id,
    name: row.name,
    specialty: row.specialtyId,
    track: row.track,
    state: row.state,
    region: row.region,
    positions: row.positions,
    setting: row.setting,
    sponsorsVisa: row.sponsorsVisa,
    step2Range: { p25: row.step2P25, p75: row.step2P75 },
    researchEmphasis: row.researchEmphasis,
    competitiveness: row.competitiveness,
  }
}

/** Every program of a specialty (and track), by name. */
export async function listProgramRowsOfSpecialty(reader: ProgramReader, specialtyId: string, track?: ProgramRow['track']): Promise<ProgramRow[]> {
  const where = track ? and(eq(residencyPrograms.specialtyId, specialtyId), eq(residencyPrograms.track, track)) : eq(residencyPrograms.specialtyId, specialtyId)
  return reader.select().from(residencyPrograms).where(where).orderBy(asc(residencyPrograms.name))
}

/** Every program of any of `specialtyIds` (any order). */
export async function listProgramRowsOfSpecialties(reader: ProgramReader, specialtyIds: readonly string[]): Promise<ProgramRow[]> {
  if (specialtyIds.length === 0) return []
  return reader
    .select()
    .from(residencyPrograms)
    .where(inArray(residencyPrograms.specialtyId, unique(specialtyIds)))
}

/** Every program of any of `specialtyIds` and every program of `ids`, in one read (any order). */
export async function listProgramRowsOfSpecialtiesOrIds(reader: ProgramReader, specialtyIds: readonly string[], ids: readonly string[]): Promise<ProgramRow[]> {
  const conditions = []
  if (specialtyIds.length > 0) conditions.push(inArray(residencyPrograms.specialtyId, unique(specialtyIds)))
  if (ids.length > 0) conditions.push(inArray(residencyPrograms.id, unique(ids)))
  if (conditions.length === 0) return []
  return reader
    .select()
    .from(residencyPrograms)
    .where(or(...conditions))
}

/** The programs of `ids` that exist (any order). */
export async function listProgramRowsByIds(reader: ProgramReader, ids: readonly string[]): Promise<ProgramRow[]> {
  if (ids.length === 0) return []
  return reader
    .select()
    .from(residencyPrograms)
    .where(inArray(residencyPrograms.id, unique(ids)))
}

/** Name, institution, specialty, track and place of each known id (any order). */
export async function listProgramLabelsByIds(reader: ProgramReader, ids: readonly string[]): Promise<ProgramLabel[]> {
  if (ids.length === 0) return []
  return reader
    .select(labelColumns)
    .from(residencyPrograms)
    .where(inArray(residencyPrograms.id, unique(ids)))
}

/** Of `ids`, those that name a program. */
export async function listExistingProgramIds(reader: ProgramReader, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await reader
    .select({ id: residencyPrograms.id })
    .from(residencyPrograms)
    .where(inArray(residencyPrograms.id, unique(ids)))
  return new Set(rows.map((r) => r.id))
}

/**
 * Programs whose name, hospital, city, state or specialty hold every word of `query` (or whose
 * code is `query`), by name: a picker's suggestions.
 */
export async function searchProgramLabels(reader: ProgramReader, query: string, limit: number): Promise<ProgramLabel[]> {
  const p = residencyPrograms
  const words = programSearchWords(query).map((w) =>
    or(
      ilike(p.name, w.pattern),
      ilike(p.institution, w.pattern),
      ilike(p.city, w.pattern),
      w.state ? eq(p.state, w.state) : undefined,
      w.specialtyIds.length > 0 ? inArray(p.specialtyId, w.specialtyIds) : undefined,
    ),
  )
  const where = query ? or(words.length > 0 ? and(...words) : undefined, eq(p.id, query)) : undefined
  return reader.select(labelColumns).from(p).where(where).orderBy(asc(p.name), asc(p.id)).limit(limit)
}

/** Every program. */
export async function listAllProgramRows(reader: ProgramReader): Promise<ProgramRow[]> {
  return reader.select().from(residencyPrograms)
}

/** Every program's id and specialty (the calibration's tally needs no more). */
export async function listProgramSpecialties(reader: ProgramReader): Promise<{ id: string; specialtyId: string }[]> {
  return reader.select({ id: residencyPrograms.id, specialtyId: residencyPrograms.specialtyId }).from(residencyPrograms)
}

/**
 * A cheap fingerprint of a specialty's programs (how many, the newest change), so a caller can
 * keep them in memory between requests and re-read them only after a change. Every writer of
 * `residency_programs` sets `updated_at` (the CSV import does).
 */
export async function findProgramsStampOfSpecialty(reader: ProgramReader, specialtyId: string): Promise<string> {
  const [row] = await reader
    .select({
      n: sql<number>`count(*)::int`,
      changed: sql<string | null>`max(${residencyPrograms.updatedAt})::text`,
      created: sql<string | null>`max(${residencyPrograms.createdAt})::text`,
    })
    .from(residencyPrograms)
    .where(eq(residencyPrograms.specialtyId, specialtyId))
  return `${row?.n ?? 0}|${row?.changed ?? ''}|${row?.created ?? ''}`
}

/** The reads above bound to one database, for services that are handed them. */
export function createProgramRows(db: Database) {
  return {
    ofSpecialty: (specialtyId: string, track?: ProgramRow['track']) => listProgramRowsOfSpecialty(db, specialtyId, track),
    byIds: (ids: readonly string[]) => listProgramRowsByIds(db, ids),
    labelsByIds: (ids: readonly string[]) => listProgramLabelsByIds(db, ids),
    existingIds: (ids: readonly string[]) => listExistingProgramIds(db, ids),
    stampOfSpecialty: (specialtyId: string) => findProgramsStampOfSpecialty(db, specialtyId),
    all: () => listAllProgramRows(db),
  }
}

export type ProgramRows = ReturnType<typeof createProgramRows>
