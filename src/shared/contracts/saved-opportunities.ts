import { z } from '@hono/zod-openapi'
import { OpportunitySummary } from './opportunities.ts'

/** The most opportunities one student keeps saved: a short list to come back to, not a copy of the board. */
export const SAVED_OPPORTUNITIES_MAX = 200

/** Whether the caller has this opportunity saved, after saving or unsaving it. */
export const SavedState = z.object({ opportunityId: z.string(), saved: z.boolean() })
export type SavedState = z.infer<typeof SavedState>

export const SavedOpportunity = OpportunitySummary.extend({
  savedAt: z.string(),
  /** Whether it still takes applications (published, before its deadline), by the school's clock. */
  open: z.boolean(),
})
export type SavedOpportunity = z.infer<typeof SavedOpportunity>

export const SavedOpportunityList = z.object({ saved: z.array(SavedOpportunity) })
export type SavedOpportunityList = z.infer<typeof SavedOpportunityList>
