import { z } from '@hono/zod-openapi'
import { MOCK_BOOKING_STATUSES, MOCK_INTERVIEW_KINDS, MOCK_INTERVIEW_PLACES, MOCK_QUESTION_KINDS, MOCK_SLOT_STATUSES } from '../enums.ts'
import { SPECIALTY_IDS } from '../reference/specialties.ts'
import { instant, multilineText, requiredMultilineText, requiredText, text } from './common.ts'
import { SCHOOL_TIME_ZONE } from './events.ts'
import { locationLinkProblem } from './mentorships.ts'

const Instant = instant('2026-12-14T15:00:00Z')
const SpecialtyId = z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.')

/* ---------- The school's rubric and limit ---------- */

export const RubricLevel = z.object({
  score: z.number().int(),
  label: requiredText(60),
  /** What an answer at this level sounds like: the anchor an interviewer scores against. */
  anchor: requiredMultilineText(500),
})
export type RubricLevel = z.infer<typeof RubricLevel>

export const RubricCompetency = z.object({
  id: z.string().regex(/^[a-z0-9-]{2,40}$/, 'Use 2 to 40 lower-case letters, digits or hyphens.'),
  name: requiredText(120),
  description: multilineText(500).default(''),
  levels: z.array(RubricLevel).min(2, 'Give at least two levels.').max(7, 'At most seven levels.'),
})
export type RubricCompetency = z.infer<typeof RubricCompetency>

/** The school's rubric and booking limit, as staff set them and everyone reads them. */
export const MockInterviewSchool = z.object({
  /** How many mock interviews a student may book in one season (July to June). */
  bookingsPerSeason: z.number().int('Use a whole number.').min(1, 'At least 1.').max(20, 'At most 20.'),
  competencies: z.array(RubricCompetency).min(1, 'The rubric needs at least one competency.').max(12, 'At most 12 competencies.'),
})
export type MockInterviewSchool = z.infer<typeof MockInterviewSchool>

/**
 * The rubric as the office edits it: every competency, retired ones too (to restore), each with
 * how many scores past mocks gave it — a competency with scores is retired, never deleted.
 */
export const RubricEditor = z.object({
  bookingsPerSeason: z.number().int(),
  competencies: z.array(RubricCompetency.extend({ active: z.boolean(), scoreCount: z.number().int(), scoresUsed: z.array(z.number().int()) })),
})
export type RubricEditor = z.infer<typeof RubricEditor>

/* ---------- Slots ---------- */

