import { and, asc, count, desc, eq, inArray, isNull, like, not, notInArray, type SQL, sql } from 'drizzle-orm'
import type { Database, Tx } from '#server/db/client.ts'
import {
  communityAnswers,
  communityFollows,
  communityModerationActions,
  communityQuestions,
  communityReports,
  communityVotes,
  communityWordFilter,
} from '#server/db/schema/index.ts'
import type { WordFilterAction } from '#shared/contracts/community.ts'
import type { CommunityModerationAction } from '#shared/enums.ts'

/** Members-only boards are `identity:<identity>` (see `COMMUNITY_BOARDS`). */
const MEMBERS_ONLY_PREFIX = 'identity:'

/** Leaves out the members-only boards a caller may not see. */
function outsideBoards(boards: readonly string[]): SQL | undefined {
  return boards.length > 0 ? notInArray(communityQuestions.board, [...boards]) : undefined
}

/** Every column a question view needs; `search` stays in the database. */
const questionColumns = {
  id: communityQuestions.id,
  board: communityQuestions.board,
  title: communityQuestions.title,
  body: communityQuestions.body,
  authorId: communityQuestions.authorId,
  isAnonymous: communityQuestions.isAnonymous,
  acceptedAnswerId: communityQuestions.acceptedAnswerId,
  askedMentorId: communityQuestions.askedMentorId,
  isLocked: communityQuestions.isLocked,
  isHidden: communityQuestions.isHidden,
  heldForReview: communityQuestions.heldForReview,
  moderationNote: communityQuestions.moderationNote,
  editedAt: communityQuestions.editedAt,
  createdAt: communityQuestions.createdAt,
  lastActivityAt: communityQuestions.lastActivityAt,
}
const answerColumns = {
  id: communityAnswers.id,
  questionId: communityAnswers.questionId,
  body: communityAnswers.body,
  authorId: communityAnswers.authorId,
  isAnonymous: communityAnswers.isAnonymous,
  isHidden: communityAnswers.isHidden,
  heldForReview: communityAnswers.heldForReview,
  moderationNote: communityAnswers.moderationNote,
  editedAt: communityAnswers.editedAt,
  createdAt: communityAnswers.createdAt,
}

export type QuestionRow = { [K in keyof typeof questionColumns]: (typeof communityQuestions.$inferSelect)[K] }
export type AnswerRow = { [K in keyof typeof answerColumns]: (typeof communityAnswers.$inferSelect)[K] }
export type QuestionWithCount = QuestionRow & { answerCount: number }
export type AnswerWithVotes = AnswerRow & { votes: number; myVote: boolean }
export type ReportRow = typeof communityReports.$inferSelect

/** Answers anyone may see: hidden ones are the author's and moderators' only. */
// Written out in full: inside the subquery an unqualified "id" would be the answer's own.
const visibleAnswerCount = sql<number>`(select count(*)::int from community_answers a where a.question_id = community_questions.id and not a.is_hidden)`

