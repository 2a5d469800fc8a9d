import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { experienceEntries, opportunities, opportunityApplications, researchOutputs } from '#server/db/schema/index.ts'
import type { OpportunityApplicationStatus } from '#shared/enums.ts'

export type OpportunityRow = typeof opportunities.$inferSelect
export type NewOpportunity = Omit<typeof opportunities.$inferInsert, 'id'>
export type ApplicationRow = typeof opportunityApplications.$inferSelect
export type ExperienceRow = typeof experienceEntries.$inferSelect
export type NewExperience = Omit<typeof experienceEntries.$inferInsert, 'id'>
export type ResearchOutputRow = typeof researchOutputs.$inferSelect
export type NewResearchOutput = Omit<typeof researchOutputs.$inferInsert, 'id'>

/**
 * The columns the board filters, counts and checks visibility on, and those a result on the board
 * shows: small ones only (no description), so the board's in-memory copy can show a page without
 * reading its rows again.
 */
const boardColumns = {
  id: opportunities.id,
  kind: opportunities.kind,
  specialtyId: opportunities.specialtyId,
  remote: opportunities.remote,
  classYears: opportunities.classYears,
  posterId: opportunities.posterId,
  status: opportunities.status,
  applyBy: opportunities.applyBy,
  title: opportunities.title,
  places: opportunities.places,
  startDate: opportunities.startDate,
  endDate: opportunities.endDate,
  timeCommitment: opportunities.timeCommitment,
  commitment: opportunities.commitment,
  site: opportunities.site,
}
export type BoardRow = { [K in keyof typeof boardColumns]: OpportunityRow[K] }

/** For each opportunity of a page: the students accepted, and the caller's own application's status. */
export type PlacesAndMine = Map<string, { accepted: number; myStatus: OpportunityApplicationStatus | null }>

const searchDocument = opportunities.searchDocument

