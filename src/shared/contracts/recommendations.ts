import { z } from 'zod'
import { MENTOR_KINDS, MENTOR_OFFERINGS } from '../enums.ts'
import { MentorResponsiveness } from './directory.ts'

/** Most mentors one request may ask for. */
export const RECOMMENDATIONS_LIMIT_MAX = 50

export const RecommendedMentorsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(RECOMMENDATIONS_LIMIT_MAX).default(20),
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
