import { z } from 'zod'
import { CLASS_YEARS, MENTOR_KINDS } from '../enums.ts'
import { Email, instant, multilineText, requiredMultilineText, requiredText, Uuid } from './common.ts'

/** Formal mentor programs: pair a whole class with mentors at once (decision 011). */

export const MENTOR_PROGRAM_STATUSES = ['draft', 'ranking', 'review', 'published', 'archived'] as const
export type MentorProgramStatus = (typeof MENTOR_PROGRAM_STATUSES)[number]
export const MENTOR_PROGRAM_STATUS_LABELS: Record<MentorProgramStatus, string> = {
  draft: 'Draft',
  ranking: 'Students ranking',
  review: 'Pairs in review',
  published: 'Published',
  archived: 'Archived',
}

export const PAIRING_METHODS = ['student-ranks', 'max-fit'] as const
export type PairingMethod = (typeof PAIRING_METHODS)[number]
export const PAIRING_METHOD_LABELS: Record<PairingMethod, string> = {
  'student-ranks': 'Students rank mentors (stable pairing)',
  'max-fit': 'Best total fit (the system pairs)',
}

export const PROGRAM_STUDENT_SOURCES = ['class-year', 'listed'] as const
export type ProgramStudentSource = (typeof PROGRAM_STUDENT_SOURCES)[number]

/** Where a draft pair came from: the pairing run, a kept pair from last year, or an admin's edit. */
export const PAIR_SOURCES = ['pairing', 'kept', 'admin'] as const
export type PairSource = (typeof PAIR_SOURCES)[number]

const Instant = instant('2027-08-15T23:59:00Z')
const Person = z.object({ id: z.string(), name: z.string() })

export const ProgramMentorInput = z.object({
  email: Email,
  /** Students this mentor takes in this program; omitted or null: their open places. */
  capacity: z.number('Enter a number.').int('Use a whole number.').min(0, 'Use 0 or more.').max(50, 'Use at most 50.').nullable().default(null),
})

/** Create a program. Participants are named by e-mail; class years add every active student of them. */
export const CreateMentorProgram = z.object({
  name: requiredText(200),
  description: multilineText(4000).default(''),
  pairingMethod: z.enum(PAIRING_METHODS, 'Choose how pairs are made.'),
  maxPerMentor: z.number('Enter a number.').int('Use a whole number.').min(1, 'Use 1 or more.').max(50, 'Use at most 50.'),
  classYears: z.array(z.enum(CLASS_YEARS, 'Choose class years from the list.')).max(CLASS_YEARS.length).default([]),
  studentEmails: z.array(Email).max(2000, 'List at most 2,000 students.').default([]),
  mentors: z.array(ProgramMentorInput).max(2000, 'List at most 2,000 mentors.').default([]),
  rankingDeadline: Instant.nullable().default(null),
  keepFromProgramId: Uuid.nullable().default(null),
})
export type CreateMentorProgram = z.infer<typeof CreateMentorProgram>

/** Edit a program before it is published; every field optional. */
export const UpdateMentorProgram = z.object({
  name: requiredText(200).optional(),
  description: multilineText(4000).optional(),
  pairingMethod: z.enum(PAIRING_METHODS, 'Choose how pairs are made.').optional(),
  maxPerMentor: z.number('Enter a number.').int('Use a whole number.').min(1, 'Use 1 or more.').max(50, 'Use at most 50.').optional(),
  classYears: z.array(z.enum(CLASS_YEARS, 'Choose class years from the list.')).max(CLASS_YEARS.length).optional(),
  studentEmails: z.array(Email).max(2000, 'List at most 2,000 students.').optional(),
  mentors: z.array(ProgramMentorInput).max(2000, 'List at most 2,000 mentors.').optional(),
  rankingDeadline: Instant.nullable().optional(),
  keepFromProgramId: Uuid.nullable().optional(),
})
export type UpdateMentorProgram = z.infer<typeof UpdateMentorProgram>

export const MentorProgramSummary = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(MENTOR_PROGRAM_STATUSES),
  pairingMethod: z.enum(PAIRING_METHODS),
  studentCount: z.number(),
  mentorCount: z.number(),
  rankingDeadline: z.string().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
})
export type MentorProgramSummary = z.infer<typeof MentorProgramSummary>
export const MentorProgramList = z.object({ programs: z.array(MentorProgramSummary) })
export type MentorProgramList = z.infer<typeof MentorProgramList>

export const MentorProgramView = MentorProgramSummary.extend({
  description: z.string(),
  classYears: z.array(z.enum(CLASS_YEARS)),
  maxPerMentor: z.number(),
  keepFromProgram: Person.nullable(),
  students: z.array(Person.extend({ email: z.string(), classYear: z.string().nullable(), source: z.enum(PROGRAM_STUDENT_SOURCES), ranked: z.number() })),
  mentors: z.array(
    Person.extend({
      email: z.string(),
      kind: z.enum(MENTOR_KINDS).nullable(),
      specialtyName: z.string().nullable(),
      /** The override set for this program, or null. */
      capacity: z.number().nullable(),
      /** Seats in this program: the override, else the mentor's open places, never above the program's maximum. */
      seats: z.number(),
    }),
  ),
  conflicts: z.array(z.object({ id: z.string(), student: Person, mentor: Person, reason: z.string() })),
  /** Pairs from the earlier program both sides asked to keep. */
  keptPairs: z.number(),
  pairedAt: z.string().nullable(),
})
export type MentorProgramView = z.infer<typeof MentorProgramView>

