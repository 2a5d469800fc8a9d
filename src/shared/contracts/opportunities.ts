import { z } from '@hono/zod-openapi'
import { CLASS_YEARS, EXPERIENCE_KINDS, OPPORTUNITY_APPLICATION_STATUSES, OPPORTUNITY_KINDS, OPPORTUNITY_STATUSES, RESEARCH_OUTPUT_KINDS } from '../enums.ts'
import { APPLICATION_LIMITS, countCharacters, MATERIAL_KINDS } from '../reference/application-limits.ts'
import { ERAS_EXPERIENCE_TYPES, ERAS_EXPERIENCES_MAX, ERAS_MOST_MEANINGFUL_MAX } from '../reference/eras-experiences.ts'
import { SPECIALTY_IDS } from '../reference/specialties.ts'
import { TIME_COMMITMENTS } from '../reference/time-commitments.ts'
import { instant, IsoDate, multilineText, requiredMultilineText, requiredText, text } from './common.ts'

const Instant = instant('2027-03-01T17:00:00Z')
const OptionalDate = IsoDate.nullable().default(null)

/** The longest statement a student writes when applying: a short paragraph, not an essay. */
export const STATEMENT_MAX = 1500

/**
 * The rules between an opportunity's fields, by field, so a form shows them beside the others.
 * `now` is the server's clock (a deadline already passed is refused); unparseable values are
 * left to their own field's message.
 */
export function opportunityInputProblems(
  input: { startDate: string | null; endDate: string | null; applyBy: string | null; status: string },
  now: Date | null,
): Record<string, string> {
  const problems: Record<string, string> = {}
  if (input.startDate && input.endDate && input.endDate < input.startDate) problems.endDate = 'The end must be on or after the start.'
  const deadline = input.applyBy ? Date.parse(input.applyBy) : Number.NaN
  if (now && input.status === 'published' && !Number.isNaN(deadline) && deadline <= now.getTime())
    problems.applyBy = 'This deadline has passed: choose a later one.'
  if (input.startDate && !Number.isNaN(deadline) && new Date(deadline).toISOString().slice(0, 10) > input.startDate)
    problems.applyBy = 'Applications must close before the start.'
  return problems
}

/** An opportunity as its poster writes it. Fields that do not apply to its kind stay empty. */
export const OpportunityInput = z
  .object({
    kind: z.enum(OPPORTUNITY_KINDS, 'Choose a kind from the list.'),
    title: requiredText(200),
    description: requiredMultilineText(5000),
    specialtyId: z
      .enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.')
      .nullable()
      .default(null),
    classYears: z.array(z.enum(CLASS_YEARS, 'Choose class years from the list.')).max(CLASS_YEARS.length).default([]),
    remote: z.boolean().default(false),
    places: z.number('Give a number of places.').int('Use a whole number.').min(1, 'At least 1 place.').max(500, 'At most 500.'),
    applyBy: Instant.nullable().default(null),
    startDate: OptionalDate,
    endDate: OptionalDate,
    timeCommitment: text(200).default(''),
    /** The board's bucket for it; null: the one its kind usually takes. */
    commitment: z.enum(TIME_COMMITMENTS, 'Choose how much time from the list.').nullable().default(null),
    researchQuestion: multilineText(2000).default(''),
    methods: multilineText(2000).default(''),
    skillsWanted: multilineText(1000).default(''),
    expectedOutput: text(300).default(''),
    site: text(200).default(''),
    dressCode: text(300).default(''),
    whatToBring: text(300).default(''),
    status: z.enum(OPPORTUNITY_STATUSES, 'Choose draft, published or closed.').default('published'),
  })
  .superRefine((input, ctx) => {
    // Whether the deadline has passed is the server's to judge (it keeps the clock); the order of dates is not.
    for (const [field, message] of Object.entries(opportunityInputProblems(input, null))) ctx.addIssue({ code: 'custom', path: [field], message })
  })
export type OpportunityInput = z.infer<typeof OpportunityInput>

const BoolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()

export const OpportunitySearch = z.object({
  q: text(200).optional(),
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  specialtyId: z.enum(SPECIALTY_IDS as [string, ...string[]]).optional(),
  remote: BoolParam,
  classYear: z.enum(CLASS_YEARS).optional(),
  /** A site as the board's facet names it (the place before the first comma). */
  site: text(200).optional(),
  commitment: z.enum(TIME_COMMITMENTS).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
})
export type OpportunitySearch = z.infer<typeof OpportunitySearch>

/** The document version a student attached to an application, as it was when they applied. */
export const AttachedDocumentView = z.object({
  versionId: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  title: z.string(),
  versionNumber: z.number().int(),
  attachedAt: z.string(),
})
export type AttachedDocumentView = z.infer<typeof AttachedDocumentView>

/** The attached version's words, for the poster of the opportunity applied to (that version only). */
export const AttachedDocumentText = AttachedDocumentView.extend({
  applicationId: z.string(),
  opportunityId: z.string(),
  studentName: z.string(),
  target: z.string(),
  text: z.string(),
})
export type AttachedDocumentText = z.infer<typeof AttachedDocumentText>

