import { z } from 'zod'
import { CLASS_YEARS } from '../enums.ts'

/**
 * The advising board (decision 012): each student's typed slots, who fills each and why, the
 * empty ones flagged with suggestions; and the Office's assignment of advisors to students.
 */

/** The slots of every student's board, in the order the board shows them. */
export const ADVISING_SLOTS = ['advisory-dean', 'specialty-advisor', 'research-mentor', 'near-peer', 'resident-or-alumni'] as const
export type AdvisingSlot = (typeof ADVISING_SLOTS)[number]

export const ADVISING_SLOT_LABELS: Record<AdvisingSlot, string> = {
  'advisory-dean': 'Advisory dean',
  'specialty-advisor': 'Specialty advisor',
  'research-mentor': 'Research mentor',
  'near-peer': 'Near-peer mentor',
  'resident-or-alumni': 'Resident or alumni mentor',
}

/**
 * Slots an advisor or admin may fill by hand on the board. The advisory dean is the Office's
 * assignment of a Student Affairs advisor (`student_advisors`), made on the advisors page.
 */
export const ASSIGNABLE_SLOTS = ['specialty-advisor', 'research-mentor', 'near-peer', 'resident-or-alumni'] as const
export type AssignableSlot = (typeof ASSIGNABLE_SLOTS)[number]

/** How a holder came to fill a slot. */
export const HOLDER_SOURCES = ['office-assignment', 'board-assignment', 'mentorship'] as const
export type HolderSource = (typeof HOLDER_SOURCES)[number]

const PersonRef = z.object({ id: z.string(), name: z.string() })

export const SlotHolder = z.object({
  person: PersonRef,
  source: z.enum(HOLDER_SOURCES),
  /** When the assignment was made or the mentorship began. */
  since: z.string(),
  /** Plain words: "Active mentorship since March 2026", "Assigned by the Office". */
  why: z.string(),
  /** The board assignment behind it (so staff can remove it), if any. */
  assignmentId: z.string().nullable(),
  mentorshipId: z.string().nullable(),
  /** A board assignment the person has not yet agreed to (shown to staff only, never to the student). */
  awaitingAgreement: z.boolean(),
})
export type SlotHolder = z.infer<typeof SlotHolder>

/**
 * Someone assigned to the specialty slot for a specialty the student no longer declares: the
 * assignment recorded the specialty declared then, so the change is known to have happened since.
 */
export const FormerHolder = z.object({
  person: PersonRef,
  specialtyName: z.string(),
  /** "Assigned as your Dermatology advisor; your declared specialty is now Internal Medicine." */
  why: z.string(),
  assignmentId: z.string().nullable(),
})
export type FormerHolder = z.infer<typeof FormerHolder>

export const SlotSuggestion = z.object({
  person: PersonRef,
  /** "Faculty, Dermatology" or "Dermatology specialty advisor". */
  headline: z.string(),
  reasons: z.array(z.string()),
  /** Open mentee places, when they can be asked through the mentorship request flow. */
  openPlaces: z.number().int().nullable(),
  /** `request`: the student asks on the mentor's page; `ask-advisor`: the Office connects them. */
  action: z.enum(['request', 'ask-advisor']),
  /** The student's request to this person still waiting for an answer: shown as pending, never offered again. */
  pendingRequestId: z.string().nullable(),
})
export type SlotSuggestion = z.infer<typeof SlotSuggestion>

export const BoardSlot = z.object({
  slot: z.enum(ADVISING_SLOTS),
  label: z.string(),
  /** What the slot is for, in a sentence. */
  description: z.string(),
  holders: z.array(SlotHolder),
  former: z.array(FormerHolder),
  isEmpty: z.boolean(),
  /** False for a slot the student need not fill (the near-peer slot in the final year). */
  isRequired: z.boolean(),
  /** Why the empty slot matters and what to do; null when filled or not required. */
  flag: z.string().nullable(),
  suggestions: z.array(SlotSuggestion),
  /** Directory search parameters that list more people for this slot (e.g. `kind=near-peer`). */
  directoryQuery: z.string().nullable(),
})
export type BoardSlot = z.infer<typeof BoardSlot>

