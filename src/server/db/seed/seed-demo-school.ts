import { count, inArray } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { people } from '../schema/index.ts'
import { assignDemoAdvisors, insertAdvisorAssignments } from './advisor-assignments.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import { generateDemoSchool, type DemoSchoolSummary } from './generate-demo-school.ts'
import { insertPeopleRows } from './insert-people.ts'
import { insertReferenceData } from './reference-data.ts'
import { insertDemoClassInterviews } from './class-simulation-demo.ts'
import { insertDemoRankLists } from './rank-lists-demo.ts'
import { generateDemoMentorPrograms, insertDemoMentorPrograms } from './mentor-programs-demo.ts'
import { generateDemoEvents, insertDemoEvents } from './events-demo.ts'
import { insertDemoInterestGroups } from './interest-groups-demo.ts'
import { generateDemoEventSlots, insertDemoEventSlots } from './event-slots-demo.ts'
import { generateDemoAttendance, insertDemoAttendance } from './events-attendance-demo.ts'
import { generateDemoCurriculum, insertDemoCurriculum } from './curriculum-demo.ts'
import { generateDemoOpportunities, insertDemoOpportunities } from './opportunities-demo.ts'
import { generateDemoShadowing, insertDemoShadowing } from './shadowing-demo.ts'
import { generateDemoCommunity, insertDemoCommunity } from './community-demo.ts'
import { generateDemoResidency, insertDemoResidency } from './residency-demo.ts'
import { generateDemoMentorshipHistory, insertDemoMentorshipHistory } from './mentorship-history-demo.ts'
import { generateDemoMessages, insertDemoMessages } from './messages-demo.ts'
import { generateDemoMockInterviews, insertDemoMockInterviews } from './mock-interviews-demo.ts'

export { insertReferenceData } from './reference-data.ts'
export type { DemoSchoolSummary } from './generate-demo-school.ts'

export type SeedDemoSchoolOptions = {
  /** Same seed and `now`, same school. */
  seed?: number
  /** Class years and graduation years are reckoned from this date. */
  now: Date
  /** argon2id hash of DEMO_PASSWORD, set on the demo accounts only. */
  demoPasswordHash: string
  /** Told each step as it starts, for the start-up lines ("people", "residency programs", …). */
  onProgress?: (step: string) => void
}

/** True once any demo account exists: the demo school is loaded (or was, and was edited). */
export async function isDemoSchoolLoaded(db: Database): Promise<boolean> {
  const found = await db
    .select({ id: people.id })
    .from(people)
    .where(inArray(people.email, [...DEMO_ACCOUNT_EMAILS]))
    .limit(1)
  return found.length > 0
}

/**
 * Generates the demo school and inserts it in one transaction: either the whole school is there
 * or none of it. Refuses to run twice rather than mix two schools' people.
 */
export async function seedDemoSchool(db: Database, options: SeedDemoSchoolOptions): Promise<DemoSchoolSummary> {
  if (await isDemoSchoolLoaded(db)) throw new Error('The demo school is already loaded in this database.')
  // A database with people of its own is a real school's: fake people must never join them.
  const [existing] = await db.select({ n: count() }).from(people)
  if ((existing?.n ?? 0) > 0) {
    throw new Error(
      `This database already holds ${existing?.n} people who are not the demo school's; the demo school is loaded only into an empty database. Set DEMO_MODE=false to run it as a real school.`,
    )
  }
  const progress = options.onProgress ?? (() => {})
  progress('generating people')
  const { rows, summary } = generateDemoSchool({
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
    now: options.now,
    demoPasswordHash: options.demoPasswordHash,
  })
  await db.transaction(async (tx) => {
    await insertReferenceData(tx)
    progress(`people (${rows.people.length})`)
    await insertPeopleRows(tx, rows)
    progress('advisor assignments')
    await insertAdvisorAssignments(tx, assignDemoAdvisors(rows, options.now))
    progress('residency programs and applications')
    await insertDemoResidency(tx, generateDemoResidency({ seed: options.seed ?? 1, now: options.now, mentors: rows.mentorProfiles }))
    progress('mentor programs')
    await insertDemoMentorPrograms(tx, generateDemoMentorPrograms(rows, options.now))
    const demoEvents = generateDemoEvents(rows, options.now)
    await insertDemoEvents(tx, demoEvents)
    await insertDemoInterestGroups(tx, rows, options.now)
    await insertDemoEventSlots(tx, generateDemoEventSlots(rows, options.now))
    await insertDemoAttendance(tx, generateDemoAttendance(rows, demoEvents, options.now))
    await insertDemoCurriculum(tx, generateDemoCurriculum(rows, options.now))
    const demoOpportunities = generateDemoOpportunities(rows, options.now)
    await insertDemoOpportunities(tx, demoOpportunities)
    await insertDemoShadowing(tx, generateDemoShadowing(rows, options.now, demoOpportunities.opportunities))
    await insertDemoCommunity(tx, generateDemoCommunity(rows, options.now))
    progress('rank lists and interviews')
    await insertDemoRankLists(tx, options.now)
    await insertDemoClassInterviews(tx, options.now)
    const history = generateDemoMentorshipHistory(rows, options.now, options.seed ?? 1)
    await insertDemoMentorshipHistory(tx, history)
    await insertDemoMessages(tx, generateDemoMessages(history, options.now))
    progress('mock interviews')
    await insertDemoMockInterviews(tx, options.now, generateDemoMockInterviews(rows, options.now, options.seed ?? 1))
  })
  return summary
}
