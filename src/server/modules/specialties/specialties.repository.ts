import { eq } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { departmentAdvising } from '#server/db/schema/index.ts'

export type DepartmentAdvisingRow = typeof departmentAdvising.$inferSelect

/** The office's settings per department (specialty advisor, chair's availability): this module's one table. */
export function createSpecialtiesRepository(db: Database) {
  return {
    async findDepartmentAdvising(departmentId: string, tx: Tx = db): Promise<DepartmentAdvisingRow | null> {
      const [row] = await tx.select().from(departmentAdvising).where(eq(departmentAdvising.departmentId, departmentId))
      return row ?? null
    },

    async saveDepartmentAdvising(values: typeof departmentAdvising.$inferInsert, tx: Tx = db): Promise<void> {
      const { departmentId: _id, ...rest } = values
      await tx.insert(departmentAdvising).values(values).onConflictDoUpdate({ target: departmentAdvising.departmentId, set: rest })
    },
  }
}

export type SpecialtiesRepository = ReturnType<typeof createSpecialtiesRepository>
