import type { Tx } from '../client.ts'
import { eventAttendance, eventFeedback } from '../schema/index.ts'
import type { CheckInMethod } from '#shared/contracts/event-attendance.ts'
import type { ClassYear, EventRsvpStatus } from '#shared/enums.ts'
import { MS_PER_DAY, MS_PER_MINUTE } from '#shared/time.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

type HeldEvent = {
  event: { id: string; startAt: Date; endAt: Date; classYears?: ClassYear[] | undefined; createdById?: string | null | undefined }
  rsvps: { studentId: string; status: EventRsvpStatus }[]
}

const COMMENTS = [
  'The Q&A was the best part. More time for questions next time, please.',
  'Clear and practical. I finally understand how the timeline fits together.',
  'Useful, but the room was too small for everyone who came.',
  'Hearing from recent graduates made it real. Thank you for organising it.',
  'Good overview; I would have liked handouts or the slides afterwards.',
  '',
  'Very helpful for deciding which rotations to do first.',
  '',
]

/**
 * Attendance and feedback at the demo events already held: most students with a place checked
 * in by the advisor who posted the event (some by pass, some from the roster), a few no-shows,
 * two walk-ins, and ratings from about half of those who came, so the host's view looks lived
 * in. The demo student is checked in at their past event without feedback, to give it themselves.
 * Deterministic: the same school, the same rows.
 */
export function generateDemoAttendance(rows: DemoSchoolRows, held: readonly HeldEvent[], now: Date) {
  const demo = new Set(rows.people.filter((p) => DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => p.id))
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const attendance: (typeof eventAttendance.$inferInsert)[] = []
  const feedback: (typeof eventFeedback.$inferInsert)[] = []
  for (const { event, rsvps } of held) {
    if (event.endAt.getTime() > now.getTime() - MS_PER_DAY) continue
    const confirmed = rsvps.filter((r) => r.status === 'confirmed').map((r) => r.studentId)
    // One in seven with a place stays away (never the demo student).
    const came = confirmed.filter((id, i) => demo.has(id) || i % 7 !== 5)
    const taken = new Set(rsvps.map((r) => r.studentId))
    const years = event.classYears ?? []
    const walkIns = rows.studentProfiles
      .filter((s) => (years.length === 0 || years.includes(s.classYear)) && active.has(s.personId) && !demo.has(s.personId) && !taken.has(s.personId))
      .slice(-2)
      .map((s) => s.personId)
    const all: [string, CheckInMethod][] = [
      ...came.map((id, i): [string, CheckInMethod] => [id, i % 4 === 3 ? 'roster' : 'pass']),
      ...walkIns.map((id): [string, CheckInMethod] => [id, 'walk-in']),
    ]
    all.forEach(([studentId, method], i) => {
      // Arriving from ten minutes before the start to a quarter of an hour after.
      const checkedInAt = new Date(event.startAt.getTime() + (((i * 7) % 26) - 10) * MS_PER_MINUTE)
      attendance.push({ eventId: event.id, studentId, method, checkedInAt, checkedInById: event.createdById ?? null })
      if (demo.has(studentId) || i % 2 === 1) return
      const rating = [5, 4, 4, 3, 5, 4, 2, 5][i % 8] ?? 4
      const at = new Date(event.endAt.getTime() + (1 + (i % 30)) * 60 * MS_PER_MINUTE)
      feedback.push({ eventId: event.id, studentId, rating, comment: COMMENTS[(i / 2) % COMMENTS.length] ?? '', createdAt: at, updatedAt: at })
    })
  }
  return { attendance, feedback }
}

export async function insertDemoAttendance(tx: Tx, rows: ReturnType<typeof generateDemoAttendance>): Promise<void> {
  if (rows.attendance.length > 0) await tx.insert(eventAttendance).values(rows.attendance)
  if (rows.feedback.length > 0) await tx.insert(eventFeedback).values(rows.feedback)
}
