import { z } from 'zod'
import { US_REGIONS } from '../enums.ts'
import { regionOfState } from '../reference/regions.ts'
import { SPECIALTIES } from '../reference/specialties.ts'
import { multilineText } from './common.ts'

/**
 * The student's residency application profile, the list builder (chances, count, curve,
 * signals, backup plan) and the student's own program list with statuses. The web app's forms
 * use the same schemas as the server.
 */

export const APPLICANT_TYPE_VALUES = ['us-md', 'us-do', 'us-img', 'non-us-img'] as const
export const PROGRAM_SETTING_VALUES = ['academic', 'community', 'university-affiliated'] as const
export const PROGRAM_LIST_STATUS_VALUES = ['considering', 'applying', 'applied', 'interview-offered', 'interviewed', 'withdrawn', 'rejected'] as const
export type ProgramListStatusValue = (typeof PROGRAM_LIST_STATUS_VALUES)[number]
/** Statuses that count as "on my application list" for the chance of the current list. */
export const APPLYING_STATUSES: readonly ProgramListStatusValue[] = ['applying', 'applied', 'interview-offered', 'interviewed']

export const PROGRAM_LIST_STATUS_LABELS: Readonly<Record<ProgramListStatusValue, string>> = {
  considering: 'Considering',
  applying: 'Applying',
  applied: 'Applied',
  'interview-offered': 'Interview offered',
  interviewed: 'Interviewed',
  withdrawn: 'Withdrawn',
  rejected: 'Rejected',
}

const SPECIALTY_IDS = new Set(SPECIALTIES.map((s) => s.id))
const SpecialtyId = z
  .string()
  .trim()
  .max(80, 'Use at most 80 characters.')
  .refine((value) => SPECIALTY_IDS.has(value), 'Choose a specialty from the list.')

const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value) => regionOfState(value) !== null, 'Use a two-letter U.S. state code, such as OH.')
const States = z.array(StateCode).max(60, 'At most 60 states.')
const Regions = z.array(z.enum(US_REGIONS, 'Choose a region from the list.')).max(US_REGIONS.length)
const count = (max: number, what: string) =>
  z.number('Enter a whole number.').int('Use a whole number.').min(0, 'Cannot be negative.').max(max, `At most ${max} ${what}.`)

/** A program id as the programs table keeps it (the NRMP code or the school's own). */
export const ProgramId = z
  .string()
  .trim()
  .min(1, 'Choose a program.')
  .max(64, 'Not a valid program id.')
  .regex(/^[A-Za-z0-9._:-]+$/, 'Not a valid program id.')

/**
 * Step 1: `pass`, `fail` (first attempt, since 2022), or a three-digit score from before.
 * The score range is the USMLE's reporting scale.
 */
export const Step1Input = z.union(
  [
    z.enum(['pass', 'fail']),
    z.number().int('Use a whole number.').min(1, 'A Step 1 score is between 1 and 300.').max(300, 'A Step 1 score is between 1 and 300.'),
  ],
  'Choose pass or fail, or enter a three-digit score.',
)

export const ApplicationProfileInput = z
  .object({
    applicantType: z.enum(APPLICANT_TYPE_VALUES, 'Choose U.S. MD, U.S. DO, U.S.-citizen IMG or non-U.S.-citizen IMG.'),
    step2: z
      .number('Enter your Step 2 CK score, or leave it empty.')
      .int('Use a whole number.')
      .min(1, 'A Step 2 CK score is between 1 and 300.')
      .max(300, 'A Step 2 CK score is between 1 and 300.')
      .nullable(),
    step1: Step1Input.nullable(),
    researchItems: count(500, 'research items'),
    alphaOmegaAlpha: z.boolean('Choose yes or no.'),
    goldHumanism: z.boolean('Choose yes or no.'),
    clerkshipHonors: count(20, 'clerkship honors'),
    experiences: count(100, 'experiences'),
    awayRotationProgramIds: z.array(ProgramId).max(10, 'At most 10 away rotations.'),
    preferredSpecialtyId: SpecialtyId.nullable(),
    backupSpecialtyId: SpecialtyId.nullable(),
    preferredStates: States,
    preferredRegions: Regions,
    tieStates: States,
    tieRegions: Regions,
    settingPreferences: z.array(z.enum(PROGRAM_SETTING_VALUES, 'Choose academic, community or university-affiliated.')).max(3),
    needsVisa: z.boolean('Choose yes or no.'),
    signalsAvailable: count(100, 'signals'),
    targetChance: z
      .number('Enter a chance between 50 % and 99 %.')
      .min(0.5, 'Aim for at least 50 %.')
      .max(0.99, 'Aim for at most 99 %: no list makes a match certain.'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.backupSpecialtyId !== null && value.backupSpecialtyId === value.preferredSpecialtyId) {
      ctx.addIssue({ code: 'custom', path: ['backupSpecialtyId'], message: 'Choose a backup specialty other than your preferred one.' })
    }
  })
