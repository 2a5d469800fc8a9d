import { z } from 'zod'
import {
  DECLINE_REASONS,
  MEETING_LOCATION_KINDS,
  MEETING_STATUSES,
  MENTOR_OFFERINGS,
  MENTORSHIP_CLOSURE_REASONS,
  MENTORSHIP_KINDS,
  MENTORSHIP_REQUEST_STATUSES,
  MENTORSHIP_STATUSES,
} from '../enums.ts'
import { instant, IsoDate, multilineText, requiredMultilineText, requiredText, text, Uuid } from './common.ts'

/** Mentorships: requests, the mentorship itself, meetings and availability (decision 010). */

const Instant = instant('2026-11-30T14:00:00Z')
const Person = z.object({ id: z.string(), name: z.string() })

export const HelpWanted = z.array(z.enum(MENTOR_OFFERINGS, 'Choose from the list of kinds of help.')).max(MENTOR_OFFERINGS.length)

/** A student asks a mentor. */
export const CreateMentorshipRequest = z.object({
  mentorId: Uuid,
  kind: z.enum(MENTORSHIP_KINDS, 'Choose an ongoing mentorship or a one-off conversation.'),
  message: requiredMultilineText(2000),
  goals: multilineText(2000).default(''),
  helpWanted: HelpWanted.min(1, 'Choose at least one kind of help.'),
})
export type CreateMentorshipRequest = z.infer<typeof CreateMentorshipRequest>

/** A mentor offers to mentor a student. */
export const CreateMentorshipOffer = z.object({
  studentId: Uuid,
  kind: z.enum(MENTORSHIP_KINDS, 'Choose an ongoing mentorship or a one-off conversation.'),
  message: requiredMultilineText(2000),
  helpWanted: HelpWanted.default([]),
})
export type CreateMentorshipOffer = z.infer<typeof CreateMentorshipOffer>

export const DeclineMentorshipRequest = z.object({
  reason: z.enum(DECLINE_REASONS, 'Choose a reason from the list.'),
  note: multilineText(1000).default(''),
})
export type DeclineMentorshipRequest = z.infer<typeof DeclineMentorshipRequest>

