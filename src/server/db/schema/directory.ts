import { bigint, boolean, customType, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' })

/**
 * The mentor directory's search document, one row per person who has (or had) a mentor profile.
 * Maintained only by the triggers of the `directory` migration on `people`, `person_roles` and
 * `mentor_profiles`, so the demo seed, imports and profile edits all keep it current.
 *
 * - `listed`: active, not on a FERPA directory hold, holds the mentor role and has a mentor
 *   profile. Rows are never deleted: an unlisted row is the tombstone that tells the server's
 *   in-memory index to drop the person.
 * - `document`: name (weight A), specialty, department and subspecialty (B), research interests
 *   (C), bio (D), with the `english` configuration.
 * - `revision`: from `directory_entries_revision_seq`, set on every change that matters to
 *   search, so a server process can ask "what changed since revision N?".
 */
export const directoryEntries = pgTable(
  'directory_entries',
  {
    personId: uuid('person_id').primaryKey(),
    listed: boolean('listed').notNull().default(false),
    name: text('name').notNull().default(''),
    document: tsvector('document').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('directory_entries_document_idx').using('gin', t.document),
    index('directory_entries_name_trgm_idx').using('gist', t.name.op('gist_trgm_ops')).where(sql`listed`),
    index('directory_entries_revision_idx').on(t.revision),
  ],
)
