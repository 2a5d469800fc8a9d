import { and, count, desc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { savedOpportunities } from '#server/db/schema/index.ts'

export type SavedRow = { opportunityId: string; createdAt: Date }

/** SQL on `saved_opportunities`: always one student's own rows. */
export function createSavedOpportunitiesRepository(db: Database) {
  return {
    /** Saves it once: saving again keeps the first time it was saved. */
    async save(studentId: string, opportunityId: string, now: Date): Promise<void> {
      await db.insert(savedOpportunities).values({ studentId, opportunityId, createdAt: now }).onConflictDoNothing()
    },

    /** Whether a row of this student's was removed. */
    async unsave(studentId: string, opportunityId: string): Promise<boolean> {
      const removed = await db
        .delete(savedOpportunities)
        .where(and(eq(savedOpportunities.studentId, studentId), eq(savedOpportunities.opportunityId, opportunityId)))
        .returning({ opportunityId: savedOpportunities.opportunityId })
      return removed.length > 0
    },

    async isSaved(studentId: string, opportunityId: string): Promise<boolean> {
      const [row] = await db
        .select({ opportunityId: savedOpportunities.opportunityId })
        .from(savedOpportunities)
        .where(and(eq(savedOpportunities.studentId, studentId), eq(savedOpportunities.opportunityId, opportunityId)))
      return row !== undefined
    },

    async countOfStudent(studentId: string): Promise<number> {
      const [row] = await db.select({ n: count() }).from(savedOpportunities).where(eq(savedOpportunities.studentId, studentId))
      return row?.n ?? 0
    },

    /** The student's saved opportunities, latest saved first. */
    async listOfStudent(studentId: string): Promise<SavedRow[]> {
      return db
        .select({ opportunityId: savedOpportunities.opportunityId, createdAt: savedOpportunities.createdAt })
        .from(savedOpportunities)
        .where(eq(savedOpportunities.studentId, studentId))
        .orderBy(desc(savedOpportunities.createdAt))
    },
  }
}

export type SavedOpportunitiesRepository = ReturnType<typeof createSavedOpportunitiesRepository>
