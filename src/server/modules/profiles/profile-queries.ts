import { sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { mentorProfiles } from '#server/db/schema/index.ts'
import { mentorFactColumns } from './profile-reads.ts'

/**
 * Profiles' query piece, for the one read that must join mentor profiles in SQL: the directory's
 * change feed (every listed mentor at start-up, thousands of rows per read). A drizzle subquery
 * with profiles' own columns under stable names; the caller joins it by `personId` and never
 * names profiles' table. PostgreSQL folds it into the join: the columns the caller does not
 * select are not read. Listed in docs/decisions/003-module-boundaries.md.
 */
export function mentorProfileFields(reader: Pick<Database, 'select'>, alias = 'mentor_profile') {
  return reader
    .select({
      ...mentorFactColumns,
      identity: mentorProfiles.identity,
      identityVisibility: mentorProfiles.identityVisibility,
      bio: mentorProfiles.bio,
      /** The start of the bio, enough for a result card (the full bio is read for one profile). */
      bioSnippet: sql<string>`left(${mentorProfiles.bio}, 400)`.as('bio_snippet'),
    })
    .from(mentorProfiles)
    .as(alias)
}

/**
 * A mentor's capacity (`personId`, `capacity`), for the mentorships module's count of open places
 * over a page of mentors: its active mentorships are counted and joined in the same query.
 */
export function mentorCapacityFields(reader: Pick<Database, 'select'>, alias = 'mentor_capacity') {
  return reader.select({ personId: mentorProfiles.personId, capacity: mentorProfiles.capacity }).from(mentorProfiles).as(alias)
}
