import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { ApplicantType, ProgramSetting, ProgramTrack, Region } from '#engines/smart-pick/index.ts'
import { people } from './identity.ts'
import { specialties } from './profiles.ts'

/**
 * Residency programs (one row per NRMP program track), with the fields the public tools hold
 * (FREIDA, Residency Explorer; see `docs/data/residency-facts.md`) that the list builder reads.
 * `id` is the school's or the NRMP's program code, kept as given so imports can update rows.
 */
export const residencyPrograms = pgTable(
  'residency_programs',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    institution: text('institution').notNull().default(''),
    specialtyId: text('specialty_id')
      .notNull()
      .references(() => specialties.id),
    track: text('track').$type<ProgramTrack>().notNull(),
    city: text('city').notNull().default(''),
    /** Two-letter state code. */
    state: text('state').notNull(),
    region: text('region').$type<Region>().notNull(),
    /** First-year positions offered in the Main Residency Match. */
    positions: integer('positions').notNull(),
    /** Accredited length in years. */
    lengthYears: integer('length_years').notNull().default(3),
    setting: text('setting').$type<ProgramSetting>().notNull(),
    sponsorsVisa: boolean('sponsors_visa').notNull().default(false),
    /** Step 2 CK of typical interviewees or matched residents: 25th and 75th percentile. */
    step2P25: integer('step2_p25').notNull(),
    step2P75: integer('step2_p75').notNull(),
    /** 0 (does not weigh research) to 1 (research track). */
    researchEmphasis: real('research_emphasis').notNull().default(0.3),
    /** 0 (easy to get into) to 1 (among the hardest in its specialty). */
    competitiveness: real('competitiveness').notNull().default(0.5),
    /** Current residents by degree, in per cent (may not add to 100 when unknown). */
    traineesMdPercent: integer('trainees_md_percent'),
    traineesDoPercent: integer('trainees_do_percent'),
    traineesImgPercent: integer('trainees_img_percent'),
    /** Interview days offered this season (ISO dates). */
    interviewDates: date('interview_dates').array().notNull().default([]),
    website: text('website').notNull().default(''),
    /** `demo` for the generated demo school, `import` for rows from a CSV import. */
    source: text('source').$type<'demo' | 'import'>().notNull().default('import'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('residency_programs_specialty_idx').on(t.specialtyId, t.track),
    index('residency_programs_state_idx').on(t.state),
    check('residency_programs_positions_check', sql`${t.positions} >= 0`),
    check('residency_programs_step2_check', sql`${t.step2P25} <= ${t.step2P75}`),
  ],
)

/**
 * The school's own past outcomes: one row per graduate who applied in a match year. Imported
 * from CSV by staff; they recalibrate the list builder and fill "students from our school who
 * matched here". `personId` links the graduate to an account when there is one (an alumnus in
 * the directory), so a program page can point to people a student may ask.
 */
export const pastApplicants = pgTable(
  'past_applicants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    /** The school's own key for the graduate (a row id in its records, never a name). */
    externalId: text('external_id').notNull().unique(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    matchYear: integer('match_year').notNull(),
    applicantType: text('applicant_type').$type<ApplicantType>().notNull(),
    step2: integer('step2'),
    /** `pass`, `fail`, or a three-digit score as text. */
    step1: text('step1'),
    researchItems: integer('research_items').notNull().default(0),
    alphaOmegaAlpha: boolean('alpha_omega_alpha').notNull().default(false),
    goldHumanism: boolean('gold_humanism').notNull().default(false),
    clerkshipHonors: integer('clerkship_honors').notNull().default(0),
    experiences: integer('experiences').notNull().default(0),
    specialtyId: text('specialty_id')
      .notNull()
      .references(() => specialties.id),
    /** The program matched, null when unmatched. */
    matchedProgramId: text('matched_program_id').references(() => residencyPrograms.id, { onDelete: 'set null' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('past_applicants_year_idx').on(t.matchYear), index('past_applicants_matched_idx').on(t.matchedProgramId)],
)

export const pastApplications = pgTable(
  'past_applications',
  {
    applicantId: uuid('applicant_id')
      .notNull()
      .references(() => pastApplicants.id, { onDelete: 'cascade' }),
    programId: text('program_id')
      .notNull()
      .references(() => residencyPrograms.id, { onDelete: 'cascade' }),
    signalled: boolean('signalled').notNull().default(false),
    interviewed: boolean('interviewed').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.applicantId, t.programId] }), index('past_applications_program_idx').on(t.programId)],
)

/**
 * A recalibration of the list builder's model on the school's past outcomes: the fitted priors
 * and the report shown to staff. The newest `active` row is the one the list builder uses.
 */
export const smartPickCalibrations = pgTable(
  'smart_pick_calibrations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => people.id, { onDelete: 'set null' }),
    /** The fitted `SmartPickPriors`. */
    priors: jsonb('priors').notNull(),
    /** Calibration by decile, Brier scores, held-out years, counts: what the report page shows. */
    report: jsonb('report').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [index('smart_pick_calibrations_created_idx').on(t.createdAt)],
)
