import { and, eq, ne, sql } from 'drizzle-orm'
import { people, personRoles } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'
import type { PeopleReader } from './people-reads.ts'

/**
 * Identity's query pieces, for the few reads that must join people in SQL to page, sort or
 * count at scale (a batched read after the query would not do). Each returns a drizzle subquery
 * with identity's own columns under stable names; the caller joins it by `personId` and never
 * names identity's tables. Listed in docs/decisions/003-module-boundaries.md.
 */

/** Active people who hold `role`: `personId`, `name`, `email`, `directoryHold`. */
export function activePeopleWithRole(reader: PeopleReader, role: Role, alias = `active_${role.replace(/-/g, '_')}s`) {
  return reader
    .select({ personId: people.id, name: people.name, email: people.email, directoryHold: people.directoryHold })
    .from(people)
    .where(and(eq(people.status, 'active'), sql`exists (select 1 from ${personRoles} r where r.person_id = ${people.id} and r.role = ${role})`))
    .as(alias)
}

/**
 * Every person's public face: `personId`, `name`, `pronouns`, `hasPhoto`, `status`,
 * `directoryHold`. The directory's change feed joins it to its entries (thousands of rows per
 * read, one query); PostgreSQL folds the subquery into the join, so it costs what a join to the
 * table cost.
 */
export function peopleFaces(reader: PeopleReader, alias = 'person_face') {
  return reader
    .select({
      personId: people.id,
      name: people.name,
      pronouns: people.pronouns,
      hasPhoto: sql<boolean>`${people.photoType} is not null`.as('has_photo'),
      status: people.status,
      directoryHold: people.directoryHold,
    })
    .from(people)
    .as(alias)
}

/**
 * People not disabled (active or still invited) who hold `role`: `personId`, `name`, `email`,
 * `schoolId`. The class roster of record is the students among them (decision 020).
 */
export function currentPeopleWithRole(reader: PeopleReader, role: Role, alias = `current_${role.replace(/-/g, '_')}s`) {
  return reader
    .select({ personId: people.id, name: people.name, email: people.email, schoolId: people.schoolId })
    .from(people)
    .where(and(ne(people.status, 'disabled'), sql`exists (select 1 from ${personRoles} r where r.person_id = ${people.id} and r.role = ${role})`))
    .as(alias)
}