export const ApplicationView = z.object({
  id: z.string(),
  opportunityId: z.string(),
  opportunityTitle: z.string(),
  status: z.enum(OPPORTUNITY_APPLICATION_STATUSES),
  statement: z.string(),
  posterMessage: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** The document version sent with the application; null when none was attached. */
  document: AttachedDocumentView.nullable(),
})
export type ApplicationView = z.infer<typeof ApplicationView>

export const OpportunitySummary = z.object({
  id: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  specialtyId: z.string().nullable(),
  classYears: z.array(z.enum(CLASS_YEARS)),
  remote: z.boolean(),
  places: z.number().int(),
  placesLeft: z.number().int(),
  applyBy: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  timeCommitment: z.string(),
  /** The board's bucket: the poster's choice, or the one its kind usually takes. */
  commitment: z.enum(TIME_COMMITMENTS),
  site: z.string(),
  status: z.enum(OPPORTUNITY_STATUSES),
  posterName: z.string(),
  /** Whether the caller may apply now (a student of its class years, before the deadline, with a place left). */
  canApply: z.boolean(),
  myApplicationStatus: z.enum(OPPORTUNITY_APPLICATION_STATUSES).nullable(),
})
export type OpportunitySummary = z.infer<typeof OpportunitySummary>

export const OpportunityView = OpportunitySummary.extend({
  description: z.string(),
  researchQuestion: z.string(),
  methods: z.string(),
  skillsWanted: z.string(),
  expectedOutput: z.string(),
  dressCode: z.string(),
  whatToBring: z.string(),
  /** Whether the caller posted it (and so may edit it and decide its applications). */
  isMine: z.boolean(),
  myApplication: ApplicationView.nullable(),
})
export type OpportunityView = z.infer<typeof OpportunityView>

