import type { Database } from '#server/db/client.ts'
import type { BuiltPerson } from '#server/db/seed/people.ts'
import { buildPerson, insertBuiltPerson, type InsertedPerson, type PersonOverrides } from './person.ts'

/** A student (M1–M4 at random unless `student.classYear` is given) with a complete profile. */
export function buildStudent(overrides: PersonOverrides = {}): BuiltPerson {
  return buildPerson({ ...overrides, roles: ['student'] })
}

export async function insertStudent(db: Database, overrides: PersonOverrides = {}): Promise<InsertedPerson> {
  return insertBuiltPerson(db, buildStudent(overrides))
}
