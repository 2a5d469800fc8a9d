import { z } from '@hono/zod-openapi'
import { CLASS_YEARS } from '../enums.ts'

/** The class roster and the year-end rollover (decision 020). */

export const ImportRosterRequest = z.object({
  csv: z.string().min(1, 'Choose a CSV file.').max(1_900_000, 'The file is too large for one upload (at most about 1.9 MB); split it by class.'),
  dryRun: z.boolean('Say whether to check the file (true) or apply it (false).'),
})
export type ImportRosterRequest = z.infer<typeof ImportRosterRequest>

export const RosterProblem = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() })
export type RosterProblem = z.infer<typeof RosterProblem>

const ClassYear = z.enum(CLASS_YEARS)

export const RosterInvite = z.object({
  row: z.number().int(),
  name: z.string(),
  email: z.string(),
  schoolId: z.string().nullable(),
  classYear: ClassYear,
})
export const RosterFieldChange = z.object({ field: z.string(), label: z.string(), before: z.string(), after: z.string() })
export const RosterChange = z.object({ row: z.number().int(), personId: z.string(), name: z.string(), changes: z.array(RosterFieldChange) })
export const RosterMissing = z.object({
  personId: z.string(),
  name: z.string(),
  email: z.string(),
  schoolId: z.string().nullable(),
  classYear: ClassYear.nullable(),
})

export const RosterImportReport = z.object({
  dryRun: z.boolean(),
  /** True when the roster was applied (never on a check, never with problems). */
  applied: z.boolean(),
  rowCount: z.number().int(),
  problems: z.array(RosterProblem),
  problemCount: z.number().int(),
  ignoredColumns: z.array(z.string()),
  invites: z.array(RosterInvite),
  changes: z.array(RosterChange),
  unchanged: z.number().int(),
  missing: z.array(RosterMissing),
  /**
   * Students whose advisory dean the houses' deans change, or would change, and those kept with
   * a dean an admin chose by hand (decision 030). `personId` is null for someone not yet invited.
   */
  houseDeans: z.array(
    z.object({
      personId: z.string().nullable(),
      name: z.string(),
      house: z.string(),
      advisorName: z.string(),
      currentAdvisorName: z.string().nullable(),
      outcome: z.enum(['assign', 'reassign', 'kept-manual']),
    }),
  ),
})
export type RosterImportReport = z.infer<typeof RosterImportReport>

const ClassCounts = z.record(ClassYear, z.number().int())

export const RolloverPreview = z.object({
  /** The academic year the rollover closes, e.g. 2025-2026 (July to June). */
  academicYear: z.string(),
  /** Set when the rollover of this academic year has already been run. */
  /** The rollover that stands in the way of another today (this academic year's, or one less than 180 days ago), and when the next may run. */
  alreadyRun: z.object({ ranAt: z.string(), ranBy: z.string().nullable(), nextFrom: z.string() }).nullable(),
  before: ClassCounts,
  after: ClassCounts,
  graduating: z.number().int(),
  moves: z.array(z.object({ personId: z.string(), name: z.string(), from: ClassYear, to: z.union([ClassYear, z.literal('graduated')]) })),
  kept: z.array(z.object({ personId: z.string(), name: z.string(), classYear: ClassYear, reason: z.enum(['leave', 'research']) })),
  /** Students with no class year on record: the rollover leaves them alone. */
  withoutClassYear: z.array(z.object({ personId: z.string(), name: z.string() })),
})
export type RolloverPreview = z.infer<typeof RolloverPreview>

export const RunRolloverRequest = z.object({
  academicYear: z.string().regex(/^\d{4}-\d{4}$/, 'Give the academic year the preview showed, e.g. 2025-2026.'),
})
export type RunRolloverRequest = z.infer<typeof RunRolloverRequest>

export const RolloverResult = z.object({
  academicYear: z.string(),
  promoted: z.number().int(),
  graduated: z.number().int(),
  keptInPlace: z.number().int(),
})
export type RolloverResult = z.infer<typeof RolloverResult>

export const AlumniMentoringRequest = z.object({ mentor: z.literal(true, 'Say mentor: true to become an alumni mentor.') })
export const AlumniMentoringStatus = z.object({
  /** The person graduated from the school (an alumnus). */
  graduate: z.boolean(),
  /** They already mentor (they agreed, or held the mentor role before). */
  mentor: z.boolean(),
})
export type AlumniMentoringStatus = z.infer<typeof AlumniMentoringStatus>

/** The advisory dean of each roster house (decision 030), and the houses students are in. */
export const HouseAdvisorsResponse = z.object({
  houses: z.array(
    z.object({
      house: z.string(),
      /** Students on record in the house (graduates not counted). */
      students: z.number().int(),
      advisor: z.object({ id: z.string(), name: z.string() }).nullable(),
    }),
  ),
  /** The advisors who may be a house's dean: active advisors who advise no one specialty. */
  deans: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type HouseAdvisorsResponse = z.infer<typeof HouseAdvisorsResponse>

export const SetHouseAdvisorRequest = z.object({
  house: z.string().trim().min(1, 'Name the house.').max(80, 'At most 80 characters.'),
  /** null takes the house's dean away; students keep the dean they were given. */
  advisorId: z.uuid('Choose an advisor from the list.').nullable(),
})
export type SetHouseAdvisorRequest = z.infer<typeof SetHouseAdvisorRequest>
