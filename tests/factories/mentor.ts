import type { Database } from '#server/db/client.ts'
import type { BuiltPerson } from '#server/db/seed/people.ts'
import { buildPerson, insertBuiltPerson, type InsertedPerson, type PersonOverrides } from './person.ts'

/**
 * A mentor; a faculty member in Medicine unless `mentor.kind`, `mentor.departmentId` or
 * `mentor.specialtyId` say otherwise. A `near-peer` mentor is also a student (M3 or M4), with
 * both profiles, as in the demo school.
 */
export function buildMentor(overrides: PersonOverrides = {}): BuiltPerson {
  const roles = overrides.mentor?.kind === 'near-peer' ? (['student', 'mentor'] as const) : (['mentor'] as const)
  return buildPerson({ ...overrides, roles })
}

export async function insertMentor(db: Database, overrides: PersonOverrides = {}): Promise<InsertedPerson> {
  return insertBuiltPerson(db, buildMentor(overrides))
}
