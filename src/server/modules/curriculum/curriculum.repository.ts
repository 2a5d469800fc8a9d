import { and, asc, eq } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { curriculumCompletions, curriculumMilestones } from '#server/db/schema/index.ts'

export type MilestoneRow = typeof curriculumMilestones.$inferSelect
export type NewMilestone = Omit<typeof curriculumMilestones.$inferInsert, 'id'>

/** Milestones and students' ticks: this module's reads and writes. Only this file writes SQL. */
export function createCurriculumRepository(db: Database) {
  return {
    async listMilestones(tx: Tx | Database = db): Promise<MilestoneRow[]> {
      return tx
        .select()
        .from(curriculumMilestones)
        .orderBy(asc(curriculumMilestones.year), asc(curriculumMilestones.dueMonth), asc(curriculumMilestones.position))
    },

    async findMilestoneById(id: string, tx: Tx | Database = db): Promise<MilestoneRow | null> {
      const [row] = await tx.select().from(curriculumMilestones).where(eq(curriculumMilestones.id, id))
      return row ?? null
    },

    async insertMilestone(values: NewMilestone, tx: Tx = db): Promise<MilestoneRow> {
      const [row] = await tx.insert(curriculumMilestones).values(values).returning()
      if (!row) throw new Error('The new milestone was not written.')
      return row
    },

    async updateMilestone(id: string, values: Partial<NewMilestone>, tx: Tx = db): Promise<MilestoneRow | null> {
      const [row] = await tx.update(curriculumMilestones).set(values).where(eq(curriculumMilestones.id, id)).returning()
      return row ?? null
    },

    async deleteMilestone(id: string, tx: Tx = db): Promise<boolean> {
      const rows = await tx.delete(curriculumMilestones).where(eq(curriculumMilestones.id, id)).returning({ id: curriculumMilestones.id })
      return rows.length > 0
    },

    /** The milestones a student ticked, with when. */
    async listTicksOfStudent(studentId: string): Promise<Map<string, Date>> {
      const rows = await db
        .select({ milestoneId: curriculumCompletions.milestoneId, completedAt: curriculumCompletions.completedAt })
        .from(curriculumCompletions)
        .where(eq(curriculumCompletions.studentId, studentId))
      return new Map(rows.map((r) => [r.milestoneId, r.completedAt]))
    },

    /** Ticks a milestone; a second tick keeps the first moment. */
    async insertTick(studentId: string, milestoneId: string, at: Date, tx: Tx = db): Promise<void> {
      await tx.insert(curriculumCompletions).values({ studentId, milestoneId, completedAt: at }).onConflictDoNothing()
    },

    async deleteTick(studentId: string, milestoneId: string, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .delete(curriculumCompletions)
        .where(and(eq(curriculumCompletions.studentId, studentId), eq(curriculumCompletions.milestoneId, milestoneId)))
        .returning({ id: curriculumCompletions.id })
      return rows.length > 0
    },
  }
}

export type CurriculumRepository = ReturnType<typeof createCurriculumRepository>
