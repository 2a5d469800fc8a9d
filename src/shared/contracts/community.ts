import { z } from '@hono/zod-openapi'
import {
  COMMUNITY_TOPIC_LABELS,
  COMMUNITY_TOPICS,
  type CommunityTopic,
  IDENTITY_ATTRIBUTE_LABELS,
  IDENTITY_ATTRIBUTES,
  type IdentityAttribute,
} from '../enums.ts'
import { SPECIALTIES, findSpecialty } from '../reference/specialties.ts'
import { requiredMultilineText, requiredText, text } from './common.ts'

/** How long a post may be: a title is one line; a question or answer a few screens, not a document. */
export const COMMUNITY_LIMITS = { title: 200, body: 10_000, reason: 1000, note: 1000, search: 200 } as const

/** A board: `topic:<topic>`, `specialty:<specialty id>` or `identity:<self-identified identity>`. */
export type CommunityBoardId = `topic:${CommunityTopic}` | `specialty:${string}` | `identity:${IdentityAttribute}`

export type CommunityBoardKind = 'topic' | 'specialty' | 'identity'

export type CommunityBoardInfo = {
  id: CommunityBoardId
  kind: CommunityBoardKind
  name: string
  description: string
  /** Members only: the board's identity, for an identity board (see `boardIdentity`). */
  identity?: IdentityAttribute
}

/**
 * Every board: topics first, then specialties by name, then one board per self-identified
 * identity. Boards are reference data, not rows. An identity board is for those who list that
 * identity on their own profile (and the office's moderators): nobody else sees it, its
 * questions, or that anyone posted there.
 */
export const COMMUNITY_BOARDS: readonly CommunityBoardInfo[] = [
  ...COMMUNITY_TOPICS.map((topic) => ({ id: `topic:${topic}` as const, kind: 'topic' as const, ...COMMUNITY_TOPIC_LABELS[topic] })),
  ...[...SPECIALTIES]
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((s) => ({
      id: `specialty:${s.id}` as const,
      kind: 'specialty' as const,
      name: s.name,
      description: `Choosing, applying to and training in ${s.name}.`,
    })),
  ...IDENTITY_ATTRIBUTES.map((identity) => ({
    id: `identity:${identity}` as const,
    kind: 'identity' as const,
    identity,
    name: IDENTITY_ATTRIBUTE_LABELS[identity],
    description: `For students and mentors whose profile lists “${IDENTITY_ATTRIBUTE_LABELS[identity]}”. Only they, and the office’s moderators, see this board.`,
  })),
]

export function findCommunityBoard(id: string): CommunityBoardInfo | undefined {
  if (id.startsWith('topic:') || id.startsWith('identity:')) return COMMUNITY_BOARDS.find((b) => b.id === id)
  if (id.startsWith('specialty:') && findSpecialty(id.slice('specialty:'.length))) return COMMUNITY_BOARDS.find((b) => b.id === id)
  return undefined
}

/** The identity a members-only board is for; undefined for a board open to everyone. */
export function boardIdentity(id: string): IdentityAttribute | undefined {
  return findCommunityBoard(id)?.identity
}

/** The school's word filter: `block` refuses a post, `review` holds it hidden for a moderator. */
export const WORD_FILTER_ACTIONS = ['block', 'review'] as const
export type WordFilterAction = (typeof WORD_FILTER_ACTIONS)[number]

export const WordFilterEntry = z.object({
  id: z.string(),
  term: z.string(),
  action: z.enum(WORD_FILTER_ACTIONS),
  addedAt: z.string(),
})
export const WordFilterList = z.object({ entries: z.array(WordFilterEntry) })
export type WordFilterList = z.infer<typeof WordFilterList>

export const AddWordFilterTerm = z.object({
  /** A word or a phrase, matched as whole words whatever their case or accents. */
  term: requiredText(60).refine((t) => /[\p{L}\p{N}]/u.test(t), 'Give a word or phrase with at least one letter or digit.'),
  action: z.enum(WORD_FILTER_ACTIONS, 'Choose block or review.'),
})
export type AddWordFilterTerm = z.infer<typeof AddWordFilterTerm>

const BoardId = text(80).refine((id) => findCommunityBoard(id) !== undefined, 'Choose a board from the list.')

