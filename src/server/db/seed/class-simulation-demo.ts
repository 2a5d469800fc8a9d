import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Tx } from '../client.ts'
import { applicationProfiles, people, residencyPrograms, studentAdvisors, studentProfiles, studentProgramLists, rankListEntries } from '../schema/index.ts'
import { DEMO_ACCOUNT_EMAILS, findDemoAccount } from './demo-accounts.ts'

/** Step 2 CK scores and list lengths cycled over the students, so the class has strong, average and short lists. */
const STEP2 = [251, 238, 244, 259, 229, 247, 241, 255, 233, 249, 236, 262, 226]
const INTERVIEWS = [12, 9, 14, 11, 4, 10, 6, 13, 3, 12, 8, 15, 5]

/**
 * The demo advisor's other final-year students have interviewed too (application profile and
 * programs marked "interviewed" in their preferred specialty, none of them a demo account), so
 * the class simulation opens on a class rather than on one student. Runs after the demo programs
 * and rank lists are inserted; leaves alone any student who already has a list or a profile.
 */
export async function insertDemoClassInterviews(db: Tx, now: Date): Promise<void> {
  const [advisor] = await db
    .select({ id: people.id })
    .from(people)
    .where(eq(people.email, findDemoAccount('advisor').email))
    .limit(1)
  if (!advisor) return
  const students = await db
    .select({ id: people.id, email: people.email, interests: studentProfiles.specialtyInterests })
    .from(studentAdvisors)
    .innerJoin(people, eq(people.id, studentAdvisors.studentId))
    .innerJoin(studentProfiles, eq(studentProfiles.personId, studentAdvisors.studentId))
    .where(and(eq(studentAdvisors.advisorId, advisor.id), eq(studentProfiles.classYear, 'M4')))
    .orderBy(asc(people.email))
  const candidates = students.filter((s) => !DEMO_ACCOUNT_EMAILS.includes(s.email))
  if (candidates.length === 0) return
  const ids = candidates.map((s) => s.id)
  const busy = new Set([
    ...(await db.select({ id: studentProgramLists.studentId }).from(studentProgramLists).where(inArray(studentProgramLists.studentId, ids))).map((r) => r.id),
    ...(await db.select({ id: rankListEntries.studentId }).from(rankListEntries).where(inArray(rankListEntries.studentId, ids))).map((r) => r.id),
    ...(await db.select({ id: applicationProfiles.studentId }).from(applicationProfiles).where(inArray(applicationProfiles.studentId, ids))).map((r) => r.id),
  ])
  let i = 0
  for (const student of candidates) {
    if (busy.has(student.id)) continue
    const specialty = student.interests[0] ?? 'internal-medicine'
    const pool = await db
      .select({ id: residencyPrograms.id })
      .from(residencyPrograms)
      .where(and(eq(residencyPrograms.specialtyId, specialty), eq(residencyPrograms.track, 'categorical')))
      .orderBy(asc(residencyPrograms.id))
    if (pool.length < 3) continue
    const count = Math.min(pool.length, INTERVIEWS[i % INTERVIEWS.length] as number)
    const step = Math.max(1, Math.floor(pool.length / count))
    const chosen = Array.from({ length: count }, (_, k) => pool[(k * step + i) % pool.length] as { id: string })
    await db.insert(applicationProfiles).values({
      studentId: student.id,
      applicantType: 'us-md',
      step2: STEP2[i % STEP2.length] as number,
      step1: 'pass',
      preferredSpecialtyId: specialty,
      updatedAt: now,
    })
    await db
      .insert(studentProgramLists)
      .values(
        chosen.map((p, k) => ({
          studentId: student.id,
          programId: p.id,
          status: 'interviewed' as const,
          addedAt: new Date(now.getTime() + k * 1000),
          updatedAt: now,
        })),
      )
      .onConflictDoNothing()
    i++
  }
}
