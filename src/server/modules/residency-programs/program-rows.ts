import { and, eq, inArray } from 'drizzle-orm'
import type { ResidencyProgram } from '#engines/smart-pick/index.ts'
import type { Database } from '#server/db/client.ts'
import { residencyPrograms } from '#server/db/schema/index.ts'

export type ProgramRow = typeof residencyPrograms.$inferSelect

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

/** Read-side lookups other modules share (list builder, rank lists, simulation). */
export function createProgramRows(db: Database) {
  return {
    async ofSpecialty(specialtyId: string, track?: ProgramRow['track']): Promise<ProgramRow[]> {
      const where = track ? and(eq(residencyPrograms.specialtyId, specialtyId), eq(residencyPrograms.track, track)) : eq(residencyPrograms.specialtyId, specialtyId)
      return db.select().from(residencyPrograms).where(where).orderBy(residencyPrograms.name)
    },
    async byIds(ids: readonly string[]): Promise<ProgramRow[]> {
      if (ids.length === 0) return []
      return db.select().from(residencyPrograms).where(inArray(residencyPrograms.id, [...ids]))
    },
    async all(): Promise<ProgramRow[]> {
      return db.select().from(residencyPrograms)
    },
  }
}

export type ProgramRows = ReturnType<typeof createProgramRows>
