import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { MaterialKind } from '#shared/reference/application-limits.ts'
import { people } from './identity.ts'

/**
 * Application materials (the materials module): a student's documents, each an append-only
 * series of versions, shared version by version with the reviewers the student chooses, who
 * comment on ranges of that version's text. Nothing here is readable by anyone but the student
 * and, for a version shared with them, that version's reviewers (see the module's README).
 */
export const materialDocuments = pgTable(
  'material_documents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    studentId: uuid('student_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<MaterialKind>().notNull(),
    title: text('title').notNull(),
    /** The specialty or program a personal statement is written for; empty for a general one. */
    target: text('target').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('material_documents_student_idx').on(t.studentId, t.updatedAt)],
)

/**
 * One saved text of a document. Versions are never changed (a trigger refuses an UPDATE): an
 * edit, or accepting suggestions, adds the next number.
 */
export const materialVersions = pgTable(
  'material_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    documentId: uuid('document_id')
      .notNull()
      .references(() => materialDocuments.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    /** The text's length in characters (code points), as the page counts: lists show it without reading the text. */
    characters: integer('characters').notNull(),
    /** How it came to be, in words for the versions list ("Written", "2 suggestions accepted"). */
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('material_versions_number_idx').on(t.documentId, t.number), check('material_versions_number_positive', sql`${t.number} > 0`)],
)

/** A version shared with one reviewer, with the student's question and a due date. */
export const materialReviewRequests = pgTable(
  'material_review_requests',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    versionId: uuid('version_id')
      .notNull()
      .references(() => materialVersions.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    question: text('question').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The reviewer said they are done; null while the request is open. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** When the one reminder (the day before the due date) was sent; null until then. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('material_review_requests_version_reviewer_idx').on(t.versionId, t.reviewerId),
    index('material_review_requests_reviewer_idx').on(t.reviewerId, t.dueDate),
  ],
)

/**
 * A reviewer's comment on a range of one version (`start`..`end`, UTF-16 offsets into that
 * version's text), with the words it quoted so it can be found again in later versions, and
 * optionally a suggested replacement the student accepts into a new version or rejects.
 */
export const materialThreads = pgTable(
  'material_threads',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    versionId: uuid('version_id')
      .notNull()
      .references(() => materialVersions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    quote: text('quote').notNull(),
    body: text('body').notNull(),
    suggestion: text('suggestion'),
    /** Null without a suggestion; else pending until the student accepts or rejects it. */
    suggestionState: text('suggestion_state').$type<'pending' | 'accepted' | 'rejected'>(),
    acceptedIntoVersionId: uuid('accepted_into_version_id').references(() => materialVersions.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('material_threads_version_idx').on(t.versionId),
    check('material_threads_range', sql`${t.start} >= 0 and ${t.end} > ${t.start}`),
    check('material_threads_suggestion_state', sql`(${t.suggestion} is null) = (${t.suggestionState} is null)`),
  ],
)

export const materialReplies = pgTable(
  'material_replies',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => materialThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('material_replies_thread_idx').on(t.threadId, t.createdAt)],
)