/** What is wrong with an online link, or null: one https address, checked as meetings' links are. */
export function mockLinkProblem(link: string): string | null {
  if (!link) return 'Give the link students join by (https://…).'
  return locationLinkProblem(link) ?? (/^https:\/\//i.test(link) ? null : 'Use a full link that starts with https://.')
}

/** The rules between a slot's fields, by field; the past and overlaps are the server's (they need the clock and the database). */
export function slotInputProblems(input: { place: string; room: string; onlineLink: string }): Record<string, string> {
  const problems: Record<string, string> = {}
  if (input.place === 'in-person' && !input.room.trim()) problems.room = 'Give the room (and building) where you will meet.'
  if (input.place === 'online') {
    const problem = mockLinkProblem(input.onlineLink.trim())
    if (problem) problems.onlineLink = problem
  }
  return problems
}

export const SlotInput = z
  .object({
    specialtyId: SpecialtyId,
    kind: z.enum(MOCK_INTERVIEW_KINDS, 'Choose a kind of interview from the list.'),
    startAt: Instant,
    durationMinutes: z.number().int('Use whole minutes.').min(10, 'At least 10 minutes.').max(180, 'At most 3 hours.'),
    timeZone: text(64).default(SCHOOL_TIME_ZONE),
    place: z.enum(MOCK_INTERVIEW_PLACES, 'Choose in person or online.'),
    room: text(200).default(''),
    onlineLink: text(500).default(''),
  })
  .superRefine((input, ctx) => {
    for (const [field, message] of Object.entries(slotInputProblems(input))) ctx.addIssue({ code: 'custom', path: [field], message })
  })
export type SlotInput = z.infer<typeof SlotInput>

export const SlotQuery = z.object({
  specialtyId: SpecialtyId.optional(),
  kind: z.enum(MOCK_INTERVIEW_KINDS, 'Choose a kind of interview from the list.').optional(),
})

const PersonRef = z.object({ id: z.string(), name: z.string() })

export const SlotView = z.object({
  id: z.string(),
  interviewer: PersonRef.extend({ role: z.string() }),
  specialtyId: z.string(),
  specialtyName: z.string(),
  kind: z.enum(MOCK_INTERVIEW_KINDS),
  startAt: z.string(),
  endAt: z.string(),
  timeZone: z.string(),
  place: z.enum(MOCK_INTERVIEW_PLACES),
  room: z.string(),
  /** Given to the interviewer and the student who booked; empty for others. */
  onlineLink: z.string(),
  status: z.enum(MOCK_SLOT_STATUSES),
})
export type SlotView = z.infer<typeof SlotView>

/** Where a student stands against the school's limit this season. */
export const Allowance = z.object({ season: z.string(), limit: z.number().int(), used: z.number().int() })
export type Allowance = z.infer<typeof Allowance>

export const OpenSlots = z.object({ allowance: Allowance, slots: z.array(SlotView) })
export type OpenSlots = z.infer<typeof OpenSlots>

/* ---------- Bookings, scores, feedback ---------- */

export const ScoreView = z.object({ competencyId: z.string(), score: z.number().int() })

/**
 * A mock's score adjusted for its interviewer's severity (decision 019): the raw mean of the
 * rubric, the interviewer's estimated effect, the adjusted mean with a 95 % interval, and the
 * same in plain words.
 */
export const CalibratedScore = z.object({
  raw: z.number(),
  adjusted: z.number(),
  low: z.number(),
  high: z.number(),
  interviewerEffect: z.number(),
  sureness: z.enum(['fairly sure', 'somewhat sure', 'not yet sure']),
  words: z.string(),
})
export type CalibratedScore = z.infer<typeof CalibratedScore>

export const BookingSummary = z.object({
  id: z.string(),
  status: z.enum(MOCK_BOOKING_STATUSES),
  slot: SlotView,
  student: PersonRef,
  scoredAt: z.string().nullable(),
  scores: z.array(ScoreView),
  calibrated: CalibratedScore.nullable(),
  /** The interviewer's written feedback ('' until scored); only ever sent to those who may read the mock. */
  feedback: z.string(),
})
export type BookingSummary = z.infer<typeof BookingSummary>

export const BookingView = BookingSummary.extend({
  rubric: z.array(RubricCompetency),
  /** What the caller is to this mock: the student, the interviewer, or staff reading it. */
  viewer: z.enum(['student', 'interviewer', 'staff']),
  canScore: z.boolean(),
  canCancel: z.boolean(),
})
export type BookingView = z.infer<typeof BookingView>

export const ScoresInput = z.object({
  /** One level per competency of the rubric, by competency id. */
  scores: z.record(z.string(), z.number().int('Choose one of the levels.')),
  feedback: requiredMultilineText(6000),
})
export type ScoresInput = z.infer<typeof ScoresInput>

/** A student's mocks: where they stand against the limit, what is coming, what was scored (raw and adjusted). */
export const StudentMocks = z.object({
  student: PersonRef,
  allowance: Allowance,
  rubric: z.array(RubricCompetency),
  upcoming: z.array(BookingSummary),
  past: z.array(BookingSummary),
})
export type StudentMocks = z.infer<typeof StudentMocks>

/** An interviewer's own slots, each with who booked it. */
export const InterviewerSlots = z.object({
  canInterview: z.boolean(),
  slots: z.array(SlotView.extend({ booking: z.object({ id: z.string(), student: PersonRef, scoredAt: z.string().nullable() }).nullable() })),
})
export type InterviewerSlots = z.infer<typeof InterviewerSlots>

/* ---------- Question bank ---------- */

export const QuestionQuery = z.object({ specialtyId: SpecialtyId.optional() })
export const QuestionView = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(MOCK_QUESTION_KINDS),
  tags: z.array(z.string()),
  specialtyId: z.string().nullable(),
})
export type QuestionView = z.infer<typeof QuestionView>
export const QuestionBank = z.object({
  specialtyId: z.string().nullable(),
  specialtyName: z.string().nullable(),
  questions: z.array(QuestionView),
})
export type QuestionBank = z.infer<typeof QuestionBank>

/** A question as the office writes it: no specialty means every specialty; retired ones leave students' bank. */
export const QuestionInput = z.object({
  text: requiredMultilineText(600),
  specialtyId: SpecialtyId.nullable().default(null),
  kind: z.enum(MOCK_QUESTION_KINDS, 'Choose a kind of question from the list.'),
  tags: z
    .array(requiredText(40))
    .max(6, 'At most six tags.')
    .default([])
    .refine((tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length, 'Give each tag once.'),
  retired: z.boolean().default(false),
})
export type QuestionInput = z.infer<typeof QuestionInput>

/** Every question of the school, retired ones too, for the office's editor. */
export const QuestionBankEditor = z.object({
  questions: z.array(QuestionView.extend({ specialtyName: z.string().nullable(), retired: z.boolean() })),
})
export type QuestionBankEditor = z.infer<typeof QuestionBankEditor>

/* ---------- Interviewers' severity (staff) ---------- */

export const InterviewerCalibration = z.object({
  interviewer: PersonRef,
  scores: z.number().int(),
  mocks: z.number().int(),
  /** Points the interviewer gives above (+) or below (−) an average interviewer, on the rubric's scale. */
  severity: z.number(),
  low: z.number(),
  high: z.number(),
  /** The typical distance of their scores from what the model expects (lower is steadier). */
  spread: z.number(),
  severityWords: z.string(),
  consistencyWords: z.string(),
})
export const InterviewerReport = z.object({
  totalScores: z.number().int(),
  /** The typical distance of any score from what the model expects, for comparing `spread`. */
  residualSpread: z.number(),
  interviewers: z.array(InterviewerCalibration),
})
export type InterviewerReport = z.infer<typeof InterviewerReport>
