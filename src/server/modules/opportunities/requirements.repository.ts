import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { requirementRecords, requirements } from '#server/db/schema/index.ts'
import type { OpportunityKind } from '#shared/enums.ts'

export type RequirementRow = typeof requirements.$inferSelect
export type NewRequirement = Omit<typeof requirements.$inferInsert, 'id'>
export type RequirementRecordRow = typeof requirementRecords.$inferSelect

/** Requirements and students' records of them: SQL on `requirements` and `requirement_records` only. */
export function createRequirementsRepository(db: Database) {
  return {
    async insertRequirement(values: NewRequirement): Promise<RequirementRow> {
      const [row] = await db.insert(requirements).values(values).returning()
      if (!row) throw new Error('The requirement was not written.')
      return row
    },

    async findRequirementById(id: string): Promise<RequirementRow | null> {
      const [row] = await db.select().from(requirements).where(eq(requirements.id, id))
      return row ?? null
    },

    async updateRequirement(
      id: string,
      values: Pick<NewRequirement, 'name' | 'description' | 'verification' | 'opportunityKind' | 'opportunityId'>,
    ): Promise<void> {
      await db
        .update(requirements)
        .set(values)
        .where(and(eq(requirements.id, id), isNull(requirements.retiredAt)))
    },

    /**
     * Students' records of requirements in force that the office verifies and has not yet (a
     * record the student changed waits again), the longest waiting first: the office's queue.
     */
    async listAwaitingVerification(limit: number): Promise<(RequirementRecordRow & { requirement: RequirementRow })[]> {
      const rows = await db
        .select({ record: requirementRecords, requirement: requirements })
        .from(requirementRecords)
        .innerJoin(requirements, eq(requirements.id, requirementRecords.requirementId))
        .where(and(isNull(requirements.retiredAt), eq(requirements.verification, 'office'), isNull(requirementRecords.verifiedAt)))
        .orderBy(asc(requirementRecords.updatedAt), asc(requirementRecords.studentId))
        .limit(limit)
      return rows.map((r) => ({ ...r.record, requirement: r.requirement }))
    },

    async retireRequirement(id: string, at: Date): Promise<void> {
      await db.update(requirements).set({ retiredAt: at }).where(eq(requirements.id, id))
    },

    /** Requirements in force, in the order the office added them. */
    async listActive(): Promise<RequirementRow[]> {
      return db.select().from(requirements).where(isNull(requirements.retiredAt)).orderBy(asc(requirements.createdAt), asc(requirements.id))
    },

    /** Requirements in force for an opportunity: those of its kind and its own. */
    async listForOpportunity(opportunity: { id: string; kind: OpportunityKind }, tx: Tx = db): Promise<RequirementRow[]> {
      return tx
        .select()
        .from(requirements)
        .where(
          and(
            isNull(requirements.retiredAt),
            or(eq(requirements.opportunityId, opportunity.id), and(isNull(requirements.opportunityId), eq(requirements.opportunityKind, opportunity.kind))),
          ),
        )
        .orderBy(asc(requirements.createdAt), asc(requirements.id))
    },

    async listRecordsOfStudent(studentId: string, requirementIds?: readonly string[], tx: Tx = db): Promise<RequirementRecordRow[]> {
      if (requirementIds && requirementIds.length === 0) return []
      return tx
        .select()
        .from(requirementRecords)
        .where(and(eq(requirementRecords.studentId, studentId), requirementIds ? inArray(requirementRecords.requirementId, [...requirementIds]) : undefined))
    },

    /** Writes a student's record of a requirement (one per student and requirement), with the office's verification or none. */
    async saveRecord(values: {
      requirementId: string
      studentId: string
      completedOn: string
      expiresOn: string | null
      verifiedById: string | null
      verifiedAt: Date | null
      updatedAt: Date
    }): Promise<RequirementRecordRow> {
      const { requirementId, studentId, ...rest } = values
      const [row] = await db
        .insert(requirementRecords)
        .values(values)
        .onConflictDoUpdate({ target: [requirementRecords.studentId, requirementRecords.requirementId], set: rest })
        .returning()
      if (!row) throw new Error('The requirement record was not written.')
      return row
    },
  }
}

export type RequirementsRepository = ReturnType<typeof createRequirementsRepository>
