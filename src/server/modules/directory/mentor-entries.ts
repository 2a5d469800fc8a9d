import { eq, gt, sql } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/pg-core'
import type { Database } from '#server/db/client.ts'
import { directoryEntries } from '#server/db/schema/index.ts'
import { peopleFaces } from '../identity/people-queries.ts'
import { mentorProfileFields } from '../profiles/profile-queries.ts'

/**
 * The directory's public read of its entries for other modules: the change feed of mentors that
 * the recommendations pool follows, as the directory's own index does. `listed` is the
 * directory's listing rule computed by the database (active, no FERPA hold, mentor role, mentor
 * profile — `directory.policy.ts`). One query per batch: the entries joined to identity's and
 * profiles' query pieces (`peopleFaces`, `mentorProfileFields`), never their tables.
 */
export type DirectoryReader = Pick<Database, 'select' | 'execute'>

type Person = ReturnType<typeof peopleFaces>
type Profile = ReturnType<typeof mentorProfileFields>

/** How many changed entries one read returns at most. */
export const MENTOR_CHANGES_BATCH = 5_000

/** The fields of a mentor that both the directory index and the recommendations pool keep. */
function mentorFields(person: Person, profile: Profile) {
  return {
    id: directoryEntries.personId,
    listed: directoryEntries.listed,
    revision: directoryEntries.revision,
    name: person.name,
    pronouns: person.pronouns,
    hasPhoto: person.hasPhoto,
    kind: profile.kind,
    departmentId: profile.departmentId,
    specialtyId: profile.specialtyId,
    subspecialty: profile.subspecialty,
    academicRank: profile.academicRank,
    clinicalSite: profile.clinicalSite,
    city: profile.city,
    state: profile.state,
    offers: profile.offers,
    capacity: profile.capacity,
    accepting: profile.accepting,
    languages: profile.languages,
    identity: profile.identity,
    identityVisibility: profile.identityVisibility,
    researchInterests: profile.researchInterests,
  }
}

/** Entries joined to the person and the mentor profile, selecting the mentor fields and `more`. */
export function selectMentorEntries<More extends SelectedFields>(reader: DirectoryReader, more: (person: Person, profile: Profile) => More) {
  const person = peopleFaces(reader)
  const profile = mentorProfileFields(reader)
  return reader
    .select({ ...mentorFields(person, profile), ...more(person, profile) })
    .from(directoryEntries)
    .leftJoin(person, eq(person.personId, directoryEntries.personId))
    .leftJoin(profile, eq(profile.personId, directoryEntries.personId))
}

/** The directory's newest revision: a cache of its entries is current up to it. */
export async function readDirectoryRevision(reader: DirectoryReader): Promise<number> {
  // A raw query: read on every recommendation request, it skips drizzle's row mapping.
  const result = await reader.execute(sql`select max(revision) as revision from ${directoryEntries}`)
  return Number((result as unknown as { rows: { revision: string | number | null }[] }).rows[0]?.revision ?? 0)
}

/** Entries changed after `revision`, oldest first, with the mentor fields (unlisted ones too: a reader drops them). */
export function listMentorChangesSince(reader: DirectoryReader, revision: number, limit = MENTOR_CHANGES_BATCH) {
  return selectMentorEntries(reader, () => ({}))
    .where(gt(directoryEntries.revision, revision))
    .orderBy(directoryEntries.revision)
    .limit(limit)
}

export type MentorChange = Awaited<ReturnType<typeof listMentorChangesSince>>[number]
