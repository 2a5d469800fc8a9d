import type { MeetingView, MentorshipRequestView } from '#shared/contracts/mentorships.ts'
import { formatMoment, formatTime } from '../../components/format.ts'
import type { MeetingLocationKind, MentorshipClosureReason, MentorshipKind, MentorshipRequestStatus } from '#shared/enums.ts'

/** Short words for a list; the enums' labels are for forms. */
export const KIND_SHORT: Record<MentorshipKind, string> = {
  ongoing: 'Ongoing mentorship',
  'coffee-chat': 'Coffee chat',
}

export const REQUEST_STATUS_LABELS: Record<MentorshipRequestStatus, string> = {
  requested: 'Waiting for an answer',
  viewed: 'Seen, waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  withdrawn: 'Withdrawn',
  invalidated: 'Closed: mentor no longer available',
}

/** The words for the person who must answer: the mentor asked by a student, or a student a mentor offered to. */
const ANSWERER_STATUS_LABELS: Record<MentorshipRequestStatus, string> = {
  requested: 'Waiting for your answer',
  viewed: 'Waiting for your answer',
  accepted: 'You accepted',
  declined: 'You declined',
  expired: 'Expired without your answer',
  withdrawn: 'Withdrawn',
  invalidated: 'Closed',
}

/** A request's status in the viewer's voice: the asker reads their wait, the answerer their turn. */
export function requestStatusLabel(status: MentorshipRequestStatus, viewerAsked: boolean): string {
  return viewerAsked ? REQUEST_STATUS_LABELS[status] : ANSWERER_STATUS_LABELS[status]
}

export const CLOSURE_REASON_LABELS: Record<MentorshipClosureReason, string> = {
  'goals-met': 'We met the goals we set',
  'one-off-done': 'The one-off conversation took place',
  graduated: 'The student graduated',
  schedule: 'Our schedules do not allow it any more',
  'not-a-good-fit': 'It was not the right fit',
  other: 'Another reason',
}

export const LOCATION_LABELS: Record<MeetingLocationKind, string> = {
  'in-person': 'In person',
  video: 'Video call',
  phone: 'Phone call',
}

export const WEEKDAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const

export function isOpenRequest(request: MentorshipRequestView): boolean {
  return request.status === 'requested' || request.status === 'viewed'
}

export { browserTimeZone } from '../../components/browser-time-zone.ts'

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' })
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** A local calendar day in the viewer's zone, e.g. 2026-11-30, to group slots by. */
export function localDayKey(iso: string): string {
  return dayKeyFormat.format(new Date(iso))
}

export function formatDayHeading(iso: string): string {
  return formatMoment(iso, { weekday: 'long', month: 'long', day: 'numeric' })
}

export { formatTime }

export function formatTimeRange(startIso: string, endIso: string): string {
  return `${formatTime(startIso)} – ${formatTime(endIso)}`
}

/** A start with its day, for a button or a sentence: "Tue, Nov 3, 12:30 PM", never a bare time. */
export function formatStart(iso: string): string {
  return formatMoment(iso, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' })
}

export function formatMeetingWhen(meeting: Pick<MeetingView, 'startAt' | 'endAt'>): string {
  return `${formatStart(meeting.startAt)} – ${formatTime(meeting.endAt)}`
}

/** A date-only value (YYYY-MM-DD) written in words, without moving it across zones. */
export function formatIsoDate(value: string): string {
  const [y, m, d] = value.split('-').map(Number)
  if (!y || !m || !d) return value
  return dateOnly.format(new Date(y, m - 1, d))
}

export function groupByDay<T extends { startAt: string }>(items: readonly T[]): { key: string; heading: string; items: T[] }[] {
  const groups = new Map<string, { key: string; heading: string; items: T[] }>()
  for (const item of items) {
    const key = localDayKey(item.startAt)
    let group = groups.get(key)
    if (!group) {
      group = { key, heading: formatDayHeading(item.startAt), items: [] }
      groups.set(key, group)
    }
    group.items.push(item)
  }
  return [...groups.values()]
}

/** The next meeting still ahead, confirmed or proposed. */
export function nextMeeting(meetings: readonly MeetingView[], now = Date.now()): MeetingView | undefined {
  return meetings.filter((m) => m.status !== 'cancelled' && Date.parse(m.endAt) > now).sort((a, b) => Date.parse(a.startAt) - Date.parse(b.startAt))[0]
}

/** A `datetime-local` value (local wall time) to an instant on the wire. */
export function localInputToIso(value: string): string | null {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

export function isoToLocalInput(iso: string): string {
  const date = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}
