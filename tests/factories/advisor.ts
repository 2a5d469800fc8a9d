import type { Database } from '#server/db/client.ts'
import type { BuiltPerson } from '#server/db/seed/people.ts'
import { buildPerson, insertBuiltPerson, type InsertedPerson, type PersonOverrides } from './person.ts'

/**
 * An advisor in the Office of Student Affairs; with `advisor.advisesSpecialtyId` a specialty
 * advisor instead. For an advisor who also mentors, use `insertPerson` with both roles.
 */
export function buildAdvisor(overrides: PersonOverrides = {}): BuiltPerson {
  return buildPerson({ ...overrides, roles: ['advisor'] })
}

export async function insertAdvisor(db: Database, overrides: PersonOverrides = {}): Promise<InsertedPerson> {
  return insertBuiltPerson(db, buildAdvisor(overrides))
}
