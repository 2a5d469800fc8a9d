import { MS_PER_MINUTE } from '#shared/time.ts'

type Timed = { startAt: Date; endAt: Date }

/** A meeting's length in whole minutes. */
export function meetingMinutes(meeting: Timed): number {
  return Math.round((meeting.endAt.getTime() - meeting.startAt.getTime()) / MS_PER_MINUTE)
}

/** Minutes of mentoring held: confirmed meetings that have ended by `now`. */
export function heldMinutes(meetings: readonly (Timed & { status: string })[], now: Date): number {
  return meetings.filter((m) => m.status === 'confirmed' && m.endAt <= now).reduce((sum, m) => sum + meetingMinutes(m), 0)
}
