import { eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { mentorProfiles } from '#server/db/schema/index.ts'

/**
 * A mentor's capacity and whether they accept requests: the profile fields the mentorships
 * module's capacity rule needs, in the caller's transaction. Profiles owns the row; mentorships
 * locks it to make concurrent accepts for one mentor take turns (decision 003 lists this seam).
 */
type Writer = Pick<Database, 'select' | 'update'>

export type MentorCapacity = { capacity: number; accepting: boolean }

/** Locks the mentor's profile row until the transaction ends; null when they have no mentor profile. */
export async function lockMentorCapacity(tx: Writer, mentorId: string): Promise<MentorCapacity | null> {
  const [row] = await tx
    .select({ capacity: mentorProfiles.capacity, accepting: mentorProfiles.accepting })
    .from(mentorProfiles)
    .where(eq(mentorProfiles.personId, mentorId))
    .for('update')
  return row ?? null
}

/** Opens or closes the mentor to new requests (a full mentor closes; a pause closes). */
export async function setMentorAccepting(tx: Writer, mentorId: string, accepting: boolean, now: Date): Promise<void> {
  await tx.update(mentorProfiles).set({ accepting, updatedAt: now }).where(eq(mentorProfiles.personId, mentorId))
}
