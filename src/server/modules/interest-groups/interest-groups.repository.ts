import { and, asc, count, desc, eq, inArray } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import { interestGroupAnnouncements, interestGroupEvents, interestGroupMembers, interestGroups } from '#server/db/schema/index.ts'
import type { InterestGroupRole } from '#shared/enums.ts'

export type GroupRow = typeof interestGroups.$inferSelect
export type MemberRow = typeof interestGroupMembers.$inferSelect
export type AnnouncementRow = typeof interestGroupAnnouncements.$inferSelect

/** Interest groups, their members, announcements and ties to events: this module's reads and writes. Only this file writes SQL. */
export function createInterestGroupsRepository(db: Database) {
  return {
    async insertGroup(values: Omit<typeof interestGroups.$inferInsert, 'id'>, tx: Tx = db): Promise<GroupRow> {
      const [row] = await tx.insert(interestGroups).values(values).returning()
      if (!row) throw new Error('The new group was not written.')
      return row
    },

    async updateGroup(id: string, values: Partial<typeof interestGroups.$inferInsert>, tx: Tx = db): Promise<GroupRow | null> {
      const [row] = await tx.update(interestGroups).set(values).where(eq(interestGroups.id, id)).returning()
      return row ?? null
    },

    async findGroupById(id: string, tx: Tx = db): Promise<GroupRow | null> {
      const [row] = await tx.select().from(interestGroups).where(eq(interestGroups.id, id))
      return row ?? null
    },

    /** Every group, by name; a specialty's groups when `specialtyId` is given. */
    async listGroups(specialtyId?: string): Promise<GroupRow[]> {
      return db
        .select()
        .from(interestGroups)
        .where(specialtyId ? eq(interestGroups.specialtyId, specialtyId) : undefined)
        .orderBy(asc(interestGroups.name))
    },

    async listMembers(groupIds: readonly string[], tx: Tx = db): Promise<MemberRow[]> {
      if (groupIds.length === 0) return []
      return tx
        .select()
        .from(interestGroupMembers)
        .where(inArray(interestGroupMembers.groupId, [...groupIds]))
        .orderBy(asc(interestGroupMembers.joinedAt))
    },

    async countMembers(groupIds: readonly string[]): Promise<Map<string, number>> {
      if (groupIds.length === 0) return new Map()
      const rows = await db
        .select({ groupId: interestGroupMembers.groupId, n: count() })
        .from(interestGroupMembers)
        .where(inArray(interestGroupMembers.groupId, [...groupIds]))
        .groupBy(interestGroupMembers.groupId)
      return new Map(rows.map((r) => [r.groupId, Number(r.n)]))
    },

    async findMembership(groupId: string, personId: string, tx: Tx = db): Promise<MemberRow | null> {
      const [row] = await tx
        .select()
        .from(interestGroupMembers)
        .where(and(eq(interestGroupMembers.groupId, groupId), eq(interestGroupMembers.personId, personId)))
      return row ?? null
    },

    async listMembershipsOf(personId: string): Promise<MemberRow[]> {
      return db.select().from(interestGroupMembers).where(eq(interestGroupMembers.personId, personId))
    },

    /** Joins (or names a leader); a person already in the group keeps their row unless `role` raises them to leader. */
    async upsertMember(groupId: string, personId: string, role: InterestGroupRole, at: Date, tx: Tx = db): Promise<void> {
      await tx
        .insert(interestGroupMembers)
        .values({ groupId, personId, role, joinedAt: at })
        .onConflictDoUpdate({
          target: [interestGroupMembers.groupId, interestGroupMembers.personId],
          set: role === 'leader' ? { role } : { joinedAt: interestGroupMembers.joinedAt },
        })
    },

    /** Leaders no longer named become members: they stay in the group they led. */
    async demoteLeadersExcept(groupId: string, keep: readonly string[], tx: Tx): Promise<void> {
      const leaders = await tx
        .select({ personId: interestGroupMembers.personId })
        .from(interestGroupMembers)
        .where(and(eq(interestGroupMembers.groupId, groupId), eq(interestGroupMembers.role, 'leader')))
      const gone = leaders.map((l) => l.personId).filter((id) => !keep.includes(id))
      if (gone.length > 0)
        await tx
          .update(interestGroupMembers)
          .set({ role: 'member' })
          .where(and(eq(interestGroupMembers.groupId, groupId), inArray(interestGroupMembers.personId, gone)))
    },

    async deleteMember(groupId: string, personId: string, tx: Tx = db): Promise<boolean> {
      const rows = await tx
        .delete(interestGroupMembers)
        .where(and(eq(interestGroupMembers.groupId, groupId), eq(interestGroupMembers.personId, personId)))
        .returning({ personId: interestGroupMembers.personId })
      return rows.length > 0
    },

    async insertAnnouncement(values: Omit<typeof interestGroupAnnouncements.$inferInsert, 'id'>, tx: Tx = db): Promise<AnnouncementRow> {
      const [row] = await tx.insert(interestGroupAnnouncements).values(values).returning()
      if (!row) throw new Error('The announcement was not written.')
      return row
    },

    async listAnnouncements(groupId: string, limit = 20): Promise<AnnouncementRow[]> {
      return db
        .select()
        .from(interestGroupAnnouncements)
        .where(eq(interestGroupAnnouncements.groupId, groupId))
        .orderBy(desc(interestGroupAnnouncements.createdAt))
        .limit(limit)
    },

    async linkEvent(groupId: string, eventId: string, tx: Tx = db): Promise<void> {
      await tx.insert(interestGroupEvents).values({ groupId, eventId })
    },

    async listEventIds(groupIds: readonly string[]): Promise<{ groupId: string; eventId: string }[]> {
      if (groupIds.length === 0) return []
      return db
        .select()
        .from(interestGroupEvents)
        .where(inArray(interestGroupEvents.groupId, [...groupIds]))
    },

    async findGroupIdOfEvent(eventId: string): Promise<string | null> {
      const [row] = await db.select({ groupId: interestGroupEvents.groupId }).from(interestGroupEvents).where(eq(interestGroupEvents.eventId, eventId))
      return row?.groupId ?? null
    },
  }
}

export type InterestGroupsRepository = ReturnType<typeof createInterestGroupsRepository>
