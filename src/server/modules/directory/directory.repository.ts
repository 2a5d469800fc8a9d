import { and, eq, gt, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { directoryEntries } from '#server/db/schema/index.ts'
import { findPersonWithRoles } from '../identity/people-reads.ts'
import { MENTOR_CHANGES_BATCH, selectMentorEntries } from './mentor-entries.ts'

/** Both drivers answer a raw query with `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows
}

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
    async findChangesSince(revision: number, limit = MENTOR_CHANGES_BATCH) {
      return selectMentorEntries(db, (_person, profile) => ({
        document: sql<string>`${directoryEntries.document}::text`,
        bioSnippet: profile.bioSnippet,
      }))
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
      const [[row], person] = await Promise.all([
        selectMentorEntries(db, (person, profile) => ({
          bio: profile.bio,
          graduationYear: profile.graduationYear,
          status: person.status,
          directoryHold: person.directoryHold,
        }))
          .where(and(eq(directoryEntries.personId, personId), eq(directoryEntries.listed, true)))
          .limit(1),
        findPersonWithRoles(db, personId),
      ])
      // Both sides are there for a listed mentor; `listed` and the policy are checked by the service.
      if (!row || !person || row.name === null || row.kind === null || row.status === null || row.directoryHold === null) return null
      return {
        ...row,
        name: row.name,
        kind: row.kind,
        status: row.status,
        directoryHold: row.directoryHold,
        bio: row.bio ?? '',
        researchInterests: row.researchInterests ?? '',
        roles: person.roles,
      }
    },
  }
}

export type DirectoryRepository = ReturnType<typeof createDirectoryRepository>
