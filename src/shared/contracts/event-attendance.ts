import { z } from '@hono/zod-openapi'
import { CLASS_YEARS, EVENT_STATUSES } from '../enums.ts'
import { multilineText, text } from './common.ts'

/** How a student was checked in: their pass (scanned or typed), ticked on the roster, or added at the door without a place. */
export const CHECK_IN_METHODS = ['pass', 'roster', 'walk-in'] as const
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number]

/** Letters and digits of a check-in code: no 0/O, 1/I/L, so a code read aloud or typed from a phone is not mistaken. */
export const CHECK_IN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CHECK_IN_CODE_LENGTH = 6

/**
 * The code in what a scanner or a person typed: a whole check-in link (`…/check-in?code=K7P2QX`),
 * or the code itself with any spaces, dashes and case ("k7p-2qx"). Empty when nothing like a
 * code is there.
 */
export function checkInCodeFrom(input: string): string {
  const trimmed = input.trim()
  const fromLink = /[?&]code=([^&#\s]+)/i.exec(trimmed)?.[1]
  const raw = fromLink ? decodeURIComponent(fromLink) : trimmed
  const code = raw.toUpperCase().replace(/[\s-]/g, '')
  return code.length === CHECK_IN_CODE_LENGTH && [...code].every((c) => CHECK_IN_CODE_ALPHABET.includes(c)) ? code : ''
}

/** "K7P-2QX": a code as pages and e-mails write it. */
export const formatCheckInCode = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`

const StudentId = z.uuid('Not a valid student id.')

/** Check in a student with a place: by the code on their pass (or the scanned link), or by choosing them on the roster. */
export const CheckInInput = z
  .object({
    code: text(500).default('').openapi({ description: 'The code on the student’s pass, or the whole link its QR code holds.', example: 'K7P-2QX' }),
    studentId: StudentId.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.studentId) return
    if (!input.code) ctx.addIssue({ code: 'custom', path: ['code'], message: 'Type the code on the student’s pass, or choose them from the list.' })
    else if (!checkInCodeFrom(input.code)) ctx.addIssue({ code: 'custom', path: ['code'], message: 'A code is six letters and digits, such as K7P-2QX.' })
  })
export type CheckInInput = z.infer<typeof CheckInInput>

export const StudentChoice = z.object({ studentId: StudentId })
export type StudentChoice = z.infer<typeof StudentChoice>

export const WalkInSearchQuery = z.object({
  q: text(100).min(2, 'Type at least two letters of the name.'),
})

export const FeedbackInput = z.object({
  rating: z
    .number('Choose a rating from 1 to 5.')
    .int('Choose a rating from 1 to 5.')
    .min(1, 'Choose a rating from 1 to 5.')
    .max(5, 'Choose a rating from 1 to 5.'),
  comment: multilineText(2000).default(''),
})
export type FeedbackInput = z.infer<typeof FeedbackInput>

/**
 * Where one student stands at an event: `checked-in`; `expected` (a place, not yet seen);
 * `no-show` (a place, the event over and others checked in, this one not); `not-recorded` (the
 * event is over and no one was checked in at all, so a place counts as attending).
 */
export const ATTENDANCE_STATES = ['checked-in', 'expected', 'no-show', 'not-recorded'] as const
export type AttendanceState = (typeof ATTENDANCE_STATES)[number]

export const AttendanceEntry = z.object({
  studentId: z.string(),
  name: z.string(),
  email: z.string(),
  classYear: z.enum(CLASS_YEARS).nullable(),
  /** Whether they had a confirmed place (false: a walk-in). */
  hadPlace: z.boolean(),
  state: z.enum(ATTENDANCE_STATES),
  method: z.enum(CHECK_IN_METHODS).nullable(),
  checkedInAt: z.string().nullable(),
  checkedInBy: z.string().nullable(),
})
export type AttendanceEntry = z.infer<typeof AttendanceEntry>

export const FeedbackSummary = z.object({
  count: z.number().int(),
  /** The mean rating to one decimal; null with no feedback. */
  average: z.number().nullable(),
  /** How many gave 1, 2, 3, 4 and 5. */
  ratings: z.array(z.number().int()).length(5),
  /** Comments without names, newest first. */
  comments: z.array(z.object({ rating: z.number().int(), comment: z.string(), at: z.string() })),
})
export type FeedbackSummary = z.infer<typeof FeedbackSummary>

/** The host's view: who had a place, who came, who did not, walk-ins and feedback. */
export const AttendanceView = z.object({
  eventId: z.string(),
  title: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  timeZone: z.string(),
  status: z.enum(EVENT_STATUSES),
  checkInOpensAt: z.string(),
  checkInOpen: z.boolean(),
  ended: z.boolean(),
  counts: z.object({ places: z.number().int(), checkedIn: z.number().int(), walkIns: z.number().int(), noShows: z.number().int() }),
  /** Places in name order, then walk-ins. */
  roster: z.array(AttendanceEntry),
  feedback: FeedbackSummary,
})
export type AttendanceView = z.infer<typeof AttendanceView>

export const CheckInResult = z.object({ entry: AttendanceEntry, alreadyCheckedIn: z.boolean() })
export type CheckInResult = z.infer<typeof CheckInResult>

export const WalkInCandidate = z.object({
  studentId: z.string(),
  name: z.string(),
  classYear: z.enum(CLASS_YEARS).nullable(),
  /** Already on the roster (a place or checked in): check them in from the list instead. */
  onRoster: z.boolean(),
})
export const WalkInCandidates = z.object({ candidates: z.array(WalkInCandidate) })
export type WalkInCandidates = z.infer<typeof WalkInCandidates>

/** A student's own side: their pass while it is useful, whether they were checked in, and their feedback. */
export const MyAttendanceView = z.object({
  pass: z
    .object({
      code: z.string(),
      checkInUrl: z.string(),
      /** The check-in link as a QR code: an SVG data URL. */
      qrCode: z.string(),
    })
    .nullable(),
  checkedInAt: z.string().nullable(),
  attended: z.boolean(),
  feedback: z.object({
    /** Whether the student may give (or change) feedback now. */
    open: z.boolean(),
    rating: z.number().int().nullable(),
    comment: z.string(),
    updatedAt: z.string().nullable(),
  }),
})
export type MyAttendanceView = z.infer<typeof MyAttendanceView>