/** Conflicts as lines "student e-mail, mentor e-mail, reason" (the reason may be left out). */
export const ImportConflicts = z.object({ lines: requiredMultilineText(100_000) })
export type ImportConflicts = z.infer<typeof ImportConflicts>
export const ImportConflictsResponse = z.object({
  added: z.number(),
  rejected: z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() })),
})
export type ImportConflictsResponse = z.infer<typeof ImportConflictsResponse>

export const DraftPair = z.object({
  student: Person.extend({ classYear: z.string().nullable() }),
  mentor: Person.nullable(),
  fit: z.number().nullable(),
  reasons: z.array(z.string()),
  source: z.enum(PAIR_SOURCES),
  /** Where the student ranked this mentor (1 = first choice), or null. */
  studentRank: z.number().nullable(),
  editedBy: Person.nullable(),
  editedAt: z.string().nullable(),
  editReason: z.string().nullable(),
  mentorshipId: z.string().nullable(),
  /** Why a student is unpaired (null mentor), in plain words. */
  unpairedBecause: z.string().nullable(),
})
export type DraftPair = z.infer<typeof DraftPair>

export const DraftView = z.object({
  programId: z.string(),
  status: z.enum(MENTOR_PROGRAM_STATUSES),
  pairingMethod: z.enum(PAIRING_METHODS),
  pairedAt: z.string().nullable(),
  /** One row per student of the program, paired or not. */
  pairs: z.array(DraftPair),
  mentors: z.array(Person.extend({ seats: z.number(), filled: z.number() })),
  totalFit: z.number().nullable(),
  /** Max-fit: the engine's bound on any pairing's total fit; equal to the total when proven optimal. */
  upperBound: z.number().nullable(),
  provenOptimal: z.boolean(),
})
export type DraftView = z.infer<typeof DraftView>

/** An admin pairs a student with another mentor (or none), and says why. */
export const EditPair = z.object({
  studentId: Uuid,
  mentorId: Uuid.nullable(),
  reason: requiredMultilineText(500),
})
export type EditPair = z.infer<typeof EditPair>

export const PublishResponse = z.object({ program: MentorProgramSummary, mentorshipsCreated: z.number(), emailsQueued: z.number() })
export type PublishResponse = z.infer<typeof PublishResponse>

export const RankableMentor = Person.extend({
  kind: z.enum(MENTOR_KINDS).nullable(),
  specialtyName: z.string().nullable(),
  clinicalSite: z.string(),
  /** Why this mentor may suit the student, strongest first. */
  reasons: z.array(z.string()),
})

/** A student's ranking page for one program. */
export const StudentRankingView = z.object({
  program: z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    status: z.enum(MENTOR_PROGRAM_STATUSES),
    rankingDeadline: z.string().nullable(),
    pairingMethod: z.enum(PAIRING_METHODS),
  }),
  /** Every mentor of the program the student may be paired with, best fit first. */
  mentors: z.array(RankableMentor),
  /** The student's ranking, mentor ids, first choice first. */
  ranking: z.array(z.string()),
  canEdit: z.boolean(),
  /** Last program's mentor, if that program is set and paired them. */
  previous: z.object({ mentor: Person, studentOpted: z.boolean(), mentorOpted: z.boolean() }).nullable(),
  /** After publishing: the mentor they were paired with. */
  pairedWith: Person.extend({ mentorshipId: z.string().nullable() }).nullable(),
})
export type StudentRankingView = z.infer<typeof StudentRankingView>

export const SaveRanking = z.object({
  mentorIds: z
    .array(Uuid)
    .max(500, 'Rank at most 500 mentors.')
    .refine((ids) => new Set(ids).size === ids.length, 'Rank each mentor once.'),
})
export type SaveRanking = z.infer<typeof SaveRanking>

/** One side of last year's pair asks to keep it (or withdraws that). */
export const SetContinuation = z.object({ partnerId: Uuid, keep: z.boolean('Say yes or no.') })
export type SetContinuation = z.infer<typeof SetContinuation>

/** The programs a student or mentor takes part in. */
export const MyMentorPrograms = z.object({
  programs: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      status: z.enum(MENTOR_PROGRAM_STATUSES),
      pairingMethod: z.enum(PAIRING_METHODS),
      rankingDeadline: z.string().nullable(),
      as: z.enum(['student', 'mentor']),
      /** Student: mentors ranked so far. */
      ranked: z.number().nullable(),
      /** Student, after publishing: their mentor. */
      mentor: Person.extend({ mentorshipId: z.string().nullable() }).nullable(),
      /** Mentor, after publishing: their mentees. */
      mentees: z.array(Person.extend({ mentorshipId: z.string().nullable() })),
      /** Mentor: last program's mentees they may keep, and who opted. */
      keepable: z.array(z.object({ student: Person, mentorOpted: z.boolean(), studentOpted: z.boolean() })),
    }),
  ),
})
export type MyMentorPrograms = z.infer<typeof MyMentorPrograms>
