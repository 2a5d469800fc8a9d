import { and, asc, eq, gte, inArray, max } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { curriculumCompletions, curriculumMilestones, curriculumNudges } from '#server/db/schema/index.ts'

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

    /** The ticks of many students among `milestoneIds`, by student, in one query. */
    async mapTicksOfStudents(studentIds: readonly string[], milestoneIds: readonly string[]): Promise<Map<string, Map<string, Date>>> {
      const byStudent = new Map<string, Map<string, Date>>()
      if (studentIds.length === 0 || milestoneIds.length === 0) return byStudent
      const rows = await db
        .select({ studentId: curriculumCompletions.studentId, milestoneId: curriculumCompletions.milestoneId, completedAt: curriculumCompletions.completedAt })
        .from(curriculumCompletions)
        .where(and(inArray(curriculumCompletions.studentId, [...new Set(studentIds)]), inArray(curriculumCompletions.milestoneId, [...milestoneIds])))
      for (const r of rows) {
        const mine = byStudent.get(r.studentId)
        if (mine) mine.set(r.milestoneId, r.completedAt)
        else byStudent.set(r.studentId, new Map([[r.milestoneId, r.completedAt]]))
      }
      return byStudent
    },

    /** Locks a milestone's row, so two nudges about it at once take turns (the second sees the first's rows). */
    async lockMilestone(id: string, tx: Tx): Promise<MilestoneRow | null> {
      const [row] = await tx.select().from(curriculumMilestones).where(eq(curriculumMilestones.id, id)).for('update')
      return row ?? null
    },

    /** Of `studentIds`, those nudged about the milestone since `since`, with their last nudge. */
    async mapLastNudges(milestoneId: string, studentIds: readonly string[], since: Date, tx: Tx | Database = db): Promise<Map<string, Date>> {
      if (studentIds.length === 0) return new Map()
      const rows = await tx
        .select({ studentId: curriculumNudges.studentId, lastAt: max(curriculumNudges.sentAt) })
        .from(curriculumNudges)
        .where(
          and(
            eq(curriculumNudges.milestoneId, milestoneId),
            inArray(curriculumNudges.studentId, [...new Set(studentIds)]),
            gte(curriculumNudges.sentAt, since),
          ),
        )
        .groupBy(curriculumNudges.studentId)
      return new Map(rows.flatMap((r) => (r.lastAt ? [[r.studentId, r.lastAt] as const] : [])))
    },

    async insertNudges(milestoneId: string, studentIds: readonly string[], sentById: string, at: Date, tx: Tx): Promise<void> {
      if (studentIds.length === 0) return
      await tx.insert(curriculumNudges).values(studentIds.map((studentId) => ({ milestoneId, studentId, sentById, sentAt: at })))
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