/** Questions and answers, votes, follows, reports and moderators' actions: this module's reads and writes. Only this file writes SQL. */
export function createCommunityRepository(db: Database) {
  return {
    async insertQuestion(values: Omit<typeof communityQuestions.$inferInsert, 'search'>, tx: Tx = db): Promise<QuestionRow> {
      const [row] = await tx.insert(communityQuestions).values(values).returning(questionColumns)
      if (!row) throw new Error('The question was not written.')
      return row
    },

    async findQuestionById(id: string, tx: Tx = db): Promise<QuestionRow | null> {
      const [row] = await tx.select(questionColumns).from(communityQuestions).where(eq(communityQuestions.id, id))
      return row ?? null
    },

    /** The question, locked until the transaction ends: answers, accepting and moderation take turns on it. */
    async lockQuestion(id: string, tx: Tx): Promise<QuestionRow | null> {
      const [row] = await tx.select(questionColumns).from(communityQuestions).where(eq(communityQuestions.id, id)).for('update')
      return row ?? null
    },

    async updateQuestion(
      id: string,
      values: Partial<Pick<QuestionRow, 'acceptedAnswerId' | 'isLocked' | 'isHidden' | 'moderationNote' | 'lastActivityAt' | 'title' | 'body' | 'editedAt'>>,
      tx: Tx = db,
    ): Promise<void> {
      await tx.update(communityQuestions).set(values).where(eq(communityQuestions.id, id))
    },

    /** One page of visible questions (on a board, or all), newest activity first, with the total. */
    async listQuestions(query: {
      board?: string | undefined
      /** Members-only boards the caller may not see. */
      excludeBoards: readonly string[]
      page: number
      pageSize: number
    }): Promise<{ rows: QuestionWithCount[]; total: number }> {
      const where = and(
        eq(communityQuestions.isHidden, false),
        query.board ? eq(communityQuestions.board, query.board) : undefined,
        outsideBoards(query.excludeBoards),
      )
      const [rows, totals] = await Promise.all([
        db
          .select({ ...questionColumns, answerCount: visibleAnswerCount })
          .from(communityQuestions)
          .where(where)
          .orderBy(desc(communityQuestions.lastActivityAt), asc(communityQuestions.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(communityQuestions).where(where),
      ])
      return { rows, total: totals[0]?.n ?? 0 }
    },

    /**
     * The `limit` most recently active visible threads whose question or visible answers match
     * the words (PostgreSQL's `websearch_to_tsquery`), each with how well it matches. Read in
     * board order through the activity index when the words are common, or through the thread
     * index when they are rare: either way no more than `limit` rows are ranked.
     */
    async listNewestMatches(query: {
      words: string
      board?: string | undefined
      excludeBoards: readonly string[]
      limit: number
    }): Promise<{ id: string; lastActivityAt: Date; rank: number }[]> {
      const tsquery = sql`websearch_to_tsquery('english', ${query.words})`
      const thread = sql`(${communityQuestions.search} || ${communityQuestions.answersSearch})`
      return db
        .select({ id: communityQuestions.id, lastActivityAt: communityQuestions.lastActivityAt, rank: sql<number>`ts_rank(${thread}, ${tsquery})` })
        .from(communityQuestions)
        .where(
          and(
            eq(communityQuestions.isHidden, false),
            query.board ? eq(communityQuestions.board, query.board) : undefined,
            outsideBoards(query.excludeBoards),
            sql`${thread} @@ ${tsquery}`,
          ),
        )
        .orderBy(desc(communityQuestions.lastActivityAt), asc(communityQuestions.id))
        .limit(query.limit)
    },

    async countVisibleQuestionsByBoard(): Promise<Map<string, number>> {
      const rows = await db
        .select({ board: communityQuestions.board, n: count() })
        .from(communityQuestions)
        .where(eq(communityQuestions.isHidden, false))
        .groupBy(communityQuestions.board)
      return new Map(rows.map((r) => [r.board, r.n]))
    },

    async listQuestionsByIds(ids: readonly string[]): Promise<QuestionWithCount[]> {
      if (ids.length === 0) return []
      return db
        .select({ ...questionColumns, answerCount: visibleAnswerCount })
        .from(communityQuestions)
        .where(inArray(communityQuestions.id, [...ids]))
        .orderBy(desc(communityQuestions.lastActivityAt), asc(communityQuestions.id))
    },

    async listQuestionIdsByAuthor(personId: string): Promise<string[]> {
      const rows = await db.select({ id: communityQuestions.id }).from(communityQuestions).where(eq(communityQuestions.authorId, personId))
      return rows.map((r) => r.id)
    },

    async listQuestionIdsAnsweredBy(personId: string): Promise<string[]> {
      const rows = await db.selectDistinct({ id: communityAnswers.questionId }).from(communityAnswers).where(eq(communityAnswers.authorId, personId))
      return rows.map((r) => r.id)
    },

    async listFollowedQuestionIds(personId: string): Promise<string[]> {
      const rows = await db.select({ id: communityFollows.questionId }).from(communityFollows).where(eq(communityFollows.personId, personId))
      return rows.map((r) => r.id)
    },

    async insertAnswer(values: Omit<typeof communityAnswers.$inferInsert, 'search'>, tx: Tx): Promise<AnswerRow> {
      const [row] = await tx.insert(communityAnswers).values(values).returning(answerColumns)
      if (!row) throw new Error('The answer was not written.')
      return row
    },

    async findAnswerById(id: string, tx: Tx = db): Promise<AnswerRow | null> {
      const [row] = await tx.select(answerColumns).from(communityAnswers).where(eq(communityAnswers.id, id))
      return row ?? null
    },

    async updateAnswer(id: string, values: Partial<Pick<AnswerRow, 'isHidden' | 'moderationNote' | 'body' | 'editedAt'>>, tx: Tx): Promise<void> {
      await tx.update(communityAnswers).set(values).where(eq(communityAnswers.id, id))
    },

    /** A question's answers (hidden ones too; the service decides who sees them), oldest first, with votes and the caller's own vote. */
    async listAnswers(questionId: string, viewerId: string): Promise<AnswerWithVotes[]> {
      return db
        .select({
          ...answerColumns,
          votes: sql<number>`(select count(*)::int from community_votes v where v.answer_id = community_answers.id)`,
          myVote: sql<boolean>`exists (select 1 from community_votes v where v.answer_id = community_answers.id and v.voter_id = ${viewerId})`,
        })
        .from(communityAnswers)
        .where(eq(communityAnswers.questionId, questionId))
        .orderBy(asc(communityAnswers.createdAt), asc(communityAnswers.id))
    },

    async addVote(answerId: string, voterId: string, at: Date): Promise<void> {
      await db.insert(communityVotes).values({ answerId, voterId, createdAt: at }).onConflictDoNothing()
    },

    async removeVote(answerId: string, voterId: string): Promise<void> {
      await db.delete(communityVotes).where(and(eq(communityVotes.answerId, answerId), eq(communityVotes.voterId, voterId)))
    },

    async follow(questionId: string, personId: string, at: Date, tx: Tx = db): Promise<void> {
      await tx.insert(communityFollows).values({ questionId, personId, createdAt: at }).onConflictDoNothing()
    },

    async unfollow(questionId: string, personId: string): Promise<void> {
      await db.delete(communityFollows).where(and(eq(communityFollows.questionId, questionId), eq(communityFollows.personId, personId)))
    },

    async isFollowing(questionId: string, personId: string): Promise<boolean> {
      const [row] = await db
        .select({ personId: communityFollows.personId })
        .from(communityFollows)
        .where(and(eq(communityFollows.questionId, questionId), eq(communityFollows.personId, personId)))
      return Boolean(row)
    },

    async listFollowerIds(questionId: string, tx: Tx = db): Promise<string[]> {
      const rows = await tx.select({ personId: communityFollows.personId }).from(communityFollows).where(eq(communityFollows.questionId, questionId))
      return rows.map((r) => r.personId)
    },

    /**
     * Claims the anonymous questions with answers (by others, visible) newer than their asker's
     * last digest and no later than `cutoff`, moving each question's mark to `cutoff`; returns
     * each claimed question's asker and how many answers it gained. Rows another process holds
     * are skipped, and a claimed question no longer qualifies, so a digest is sent once.
     */
    async claimAnonymousAskerDigests(cutoff: Date, tx: Tx): Promise<{ askerId: string; answers: number }[]> {
      const at = cutoff.toISOString()
      const due = sql`(a.question_id = q.id and not a.is_hidden and a.author_id <> q.author_id and (q.asker_told_through is null or a.created_at > q.asker_told_through) and a.created_at <= ${at}::timestamptz)`
      const result = await tx.execute(sql`
        with due as (
          select q.id, q.author_id, (select count(*)::int from community_answers a where ${due}) as answers
          from community_questions q
          where q.is_anonymous and not q.is_hidden and exists (select 1 from community_answers a where ${due})
          for update of q skip locked
        )
        update community_questions set asker_told_through = ${at}::timestamptz from due
        where community_questions.id = due.id
        returning due.author_id as "askerId", due.answers as "answers"`)
      return (result as unknown as { rows: { askerId: string; answers: number }[] }).rows
    },

    async insertReport(values: Omit<typeof communityReports.$inferInsert, 'id' | 'resolvedAt'>, tx: Tx = db): Promise<ReportRow> {
      const [row] = await tx.insert(communityReports).values(values).returning()
      if (!row) throw new Error('The report was not written.')
      return row
    },

    async findReportById(id: string): Promise<ReportRow | null> {
      const [row] = await db.select().from(communityReports).where(eq(communityReports.id, id))
      return row ?? null
    },

    async listOpenReports(): Promise<ReportRow[]> {
      return db.select().from(communityReports).where(isNull(communityReports.resolvedAt)).orderBy(asc(communityReports.createdAt))
    },

    /** Closes the open reports of one post (a question's own, or one answer's). */
    async resolveReports(post: { questionId: string; answerId: string | null }, at: Date, tx: Tx): Promise<void> {
      await tx
        .update(communityReports)
        .set({ resolvedAt: at })
        .where(
          and(
            eq(communityReports.questionId, post.questionId),
            post.answerId ? eq(communityReports.answerId, post.answerId) : isNull(communityReports.answerId),
            isNull(communityReports.resolvedAt),
          ),
        )
    },

    async resolveReport(id: string, at: Date, tx: Tx): Promise<void> {
      await tx.update(communityReports).set({ resolvedAt: at }).where(eq(communityReports.id, id))
    },

    async insertModerationAction(
      values: {
        moderatorId: string
        action: CommunityModerationAction
        questionId?: string | null
        answerId?: string | null
        reportId?: string | null
        note: string
        previousText?: string | null
        at: Date
      },
      tx: Tx,
    ): Promise<string> {
      const [row] = await tx.insert(communityModerationActions).values(values).returning({ id: communityModerationActions.id })
      if (!row) throw new Error('The moderator’s action was not written.')
      return row.id
    },

    /** The school's word filter, blocked terms first (a post holding both kinds is blocked). */
    async listWordFilter(tx: Tx = db) {
      return tx.select().from(communityWordFilter).orderBy(sql`${communityWordFilter.action} = 'review'`, asc(communityWordFilter.term))
    },

    /** Adds a term, or changes its action when the same words are already listed; null when nothing changed. */
    async upsertWordFilterTerm(row: { term: string; normalised: string; action: WordFilterAction; addedBy: string; addedAt: Date }, tx: Tx) {
      const [saved] = await tx
        .insert(communityWordFilter)
        .values(row)
        .onConflictDoUpdate({
          target: communityWordFilter.normalised,
          set: { action: row.action, term: row.term, addedBy: row.addedBy, addedAt: row.addedAt },
          setWhere: sql`${communityWordFilter.action} <> excluded.action or ${communityWordFilter.term} <> excluded.term`,
        })
        .returning()
      return saved ?? null
    },

    async deleteWordFilterTerm(id: string, tx: Tx) {
      const [gone] = await tx.delete(communityWordFilter).where(eq(communityWordFilter.id, id)).returning()
      return gone ?? null
    },

    /**
     * What anyone may see of a person's activity, counted from their named, visible posts only.
     * Nothing here is stored: an anonymous post has no column it could move.
     */
    async namedActivityOf(personId: string) {
      // A members-only board's posts count nowhere outside it: a figure or a title here would
      // tell everyone that the person posted on, say, the LGBTQ+ board.
      const openBoard = not(like(communityQuestions.board, `${MEMBERS_ONLY_PREFIX}%`))
      const namedQuestion = and(
        eq(communityQuestions.authorId, personId),
        eq(communityQuestions.isAnonymous, false),
        eq(communityQuestions.isHidden, false),
        openBoard,
      )
      const namedAnswer = and(
        eq(communityAnswers.authorId, personId),
        eq(communityAnswers.isAnonymous, false),
        eq(communityAnswers.isHidden, false),
        eq(communityQuestions.isHidden, false),
        openBoard,
      )
      const answerOf = {
        questionId: communityQuestions.id,
        questionTitle: communityQuestions.title,
        body: communityAnswers.body,
        createdAt: communityAnswers.createdAt,
        accepted: sql<boolean>`coalesce(${communityQuestions.acceptedAnswerId} = ${communityAnswers.id}, false)`,
        votes: sql<number>`(select count(*)::int from community_votes v where v.answer_id = community_answers.id)`,
      }
      const [questions, answers, votes, recent, best] = await Promise.all([
        db
          .select({ n: count(), last: sql<string | null>`max(${communityQuestions.createdAt})` })
          .from(communityQuestions)
          .where(namedQuestion),
        db
          .select({
            n: count(),
            last: sql<string | null>`max(${communityAnswers.createdAt})`,
            accepted: sql<number>`(count(*) filter (where ${communityQuestions.acceptedAnswerId} = ${communityAnswers.id}))::int`,
          })
          .from(communityAnswers)
          .innerJoin(communityQuestions, eq(communityQuestions.id, communityAnswers.questionId))
          .where(namedAnswer),
        db
          .select({ n: count() })
          .from(communityVotes)
          .innerJoin(communityAnswers, eq(communityAnswers.id, communityVotes.answerId))
          .innerJoin(communityQuestions, eq(communityQuestions.id, communityAnswers.questionId))
          .where(namedAnswer),
        db
          .select(answerOf)
          .from(communityAnswers)
          .innerJoin(communityQuestions, eq(communityQuestions.id, communityAnswers.questionId))
          .where(namedAnswer)
          .orderBy(desc(communityAnswers.createdAt), asc(communityAnswers.id))
          .limit(5),
        // Only answers that helped someone: accepted, or voted up at least once.
        db
          .select(answerOf)
          .from(communityAnswers)
          .innerJoin(communityQuestions, eq(communityQuestions.id, communityAnswers.questionId))
          .where(
            and(
              namedAnswer,
              sql`(${communityQuestions.acceptedAnswerId} = ${communityAnswers.id} or exists (select 1 from community_votes v where v.answer_id = community_answers.id))`,
            ),
          )
          .orderBy(desc(answerOf.accepted), desc(answerOf.votes), desc(communityAnswers.createdAt), asc(communityAnswers.id))
          .limit(3),
      ])
      const lasts = [questions[0]?.last, answers[0]?.last].filter((v): v is string => Boolean(v)).map((v) => new Date(v))
      lasts.sort((a, b) => b.getTime() - a.getTime())
      return {
        questionsAsked: questions[0]?.n ?? 0,
        answersGiven: answers[0]?.n ?? 0,
        acceptedAnswers: answers[0]?.accepted ?? 0,
        votesReceived: votes[0]?.n ?? 0,
        lastPostedAt: lasts[0] ?? null,
        recent,
        best,
      }
    },
  }
}

export type CommunityRepository = ReturnType<typeof createCommunityRepository>