export const MentorshipRequestView = z.object({
  id: z.string(),
  student: Person,
  mentor: Person,
  initiatedBy: z.enum(['student', 'mentor']),
  kind: z.enum(MENTORSHIP_KINDS),
  message: z.string(),
  goals: z.string(),
  helpWanted: z.array(z.enum(MENTOR_OFFERINGS)),
  status: z.enum(MENTORSHIP_REQUEST_STATUSES),
  statusChangedAt: z.string(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  createdAt: z.string(),
  viewedAt: z.string().nullable(),
  expiresAt: z.string(),
  mentorshipId: z.string().nullable(),
})
export type MentorshipRequestView = z.infer<typeof MentorshipRequestView>

export const MyMentorshipRequestsResponse = z.object({
  sent: z.array(MentorshipRequestView),
  received: z.array(MentorshipRequestView),
  openSent: z.number().int(),
  maxOpenRequests: z.number().int(),
})
export type MyMentorshipRequestsResponse = z.infer<typeof MyMentorshipRequestsResponse>

export const MentorshipSettingsView = z.object({
  maxOpenRequests: z.number().int(),
  requestExpiryDays: z.number().int(),
  requestReminderDay: z.number().int(),
  pauseAfterExpiries: z.number().int(),
  pauseWindowDays: z.number().int(),
  quietWeeks: z.number().int(),
})
export type MentorshipSettingsView = z.infer<typeof MentorshipSettingsView>

const setting = (min: number, max: number) => z.number().int('Use a whole number.').min(min, `At least ${min}.`).max(max, `At most ${max}.`).optional()
export const UpdateMentorshipSettings = z
  .object({
    maxOpenRequests: setting(1, 50),
    requestExpiryDays: setting(2, 90),
    requestReminderDay: setting(1, 89),
    pauseAfterExpiries: setting(1, 50),
    pauseWindowDays: setting(7, 365),
    quietWeeks: setting(1, 52),
  })
  .strict()
export type UpdateMentorshipSettings = z.infer<typeof UpdateMentorshipSettings>

export const GoalView = z.object({ id: z.string(), title: z.string(), progress: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
export const ActionItemView = z.object({
  id: z.string(),
  title: z.string(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
})
export const NoteView = z.object({ id: z.string(), author: Person, visibility: z.enum(['shared', 'private']), body: z.string(), createdAt: z.string() })
export type NoteView = z.infer<typeof NoteView>

export const MeetingView = z.object({
  id: z.string(),
  mentorshipId: z.string(),
  status: z.enum(MEETING_STATUSES),
  startAt: z.string(),
  endAt: z.string(),
  locationKind: z.enum(MEETING_LOCATION_KINDS),
  locationDetail: z.string(),
  proposedBy: z.string(),
  sequence: z.number().int(),
  /** Whether the caller already sent feedback on this meeting. */
  feedbackGiven: z.boolean(),
})
export type MeetingView = z.infer<typeof MeetingView>

export const MentorshipView = z.object({
  id: z.string(),
  student: Person,
  mentor: Person,
  kind: z.enum(MENTORSHIP_KINDS),
  status: z.enum(MENTORSHIP_STATUSES),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  closureReason: z.enum(MENTORSHIP_CLOSURE_REASONS).nullable(),
  thankYouNote: z.string().nullable(),
  goals: z.array(GoalView),
  actionItems: z.array(ActionItemView),
  /** Shared notes, and the caller's own private notes; never anyone else's private notes. */
  notes: z.array(NoteView),
  meetings: z.array(MeetingView),
  mentoringMinutes: z.number().int(),
})
export type MentorshipView = z.infer<typeof MentorshipView>

export const MentorshipSummary = z.object({
  id: z.string(),
  student: Person,
  mentor: Person,
  kind: z.enum(MENTORSHIP_KINDS),
  status: z.enum(MENTORSHIP_STATUSES),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
})
export const MyMentorshipsResponse = z.object({ asStudent: z.array(MentorshipSummary), asMentor: z.array(MentorshipSummary) })
export type MyMentorshipsResponse = z.infer<typeof MyMentorshipsResponse>

export const CreateGoal = z.object({ title: requiredText(300) })
export const UpdateGoal = z.object({
  title: requiredText(300).optional(),
  progress: z.number().int('Use a whole number.').min(0, 'At least 0.').max(100, 'At most 100.').optional(),
})
export const CreateActionItem = z.object({ title: requiredText(300), dueDate: IsoDate.nullable().default(null) })
export const UpdateActionItem = z.object({ title: requiredText(300).optional(), dueDate: IsoDate.nullable().optional(), done: z.boolean().optional() })
export const CreateNote = z.object({ body: requiredMultilineText(5000), visibility: z.enum(['shared', 'private'], 'Choose shared or private.') })
export type CreateNote = z.infer<typeof CreateNote>
export const PrivateNotesAccess = z.object({ reason: requiredMultilineText(500).min(10, 'Say why, in at least 10 characters.') })
export const PrivateNotesAccessResponse = z.object({ notes: z.array(NoteView) })

export const CloseMentorship = z.object({
  reason: z.enum(MENTORSHIP_CLOSURE_REASONS, 'Choose a reason from the list.'),
  thankYouNote: multilineText(2000).default(''),
})
export type CloseMentorship = z.infer<typeof CloseMentorship>

export const QuietMentorshipsResponse = z.object({
  items: z.array(MentorshipSummary.extend({ quietSince: z.string(), lastMeetingAt: z.string().nullable(), weeksQuiet: z.number().int() })),
})

/**
 * What is wrong with a meeting place that holds a link, or null. Free words ("Clinic B", "Teams,
 * link by e-mail") pass; a link must be a single https address with no spaces, because calendars
 * take it as the event's URL ("https://zoom.us/j/123 (passcode 555)" is not one).
 */
export function locationLinkProblem(detail: string): string | null {
  if (!/:\/\/|^www\./i.test(detail)) return null
  if (/\s/.test(detail)) return 'Give the video link alone, without spaces (such as https://zoom.us/j/123); put a passcode inside the link or in a shared note.'
  if (!/^https:\/\//i.test(detail) || !URL.canParse(detail)) return 'Use a full link that starts with https://.'
  return null
}
const LocationDetail = text(300).superRefine((detail, ctx) => {
  const problem = locationLinkProblem(detail)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time such as 09:30.')
export const AvailabilitySlot = z.object({
  weekday: z.number().int().min(1, 'Use 1 (Monday) to 7 (Sunday).').max(7, 'Use 1 (Monday) to 7 (Sunday).'),
  startTime: LocalTime,
  durationMinutes: z.number().int().min(15, 'At least 15 minutes.').max(240, 'At most 4 hours.'),
  locationKind: z.enum(MEETING_LOCATION_KINDS, 'Choose in person, video or phone.'),
  locationDetail: LocationDetail.default(''),
})
export const AvailabilityView = z.object({
  timeZone: z.string(),
  /** The zone of where the mentor works (their profile's state), to start in before they save. */
  defaultTimeZone: z.string().nullable(),
  slots: z.array(AvailabilitySlot),
  exceptions: z.array(z.string()),
})
export type AvailabilityView = z.infer<typeof AvailabilityView>
export const UpdateAvailability = z.object({
  timeZone: requiredText(64),
  slots: z.array(AvailabilitySlot).max(50, 'At most 50 weekly slots.'),
  exceptions: z.array(IsoDate).max(366, 'At most 366 dates.').default([]),
})
export type UpdateAvailability = z.infer<typeof UpdateAvailability>

export const FreeSlotsQuery = z.object({ from: Instant.optional(), days: z.coerce.number().int().min(1).max(60).default(14) })
export const FreeSlotsResponse = z.object({
  timeZone: z.string(),
  slots: z.array(z.object({ startAt: z.string(), endAt: z.string(), locationKind: z.enum(MEETING_LOCATION_KINDS), locationDetail: z.string() })),
})

/** `book` takes a free slot of the mentor's availability; `propose` suggests any time for the other side to confirm. */
export const CreateMeeting = z.object({
  mode: z.enum(['book', 'propose'], 'Choose to book a free slot or propose a time.'),
  startAt: Instant,
  durationMinutes: z.number().int().min(15, 'At least 15 minutes.').max(240, 'At most 4 hours.').optional(),
  locationKind: z.enum(MEETING_LOCATION_KINDS, 'Choose in person, video or phone.').optional(),
  locationDetail: LocationDetail.optional(),
})
export type CreateMeeting = z.infer<typeof CreateMeeting>
export const RescheduleMeeting = z.object({
  startAt: Instant,
  durationMinutes: z.number().int().min(15, 'At least 15 minutes.').max(240, 'At most 4 hours.').optional(),
  locationKind: z.enum(MEETING_LOCATION_KINDS, 'Choose in person, video or phone.').optional(),
  locationDetail: LocationDetail.optional(),
})
export type RescheduleMeeting = z.infer<typeof RescheduleMeeting>
export const MeetingFeedback = z.object({
  rating: z.number().int().min(1, 'From 1 to 5.').max(5, 'From 1 to 5.'),
  comment: multilineText(1000).default(''),
})
export type MeetingFeedback = z.infer<typeof MeetingFeedback>

export const CalendarFeedResponse = z.object({ url: z.string() })