export const AdvisingBoardView = z
  .object({
    student: z.object({ id: z.string(), name: z.string(), classYear: z.enum(CLASS_YEARS).nullable() }),
    /** The first of the student's specialty interests (decision 012). */
    declaredSpecialty: z.object({ id: z.string(), name: z.string() }).nullable(),
    slots: z.array(BoardSlot),
    /** Required slots nobody fills. */
    emptySlots: z.array(z.enum(ADVISING_SLOTS)),
    /** Mentors and advisors who fill no slot: coffee chats, faculty and advisors of another specialty. */
    others: z.array(SlotHolder),
  })
  .meta({ id: 'AdvisingBoard' })
export type AdvisingBoardView = z.infer<typeof AdvisingBoardView>

// ── an advisor's students ──

export const MyStudentsQuery = z.object({
  /** Only students whose board misses this slot. */
  missing: z.enum(ADVISING_SLOTS).optional(),
  classYear: z.enum(CLASS_YEARS).optional(),
})
export type MyStudentsQuery = z.output<typeof MyStudentsQuery>

export const MyStudentRow = z.object({
  student: z.object({ id: z.string(), name: z.string(), classYear: z.enum(CLASS_YEARS).nullable() }),
  declaredSpecialtyName: z.string().nullable(),
  /** Per slot, the names filling it (empty list: the slot is empty). */
  slots: z.array(z.object({ slot: z.enum(ADVISING_SLOTS), holderNames: z.array(z.string()) })),
  emptySlots: z.array(z.enum(ADVISING_SLOTS)),
  /** Mentors and advisors outside the slots (coffee chats, other specialties). */
  otherNames: z.array(z.string()),
})
export type MyStudentRow = z.infer<typeof MyStudentRow>

export const MyStudentsResponse = z.object({
  items: z.array(MyStudentRow),
  /** Before the filter: how many of the advisor's students miss each slot. */
  missingCounts: z.record(z.enum(ADVISING_SLOTS), z.number().int()),
  total: z.number().int(),
})
export type MyStudentsResponse = z.infer<typeof MyStudentsResponse>

// ── board assignments (advisors, admins) ──

export const CreateBoardAssignment = z.object({
  studentId: z.uuid('Choose a student.'),
  slot: z.enum(ASSIGNABLE_SLOTS, 'Choose a slot from the list.'),
  personId: z.uuid('Choose a person from the list.'),
  note: z.string().trim().max(300, 'Keep the note under 300 characters.').default(''),
})
export type CreateBoardAssignment = z.output<typeof CreateBoardAssignment>

export const BoardAssignmentResult = z.object({
  assignmentId: z.string(),
  /** What happened, in a sentence for the page ("… We e-mailed Maya Robinson and Dr. Lee."). */
  message: z.string(),
  /** Who was told by e-mail. */
  emailed: z.array(z.string()),
})
export type BoardAssignmentResult = z.infer<typeof BoardAssignmentResult>

// ── agreeing to a board assignment (the person assigned) ──

/** A slot someone was asked to take on, waiting for their answer. */
export const AgreementRequest = z.object({
  assignmentId: z.string(),
  student: PersonRef,
  /** As it reads mid-sentence: "research mentor", "Dermatology advisor". */
  slotLabel: z.string(),
  /** The advisor or admin who asked; null when their account is gone. */
  askedBy: PersonRef.nullable(),
  askedAt: z.string(),
  note: z.string(),
})
export type AgreementRequest = z.infer<typeof AgreementRequest>

/** A request this advisor or admin made that still waits for the person's answer. */
export const AgreementAsked = z.object({
  assignmentId: z.string(),
  student: PersonRef,
  /** The person asked. */
  person: PersonRef,
  slotLabel: z.string(),
  askedAt: z.string(),
  /** When the person was reminded (once, a week on); null before. */
  remindedAt: z.string().nullable(),
  /** When the request lapses if still unanswered (two weeks after the reminder); null before the reminder. */
  lapsesAt: z.string().nullable(),
})
export type AgreementAsked = z.infer<typeof AgreementAsked>

export const AgreementRequestsResponse = z
  .object({
    /** Waiting for my answer, oldest first. */
    items: z.array(AgreementRequest),
    /** Asked by me, still waiting for the other person's answer, oldest first. */
    waitingOnOthers: z.array(AgreementAsked),
  })
  .meta({ id: 'AgreementRequests' })
export type AgreementRequestsResponse = z.infer<typeof AgreementRequestsResponse>

