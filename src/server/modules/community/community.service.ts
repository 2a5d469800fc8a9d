import type { Database, Tx } from '#server/db/client.ts'
import {
  type AcceptAnswer,
  type AnswerView,
  type AddWordFilterTerm,
  type AskQuestion,
  type BoardList,
  boardIdentity,
  COMMUNITY_BOARDS,
  findCommunityBoard,
  type ModerateAnswer,
  type ModerateQuestion,
  type ModerationQueue,
  type MyCommunity,
  type PersonActivity,
  type PostAnswer,
  type QuestionPage,
  type QuestionSearch,
  type QuestionSummary,
  type QuestionView,
  type WordFilterList,
} from '#shared/contracts/community.ts'
import { CLASS_YEAR_LABELS, MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import { listPeopleByIds } from '../identity/people-reads.ts'
import { listHeldPersonIds } from '../identity/directory-hold.ts'
import type { RateLimits, RateRule } from '../identity/rate-limits.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listMentorFactsByIds, listSelfIdentifiedByIds, listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { anonymousAskerDigestEmail, askedYouEmail, moderatorNoteEmail, newAnswerEmail, type AnswerRecipient } from './community-emails.ts'
import { authorFor, boardsHiddenFrom, canAnswer, canAsk, canModerate, canPostAnonymously, canRevealAuthor, canSeeHidden } from './community.policy.ts'
import type { AnswerWithVotes, CommunityRepository, QuestionRow, QuestionWithCount } from './community.repository.ts'
import { excerptOf } from './domain/excerpt.ts'
import { pageOfBestMatches } from './domain/search-window.ts'
import { findFilteredTerm, normaliseWords } from './domain/word-filter.ts'

export type CommunityDeps = {
  db: Database
  repo: CommunityRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  rateLimits: RateLimits
  appOrigin: string
}

/** Posts (questions and answers together) one person may write per hour. */
export const COMMUNITY_POSTS_PER_HOUR = 10

/**
 * A search ranks at most this many matching threads, the most recently active (see
 * `domain/search-window.ts`); the page says when more matched.
 */
export const SEARCH_WINDOW = 500

/** The hour (UTC) of the day's digest to anonymous askers: 13:00 UTC is the school's morning. */
export const ANONYMOUS_DIGEST_HOUR_UTC = 13

/** The latest digest instant at or before `now`. */
export function lastDigestCutoff(now: Date): Date {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), ANONYMOUS_DIGEST_HOUR_UTC)
  return new Date(today <= now.getTime() ? today : today - 24 * 60 * 60 * 1000)
}

const NO_QUESTION = 'No such question, or it has been hidden.'
const MEMBERS_ONLY = (name: string) =>
  `This board is for those whose profile lists “${name}”. List it as your identity on your profile to join, or choose another board.`
const NO_ANSWER = 'No such answer, or it has been hidden.'

function postingRule(personId: string): RateRule {
  return {
    scope: 'community.post',
    key: personId,
    limit: COMMUNITY_POSTS_PER_HOUR,
    windowMinutes: 60,
    message: `You have posted ${COMMUNITY_POSTS_PER_HOUR} questions and answers in the last hour, the most allowed. Please wait a while before posting again.`,
    field: 'body',
  }
}

type Named = { name: string; stage: string; held: boolean }

/**
 * Community questions and answers. A student asks on a board, mentors and students answer, the
 * asker accepts the answer that helped, anyone may follow a question and is e-mailed its answers.
 * Students may ask or answer anonymously: the author is stored, but no view, e-mail, search or
 * figure names them or moves with their post; only an admin's audited reveal with a written
 * reason learns who it was. Moderators (advisors, admins) hide, lock and answer reports.
 */
