import type { Role } from '#shared/enums.ts'
import type { Database } from '#server/db/client.ts'
import { advisorProfiles, mentorProfiles, people, personRoles, studentProfiles } from '#server/db/schema/index.ts'
import {
  buildPersonRows,
  type AdvisorProfileRow,
  type BuiltPerson,
  type MentorProfileRow,
  type PersonInput,
  type PersonRow,
  type StudentProfileRow,
} from '#server/db/seed/people.ts'
import { insertReferenceData } from '#server/db/seed/reference-data.ts'
import { defaultRandom, FACTORY_NOW, type Random } from './random.ts'

export type { BuiltPerson }

/** Anything a test may set; everything else is drawn from `random`. */
export type PersonOverrides = Omit<PersonInput, 'roles' | 'now'> & {
  now?: Date
  /** Pass `createRandom(seed)` for the same person every run. */
  random?: Random
}

export type PersonFactoryInput = PersonOverrides & { roles: readonly Role[] }

/** A person as stored: the `people` row plus its roles and whichever profiles it has. */
export type InsertedPerson = PersonRow & {
  roles: Role[]
  student: StudentProfileRow | null
  mentor: MentorProfileRow | null
  advisor: AdvisorProfileRow | null
}

export function buildPerson(input: PersonFactoryInput): BuiltPerson {
  const { random = defaultRandom, now = FACTORY_NOW, ...rest } = input
  return buildPersonRows(random, { ...rest, now })
}

// Profiles reference departments and specialties; load them once per database object.
const withReferenceData = new WeakSet<Database>()

async function ensureReferenceData(db: Database): Promise<void> {
  if (withReferenceData.has(db)) return
  await insertReferenceData(db)
  withReferenceData.add(db)
}

/** Writes built rows in one transaction and returns them as the database stored them. */
export async function insertBuiltPerson(db: Database, built: BuiltPerson): Promise<InsertedPerson> {
  await ensureReferenceData(db)
  return db.transaction(async (tx) => {
    const [person] = await tx.insert(people).values(built.person).returning()
    if (!person) throw new Error('Inserting the person returned no row.')
    const roles = built.roles.length > 0 ? await tx.insert(personRoles).values(built.roles).returning() : []
    const [student] = built.student ? await tx.insert(studentProfiles).values(built.student).returning() : []
    const [mentor] = built.mentor ? await tx.insert(mentorProfiles).values(built.mentor).returning() : []
    const [advisor] = built.advisor ? await tx.insert(advisorProfiles).values(built.advisor).returning() : []
    return { ...person, roles: roles.map((r) => r.role), student: student ?? null, mentor: mentor ?? null, advisor: advisor ?? null }
  })
}

/** Any combination of roles, e.g. `{ roles: ['student', 'mentor'] }` for a near-peer mentor. */
export async function insertPerson(db: Database, input: PersonFactoryInput): Promise<InsertedPerson> {
  return insertBuiltPerson(db, buildPerson(input))
}

export function buildAdmin(overrides: PersonOverrides = {}): BuiltPerson {
  return buildPerson({ ...overrides, roles: ['admin'] })
}

export async function insertAdmin(db: Database, overrides: PersonOverrides = {}): Promise<InsertedPerson> {
  return insertBuiltPerson(db, buildAdmin(overrides))
}