export type ApplicationProfileInput = z.infer<typeof ApplicationProfileInput>

export const ApplicationProfileView = z.object({
  studentId: z.string(),
  /** False until the student first saves it; the fields then hold the defaults. */
  saved: z.boolean(),
  applicantType: z.enum(APPLICANT_TYPE_VALUES),
  step2: z.number().int().nullable(),
  step1: z.union([z.enum(['pass', 'fail']), z.number().int()]).nullable(),
  researchItems: z.number().int(),
  alphaOmegaAlpha: z.boolean(),
  goldHumanism: z.boolean(),
  clerkshipHonors: z.number().int(),
  experiences: z.number().int(),
  awayRotationProgramIds: z.array(z.string()),
  preferredSpecialtyId: z.string().nullable(),
  backupSpecialtyId: z.string().nullable(),
  preferredStates: z.array(z.string()),
  preferredRegions: z.array(z.enum(US_REGIONS)),
  tieStates: z.array(z.string()),
  tieRegions: z.array(z.enum(US_REGIONS)),
  settingPreferences: z.array(z.enum(PROGRAM_SETTING_VALUES)),
  needsVisa: z.boolean(),
  signalsAvailable: z.number().int(),
  targetChance: z.number(),
  updatedAt: z.string().nullable(),
  /** Names of the away-rotation programs, for display. */
  awayRotationPrograms: z.array(z.object({ id: z.string(), name: z.string(), specialtyId: z.string() })),
})
export type ApplicationProfileView = z.infer<typeof ApplicationProfileView>

export const CHANCE_TIERS = ['reach', 'target', 'likely'] as const
export type ChanceTier = (typeof CHANCE_TIERS)[number]

/** Programs sent per page of the list builder: what a phone shows before "Show more". */
export const BUILDER_PAGE_SIZE = 25

export const ListBuilderQuery = z.object({
  specialty: SpecialtyId.optional(),
  /** Overrides the profile's target chance for this view, e.g. 0.8. */
  target: z.coerce.number('Enter a chance between 0.5 and 0.99.').min(0.5, 'Aim for at least 50 %.').max(0.99, 'Aim for at most 99 %.').optional(),
  /** Only programs of this tier (chance band). The counts, the recommendation and the curve always cover every program. */
  tier: z.enum(CHANCE_TIERS, 'Choose reach, target or likely.').optional(),
  region: z.enum(US_REGIONS, 'Choose a region from the list.').optional(),
  /** Only programs in the student's preferred places and settings. */
  fits: z
    .enum(['true', 'false'], 'Choose true or false.')
    .transform((v) => v === 'true')
    .optional(),
  /** The page of programs: `limit` programs from `offset`, in the list's order (most likely interview first). */
  offset: z.coerce.number('Enter a whole number.').int('Enter a whole number.').min(0, 'Cannot be negative.').max(100_000, 'At most 100000.').default(0),
  limit: z.coerce
    .number('Enter a whole number.')
    .int('Enter a whole number.')
    .min(1, 'At least 1.')
    .max(100, 'At most 100 at once.')
    .default(BUILDER_PAGE_SIZE),
})
export type ListBuilderQuery = z.infer<typeof ListBuilderQuery>

const FactorView = z.object({ key: z.string(), label: z.string(), change: z.number(), sign: z.enum(['+', '−']) })
export const ChanceView = z.object({
  probability: z.number(),
  low: z.number(),
  high: z.number(),
  effectiveCount: z.number(),
  factors: z.array(FactorView),
})
export type ChanceView = z.infer<typeof ChanceView>
/** A chance without its factors: the list carries these; one program's factors come from its own route. */
export const ChanceSummary = ChanceView.omit({ factors: true })
export type ChanceSummary = z.infer<typeof ChanceSummary>

