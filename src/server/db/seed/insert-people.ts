import type { Database } from '../client.ts'
import { advisorProfiles, mentorProfiles, people, personRoles, studentProfiles } from '../schema/index.ts'
import type { AdvisorProfileRow, BuiltPerson, MentorProfileRow, PersonRoleRow, PersonRow, StudentProfileRow } from './people.ts'

export type PeopleRows = {
  people: PersonRow[]
  personRoles: PersonRoleRow[]
  studentProfiles: StudentProfileRow[]
  mentorProfiles: MentorProfileRow[]
  advisorProfiles: AdvisorProfileRow[]
}

/**
 * Rows per INSERT statement. PostgreSQL caps a statement at 65,535 bound parameters; the widest
 * table here has under 20 columns, so 1,000 rows stay well inside while keeping round trips few.
 */
const BATCH_SIZE = 1_000

async function insertInBatches<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) await insert(rows.slice(start, start + BATCH_SIZE))
}

/** Inserts people with their roles and profiles, in batches, inside one transaction. */
export async function insertPeopleRows(db: Database, rows: PeopleRows): Promise<void> {
  await db.transaction(async (tx) => {
    // Parents before children: roles and profiles reference people.
    await insertInBatches(rows.people, (batch) => tx.insert(people).values(batch))
    await insertInBatches(rows.personRoles, (batch) => tx.insert(personRoles).values(batch))
    await insertInBatches(rows.studentProfiles, (batch) => tx.insert(studentProfiles).values(batch))
    await insertInBatches(rows.mentorProfiles, (batch) => tx.insert(mentorProfiles).values(batch))
    await insertInBatches(rows.advisorProfiles, (batch) => tx.insert(advisorProfiles).values(batch))
  })
}

export function collectPeopleRows(built: readonly BuiltPerson[]): PeopleRows {
  return {
    people: built.map((p) => p.person),
    personRoles: built.flatMap((p) => p.roles),
    studentProfiles: built.flatMap((p) => (p.student ? [p.student] : [])),
    mentorProfiles: built.flatMap((p) => (p.mentor ? [p.mentor] : [])),
    advisorProfiles: built.flatMap((p) => (p.advisor ? [p.advisor] : [])),
  }
}
