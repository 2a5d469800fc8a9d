import { and, asc, eq } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { people, rankListEntries, rankLists, residencyPrograms, studentProgramLists } from '../schema/index.ts'
import { findDemoAccount } from './demo-accounts.ts'

/** Notes a student might keep beside a program, by rank. */
const NOTES: Readonly<Record<number, string>> = {
  1: 'Felt at home with the residents; strong NICU.',
  3: 'Close to family. Ask about the global health track.',
}

/**
 * The demo's final-year student (the near-peer, Jonah Kim, applying in Pediatrics, advised by the
 * demo advisor) has interviewed at eight pediatrics programs and ranked seven of them, and has
 * asked for a review: the rank-list pages and the advisor's review open on something real.
 * Runs after the demo programs are inserted; does nothing when there are none.
 */
export async function insertDemoRankLists(db: Tx, now: Date): Promise<void> {
  const [student] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, findDemoAccount('near-peer').email))
    .limit(1)
  if (!student) return
  const pool = await db
    .select({ id: residencyPrograms.id })
    .from(residencyPrograms)
    .where(and(eq(residencyPrograms.specialtyId, 'pediatrics'), eq(residencyPrograms.track, 'categorical')))
    .orderBy(asc(residencyPrograms.id))
    .limit(80)
  // Every tenth program of the specialty: spread over the country, the same on every seed.
  const interviewed = pool.filter((_, i) => i % 10 === 3).slice(0, 8)
  if (interviewed.length < 2) return
  await db
    .insert(studentProgramLists)
    .values(interviewed.map((p) => ({ studentId: student.id, programId: p.id, status: 'interviewed' as const, addedAt: now, updatedAt: now })))
    .onConflictDoNothing()
  const ranked = interviewed.slice(0, interviewed.length - 1)
  await db.insert(rankLists).values({ studentId: student.id, version: 1, status: 'submitted', submittedAt: now, updatedAt: now }).onConflictDoNothing()
  await db
    .insert(rankListEntries)
    .values(ranked.map((p, i) => ({ studentId: student.id, listKey: 'primary', rank: i + 1, programId: p.id, note: NOTES[i + 1] ?? '' })))
    .onConflictDoNothing()
}