export const BuilderProgram = z.object({
  id: z.string(),
  name: z.string(),
  institution: z.string(),
  city: z.string(),
  state: z.string(),
  region: z.enum(US_REGIONS),
  setting: z.enum(PROGRAM_SETTING_VALUES),
  positions: z.number().int(),
  sponsorsVisa: z.boolean(),
  step2P25: z.number().int(),
  step2P75: z.number().int(),
  tier: z.enum(CHANCE_TIERS),
  interview: ChanceSummary,
  matchIfInterviewed: ChanceSummary,
  /** Chance of an interview here and of matching here given it. */
  interviewAndMatch: z.number(),
  fitsPreferences: z.boolean(),
  /** Among the recommended programs (the first `count` by interview chance). */
  recommended: z.boolean(),
  /** Where the program stands on the student's list, or null when it is not on it. */
  listStatus: z.enum(PROGRAM_LIST_STATUS_VALUES).nullable(),
  signalled: z.boolean(),
})
export type BuilderProgram = z.infer<typeof BuilderProgram>

/**
 * How far the curve of chance against applications is sent and drawn: past the recommended count,
 * but not all 600 programs of a large specialty (nobody applies to 600; each point past the
 * chart is bytes a phone downloads for nothing).
 */
export function curveReach(points: number, count: number | null): number {
  const wanted = count === null ? 80 : Math.max(30, Math.ceil(count * 1.6))
  return Math.min(points, wanted)
}

export const CurvePointView = z.object({ applications: z.number().int(), chance: z.number(), low: z.number(), high: z.number() })

export const ListBuilderResponse = z.object({
  studentId: z.string(),
  specialty: z.object({ id: z.string(), name: z.string() }),
  /** The profile has not been saved yet. */
  profileSaved: z.boolean(),
  /**
   * The profile holds what the model needs. When false there is no advice at all (no counts,
   * tiers, chances or recommended programs): `missingFields` names what to fill in.
   */
  ready: z.boolean(),
  missingFields: z.array(z.string()),
  /** Applications the specialty's applicants typically send (the backup plan's threshold). */
  typicalApplications: z.number().int(),
  target: z.number(),
  /** Where the model's coefficients come from. */
  model: z.object({
    source: z.enum(['national', 'school']),
    /** "Based on national figures" or "Calibrated on our school's outcomes, 12 Oct 2026". */
    label: z.string(),
    calibratedAt: z.string().nullable(),
    calibratedOn: z.object({ applicants: z.number().int(), applications: z.number().int(), years: z.array(z.number().int()) }).nullable(),
    intervalLevel: z.number(),
  }),
  recommendation: z.object({
    /** Smallest number of applications reaching the target; null when every program together does not. */
    count: z.number().int().nullable(),
    chance: z.number(),
    low: z.number(),
    high: z.number(),
    programIds: z.array(z.string()),
    /** The recommended programs not yet on the student's list (what "Add the recommended programs" adds). */
    notOnList: z.array(z.string()),
    ordering: z.string(),
    /** The summary sentence shown at the top. */
    summary: z.string(),
  }),
  /** The curve up to `curveReach` applications (past the recommended count). */
  curve: z.array(CurvePointView),
  /**
   * Only when the Step 2 CK score is all that is missing: what the model would advise at two
   * published reference scores of the specialty (the 2024 means of its U.S. MD applicants who did
   * not match and who matched), so a student without a score sees the range, labelled as such.
   */
  scoreRange: z
    .object({
      summary: z.string(),
      typicalApplications: z.number().int(),
      scenarios: z.array(
        z.object({
          reference: z.enum(['unmatched', 'matched']),
          step2: z.number().int(),
          /** Applications reaching the target, or null when the typical number does not. */
          count: z.number().int().nullable(),
          /** Chance of matching with `applications` programs (the count, or the typical number). */
          chance: z.number(),
          applications: z.number().int(),
          backupAdvised: z.boolean(),
        }),
      ),
    })
    .nullable(),
  /** One page of the programs that pass the query's filters, in the list's order. */
  programs: z.array(BuilderProgram),
  /** Where the page sits, and how many programs there are: in all, per tier, and passing the filters. */
  programPage: z.object({
    offset: z.number().int(),
    limit: z.number().int(),
    /** Programs passing the filters (the page is a slice of these). */
    matching: z.number().int(),
    /** Every program of the specialty the model weighed. */
    total: z.number().int(),
    byTier: z.object({ reach: z.number().int(), target: z.number().int(), likely: z.number().int() }),
  }),
  signals: z.object({
    available: z.number().int(),
    used: z.number().int(),
    chanceWithout: z.number(),
    chanceWith: z.number(),
    /** Which list the signals were planned against: the student's own, or the recommended one. */
    plannedFor: z.enum(['my-list', 'recommended']),
    /** The specialty's ERAS signals this season, in words ("28: 3 gold and 25 silver"); null when it has none. */
    specialtySignals: z.string().nullable(),
    /** The published effect of a signal in the specialty, with its source. */
    effect: z.string(),
    choices: z.array(
      z.object({
        programId: z.string(),
        programName: z.string(),
        interviewWithout: z.number(),
        interviewWith: z.number(),
        gain: z.number(),
        onList: z.boolean(),
      }),
    ),
  }),
  backup: z.object({
    needed: z.boolean(),
    specialty: z.object({ id: z.string(), name: z.string() }).nullable(),
    preferredCount: z.number().int(),
    preferredChance: z.number(),
    backupCount: z.number().int().nullable(),
    backupChance: z.number().nullable(),
    combinedChance: z.number(),
    reached: z.boolean(),
    summary: z.string(),
  }),
  currentList: z.object({
    /** Programs of this specialty on the student's list as applying or later (not withdrawn or rejected). */
    count: z.number().int(),
    chance: z.number(),
    low: z.number(),
    high: z.number(),
  }),
  /** Plain-words notes on how sure the figures are: thin data, a missing score, national figures only. */
  honesty: z.array(z.string()),
  elapsedMs: z.number(),
})
export type ListBuilderResponse = z.infer<typeof ListBuilderResponse>