export const DeclineAgreement = z.object({
  reason: z.string().trim().max(500, 'Keep the reason under 500 characters.').default(''),
})
export type DeclineAgreement = z.output<typeof DeclineAgreement>

export const AgreementAnswer = z.object({
  /** What happened, in a sentence for the page. */
  message: z.string(),
})
export type AgreementAnswer = z.infer<typeof AgreementAnswer>

// ── advisors of students (admins) ──

export const ADVISOR_ASSIGNMENT_MAX = 500

export const AdvisorSummary = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  /** Set for specialty advisors; null for Student Affairs advisors (advisory deans). */
  advisesSpecialtyName: z.string().nullable(),
  studentCount: z.number().int(),
})
export type AdvisorSummary = z.infer<typeof AdvisorSummary>

export const AdvisorsResponse = z.object({ items: z.array(AdvisorSummary) })
export type AdvisorsResponse = z.infer<typeof AdvisorsResponse>

export const StudentAdvisorsQuery = z.object({
  classYear: z.enum(CLASS_YEARS).optional(),
  /** Only students without any assigned advisor. */
  unassigned: z.enum(['true', 'false']).optional(),
  advisorId: z.uuid('Not a valid advisor id.').optional(),
})
export type StudentAdvisorsQuery = z.output<typeof StudentAdvisorsQuery>

export const StudentAdvisorsRow = z.object({
  student: z.object({ id: z.string(), name: z.string(), email: z.string(), classYear: z.enum(CLASS_YEARS).nullable() }),
  advisors: z.array(z.object({ id: z.string(), name: z.string(), assignedAt: z.string() })),
})
export type StudentAdvisorsRow = z.infer<typeof StudentAdvisorsRow>

export const StudentAdvisorsResponse = z.object({ items: z.array(StudentAdvisorsRow), total: z.number().int() })
export type StudentAdvisorsResponse = z.infer<typeof StudentAdvisorsResponse>

export const SetStudentAdvisors = z.object({
  studentId: z.uuid('Choose a student.'),
  advisorIds: z.array(z.uuid('Not a valid advisor id.')).max(10, 'At most 10 advisors per student.'),
})
export type SetStudentAdvisors = z.output<typeof SetStudentAdvisors>

export const BulkAssignAdvisor = z.object({
  advisorId: z.uuid('Choose an advisor from the list.'),
  studentIds: z
    .array(z.uuid('Not a valid student id.'))
    .min(1, 'Choose at least one student.')
    .max(ADVISOR_ASSIGNMENT_MAX, `At most ${ADVISOR_ASSIGNMENT_MAX} students at once.`),
})
export type BulkAssignAdvisor = z.output<typeof BulkAssignAdvisor>

export const ImportAdvisorAssignments = z.object({
  /** CSV with a header row: `student_email,advisor_email`. */
  csv: z.string().min(1, 'Paste or choose a CSV file.').max(1_000_000, 'The file is too large (at most 1 MB).'),
  /** Check every row and write nothing (the default); false writes the valid rows in one transaction. */
  dryRun: z.boolean().default(true),
})
export type ImportAdvisorAssignments = z.output<typeof ImportAdvisorAssignments>

export const AssignmentRowResult = z.object({
  /** 1-based row of the file (header is row 1), or the position in the request's list. */
  row: z.number().int(),
  studentId: z.string().nullable(),
  label: z.string(),
  /** `to-assign`: a dry run's valid new row, assigned when the file is applied. */
  outcome: z.enum(['assigned', 'to-assign', 'already-assigned', 'rejected']),
  /** The CSV column at fault (`student_email`, `advisor_email`), or null for the row as a whole. */
  column: z.string().nullable().default(null),
  /** Why a row was rejected, in words the admin can act on. */
  reason: z.string().nullable(),
})
export type AssignmentRowResult = z.infer<typeof AssignmentRowResult>

export const AssignmentResultsResponse = z.object({
  /** True when nothing was written: the rows say what applying would do. */
  dryRun: z.boolean().default(false),
  /** Would be assigned on applying (dry run only). */
  toAssign: z.number().int().default(0),
  assigned: z.number().int(),
  alreadyAssigned: z.number().int(),
  rejected: z.number().int(),
  rows: z.array(AssignmentRowResult),
})
export type AssignmentResultsResponse = z.infer<typeof AssignmentResultsResponse>
