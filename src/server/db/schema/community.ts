import { sql } from 'drizzle-orm'
import { boolean, check, customType, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { CommunityModerationAction } from '#shared/enums.ts'
import { people } from './identity.ts'

const tsvector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' })

/**
 * Community questions and answers (the community module). A post keeps its author even when it
 * is anonymous — for abuse handling, read only through a moderator's audited action — and
 * `is_anonymous` decides whether any view names them. Per-person figures are never stored: they
 * are counted on read from named posts only, so an anonymous post cannot move them.
 *
 * `board` is `topic:<topic>` or `specialty:<specialty id>` (boards are reference data in code).
 * `search` is generated from the post's own words only — never its author — so search results
 * and their order cannot depend on who wrote a post.
 *
 * `answers_search` holds the words of the question's visible answers, kept by a trigger on
 * `community_answers` (migration 0032), so one GIN index over `search || answers_search` finds a
 * thread by any of its posts, and the newest matching threads can be read in board order without
 * visiting every matching answer. It is stripped of positions: a thread's answers together could
 * otherwise outgrow a tsvector's 1 MB, and phrase queries fall back to "all these words" there.
 */
export const communityQuestions = pgTable(
  'community_questions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    board: text('board').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    acceptedAnswerId: uuid('accepted_answer_id'),
    /** The mentor the question was asked of, publicly, from their profile; they are e-mailed it. */
    askedMentorId: uuid('asked_mentor_id').references(() => people.id, { onDelete: 'set null' }),
    isLocked: boolean('is_locked').notNull().default(false),
    isHidden: boolean('is_hidden').notNull().default(false),
    /** Hidden by the school's word filter until a moderator publishes it (or hides it themselves). */
    heldForReview: boolean('held_for_review').notNull().default(false),
    /** The moderator's note on the latest hide or lock, shown to the author and moderators. */
    moderationNote: text('moderation_note').notNull().default(''),
    /** When a moderator last edited its words (everyone sees "edited by a moderator"). */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /**
     * For an anonymous question: answers up to this instant are in a digest already sent to the
     * asker. Their e-mail goes out once a day, never at the moment of an answer, so its timing
     * cannot tie them to the question.
     */
    askerToldThrough: timestamp('asker_told_through', { withTimezone: true }),
    /** The question's last answer (or its asking): the board's order. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull(),
    search: tsvector('search').notNull().generatedAlwaysAs(sql`setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')`),
    answersSearch: tsvector('answers_search').notNull().default(sql`''::tsvector`),
  },
  (t) => [
    // Partial, so a board's count reads the index alone: every list of questions leaves hidden ones out.
    index('community_questions_board_idx').on(t.board, t.lastActivityAt).where(sql`not ${t.isHidden}`),
    index('community_questions_activity_idx').on(t.lastActivityAt),
    index('community_questions_author_idx').on(t.authorId),
    index('community_questions_thread_search_idx').using('gin', sql`(${t.search} || ${t.answersSearch})`),
  ],
)

export const communityAnswers = pgTable(
  'community_answers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    questionId: uuid('question_id')
      .notNull()
      .references(() => communityQuestions.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    isAnonymous: boolean('is_anonymous').notNull().default(false),
    isHidden: boolean('is_hidden').notNull().default(false),
    /** Hidden by the school's word filter until a moderator publishes it (or hides it themselves). */
    heldForReview: boolean('held_for_review').notNull().default(false),
    moderationNote: text('moderation_note').notNull().default(''),
    /** When a moderator last edited its words (everyone sees "edited by a moderator"). */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    search: tsvector('search').notNull().generatedAlwaysAs(sql`to_tsvector('english', body)`),
  },
  (t) => [index('community_answers_question_idx').on(t.questionId, t.createdAt), index('community_answers_author_idx').on(t.authorId)],
)

/** One vote per person per answer. */
export const communityVotes = pgTable(
  'community_votes',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => communityAnswers.id, { onDelete: 'cascade' }),
    voterId: uuid('voter_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.answerId, t.voterId] })],
)

export const communityFollows = pgTable(
  'community_follows',
  {
    questionId: uuid('question_id')
      .notNull()
      .references(() => communityQuestions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.personId] }), index('community_follows_person_idx').on(t.personId)],
)

/** A report of a question or an answer (exactly one), open until a moderator acts on it. */
export const communityReports = pgTable(
  'community_reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    questionId: uuid('question_id')
      .notNull()
      .references(() => communityQuestions.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id').references(() => communityAnswers.id, { onDelete: 'cascade' }),
    /** Null when the school's word filter held the post (see `community_word_filter`). */
    reporterId: uuid('reporter_id').references(() => people.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('community_reports_open_idx').on(t.createdAt).where(sql`resolved_at is null`)],
)

/**
 * Every moderator action with its written note or reason; the audit log's row points here.
 * A `reveal-author` row is the record that someone learned who wrote an anonymous post, and why.
 */
export const communityModerationActions = pgTable(
  'community_moderation_actions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    moderatorId: uuid('moderator_id').references(() => people.id, { onDelete: 'set null' }),
    action: text('action').$type<CommunityModerationAction>().notNull(),
    questionId: uuid('question_id').references(() => communityQuestions.id, { onDelete: 'cascade' }),
    answerId: uuid('answer_id').references(() => communityAnswers.id, { onDelete: 'cascade' }),
    reportId: uuid('report_id').references(() => communityReports.id, { onDelete: 'cascade' }),
    note: text('note').notNull(),
    /** For an edit: the words before it (a question's title, a blank line, then its body), for moderators. */
    previousText: text('previous_text'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('community_moderation_actions_question_idx').on(t.questionId), check('community_moderation_actions_note', sql`length(${t.note}) > 0`)],
)

/**
 * The school's word filter: a word or phrase a post may not hold (`block`: refused, naming the
 * field) or that holds it hidden for a moderator (`review`: shown to its author and the
 * moderators, with an open report, until a moderator unhides it). `normalised` is the term as it
 * is matched (lower case, no accents, single spaces), so one phrase is listed once.
 */
export const communityWordFilter = pgTable(
  'community_word_filter',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    term: text('term').notNull(),
    normalised: text('normalised').notNull().unique(),
    action: text('action').$type<'block' | 'review'>().notNull(),
    addedBy: uuid('added_by').references(() => people.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('community_word_filter_action', sql`${t.action} in ('block', 'review')`),
    check('community_word_filter_normalised', sql`length(${t.normalised}) > 0`),
  ],
)
