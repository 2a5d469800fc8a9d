import { eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { interestGroupMembers, interestGroups } from '#server/db/schema/index.ts'

/**
 * Interest groups' public reads, for other modules: the events module asks which groups a
 * student belongs to (an event's audience may be a group's members) and whether the groups an
 * event names exist. Each takes the database or the caller's transaction.
 */
export type InterestGroupsReader = Pick<Database, 'select'>

/** The ids of the groups a person belongs to (as a leader or a member). */
export async function listInterestGroupIdsOfPerson(reader: InterestGroupsReader, personId: string): Promise<string[]> {
  const rows = await reader.select({ groupId: interestGroupMembers.groupId }).from(interestGroupMembers).where(eq(interestGroupMembers.personId, personId))
  return rows.map((r) => r.groupId)
}

/** Of these ids, those that name no group. */
export async function listMissingInterestGroupIds(reader: InterestGroupsReader, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const found = new Set((await reader.select({ id: interestGroups.id }).from(interestGroups).where(inArray(interestGroups.id, unique))).map((r) => r.id))
  return unique.filter((id) => !found.has(id))
}
