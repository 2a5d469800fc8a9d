import { and, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { directoryEntries, mentorProfiles, people } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'

const mentorColumns = {
  id: directoryEntries.personId,
  listed: directoryEntries.listed,
  revision: directoryEntries.revision,
  name: people.name,
  pronouns: people.pronouns,
  hasPhoto: sql<boolean>`${people.photoType} is not null`,
  kind: mentorProfiles.kind,
  departmentId: mentorProfiles.departmentId,
  specialtyId: mentorProfiles.specialtyId,
  subspecialty: mentorProfiles.subspecialty,
  academicRank: mentorProfiles.academicRank,
  clinicalSite: mentorProfiles.clinicalSite,
  city: mentorProfiles.city,
  state: mentorProfiles.state,
  offers: mentorProfiles.offers,
  capacity: mentorProfiles.capacity,
  accepting: mentorProfiles.accepting,
  languages: mentorProfiles.languages,
  identity: mentorProfiles.identity,
  identityVisibility: mentorProfiles.identityVisibility,
}

/** Both drivers answer a raw query with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

/** How many changed rows one refresh reads at a time. */
const CHANGES_BATCH = 5_000

export function createDirectoryRepository(db: Database) {
  return {
    /**
     * The newest revision and, for a search text, PostgreSQL's parse of it (stemmed with the
     * same `english` configuration as the documents): one round trip per search.
     */
    async readRevisionAndQuery(q: string | null): Promise<{ revision: number; tsquery: string | null }> {
      const result = await db.execute(
        q
          ? sql`select (select max(revision) from directory_entries) as revision, websearch_to_tsquery('english', ${q})::text as tsquery`
          : sql`select (select max(revision) from directory_entries) as revision, null::text as tsquery`,
      )
      const row = rowsOf<{ revision: string | number | null; tsquery: string | null }>(result)[0]
      return { revision: Number(row?.revision ?? 0), tsquery: row?.tsquery ?? null }
    },

    /** Entries changed after `revision`, oldest first, with what the index keeps of each. */
    async findChangesSince(revision: number, limit = CHANGES_BATCH) {
      return db
        .select({
          ...mentorColumns,
          document: sql<string>`${directoryEntries.document}::text`,
          researchInterests: mentorProfiles.researchInterests,
          bioSnippet: sql<string>`left(${mentorProfiles.bio}, 400)`,
        })
        .from(directoryEntries)
        .leftJoin(people, eq(people.id, directoryEntries.personId))
        .leftJoin(mentorProfiles, eq(mentorProfiles.personId, directoryEntries.personId))
        .where(gt(directoryEntries.revision, revision))
        .orderBy(directoryEntries.revision)
        .limit(limit)
    },

    /**
     * Listed mentors whose name is close to the words (pg_trgm `word_similarity`, nearest first
     * through the GiST index), for "did you mean".
     */
    async findCloseNames(q: string, limit = 3): Promise<{ name: string; similarity: number }[]> {
      const result = await db.execute(
        sql`select name, word_similarity(${q}, name) as similarity from directory_entries where listed order by ${q} <<-> name limit ${limit}`,
      )
      return rowsOf<{ name: string; similarity: number | string }>(result).map((row) => ({ name: row.name, similarity: Number(row.similarity) }))
    },

    /** A listed mentor with the long fields the profile page shows; null when not listed. */
    async findListedMentorIncludeBio(personId: string) {
      const [row] = await db
        .select({
          ...mentorColumns,
          bio: mentorProfiles.bio,
          researchInterests: mentorProfiles.researchInterests,
          graduationYear: mentorProfiles.graduationYear,
          status: people.status,
          directoryHold: people.directoryHold,
          roles: sql<Role[]>`array(select role from person_roles r where r.person_id = ${directoryEntries.personId})`,
        })
        .from(directoryEntries)
        .innerJoin(people, eq(people.id, directoryEntries.personId))
        .innerJoin(mentorProfiles, eq(mentorProfiles.personId, directoryEntries.personId))
        .where(and(eq(directoryEntries.personId, personId), eq(directoryEntries.listed, true)))
        .limit(1)
      return row ?? null
    },
  }
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>