export function createCommunityService(deps: CommunityDeps) {
  const { db, repo, clock, audit, notifications, rateLimits, appOrigin } = deps
  const questionLink = (id: string) => `${appOrigin}/community/questions/${id}`
  const mineLink = `${appOrigin}/community`

  /** Names and stages of the named authors only: an anonymous author's name is never even read. */
  async function namedAuthors(posts: readonly { authorId: string; isAnonymous: boolean }[]): Promise<Map<string, Named>> {
    const ids = [...new Set(posts.filter((p) => !p.isAnonymous).map((p) => p.authorId))]
    if (ids.length === 0) return new Map()
    const [people, mentors, students, held] = await Promise.all([
      listPeopleByIds(db, ids),
      listMentorFactsByIds(db, ids),
      listStudentFactsByIds(db, ids),
      listHeldPersonIds(db, ids),
    ])
    const mentorBy = new Map(mentors.map((m) => [m.personId, m]))
    const studentBy = new Map(students.map((s) => [s.personId, s]))
    return new Map(
      people.map((p) => {
        const mentor = mentorBy.get(p.id)
        const student = studentBy.get(p.id)
        const specialty = mentor?.specialtyId ? findSpecialty(mentor.specialtyId)?.name : undefined
        const stage = mentor
          ? [MENTOR_KIND_LABELS[mentor.kind], specialty].filter(Boolean).join(', ')
          : student
            ? `Student, ${CLASS_YEAR_LABELS[student.classYear]}`
            : ''
        return [p.id, { name: p.name, stage, held: held.has(p.id) }]
      }),
    )
  }

  function summaryOf(actor: Actor, q: QuestionWithCount, authors: Map<string, Named>): QuestionSummary {
    return {
      id: q.id,
      board: q.board,
      boardName: findCommunityBoard(q.board)?.name ?? q.board,
      title: q.title,
      excerpt: excerptOf(q.body),
      author: authorFor(actor.personId, q, authors.get(q.authorId), canModerate(actor)),
      answerCount: q.answerCount,
      hasAcceptedAnswer: q.acceptedAnswerId !== null,
      locked: q.isLocked,
      hidden: q.isHidden,
      heldForReview: q.isHidden && q.heldForReview,
      createdAt: q.createdAt.toISOString(),
      lastActivityAt: q.lastActivityAt.toISOString(),
    }
  }

  async function summaries(actor: Actor, rows: readonly QuestionWithCount[]): Promise<QuestionSummary[]> {
    const authors = await namedAuthors(rows)
    return rows.map((q) => summaryOf(actor, q, authors))
  }

  /** The question if the caller may see it: a hidden one is its author's and moderators' only. */
  async function visibleQuestion(actor: Actor, id: string, tx?: Tx): Promise<QuestionRow> {
    const q = tx ? await repo.lockQuestion(id, tx) : await repo.findQuestionById(id)
    if (!q || (q.isHidden && !canSeeHidden(actor, q.authorId))) throw new AppError('NOT_FOUND', NO_QUESTION)
    // A members-only board's question is not there at all for anyone else: the same 404.
    if (boardIdentity(q.board) && (await hiddenBoards(actor, tx)).includes(q.board)) throw new AppError('NOT_FOUND', NO_QUESTION)
    return q
  }

  /** The members-only boards the caller may not see (none for moderators). */
  async function hiddenBoards(actor: Actor, tx: Tx | Database = db): Promise<string[]> {
    if (canModerate(actor)) return []
    const listed = (await listSelfIdentifiedByIds(tx, [actor.personId])).get(actor.personId) ?? new Set()
    return boardsHiddenFrom(actor, listed)
  }

  /**
   * The school's word filter over a new post's fields, in order: a blocked term refuses the post
   * naming the field; a reviewed one returns the term, and the post is held for a moderator.
   */
  async function screenWords(fields: Record<string, string>, tx: Tx): Promise<string | null> {
    const terms = await repo.listWordFilter(tx)
    let held: string | null = null
    for (const [field, text] of Object.entries(fields)) {
      const found = findFilteredTerm(text, terms)
      if (found?.action === 'block')
        throw new AppError('VALIDATION_FAILED', 'This post uses words the school does not allow in the community.', {
          [field]: `“${found.term}” is not allowed in the community. Please say it another way.`,
        })
      held ??= found?.term ?? null
    }
    return held
  }

  /** What a held post's author sees on it, and the moderators' report. */
  const heldNote = (term: string) =>
    `Held for a moderator before anyone else sees it, because it uses “${term}”, a word the school reviews. A moderator will publish it or tell you why not.`
  const heldReason = (term: string) => `The school’s word filter held this post: it uses “${term}”.`

  function answerViews(actor: Actor, q: QuestionRow, rows: readonly AnswerWithVotes[], authors: Map<string, Named>): AnswerView[] {
    const moderator = canModerate(actor)
    const shown = rows.filter((a) => !a.isHidden || canSeeHidden(actor, a.authorId))
    const views = shown.map((a) => ({
      id: a.id,
      body: a.body,
      author: authorFor(actor.personId, a, authors.get(a.authorId), canModerate(actor)),
      votes: a.votes,
      myVote: a.myVote,
      accepted: q.acceptedAnswerId === a.id,
      hidden: a.isHidden,
      heldForReview: a.isHidden && a.heldForReview,
      moderationNote: moderator || a.authorId === actor.personId ? a.moderationNote : '',
      editedByModerator: a.editedAt !== null,
      createdAt: a.createdAt.toISOString(),
    }))
    // The accepted answer first, then the most helpful; ties in the order they came.
    return views.sort((x, y) => Number(y.accepted) - Number(x.accepted) || y.votes - x.votes)
  }

  /**
   * A mentor a student may ask publicly: active, with a mentor's profile, and not on a directory
   * hold (whose name is not shown to students).
   */
  async function askableMentor(personId: string): Promise<{ id: string; name: string; email: string }> {
    const [[person], [mentor], held] = await Promise.all([
      listPeopleByIds(db, [personId]),
      listMentorFactsByIds(db, [personId]),
      listHeldPersonIds(db, [personId]),
    ])
    if (person?.status !== 'active' || !mentor || held.has(personId))
      throw new AppError('VALIDATION_FAILED', 'That mentor cannot be asked here.', {
        mentorId: 'This mentor cannot be asked publicly: choose one from the directory, or ask everyone.',
      })
    return { id: person.id, name: person.name, email: person.email }
  }

  /** The mentor a question was asked of, while their account is active and their name may be shown. */
  async function askedOfView(q: QuestionRow): Promise<QuestionView['askedOf']> {
    if (!q.askedMentorId) return null
    const [[person], held] = await Promise.all([listPeopleByIds(db, [q.askedMentorId]), listHeldPersonIds(db, [q.askedMentorId])])
    return person?.status === 'active' && !held.has(person.id) ? { id: person.id, name: person.name } : null
  }

  async function getQuestion(actor: Actor, id: string): Promise<QuestionView> {
    const q = await visibleQuestion(actor, id)
    const [answers, following, askedOf] = await Promise.all([repo.listAnswers(id, actor.personId), repo.isFollowing(id, actor.personId), askedOfView(q)])
    const authors = await namedAuthors([q, ...answers])
    const visibleAnswers = answerViews(actor, q, answers, authors)
    const mine = q.authorId === actor.personId
    const moderator = canModerate(actor)
    return {
      ...summaryOf(actor, { ...q, answerCount: answers.filter((a) => !a.isHidden).length }, authors),
      body: q.body,
      askedOf,
      moderationNote: moderator || mine ? q.moderationNote : '',
      editedByModerator: q.editedAt !== null,
      answers: visibleAnswers,
      following,
      can: {
        answer: canAnswer(actor) && !q.isLocked && !q.isHidden,
        answerAnonymously: canPostAnonymously(actor),
        accept: mine && !q.isHidden,
        vote: canAnswer(actor),
        moderate: moderator,
        revealAuthor: canRevealAuthor(actor) && (q.isAnonymous || answers.some((a) => a.isAnonymous)),
      },
    }
  }

  /**
   * E-mails the asker and followers about a new answer, in the answer's transaction; never the
   * answerer themself. An anonymous asker is told in the daily digest instead, so no e-mail to
   * them is queued at the moment of an answer.
   */
  async function tellAboutAnswer(q: QuestionRow, answer: { authorId: string; isAnonymous: boolean }, answererName: string | null, tx: Tx) {
    const followerIds = await repo.listFollowerIds(q.id, tx)
    let ids = [...new Set([q.authorId, ...followerIds])].filter((id) => id !== answer.authorId && !(q.isAnonymous && id === q.authorId))
    const identity = boardIdentity(q.board)
    if (identity) {
      // On a members-only board, only those who still list its identity hear of an answer: an
      // e-mail would otherwise carry the thread's title to someone who left the board.
      const listed = await listSelfIdentifiedByIds(tx, ids)
      ids = ids.filter((id) => listed.get(id)?.has(identity))
    }
    const [people, held] = await Promise.all([listPeopleByIds(tx, ids), listHeldPersonIds(tx, [answer.authorId])])
    // An answerer on a directory hold is not named to other students and mentors (34 CFR §99.37).
    const who = answer.isAnonymous ? null : held.has(answer.authorId) ? 'A student' : answererName
    for (const person of people) {
      if (person.status !== 'active') continue
      const to: AnswerRecipient = { email: person.email, name: person.name, why: person.id === q.authorId ? 'asker' : 'follower' }
      await notifications.enqueue(newAnswerEmail(to, q, who, questionLink(q.id)), tx)
    }
  }

  /**
   * E-mails the author of a named post a moderator warned them about or edited, with the note.
   * An anonymous author is not e-mailed: the outbox, which admins read, would tie them to the
   * post. They see the note on the post itself, as every author does.
   */
  async function tellAuthorOfModeration(
    q: QuestionRow,
    kind: 'question' | 'answer',
    post: { authorId: string; isAnonymous: boolean },
    action: 'warn' | 'edit',
    note: string,
    tx: Tx,
  ) {
    if (post.isAnonymous) return
    const [author] = await listPeopleByIds(tx, [post.authorId])
    if (author?.status !== 'active') return
    await notifications.enqueue(moderatorNoteEmail(author, q, kind, action, note, questionLink(q.id)), tx)
  }

  function refuseAnonymity(actor: Actor, anonymous: boolean) {
    if (anonymous && !canPostAnonymously(actor))
      throw new AppError('VALIDATION_FAILED', 'Only students may post anonymously.', {
        anonymous: 'Only students may post anonymously; mentors answer by name.',
      })
  }

  async function answerIn(
    actor: Actor,
    answerId: string,
  ): Promise<{ answer: NonNullable<Awaited<ReturnType<CommunityRepository['findAnswerById']>>>; question: QuestionRow }> {
    const answer = await repo.findAnswerById(answerId)
    if (!answer || (answer.isHidden && !canSeeHidden(actor, answer.authorId))) throw new AppError('NOT_FOUND', NO_ANSWER)
    const question = await visibleQuestion(actor, answer.questionId)
    return { answer, question }
  }

  async function moderationAudit(actor: Actor, action: string, actionId: string, meta: RequestMeta, tx: Tx) {
    await audit.record({ actorId: actor.personId, action, objectType: 'community-moderation-action', objectId: actionId }, meta, tx)
  }

  async function revealAuthor(
    actor: Actor,
    post: { authorId: string; isAnonymous: boolean },
    target: { questionId: string; answerId: string | null },
    reason: string,
    meta: RequestMeta,
  ) {
    if (!canRevealAuthor(actor)) throw new AppError('FORBIDDEN', 'Only admins may see who wrote an anonymous post.')
    if (!post.isAnonymous)
      throw new AppError('VALIDATION_FAILED', 'This post is not anonymous: its author is shown on it.', { reason: 'This post already names its author.' })
    await db.transaction(async (tx) => {
      const id = await repo.insertModerationAction({ moderatorId: actor.personId, action: 'reveal-author', ...target, note: reason, at: clock.now() }, tx)
      await moderationAudit(actor, 'community.author.reveal', id, meta, tx)
    })
    const [person] = await listPeopleByIds(db, [post.authorId])
    if (!person) throw new AppError('NOT_FOUND', 'The author’s account no longer exists.')
    return { personId: person.id, name: person.name, email: person.email }
  }

  return {
    async listBoards(actor: Actor): Promise<BoardList> {
      const [counts, hidden] = await Promise.all([repo.countVisibleQuestionsByBoard(), hiddenBoards(actor)])
      return {
        boards: COMMUNITY_BOARDS.filter((b) => !hidden.includes(b.id)).map(({ identity: _, ...b }) => ({
          ...b,
          membersOnly: b.kind === 'identity',
          questionCount: counts.get(b.id) ?? 0,
        })),
      }
    },

    async searchQuestions(actor: Actor, query: QuestionSearch): Promise<QuestionPage> {
      const board = query.board || undefined
      const excludeBoards = await hiddenBoards(actor)
      if (board && excludeBoards.includes(board)) throw new AppError('NOT_FOUND', MEMBERS_ONLY(findCommunityBoard(board)?.name ?? board))
      if (!query.q) {
        const { rows, total } = await repo.listQuestions({ board, excludeBoards, page: query.page, pageSize: query.pageSize })
        return { items: await summaries(actor, rows), total, truncated: false, page: query.page, pageSize: query.pageSize }
      }
      const matches = await repo.listNewestMatches({ words: query.q, board, excludeBoards, limit: SEARCH_WINDOW + 1 })
      const { ids, total, truncated } = pageOfBestMatches(matches, SEARCH_WINDOW, query.page, query.pageSize)
      const byId = new Map((await repo.listQuestionsByIds(ids)).map((row) => [row.id, row]))
      const rows = ids.flatMap((id) => byId.get(id) ?? [])
      return { items: await summaries(actor, rows), total, truncated, page: query.page, pageSize: query.pageSize }
    },

    getQuestion,

    async askQuestion(actor: Actor, input: AskQuestion): Promise<QuestionView> {
      if (!canAsk(actor)) throw new AppError('FORBIDDEN', 'Students ask questions here; mentors answer them.')
      refuseAnonymity(actor, input.anonymous)
      const board = findCommunityBoard(input.board)
      if (board?.identity) {
        if ((await hiddenBoards(actor)).includes(input.board))
          throw new AppError('VALIDATION_FAILED', 'Choose another board.', { board: MEMBERS_ONLY(board.name) })
        // Naming a mentor here would e-mail them a members-only question, and whether they may
        // read it would tell the asker what the mentor listed on their profile.
        if (input.mentorId)
          throw new AppError('VALIDATION_FAILED', 'Ask a mentor on an open board.', {
            mentorId: 'A mentor is asked on an open board; members-only boards are for their members.',
          })
      }
      const mentor = input.mentorId ? await askableMentor(input.mentorId) : null
      const now = clock.now()
      const created = await db.transaction(async (tx) => {
        const held = await screenWords({ title: input.title, body: input.body }, tx)
        await rateLimits.take([postingRule(actor.personId)], tx)
        const row = await repo.insertQuestion(
          {
            board: input.board,
            title: input.title,
            body: input.body,
            authorId: actor.personId,
            isAnonymous: input.anonymous,
            askedMentorId: mentor?.id ?? null,
            createdAt: now,
            lastActivityAt: now,
            ...(held ? { isHidden: true, heldForReview: true, moderationNote: heldNote(held) } : {}),
          },
          tx,
        )
        // The asker hears of answers as a follower does; they may unfollow.
        await repo.follow(row.id, actor.personId, now, tx)
        if (held) {
          await repo.insertReport({ questionId: row.id, answerId: null, reporterId: null, reason: heldReason(held), createdAt: now }, tx)
          return row
        }
        if (mentor) {
          // An asker on a directory hold is not named to a mentor (34 CFR §99.37), as for answers.
          const held = await listHeldPersonIds(tx, [actor.personId])
          const asker = input.anonymous ? null : held.has(actor.personId) ? 'A student' : actor.name
          await notifications.enqueue(askedYouEmail(mentor, row, asker, questionLink(row.id)), tx)
        }
        return row
      })
      return getQuestion(actor, created.id)
    },

    async postAnswer(actor: Actor, questionId: string, input: PostAnswer): Promise<QuestionView> {
      if (!canAnswer(actor)) throw new AppError('FORBIDDEN', 'Mentors and students answer questions here.')
      refuseAnonymity(actor, input.anonymous)
      await db.transaction(async (tx) => {
        const q = await visibleQuestion(actor, questionId, tx)
        if (q.isHidden) throw new AppError('NOT_FOUND', NO_QUESTION)
        if (q.isLocked)
          throw new AppError('VALIDATION_FAILED', 'This question is locked: it takes no new answers.', {
            body: 'A moderator locked this question: it takes no new answers.',
          })
        const held = await screenWords({ body: input.body }, tx)
        await rateLimits.take([postingRule(actor.personId)], tx)
        const now = clock.now()
        const answer = await repo.insertAnswer(
          {
            questionId,
            body: input.body,
            authorId: actor.personId,
            isAnonymous: input.anonymous,
            createdAt: now,
            ...(held ? { isHidden: true, heldForReview: true, moderationNote: heldNote(held) } : {}),
          },
          tx,
        )
        if (held) {
          // Nobody hears of it, and the board's order does not move, until a moderator publishes it.
          await repo.insertReport({ questionId, answerId: answer.id, reporterId: null, reason: heldReason(held), createdAt: now }, tx)
          return
        }
        await repo.updateQuestion(questionId, { lastActivityAt: now }, tx)
        await tellAboutAnswer(q, answer, actor.name, tx)
      })
      return getQuestion(actor, questionId)
    },

    /** The asker marks the answer that helped (or none). */
    async acceptAnswer(actor: Actor, questionId: string, input: AcceptAnswer): Promise<QuestionView> {
      await db.transaction(async (tx) => {
        const q = await visibleQuestion(actor, questionId, tx)
        if (q.authorId !== actor.personId)
          throw new AppError('FORBIDDEN', 'Only the person who asked can mark the answer that helped.', {
            answerId: 'Only the person who asked can mark the answer that helped.',
          })
        if (input.answerId) {
          const answer = await repo.findAnswerById(input.answerId, tx)
          if (!answer || answer.questionId !== questionId || answer.isHidden)
            throw new AppError('VALIDATION_FAILED', 'That answer is not one of this question’s.', { answerId: 'Choose one of this question’s answers.' })
        }
        await repo.updateQuestion(questionId, { acceptedAnswerId: input.answerId }, tx)
      })
      return getQuestion(actor, questionId)
    },

    async vote(actor: Actor, answerId: string): Promise<QuestionView> {
      const { answer, question } = await answerIn(actor, answerId)
      if (answer.authorId === actor.personId)
        throw new AppError('VALIDATION_FAILED', 'You cannot vote for your own answer.', { answerId: 'You cannot vote for your own answer.' })
      await repo.addVote(answerId, actor.personId, clock.now())
      return getQuestion(actor, question.id)
    },

    async unvote(actor: Actor, answerId: string): Promise<QuestionView> {
      const { question } = await answerIn(actor, answerId)
      await repo.removeVote(answerId, actor.personId)
      return getQuestion(actor, question.id)
    },

    async follow(actor: Actor, questionId: string): Promise<QuestionView> {
      await visibleQuestion(actor, questionId)
      await repo.follow(questionId, actor.personId, clock.now())
      return getQuestion(actor, questionId)
    },

    async unfollow(actor: Actor, questionId: string): Promise<QuestionView> {
      await visibleQuestion(actor, questionId)
      await repo.unfollow(questionId, actor.personId)
      return getQuestion(actor, questionId)
    },

    async reportQuestion(actor: Actor, questionId: string, reason: string): Promise<{ ok: true }> {
      await visibleQuestion(actor, questionId)
      await repo.insertReport({ questionId, answerId: null, reporterId: actor.personId, reason, createdAt: clock.now() })
      return { ok: true }
    },

    async reportAnswer(actor: Actor, answerId: string, reason: string): Promise<{ ok: true }> {
      const { question } = await answerIn(actor, answerId)
      await repo.insertReport({ questionId: question.id, answerId, reporterId: actor.personId, reason, createdAt: clock.now() })
      return { ok: true }
    },

    /** Open reports, one item per reported post, oldest first. Reporters are not named; anonymous authors stay unnamed. */
    async moderationQueue(actor: Actor): Promise<ModerationQueue> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators see reports.')
      const reports = await repo.listOpenReports()
      const byPost = new Map<string, typeof reports>()
      for (const r of reports) {
        const key = `${r.questionId}/${r.answerId ?? ''}`
        byPost.set(key, [...(byPost.get(key) ?? []), r])
      }
      const questions = new Map((await repo.listQuestionsByIds([...new Set(reports.map((r) => r.questionId))])).map((q) => [q.id, q]))
      const answers = new Map(
        (await Promise.all([...new Set(reports.flatMap((r) => (r.answerId ? [r.answerId] : [])))].map((id) => repo.findAnswerById(id))))
          .filter((a) => a !== null)
          .map((a) => [a.id, a]),
      )
      const posts = [...byPost.values()].flatMap((list) => {
        const first = list[0]
        const q = first ? questions.get(first.questionId) : undefined
        if (!first || !q) return []
        const a = first.answerId ? answers.get(first.answerId) : undefined
        if (first.answerId && !a) return []
        return [{ list, q, a }]
      })
      const authors = await namedAuthors(posts.map(({ q, a }) => a ?? q))
      return {
        items: posts.map(({ list, q, a }) => ({
          questionId: q.id,
          questionTitle: q.title,
          answerId: a?.id ?? null,
          body: (a ?? q).body,
          author: authorFor(actor.personId, a ?? q, authors.get((a ?? q).authorId), canModerate(actor)),
          hidden: (a ?? q).isHidden,
          locked: q.isLocked,
          reports: list.map((r) => ({ id: r.id, reason: r.reason, createdAt: r.createdAt.toISOString() })),
        })),
      }
    },

    async moderateQuestion(actor: Actor, questionId: string, input: ModerateQuestion, meta: RequestMeta): Promise<QuestionView> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators hide, lock, warn or edit.')
      await db.transaction(async (tx) => {
        const q = await repo.lockQuestion(questionId, tx)
        if (!q) throw new AppError('NOT_FOUND', NO_QUESTION)
        const now = clock.now()
        const change =
          input.action === 'hide' || input.action === 'unhide'
            ? { isHidden: input.action === 'hide', heldForReview: false }
            : input.action === 'lock' || input.action === 'unlock'
              ? { isLocked: input.action === 'lock' }
              : input.action === 'edit'
                ? { title: input.title ?? q.title, body: input.body ?? q.body, editedAt: now }
                : {}
        await repo.updateQuestion(questionId, { ...change, moderationNote: input.note }, tx)
        if (input.action === 'hide' || input.action === 'unhide') await repo.resolveReports({ questionId, answerId: null }, now, tx)
        const previousText = input.action === 'edit' ? `${q.title}\n\n${q.body}` : null
        const id = await repo.insertModerationAction(
          { moderatorId: actor.personId, action: input.action, questionId, note: input.note, previousText, at: now },
          tx,
        )
        await moderationAudit(actor, `community.question.${input.action}`, id, meta, tx)
        if (input.action === 'warn' || input.action === 'edit') await tellAuthorOfModeration(q, 'question', q, input.action, input.note, tx)
      })
      return getQuestion(actor, questionId)
    },

    async moderateAnswer(actor: Actor, answerId: string, input: ModerateAnswer, meta: RequestMeta): Promise<QuestionView> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators hide, warn or edit.')
      const answer = await repo.findAnswerById(answerId)
      if (!answer) throw new AppError('NOT_FOUND', NO_ANSWER)
      const question = await repo.findQuestionById(answer.questionId)
      if (!question) throw new AppError('NOT_FOUND', NO_ANSWER)
      await db.transaction(async (tx) => {
        const now = clock.now()
        const change =
          input.action === 'hide' || input.action === 'unhide'
            ? { isHidden: input.action === 'hide', heldForReview: false }
            : input.action === 'edit'
              ? { body: input.body ?? answer.body, editedAt: now }
              : {}
        await repo.updateAnswer(answerId, { ...change, moderationNote: input.note }, tx)
        if (input.action === 'hide' || input.action === 'unhide') await repo.resolveReports({ questionId: answer.questionId, answerId }, now, tx)
        const id = await repo.insertModerationAction(
          {
            moderatorId: actor.personId,
            action: input.action,
            questionId: answer.questionId,
            answerId,
            note: input.note,
            previousText: input.action === 'edit' ? answer.body : null,
            at: now,
          },
          tx,
        )
        await moderationAudit(actor, `community.answer.${input.action}`, id, meta, tx)
        if (input.action === 'warn' || input.action === 'edit') await tellAuthorOfModeration(question, 'answer', answer, input.action, input.note, tx)
      })
      return getQuestion(actor, answer.questionId)
    },

    /** Closes a report with no change to the post (nothing wrong with it), with the moderator's note. */
    async dismissReport(actor: Actor, reportId: string, note: string, meta: RequestMeta): Promise<{ ok: true }> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators answer reports.')
      const report = await repo.findReportById(reportId)
      if (!report) throw new AppError('NOT_FOUND', 'No such report.')
      await db.transaction(async (tx) => {
        await repo.resolveReport(reportId, clock.now(), tx)
        const id = await repo.insertModerationAction(
          { moderatorId: actor.personId, action: 'dismiss-report', questionId: report.questionId, answerId: report.answerId, reportId, note, at: clock.now() },
          tx,
        )
        await moderationAudit(actor, 'community.report.dismiss', id, meta, tx)
      })
      return { ok: true }
    },

    async revealQuestionAuthor(actor: Actor, questionId: string, reason: string, meta: RequestMeta) {
      const q = await repo.findQuestionById(questionId)
      if (!q) throw new AppError('NOT_FOUND', NO_QUESTION)
      return revealAuthor(actor, q, { questionId, answerId: null }, reason, meta)
    },

    async revealAnswerAuthor(actor: Actor, answerId: string, reason: string, meta: RequestMeta) {
      const a = await repo.findAnswerById(answerId)
      if (!a) throw new AppError('NOT_FOUND', NO_ANSWER)
      return revealAuthor(actor, a, { questionId: a.questionId, answerId }, reason, meta)
    },

    /**
     * The daily digest to students who asked anonymously: one e-mail per asker whose anonymous
     * questions gained answers since their last digest, sent by the first sweep after the digest
     * hour. Each question is claimed in the database, so several processes may sweep at once.
     */
    async sendAnonymousAskerDigests(): Promise<number> {
      const cutoff = lastDigestCutoff(clock.now())
      return db.transaction(async (tx) => {
        const claimed = await repo.claimAnonymousAskerDigests(cutoff, tx)
        const perAsker = new Map<string, number>()
        for (const c of claimed) perAsker.set(c.askerId, (perAsker.get(c.askerId) ?? 0) + Number(c.answers))
        const people = await listPeopleByIds(tx, [...perAsker.keys()])
        for (const person of people) {
          if (person.status !== 'active') continue
          await notifications.enqueue(anonymousAskerDigestEmail(person, perAsker.get(person.id) ?? 0, mineLink), tx)
        }
        return people.length
      })
    },

    async listWordFilter(actor: Actor): Promise<WordFilterList> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators see the word filter.')
      return wordFilterView(await repo.listWordFilter())
    },

    /** Adds a word or phrase (or changes what it does, when already listed). */
    async addWordFilterTerm(actor: Actor, input: AddWordFilterTerm, meta: RequestMeta): Promise<WordFilterList> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators set the word filter.')
      const term = input.term.trim().replace(/\s+/g, ' ')
      const normalised = normaliseWords(term)
      if (normalised === '')
        throw new AppError('VALIDATION_FAILED', 'Give a word or phrase.', { term: 'Give a word or phrase with at least one letter or digit.' })
      return db.transaction(async (tx) => {
        const saved = await repo.upsertWordFilterTerm({ term, normalised, action: input.action, addedBy: actor.personId, addedAt: clock.now() }, tx)
        if (saved)
          await audit.record(
            { actorId: actor.personId, action: 'community.word-filter.set', objectType: 'community-word-filter', objectId: saved.id },
            meta,
            tx,
          )
        return wordFilterView(await repo.listWordFilter(tx))
      })
    },

    async removeWordFilterTerm(actor: Actor, termId: string, meta: RequestMeta): Promise<WordFilterList> {
      if (!canModerate(actor)) throw new AppError('FORBIDDEN', 'Only moderators set the word filter.')
      return db.transaction(async (tx) => {
        const gone = await repo.deleteWordFilterTerm(termId, tx)
        if (!gone) throw new AppError('NOT_FOUND', 'That word is not on the filter.')
        await audit.record(
          { actorId: actor.personId, action: 'community.word-filter.remove', objectType: 'community-word-filter', objectId: gone.id },
          meta,
          tx,
        )
        return wordFilterView(await repo.listWordFilter(tx))
      })
    },

    /** The caller's own questions and answers (anonymous ones marked as theirs, to them alone) and what they follow. */
    async myCommunity(actor: Actor): Promise<MyCommunity> {
      const [asked, answered, followed] = await Promise.all([
        repo.listQuestionIdsByAuthor(actor.personId),
        repo.listQuestionIdsAnsweredBy(actor.personId),
        repo.listFollowedQuestionIds(actor.personId),
      ])
      const [rows, hidden] = await Promise.all([repo.listQuestionsByIds([...new Set([...asked, ...answered, ...followed])]), hiddenBoards(actor)])
      // A board left (the identity taken off one's profile) takes its questions from this list too.
      const visible = rows.filter((q) => (!q.isHidden || canSeeHidden(actor, q.authorId)) && !hidden.includes(q.board))
      const all = await summaries(actor, visible)
      const pick = (ids: string[]) => all.filter((s) => ids.includes(s.id))
      return {
        questions: pick(asked),
        answeredQuestions: pick(answered.filter((id) => !asked.includes(id))),
        following: pick(followed.filter((id) => !asked.includes(id))),
      }
    },

    /** A person's community figures and recent answers: named, visible posts only, the same for every caller. */
    async personActivity(actor: Actor, personId: string): Promise<PersonActivity> {
      const [[person], held] = await Promise.all([listPeopleByIds(db, [personId]), listHeldPersonIds(db, [personId])])
      if (person?.status !== 'active') throw new AppError('NOT_FOUND', 'No such person.')
      // A person on a directory hold has no public figures: only they and school officials see them.
      if (held.has(personId) && actor.personId !== personId && !canModerate(actor)) throw new AppError('NOT_FOUND', 'No such person.')
      const activity = await repo.namedActivityOf(personId)
      return {
        personId,
        name: person.name,
        questionsAsked: activity.questionsAsked,
        answersGiven: activity.answersGiven,
        acceptedAnswers: activity.acceptedAnswers,
        votesReceived: activity.votesReceived,
        lastPostedAt: activity.lastPostedAt?.toISOString() ?? null,
        recentAnswers: activity.recent.map(activityAnswerView),
        bestAnswers: activity.best.map(activityAnswerView),
      }
    },
  }
}

function wordFilterView(rows: readonly { id: string; term: string; action: 'block' | 'review'; addedAt: Date }[]): WordFilterList {
  return { entries: rows.map((r) => ({ id: r.id, term: r.term, action: r.action, addedAt: r.addedAt.toISOString() })) }
}

function activityAnswerView(r: { questionId: string; questionTitle: string; body: string; votes: number; accepted: boolean; createdAt: Date }) {
  return {
    questionId: r.questionId,
    questionTitle: r.questionTitle,
    excerpt: excerptOf(r.body),
    votes: r.votes,
    accepted: r.accepted,
    createdAt: r.createdAt.toISOString(),
  }
}

export type CommunityService = ReturnType<typeof createCommunityService>
