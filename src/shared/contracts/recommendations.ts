import { z } from 'zod'
import { MENTOR_KINDS, MENTOR_OFFERINGS, OPPORTUNITY_KINDS } from '../enums.ts'
import { MentorResponsiveness } from './directory.ts'

/** Most mentors one request may ask for. */
export const RECOMMENDATIONS_LIMIT_MAX = 50

/** `challenge=true`: prefer mentors who say they hold high expectations ("someone who will challenge me"). */
const ChallengeParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .default(false)

export const RecommendedMentorsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(RECOMMENDATIONS_LIMIT_MAX).default(20),
  challenge: ChallengeParam,
})
export type RecommendedMentorsQuery = z.output<typeof RecommendedMentorsQuery>

export const RECOMMEND_FACTOR_NAMES = ['specialty', 'help', 'stage', 'site', 'research', 'language', 'identity', 'responsiveness', 'load'] as const

export const FactorContribution = z.object({
  factor: z.enum(RECOMMEND_FACTOR_NAMES),
  /** The factor's value for this pair, 0–1 (for penalties, 1 is the worst). */
  value: z.number(),
  weight: z.number(),
  /** value × weight, negative for penalties; the score is their sum. */
  contribution: z.number(),
})
export type FactorContribution = z.infer<typeof FactorContribution>

/** What a recommendation shows of the mentor; identity is never part of it. */
export const RecommendedMentorSummary = z.object({
  id: z.string(),
  name: z.string(),
  pronouns: z.string().nullable(),
  kind: z.enum(MENTOR_KINDS),
  specialtyName: z.string().nullable(),
  departmentName: z.string().nullable(),
  clinicalSite: z.string(),
  offers: z.array(z.enum(MENTOR_OFFERINGS)),
  openPlaces: z.number().int(),
  hasPhoto: z.boolean(),
  /** How fast the mentor usually answers requests (last 12 months); absent where not looked up. */
  responsiveness: MentorResponsiveness.optional(),
})
export type RecommendedMentorSummary = z.infer<typeof RecommendedMentorSummary>

export const RecommendedMentor = z
  .object({
    rank: z.number().int(),
    score: z.number(),
    /** Plain words, strongest first. */
    reasons: z.array(z.string()),
    factors: z.array(FactorContribution),
    mentor: RecommendedMentorSummary,
  })
  .meta({ id: 'RecommendedMentor' })
export type RecommendedMentor = z.infer<typeof RecommendedMentor>

export const RecommendedMentorsResponse = z.object({
  results: z.array(RecommendedMentor),
  /** What the student's profile lacks that would sharpen the list (e.g. 'specialtyInterests'). */
  missing: z.array(z.enum(['specialtyInterests', 'helpWanted', 'careerGoals'])),
})
export type RecommendedMentorsResponse = z.infer<typeof RecommendedMentorsResponse>

export const RecommendationWeight = z.object({
  name: z.string(),
  label: z.string(),
  value: z.number(),
  kind: z.enum(['factor', 'penalty', 'setting']),
  description: z.string(),
})
export type RecommendationWeight = z.infer<typeof RecommendationWeight>

export const RecommendationWeightsResponse = z.object({ weights: z.array(RecommendationWeight) })
export type RecommendationWeightsResponse = z.infer<typeof RecommendationWeightsResponse>

/**
 * The stages of a mentor team (issue #17): people at different points of a career, each answering
 * other questions. `identity-aligned` only for a student who asked for an identity-aligned mentor.
 */
export const TEAM_STAGES = ['specialty-faculty', 'resident-or-fellow', 'alumni', 'near-peer', 'research', 'identity-aligned'] as const
export type TeamStage = (typeof TEAM_STAGES)[number]

export const MentorTeamQuery = z.object({ challenge: ChallengeParam })
export type MentorTeamQuery = z.output<typeof MentorTeamQuery>

export const MentorTeamStage = z.object({
  stage: z.enum(TEAM_STAGES),
  /** "Faculty in Emergency Medicine", "A near-peer a year or two ahead". */
  label: z.string(),
  /** The suggested mentor, or null when nobody suitable has a place. */
  mentor: RecommendedMentorSummary.nullable(),
  /** Plain words: why this mentor for this stage, or why nobody is suggested. */
  reason: z.string(),
})
export type MentorTeamStage = z.infer<typeof MentorTeamStage>

export const RecommendedOpportunity = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  specialtyName: z.string().nullable(),
  placesLeft: z.number().int(),
  applyBy: z.string().nullable(),
  posterName: z.string(),
  /** Plain words: what it is, places left, and what of the student's profile it fits. */
  reason: z.string(),
})
export type RecommendedOpportunity = z.infer<typeof RecommendedOpportunity>

export const MentorTeamResponse = z.object({
  /** One entry per stage the student has nobody for yet, in `TEAM_STAGES` order. */
  stages: z.array(MentorTeamStage),
  /** Stages someone already fills (an active mentorship or a board assignment). */
  filledStages: z.array(z.enum(TEAM_STAGES)),
  /** Up to three open opportunities with a place left for the student's class year, best fit first. */
  opportunities: z.array(RecommendedOpportunity),
  /** Whether mentors who hold high expectations were preferred. */
  challenge: z.boolean(),
})
export type MentorTeamResponse = z.infer<typeof MentorTeamResponse>
