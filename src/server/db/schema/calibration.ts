import { boolean, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import type { Region } from '#engines/smart-pick/index.ts'
import { pastApplicants } from './residency.ts'

/**
 * What the list builder's model reads about a past applicant beyond `past_applicants`:
 * geographic ties, visa need and away rotations. Written by the past-outcomes import with its
 * applicant and deleted with it; an applicant without a row had no ties, needed no visa and
 * did no away rotation (how the demo data and older imports read).
 */
export const pastApplicantDetails = pgTable('past_applicant_details', {
  applicantId: uuid('applicant_id')
    .primaryKey()
    .references(() => pastApplicants.id, { onDelete: 'cascade' }),
  /** Two-letter state codes the graduate had ties to (grew up, school, family). */
  tieStates: text('tie_states').array().notNull().default([]),
  tieRegions: text('tie_regions').array().$type<Region[]>().notNull().default([]),
  needsVisa: boolean('needs_visa').notNull().default(false),
  /** Programs where the graduate did an away (audition) rotation. */
  awayRotationProgramIds: text('away_rotation_program_ids').array().notNull().default([]),
})