export const AskQuestion = z.object({
  board: BoardId,
  title: requiredText(COMMUNITY_LIMITS.title),
  body: requiredMultilineText(COMMUNITY_LIMITS.body),
  /** Shown to everyone else as "Anonymous student"; only a moderator's audited action with a written reason reveals the author. */
  anonymous: z.boolean().default(false),
  /** Asked publicly of this mentor, from their profile: they are e-mailed it, and the question names them. */
  mentorId: z.uuid('Choose the mentor from their profile.').optional(),
})
export type AskQuestion = z.infer<typeof AskQuestion>

export const PostAnswer = z.object({
  body: requiredMultilineText(COMMUNITY_LIMITS.body),
  anonymous: z.boolean().default(false),
})
export type PostAnswer = z.infer<typeof PostAnswer>

export const AcceptAnswer = z.object({ answerId: z.uuid('Not a valid answer id.').nullable() })
export type AcceptAnswer = z.infer<typeof AcceptAnswer>

export const ReportPost = z.object({ reason: requiredMultilineText(COMMUNITY_LIMITS.reason).min(5, 'Say what is wrong, in at least 5 characters.') })
export type ReportPost = z.infer<typeof ReportPost>

/**
 * A moderator's action on a post, with a note its author sees on it. `warn` changes nothing but
 * the note; `edit` replaces the words (given in `title` and `body`), and everyone sees that a
 * moderator edited them.
 */
export const ModerateQuestion = z
  .object({
    action: z.enum(['hide', 'unhide', 'lock', 'unlock', 'warn', 'edit'], 'Choose hide, unhide, lock, unlock, warn or edit.'),
    note: requiredMultilineText(COMMUNITY_LIMITS.note),
    title: requiredText(COMMUNITY_LIMITS.title).optional(),
    body: requiredMultilineText(COMMUNITY_LIMITS.body).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.action !== 'edit') return
    if (input.title === undefined) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Give the edited title.' })
    if (input.body === undefined) ctx.addIssue({ code: 'custom', path: ['body'], message: 'Give the edited words.' })
  })
export type ModerateQuestion = z.infer<typeof ModerateQuestion>

export const ModerateAnswer = z
  .object({
    action: z.enum(['hide', 'unhide', 'warn', 'edit'], 'Choose hide, unhide, warn or edit.'),
    note: requiredMultilineText(COMMUNITY_LIMITS.note),
    body: requiredMultilineText(COMMUNITY_LIMITS.body).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.action === 'edit' && input.body === undefined) ctx.addIssue({ code: 'custom', path: ['body'], message: 'Give the edited words.' })
  })
export type ModerateAnswer = z.infer<typeof ModerateAnswer>

export const DismissReport = z.object({ note: requiredMultilineText(COMMUNITY_LIMITS.note) })

export const RevealAuthor = z.object({ reason: requiredMultilineText(COMMUNITY_LIMITS.reason).min(20, 'Say why, in at least 20 characters.') })
export type RevealAuthor = z.infer<typeof RevealAuthor>

export const QuestionSearch = z.object({
  board: text(80)
    .optional()
    .refine((id) => !id || findCommunityBoard(id) !== undefined, 'Choose a board from the list.'),
  q: text(COMMUNITY_LIMITS.search).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
})
export type QuestionSearch = z.infer<typeof QuestionSearch>

/**
 * Who wrote a post, as the caller may see it. An anonymous post has `person: null` for
 * everyone — its author included, who is told `mine` instead.
 */
export const PostAuthor = z.object({
  person: z.object({ id: z.string(), name: z.string(), stage: z.string() }).nullable(),
  anonymous: z.boolean(),
  /** The caller wrote it (so the page can say "you asked this anonymously"). */
  mine: z.boolean(),
})
export type PostAuthor = z.infer<typeof PostAuthor>