export const ProgramListItem = z.object({
  programId: z.string(),
  name: z.string(),
  institution: z.string(),
  specialtyId: z.string(),
  city: z.string(),
  state: z.string(),
  status: z.enum(PROGRAM_LIST_STATUS_VALUES),
  signalled: z.boolean(),
  note: z.string(),
  addedAt: z.string(),
  updatedAt: z.string(),
})
export type ProgramListItem = z.infer<typeof ProgramListItem>

export const ProgramListResponse = z.object({
  studentId: z.string(),
  items: z.array(ProgramListItem),
  signalsAvailable: z.number().int(),
  signalsUsed: z.number().int(),
})
export type ProgramListResponse = z.infer<typeof ProgramListResponse>

export const UpdateProgramListItem = z
  .object({
    status: z.enum(PROGRAM_LIST_STATUS_VALUES, 'Choose a status from the list.').optional(),
    signalled: z.boolean('Choose yes or no.').optional(),
    note: multilineText(2000).optional(),
  })
  .strict()
  .refine((value) => value.status !== undefined || value.signalled !== undefined || value.note !== undefined, {
    message: 'Change the status, the signal or the note.',
    path: ['status'],
  })
export type UpdateProgramListItem = z.infer<typeof UpdateProgramListItem>

export const AddProgramsToList = z
  .object({
    programIds: z.array(ProgramId).min(1, 'Choose at least one program.').max(200, 'At most 200 programs at once.'),
    status: z.enum(['considering', 'applying'], 'Choose considering or applying.').default('considering'),
  })
  .strict()
export type AddProgramsToList = z.infer<typeof AddProgramsToList>

export const AddProgramsResponse = z.object({ added: z.number().int(), alreadyOnList: z.number().int(), list: ProgramListResponse })
export type AddProgramsResponse = z.infer<typeof AddProgramsResponse>

/** One program's chances with the factors behind them, in plain words with sign and size. */
export const ProgramChances = z.object({
  studentId: z.string(),
  programId: z.string(),
  programName: z.string(),
  interview: ChanceView,
  matchIfInterviewed: ChanceView,
  /** Where each figure comes from, in words. */
  basis: z.object({ interview: z.string(), matchIfInterviewed: z.string() }),
  model: z.object({ source: z.enum(['national', 'school']), label: z.string() }),
})
export type ProgramChances = z.infer<typeof ProgramChances>
