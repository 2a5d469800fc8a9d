import { desc, eq, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { classRollovers, houseAdvisors } from '#server/db/schema/index.ts'

/** The roster module's own tables: one row per year-end rollover, and each house's advisory dean. */
export function createRosterRepository(db: Database) {
  return {
    async findRollover(academicYear: string, tx: Pick<Database, 'select'> = db) {
      const [row] = await tx.select().from(classRollovers).where(eq(classRollovers.academicYear, academicYear)).limit(1)
      return row ?? null
    },

    /** The most recent rollover, whatever its year. */
    async findLatestRollover(tx: Pick<Database, 'select'> = db) {
      const [row] = await tx.select().from(classRollovers).orderBy(desc(classRollovers.ranAt)).limit(1)
      return row ?? null
    },

    /** Claims the academic year: false when its rollover was already written (the key decides, so two at once cannot both run). */
    async claimRollover(row: typeof classRollovers.$inferInsert, tx: Tx): Promise<boolean> {
      const inserted = await tx.insert(classRollovers).values(row).onConflictDoNothing().returning({ academicYear: classRollovers.academicYear })
      return inserted.length > 0
    },

    async listHouseAdvisors(reader: Pick<Database, 'select'> = db) {
      return reader.select({ house: houseAdvisors.house, advisorId: houseAdvisors.advisorId }).from(houseAdvisors).orderBy(houseAdvisors.house)
    },

    /** Sets a house's dean; the house is matched without regard to case, and keeps its latest spelling. */
    async setHouseAdvisor(house: string, advisorId: string | null, by: string, at: Date, tx: Tx) {
      await tx.delete(houseAdvisors).where(sql`lower(${houseAdvisors.house}) = lower(${house})`)
      if (advisorId) await tx.insert(houseAdvisors).values({ house, advisorId, setAt: at, setById: by })
    },

    /** Serialises roster applies and rollovers for the length of the caller's transaction. */
    async lockRoster(tx: Tx) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('preceptor class roster'))`)
    },
  }
}

export type RosterRepository = ReturnType<typeof createRosterRepository>