export const FacetCount = z.object({ value: z.string(), count: z.number().int() })
export const OpportunityBoard = z.object({
  results: z.array(OpportunitySummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({
    kind: z.array(FacetCount),
    specialtyId: z.array(FacetCount),
    remote: z.array(FacetCount),
    classYear: z.array(FacetCount),
    site: z.array(FacetCount),
    commitment: z.array(FacetCount),
  }),
})
export type OpportunityBoard = z.infer<typeof OpportunityBoard>

export const PostedOpportunity = OpportunitySummary.extend({ applicationCounts: z.record(z.string(), z.number().int()) })
export const PostedOpportunityList = z.object({ opportunities: z.array(PostedOpportunity) })
export type PostedOpportunityList = z.infer<typeof PostedOpportunityList>

export const ApplyInput = z.object({
  statement: requiredMultilineText(STATEMENT_MAX),
  /** One of the student's materials documents: its version current now is attached (a later save does not change it). */
  documentId: z.uuid('Choose one of your documents from the list.').nullable().default(null),
})
export type ApplyInput = z.infer<typeof ApplyInput>

export const DECISIONS = ['shortlisted', 'accepted', 'declined'] as const
export const DecisionInput = z.object({
  status: z.enum(DECISIONS, 'Choose shortlist, accept or decline.'),
  message: multilineText(2000).default(''),
})
export type DecisionInput = z.infer<typeof DecisionInput>

export const ApplicantView = z.object({
  id: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  studentEmail: z.string(),
  classYear: z.enum(CLASS_YEARS).nullable(),
  statement: z.string(),
  status: z.enum(OPPORTUNITY_APPLICATION_STATUSES),
  posterMessage: z.string(),
  createdAt: z.string(),
  /** The experience entry made on acceptance, for the poster to confirm. */
  experience: z.object({ id: z.string(), hours: z.number().int().nullable(), confirmed: z.boolean() }).nullable(),
  /** The document version the student attached, which the poster opens; null when none. */
  document: AttachedDocumentView.nullable(),
})
export type ApplicantView = z.infer<typeof ApplicantView>
export const ApplicantList = z.object({ applicants: z.array(ApplicantView) })
export type ApplicantList = z.infer<typeof ApplicantList>

export const MyApplicationList = z.object({ applications: z.array(ApplicationView) })
export type MyApplicationList = z.infer<typeof MyApplicationList>

/** A student's own entry in their experience record. */
export const ExperienceInput = z
  .object({
    kind: z.enum(EXPERIENCE_KINDS, 'Choose a kind of experience from the list.'),
    title: requiredText(200),
    organization: text(200).default(''),
    description: multilineText(2000).default(''),
    startDate: OptionalDate,
    endDate: OptionalDate,
    hours: z
      .number('Give a number of hours.')
      .int('Use a whole number.')
      .min(0, 'Hours cannot be negative.')
      .max(20_000, 'At most 20,000.')
      .nullable()
      .default(null),
  })
  .superRefine((input, ctx) => {
    if (input.startDate && input.endDate && input.endDate < input.startDate)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end must be on or after the start.' })
  })
export type ExperienceInput = z.infer<typeof ExperienceInput>

export const ConfirmExperienceInput = z.object({
  hours: z.number('Give a number of hours.').int('Use a whole number.').min(0, 'Hours cannot be negative.').max(20_000, 'At most 20,000.'),
})
export type ConfirmExperienceInput = z.infer<typeof ConfirmExperienceInput>

/** An abstract, poster, presentation or publication that came of an experience, cited as on ERAS. */
export const ResearchOutputInput = z.object({
  kind: z.enum(RESEARCH_OUTPUT_KINDS, 'Choose abstract, poster, oral presentation or publication.'),
  citation: requiredText(1000),
  date: OptionalDate,
})
export type ResearchOutputInput = z.infer<typeof ResearchOutputInput>

/** At most this many outputs per experience: a long research year yields a dozen, not hundreds. */
export const RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX = 50

export const ResearchOutputView = z.object({
  id: z.string(),
  kind: z.enum(RESEARCH_OUTPUT_KINDS),
  citation: z.string(),
  date: z.string().nullable(),
})
export type ResearchOutputView = z.infer<typeof ResearchOutputView>

export const ExperienceView = z.object({
  id: z.string(),
  kind: z.enum(EXPERIENCE_KINDS),
  title: z.string(),
  organization: z.string(),
  description: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  hours: z.number().int().nullable(),
  /** From an accepted opportunity (null: added by the student). */
  opportunityId: z.string().nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** What came of it, by date; undated ones last. */
  outputs: z.array(ResearchOutputView),
})
export type ExperienceView = z.infer<typeof ExperienceView>
export const ExperienceList = z.object({ experiences: z.array(ExperienceView) })
export type ExperienceList = z.infer<typeof ExperienceList>
/** A student's record as their advisor or the office reads it: the same entries, with whose record it is. */
export const StudentExperienceList = ExperienceList.extend({
  student: z.object({ id: z.string(), name: z.string(), classYear: z.enum(CLASS_YEARS).nullable() }),
})
export type StudentExperienceList = z.infer<typeof StudentExperienceList>

/** One experience as an ERAS draft proposes it: the record's facts, its ERAS type and a description drafted within the limit. */
export const ErasDraftEntry = z.object({
  experience: ExperienceView,
  erasType: z.enum(ERAS_EXPERIENCE_TYPES),
  description: z.string(),
  /** The record's words were this many characters and were shortened at a word boundary; null when nothing was cut. */
  shortenedFrom: z.number().int().nullable(),
  /** The record had no description: the draft is the entry's title, for the student to write. */
  fromTitleOnly: z.boolean(),
  /** Among the ten the draft picks (most hours first); the student changes the choice and the order. */
  chosen: z.boolean(),
})
export type ErasDraftEntry = z.infer<typeof ErasDraftEntry>
export const ErasDraftProposal = z.object({ entries: z.array(ErasDraftEntry) })
export type ErasDraftProposal = z.infer<typeof ErasDraftProposal>

const withinLimit = (kind: 'eras-experience' | 'meaningful-experience') => {
  const limit = APPLICATION_LIMITS[kind].characters ?? 0
  return multilineText(limit * 2).refine((value) => countCharacters(value) <= limit, `Use at most ${limit} characters, as ERAS allows.`)
}

/** The experiences a student keeps for ERAS, in their order, each saved as a materials document. */
export const ErasDraftInput = z
  .object({
    entries: z
      .array(
        z.object({
          experienceId: z.uuid('Not a valid experience id.'),
          erasType: z.enum(ERAS_EXPERIENCE_TYPES, 'Choose an ERAS experience type from the list.'),
          description: withinLimit('eras-experience').refine((value) => value.length > 0, 'Write a description.'),
          mostMeaningful: z.boolean().default(false),
          /** The "most meaningful" reflection, the student's own words (the record has none to draft from). */
          reflection: withinLimit('meaningful-experience').default(''),
        }),
      )
      .min(1, 'Choose at least one experience.')
      .max(ERAS_EXPERIENCES_MAX, `ERAS takes at most ${ERAS_EXPERIENCES_MAX} experiences: choose ${ERAS_EXPERIENCES_MAX} or fewer.`),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>()
    input.entries.forEach((entry, i) => {
      if (seen.has(entry.experienceId)) ctx.addIssue({ code: 'custom', path: ['entries', i, 'experienceId'], message: 'This experience is chosen twice.' })
      seen.add(entry.experienceId)
    })
    if (input.entries.filter((e) => e.mostMeaningful).length > ERAS_MOST_MEANINGFUL_MAX)
      ctx.addIssue({ code: 'custom', path: ['entries'], message: `ERAS takes at most ${ERAS_MOST_MEANINGFUL_MAX} most meaningful experiences.` })
  })
export type ErasDraftInput = z.infer<typeof ErasDraftInput>
export type ErasDraftRequest = z.input<typeof ErasDraftInput>

export const ErasDraftSaved = z.object({
  documents: z.array(
    z.object({
      documentId: z.string(),
      title: z.string(),
      kind: z.enum(MATERIAL_KINDS),
      versionNumber: z.number().int(),
      /** False when the text was the same as the document's newest version, so no version was added. */
      changed: z.boolean(),
    }),
  ),
})
export type ErasDraftSaved = z.infer<typeof ErasDraftSaved>