/** Opportunities, applications and experience entries: this module's reads and writes. Only this file writes SQL. */
export function createOpportunitiesRepository(db: Database) {
  return {
    async insertOpportunity(values: NewOpportunity, tx: Tx = db): Promise<OpportunityRow> {
      const [row] = await tx.insert(opportunities).values(values).returning()
      if (!row) throw new Error('The new opportunity was not written.')
      return row
    },

    async updateOpportunity(id: string, values: Partial<NewOpportunity>, tx: Tx = db): Promise<OpportunityRow> {
      const [row] = await tx
        .update(opportunities)
        .set({ ...values, revision: sql`nextval('opportunities_revision_seq')` })
        .where(eq(opportunities.id, id))
        .returning()
      if (!row) throw new Error('The opportunity vanished.')
      return row
    },

    async findOpportunityById(id: string, tx: Tx = db): Promise<OpportunityRow | null> {
      const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id))
      return row ?? null
    },

    /**
     * The opportunity, locked until the transaction ends: every change to its places (an
     * application, an acceptance, fewer places) takes this lock first, so they take turns and
     * a count read after it holds.
     */
    async lockOpportunity(id: string, tx: Tx): Promise<OpportunityRow | null> {
      const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update')
      return row ?? null
    },

    /**
     * Every opportunity with the columns the board filters, counts and checks visibility on, in
     * the board's order when no words are given: the nearest deadline first, then the newest.
     */
    async listBoardRows(): Promise<BoardRow[]> {
      return db
        .select(boardColumns)
        .from(opportunities)
        .orderBy(sql`${opportunities.applyBy} asc nulls last`, desc(opportunities.createdAt), asc(opportunities.id))
    },

    /** Moves whenever an opportunity is added or changed: the highest revision, one index probe. (No route removes one.) */
    async boardFingerprint(): Promise<string> {
      const [row] = await db.select({ revision: sql<string>`coalesce(max(${opportunities.revision}), 0)::text` }).from(opportunities)
      return row?.revision ?? '0'
    },

    /**
     * The ids of published opportunities still taking applications whose title or description
     * match the words (English stemming, web-search syntax), best match first.
     */
    async searchOpenIds(q: string, now: Date): Promise<string[]> {
      const query = sql`websearch_to_tsquery('english', ${q})`
      const rows = await db
        .select({ id: opportunities.id })
        .from(opportunities)
        .where(
          and(eq(opportunities.status, 'published'), or(isNull(opportunities.applyBy), gt(opportunities.applyBy, now)), sql`${searchDocument} @@ ${query}`),
        )
        .orderBy(desc(sql`ts_rank(${searchDocument}, ${query})`), asc(opportunities.id))
      return rows.map((r) => r.id)
    },

    async listOpportunitiesOfPoster(posterId: string): Promise<OpportunityRow[]> {
      return db.select().from(opportunities).where(eq(opportunities.posterId, posterId)).orderBy(desc(opportunities.createdAt))
    },

    async listOpportunitiesByIds(ids: readonly string[]): Promise<OpportunityRow[]> {
      if (ids.length === 0) return []
      return db
        .select()
        .from(opportunities)
        .where(inArray(opportunities.id, [...ids]))
    },

    /** Applications by status for each opportunity. */
    async countApplications(ids: readonly string[], tx: Tx = db): Promise<Map<string, Partial<Record<OpportunityApplicationStatus, number>>>> {
      const counts = new Map<string, Partial<Record<OpportunityApplicationStatus, number>>>()
      if (ids.length === 0) return counts
      const rows = await tx
        .select({ id: opportunityApplications.opportunityId, status: opportunityApplications.status, n: sql<number>`count(*)::int` })
        .from(opportunityApplications)
        .where(inArray(opportunityApplications.opportunityId, [...ids]))
        .groupBy(opportunityApplications.opportunityId, opportunityApplications.status)
      for (const row of rows) counts.set(row.id, { ...counts.get(row.id), [row.status]: row.n })
      return counts
    },

    /**
     * The accepted count and the student's own application for each opportunity, in one read: what a
     * page of the board shows beside each result (places left, "Applied"). `studentId` null: no own
     * application is looked for.
     */
    async countAcceptedAndMine(ids: readonly string[], studentId: string | null): Promise<PlacesAndMine> {
      const result: PlacesAndMine = new Map()
      if (ids.length === 0) return result
      const rows = await db
        .select({
          id: opportunityApplications.opportunityId,
          accepted: sql<number>`count(*) filter (where ${opportunityApplications.status} = 'accepted')::int`,
          myStatus: studentId
            ? sql<OpportunityApplicationStatus | null>`max(${opportunityApplications.status}) filter (where ${opportunityApplications.studentId} = ${studentId})`
            : sql<null>`null`,
        })
        .from(opportunityApplications)
        .where(inArray(opportunityApplications.opportunityId, [...ids]))
        .groupBy(opportunityApplications.opportunityId)
      for (const row of rows) result.set(row.id, { accepted: row.accepted, myStatus: row.myStatus })
      return result
    },

    async findApplication(opportunityId: string, studentId: string, tx: Tx = db): Promise<ApplicationRow | null> {
      const [row] = await tx
        .select()
        .from(opportunityApplications)
        .where(and(eq(opportunityApplications.opportunityId, opportunityId), eq(opportunityApplications.studentId, studentId)))
      return row ?? null
    },

    async findApplicationById(id: string, tx: Tx = db): Promise<ApplicationRow | null> {
      const [row] = await tx.select().from(opportunityApplications).where(eq(opportunityApplications.id, id))
      return row ?? null
    },

    async listApplicationsByIds(ids: readonly string[]): Promise<ApplicationRow[]> {
      if (ids.length === 0) return []
      return db
        .select()
        .from(opportunityApplications)
        .where(inArray(opportunityApplications.id, [...ids]))
    },

    /** A new application, or one withdrawn before and made again. */
    async saveApplication(opportunityId: string, studentId: string, statement: string, now: Date, tx: Tx): Promise<ApplicationRow> {
      const fresh = { statement, status: 'submitted' as const, posterMessage: '', decidedAt: null, updatedAt: now }
      const [row] = await tx
        .insert(opportunityApplications)
        .values({ opportunityId, studentId, createdAt: now, ...fresh })
        .onConflictDoUpdate({ target: [opportunityApplications.opportunityId, opportunityApplications.studentId], set: { ...fresh, createdAt: now } })
        .returning()
      if (!row) throw new Error('The application was not written.')
      return row
    },

    async updateApplication(id: string, values: Partial<Omit<ApplicationRow, 'id'>>, tx: Tx): Promise<ApplicationRow> {
      const [row] = await tx.update(opportunityApplications).set(values).where(eq(opportunityApplications.id, id)).returning()
      if (!row) throw new Error('The application vanished.')
      return row
    },

    /** An opportunity's applications, first received first. */
    async listApplicationsOfOpportunity(opportunityId: string): Promise<ApplicationRow[]> {
      return db
        .select()
        .from(opportunityApplications)
        .where(eq(opportunityApplications.opportunityId, opportunityId))
        .orderBy(asc(opportunityApplications.createdAt), asc(opportunityApplications.id))
    },

    /** A student's applications, newest first. */
    async listApplicationsOfStudent(studentId: string, opportunityIds?: readonly string[]): Promise<ApplicationRow[]> {
      if (opportunityIds && opportunityIds.length === 0) return []
      return db
        .select()
        .from(opportunityApplications)
        .where(
          and(
            eq(opportunityApplications.studentId, studentId),
            opportunityIds ? inArray(opportunityApplications.opportunityId, [...opportunityIds]) : undefined,
          ),
        )
        .orderBy(desc(opportunityApplications.createdAt))
    },

    async insertExperience(values: NewExperience, tx: Tx = db): Promise<ExperienceRow> {
      const [row] = await tx.insert(experienceEntries).values(values).returning()
      if (!row) throw new Error('The experience was not written.')
      return row
    },

    async updateExperience(id: string, values: Partial<NewExperience>, tx: Tx = db): Promise<ExperienceRow> {
      const [row] = await tx.update(experienceEntries).set(values).where(eq(experienceEntries.id, id)).returning()
      if (!row) throw new Error('The experience vanished.')
      return row
    },

    async findExperienceById(id: string): Promise<ExperienceRow | null> {
      const [row] = await db.select().from(experienceEntries).where(eq(experienceEntries.id, id))
      return row ?? null
    },

    async listExperiencesOfStudent(studentId: string): Promise<ExperienceRow[]> {
      return db
        .select()
        .from(experienceEntries)
        .where(eq(experienceEntries.studentId, studentId))
        .orderBy(sql`${experienceEntries.startDate} desc nulls last`, desc(experienceEntries.createdAt))
    },

    /** The outputs of these experiences, by date (undated ones last, in the order they were added). */
    async listOutputsOfExperiences(experienceIds: readonly string[]): Promise<ResearchOutputRow[]> {
      if (experienceIds.length === 0) return []
      return db
        .select()
        .from(researchOutputs)
        .where(inArray(researchOutputs.experienceId, [...experienceIds]))
        .orderBy(sql`${researchOutputs.date} asc nulls last`, asc(researchOutputs.createdAt), asc(researchOutputs.id))
    },

    /**
     * Adds an output unless the experience already holds `max`; the experience's row is locked
     * first, so two adds at once cannot both pass the count. Null when the limit is reached.
     */
    async insertOutputWithin(values: NewResearchOutput, max: number): Promise<ResearchOutputRow | null> {
      return db.transaction(async (tx) => {
        await tx.select({ id: experienceEntries.id }).from(experienceEntries).where(eq(experienceEntries.id, values.experienceId)).for('update')
        const [held] = await tx.select({ n: sql<number>`count(*)::int` }).from(researchOutputs).where(eq(researchOutputs.experienceId, values.experienceId))
        if ((held?.n ?? 0) >= max) return null
        const [row] = await tx.insert(researchOutputs).values(values).returning()
        return row ?? null
      })
    },

    async findOutputById(id: string): Promise<ResearchOutputRow | null> {
      const [row] = await db.select().from(researchOutputs).where(eq(researchOutputs.id, id))
      return row ?? null
    },

    async deleteOutput(id: string): Promise<void> {
      await db.delete(researchOutputs).where(eq(researchOutputs.id, id))
    },

    async listExperiencesOfShadowingBookings(bookingIds: readonly string[]): Promise<ExperienceRow[]> {
      if (bookingIds.length === 0) return []
      return db
        .select()
        .from(experienceEntries)
        .where(inArray(experienceEntries.shadowingBookingId, [...bookingIds]))
    },

    async listExperiencesOfApplications(applicationIds: readonly string[]): Promise<ExperienceRow[]> {
      if (applicationIds.length === 0) return []
      return db
        .select()
        .from(experienceEntries)
        .where(inArray(experienceEntries.applicationId, [...applicationIds]))
    },
  }
}

export type OpportunitiesRepository = ReturnType<typeof createOpportunitiesRepository>
