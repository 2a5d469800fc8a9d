import { eq, inArray } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { opportunityApplicationDocuments } from '#server/db/schema/index.ts'

export type AttachmentRow = typeof opportunityApplicationDocuments.$inferSelect

/** SQL on `opportunity_application_documents`: the version pinned to each application. */
export function createApplicationDocumentsRepository(db: Database) {
  return {
    /** Pins this version to the application, replacing one pinned before (an application made again). */
    async upsert(values: AttachmentRow, tx: Tx): Promise<void> {
      const { applicationId, ...rest } = values
      await tx.insert(opportunityApplicationDocuments).values(values).onConflictDoUpdate({ target: opportunityApplicationDocuments.applicationId, set: rest })
    },

    async remove(applicationId: string, tx: Tx): Promise<void> {
      await tx.delete(opportunityApplicationDocuments).where(eq(opportunityApplicationDocuments.applicationId, applicationId))
    },

    async findByApplication(applicationId: string, tx: Tx = db): Promise<AttachmentRow | null> {
      const [row] = await tx.select().from(opportunityApplicationDocuments).where(eq(opportunityApplicationDocuments.applicationId, applicationId))
      return row ?? null
    },

    async listByApplications(applicationIds: readonly string[]): Promise<AttachmentRow[]> {
      if (applicationIds.length === 0) return []
      return db
        .select()
        .from(opportunityApplicationDocuments)
        .where(inArray(opportunityApplicationDocuments.applicationId, [...applicationIds]))
    },
  }
}

export type ApplicationDocumentsRepository = ReturnType<typeof createApplicationDocumentsRepository>
