import { z } from 'zod'
import {
  ACADEMIC_RANKS,
  CLASS_YEARS,
  ENROLLMENT_STATUSES,
  IDENTITY_ATTRIBUTES,
  IDENTITY_VISIBILITIES,
  MENTOR_KINDS,
  MENTOR_OFFERINGS,
  PERSON_STATUSES,
  ROLES,
  STUDENT_TRACKS,
} from '../enums.ts'
import { SPECIALTY_IDS, DEPARTMENT_IDS } from '../reference/specialties.ts'
import { multilineText, personName, text } from './common.ts'

const SpecialtyId = z.enum(SPECIALTY_IDS as [string, ...string[]], 'Choose a specialty from the list.')
const DepartmentId = z.enum(DEPARTMENT_IDS as [string, ...string[]], 'Choose a department from the list.')
const StateCode = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter state code, such as OH.')
const uniqueList = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max, `Choose at most ${max}.`)
    .refine((list) => new Set(list).size === list.length, 'Each choice may appear only once.')

export const PersonSummary = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  pronouns: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  status: z.enum(PERSON_STATUSES),
  hasPhoto: z.boolean(),
  /**
   * An advisor an admin gave the school-wide scope: reads every student's record (decision 015).
   * In the staff's lists of people; absent from profile pages.
   */
  schoolWide: z.boolean().optional(),
})
export type PersonSummary = z.infer<typeof PersonSummary>

export const StudentProfile = z.object({
  classYear: z.enum(CLASS_YEARS),
  graduationYear: z.number().int().min(1990).max(2100),
  track: z.enum(STUDENT_TRACKS),
  /** Most interesting first. */
  specialtyInterests: uniqueList(SpecialtyId, 5),
  careerGoals: multilineText(2000),
  helpWanted: uniqueList(z.enum(MENTOR_OFFERINGS), MENTOR_OFFERINGS.length),
  identity: uniqueList(z.enum(IDENTITY_ATTRIBUTES), IDENTITY_ATTRIBUTES.length),
  identityVisibility: z.enum(IDENTITY_VISIBILITIES),
  /** Asked for mentors who share their identity; only then is identity used in matching. */
  wantsIdentityAlignedMentor: z.boolean(),
})
export type StudentProfile = z.infer<typeof StudentProfile>

export const MentorProfile = z.object({
  kind: z.enum(MENTOR_KINDS),
  departmentId: DepartmentId.nullable(),
  specialtyId: SpecialtyId.nullable(),
  subspecialty: text(120),
  academicRank: z.enum(ACADEMIC_RANKS).nullable(),
  clinicalSite: text(120),
  city: text(80),
  state: StateCode.or(z.literal('')),
  researchInterests: multilineText(1000),
  bio: multilineText(4000),
  offers: uniqueList(z.enum(MENTOR_OFFERINGS), MENTOR_OFFERINGS.length),
  capacity: z.number().int().min(0, 'Capacity cannot be negative.').max(50, 'At most 50 mentees.'),
  accepting: z.boolean(),
  languages: uniqueList(text(40).min(1), 10),
  identity: uniqueList(z.enum(IDENTITY_ATTRIBUTES), IDENTITY_ATTRIBUTES.length),
  identityVisibility: z.enum(IDENTITY_VISIBILITIES),
  /** For alumni: the year they graduated from the school. */
  graduationYear: z.number().int().min(1950).max(2100).nullable(),
})
export type MentorProfile = z.infer<typeof MentorProfile>

export const AdvisorProfile = z.object({
  title: text(120),
  office: text(120),
  advisesSpecialtyId: SpecialtyId.nullable(),
})
export type AdvisorProfile = z.infer<typeof AdvisorProfile>

/** A profile as a viewer may see it: sections the viewer may not see are absent, not empty. */
export const ProfileResponse = z
  .object({
    person: PersonSummary,
    /** Identity fields are absent when the viewer may not see them. */
    student: StudentProfile.extend({
      identity: StudentProfile.shape.identity.optional(),
      identityVisibility: StudentProfile.shape.identityVisibility.optional(),
      /** The roster's facts (decision 020): enrolled, on leave or graduated; the advisory dean or house. */
      enrollment: z.enum(ENROLLMENT_STATUSES).optional(),
      house: z.string().optional(),
      /** The school's id (student number): shown to the student and staff only. */
      schoolId: z.string().nullable().optional(),
    }).nullable(),
    mentor: MentorProfile.partial().nullable(),
    advisor: AdvisorProfile.nullable(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'Profile' })
export type ProfileResponse = z.infer<typeof ProfileResponse>

export const UpdatePersonRequest = z
  .object({
    name: personName(120).min(1, 'Enter your name.'),
    pronouns: text(40),
  })
  .partial()
  .strict()
export type UpdatePersonRequest = z.infer<typeof UpdatePersonRequest>

export const UpdateStudentProfileRequest = StudentProfile.partial().strict()
export type UpdateStudentProfileRequest = z.infer<typeof UpdateStudentProfileRequest>

export const UpdateMentorProfileRequest = MentorProfile.partial().strict()
export type UpdateMentorProfileRequest = z.infer<typeof UpdateMentorProfileRequest>

export const UpdateAdvisorProfileRequest = AdvisorProfile.partial().strict()
export type UpdateAdvisorProfileRequest = z.infer<typeof UpdateAdvisorProfileRequest>

export const ReferenceDataResponse = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  specialties: z.array(z.object({ id: z.string(), name: z.string(), acgmeName: z.string(), departmentId: z.string() })),
})
export type ReferenceDataResponse = z.infer<typeof ReferenceDataResponse>