export const QuestionSummary = z.object({
  id: z.string(),
  board: z.string(),
  boardName: z.string(),
  title: z.string(),
  excerpt: z.string(),
  author: PostAuthor,
  answerCount: z.number().int(),
  hasAcceptedAnswer: z.boolean(),
  locked: z.boolean(),
  hidden: z.boolean(),
  /** Hidden because the school's word filter held it for a moderator, not by a moderator. */
  heldForReview: z.boolean(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
})
export type QuestionSummary = z.infer<typeof QuestionSummary>

export const QuestionPage = z.object({
  items: z.array(QuestionSummary),
  total: z.number().int(),
  /**
   * A search matched more threads than it ranks: only the `total` most recently active matches
   * are ranked and paged. Always false for a board without words.
   */
  truncated: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
})
export type QuestionPage = z.infer<typeof QuestionPage>

export const AnswerView = z.object({
  id: z.string(),
  body: z.string(),
  author: PostAuthor,
  votes: z.number().int(),
  myVote: z.boolean(),
  accepted: z.boolean(),
  hidden: z.boolean(),
  /** Hidden because the school's word filter held it for a moderator, not by a moderator. */
  heldForReview: z.boolean(),
  /** The moderator's note, for the author and moderators; empty otherwise. */
  moderationNote: z.string(),
  /** A moderator edited its words (everyone sees it). */
  editedByModerator: z.boolean(),
  createdAt: z.string(),
})
export type AnswerView = z.infer<typeof AnswerView>

export const QuestionView = QuestionSummary.extend({
  body: z.string(),
  /** The mentor it was asked of, publicly; null for a question put to everyone. */
  askedOf: z.object({ id: z.string(), name: z.string() }).nullable(),
  moderationNote: z.string(),
  /** A moderator edited its words (everyone sees it). */
  editedByModerator: z.boolean(),
  answers: z.array(AnswerView),
  following: z.boolean(),
  /** What the caller may do here. */
  can: z.object({
    answer: z.boolean(),
    answerAnonymously: z.boolean(),
    accept: z.boolean(),
    vote: z.boolean(),
    moderate: z.boolean(),
    revealAuthor: z.boolean(),
  }),
})
export type QuestionView = z.infer<typeof QuestionView>

export const BoardSummary = z.object({
  id: z.string(),
  kind: z.enum(['topic', 'specialty', 'identity']),
  /** Only those who list the board's identity on their profile (and moderators) see it. */
  membersOnly: z.boolean(),
  name: z.string(),
  description: z.string(),
  questionCount: z.number().int(),
})
export const BoardList = z.object({ boards: z.array(BoardSummary) })
export type BoardList = z.infer<typeof BoardList>

/** The caller's own posts, anonymous ones included (marked), and the questions they follow. */
export const MyCommunity = z.object({ questions: z.array(QuestionSummary), answeredQuestions: z.array(QuestionSummary), following: z.array(QuestionSummary) })
export type MyCommunity = z.infer<typeof MyCommunity>

const ActivityAnswer = z.object({
  questionId: z.string(),
  questionTitle: z.string(),
  excerpt: z.string(),
  votes: z.number().int(),
  accepted: z.boolean(),
  createdAt: z.string(),
})

/** What anyone may see of a person's community activity: named posts only, so an anonymous post never moves it. */
export const PersonActivity = z.object({
  personId: z.string(),
  name: z.string(),
  questionsAsked: z.number().int(),
  answersGiven: z.number().int(),
  acceptedAnswers: z.number().int(),
  votesReceived: z.number().int(),
  lastPostedAt: z.string().nullable(),
  recentAnswers: z.array(ActivityAnswer),
  /** The answers that helped most: accepted first, then by votes (three at most). */
  bestAnswers: z.array(ActivityAnswer),
})
export type PersonActivity = z.infer<typeof PersonActivity>

export const ModerationItem = z.object({
  questionId: z.string(),
  questionTitle: z.string(),
  answerId: z.string().nullable(),
  /** The reported post's words and author as moderators see them: an anonymous author stays unnamed. */
  body: z.string(),
  author: PostAuthor,
  hidden: z.boolean(),
  locked: z.boolean(),
  reports: z.array(z.object({ id: z.string(), reason: z.string(), createdAt: z.string() })),
})
export const ModerationQueue = z.object({ items: z.array(ModerationItem) })
export type ModerationQueue = z.infer<typeof ModerationQueue>

export const RevealedAuthor = z.object({ personId: z.string(), name: z.string(), email: z.string() })
