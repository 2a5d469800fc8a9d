import type { Tx } from '../client.ts'
import {
  mockInterviewBookings,
  mockInterviewCompetencies,
  mockInterviewQuestions,
  mockInterviewScores,
  mockInterviewSettings,
  mockInterviewSlots,
} from '../schema/index.ts'
import type { MockInterviewKind, MockInterviewPlace } from '#shared/enums.ts'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
import { seasonOf } from '#server/modules/mock-interviews/domain/booking-rules.ts'
import { DEMO_QUESTIONS, DEMO_RUBRIC } from './content/mock-interview-rubric.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'
import { createRandom } from './random.ts'

const ZONE = 'America/New_York'
/** The demo school's limit: three a season, so the demo student (two this season at most) can still book one. */
const DEMO_BOOKINGS_PER_SEASON = 3

type Slot = typeof mockInterviewSlots.$inferInsert & { id: string }
type Booking = typeof mockInterviewBookings.$inferInsert & { id: string }
type Score = typeof mockInterviewScores.$inferInsert

export type DemoMockInterviews = { slots: Slot[]; bookings: Booking[]; scores: Score[] }

const FEEDBACK_STRICT =
  'You have real material, but "tell me about yourself" ran close to four minutes and started with your undergraduate major. Lead with the night shift in the emergency department that made you choose the specialty, and stop at two minutes. On the difficult question (the gap in your third year) you apologised twice: say what happened, what you did, and what is different now, in three sentences. Professionalism was solid: you owned the mistake with the handover.'
const FEEDBACK_LENIENT =
  'Much tighter opening: the story of the patient with chest pain carried it and you finished in under two minutes. You listened to each question before answering. Next step: when asked why emergency medicine rather than critical care, name one concrete difference in the work, not only the pace. The answer about the gap was calm and honest; keep it that short.'

/**
 * The demo school's mock interviews: the rubric and question bank, open slots over the next
 * weeks, and a season of past mocks scored by interviewers of known severity (the demo mentor
 * lenient, an emergency-medicine faculty member strict), so the adjusted scores and the office's
 * severity table have something to show. The demo student has a mock with each of the two (one
 * last season, one a month ago) and one from yesterday with the demo mentor that is waiting for
 * its scores.
 */
export function generateDemoMockInterviews(rows: DemoSchoolRows, now: Date, seed: number): DemoMockInterviews {
  const random = createRandom(seed).fork('mock-interviews')
  const byEmail = new Map(rows.people.map((p) => [p.email, p.id]))
  const demoIds = new Set(DEMO_ACCOUNT_EMAILS.map((e) => byEmail.get(e)))
  const demoStudent = byEmail.get('student@demo.example.edu')
  const demoMentor = byEmail.get('mentor@demo.example.edu')
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const offering = rows.mentorProfiles.filter(
    (m) => m.offers.includes('mock-interviews') && active.has(m.personId) && !demoIds.has(m.personId) && m.kind !== 'near-peer',
  )
  const strict = offering.find((m) => m.specialtyId === 'emergency-medicine' && m.kind === 'faculty') ?? offering[0]
  const others = offering.filter((m) => m.personId !== strict?.personId).slice(0, 6)
  if (!demoStudent || !demoMentor || !strict) return { slots: [], bookings: [], scores: [] }

  // Severity in rubric points: the demo mentor is lenient, the emergency physician strict.
  const effects = new Map<string, number>([
    [demoMentor, 0.5],
    [strict.personId, -0.6],
    ...others.map((m, i) => [m.personId, [-0.3, -0.1, 0, 0.1, 0.2, 0.3][i] ?? 0] as const),
  ])
  const specialtyOf = (id: string) =>
    id === demoMentor ? 'internal-medicine' : (rows.mentorProfiles.find((m) => m.personId === id)?.specialtyId ?? 'internal-medicine')
  const interviewers = [...effects.keys()]
  const slots: Slot[] = []
  const bookings: Booking[] = []
  const scores: Score[] = []
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())

  function slot(interviewerId: string, startAt: Date, kind: MockInterviewKind, place: MockInterviewPlace, specialtyId = specialtyOf(interviewerId)): Slot {
    const row: Slot = {
      id: random.uuid(),
      interviewerId,
      specialtyId,
      kind,
      startAt,
      endAt: new Date(startAt.getTime() + 30 * MS_PER_MINUTE),
      timeZone: ZONE,
      place,
      room:
        place === 'in-person' ? random.pick(['Clinical Skills Center, room 3', 'Health Sciences Building 2.14', 'University Hospital, conference room B']) : '',
      onlineLink: place === 'online' ? `https://zoom.us/j/${random.between(100_000_000, 999_999_999)}` : '',
      status: 'open',
      createdAt: new Date(Math.min(startAt.getTime(), now.getTime()) - 14 * MS_PER_DAY),
    }
    slots.push(row)
    return row
  }

  function scored(s: Slot, studentId: string, levels: readonly number[], feedback: string) {
    const booking: Booking = {
      id: random.uuid(),
      slotId: s.id,
      studentId,
      status: 'booked',
      season: seasonOf(s.startAt, ZONE),
      bookedAt: new Date(s.startAt.getTime() - 7 * MS_PER_DAY),
      feedback,
      scoredAt: feedback ? new Date(s.endAt.getTime() + 2 * MS_PER_HOUR) : null,
    }
    bookings.push(booking)
    if (feedback) scores.push(...DEMO_RUBRIC.map((c, k) => ({ bookingId: booking.id, competencyId: c.id, score: levels[k] ?? 3 })))
  }

  // Open slots over the next three weeks (16:00 or 21:00 UTC: late morning or afternoon in New York).
  const kinds: MockInterviewKind[] = ['traditional', 'behavioural', 'virtual', 'mmi-station']
  interviewers.forEach((id, i) => {
    for (let k = 0; k < (id === demoMentor ? 4 : 2); k++) {
      const day = 2 + ((i * 3 + k * 4) % 19)
      const kind = kinds[(i + k) % kinds.length] ?? 'traditional'
      slot(id, new Date(today + day * MS_PER_DAY + (k % 2 ? 21 : 16) * MS_PER_HOUR), kind, kind === 'virtual' ? 'online' : 'in-person')
    }
  })

  // The demo student: strict interviewer last season, lenient a month ago, and yesterday's awaiting scores.
  const firstDemoSlot = slots.length
  scored(
    slot(strict.personId, new Date(today - 400 * MS_PER_DAY + 15 * MS_PER_HOUR), 'traditional', 'in-person', 'emergency-medicine'),
    demoStudent,
    [2, 3, 3, 2, 2],
    FEEDBACK_STRICT,
  )
  scored(
    slot(demoMentor, new Date(today - 30 * MS_PER_DAY + 15 * MS_PER_HOUR), 'behavioural', 'in-person', 'emergency-medicine'),
    demoStudent,
    [4, 4, 4, 4, 4],
    FEEDBACK_LENIENT,
  )
  scored(slot(demoMentor, new Date(today - MS_PER_DAY + 15 * MS_PER_HOUR), 'traditional', 'online', 'emergency-medicine'), demoStudent, [], '')

  const demoSlots = new Set(slots.slice(firstDemoSlot).map((s) => s.id))
  // A season of other students' mocks: true ability plus the interviewer's severity plus noise, in whole levels.
  const students = rows.studentProfiles.filter((s) => s.classYear === 'M4' && active.has(s.personId) && !demoIds.has(s.personId)).slice(0, 110)
  for (const student of students) {
    const ability = (random.next() + random.next() + random.next() - 1.5) * 0.8
    const mocks = 1 + random.int(2)
    for (let m = 0; m < mocks; m++) {
      const interviewer = random.pick(interviewers)
      const startAt = new Date(today - (3 + random.int(150)) * MS_PER_DAY + (14 + random.int(6)) * MS_PER_HOUR)
      const levels = DEMO_RUBRIC.map((_, k) => {
        const latent = 3.1 + ability + (k - 2) * 0.1 + (effects.get(interviewer) ?? 0) + (random.next() + random.next() - 1) * 0.9
        return Math.min(5, Math.max(1, Math.round(latent)))
      })
      scored(slot(interviewer, startAt, random.pick(kinds), 'in-person'), student.personId, levels, 'Scored in the demo school.')
    }
  }
  // Slots of one interviewer never overlap (as publishing refuses): drop any that would.
  const kept: Slot[] = slots.filter((s) => demoSlots.has(s.id))
  for (const s of slots.filter((s) => !demoSlots.has(s.id))) {
    const clash = kept.some((k) => k.interviewerId === s.interviewerId && k.startAt < (s.endAt as Date) && s.startAt < (k.endAt as Date))
    if (!clash) kept.push(s)
  }
  kept.sort((a, b) => a.startAt.getTime() - b.startAt.getTime())
  const keptIds = new Set(kept.map((s) => s.id))
  const keptBookings = bookings.filter((b) => keptIds.has(b.slotId))
  const bookingIds = new Set(keptBookings.map((b) => b.id))
  return { slots: kept, bookings: keptBookings, scores: scores.filter((s) => bookingIds.has(s.bookingId)) }
}

export async function insertDemoMockInterviews(tx: Tx, now: Date, data: DemoMockInterviews): Promise<void> {
  await tx.insert(mockInterviewSettings).values({ id: 1, bookingsPerSeason: DEMO_BOOKINGS_PER_SEASON, updatedAt: now })
  await tx.insert(mockInterviewCompetencies).values(DEMO_RUBRIC.map((c, position) => ({ ...c, position, active: true })))
  await tx.insert(mockInterviewQuestions).values(DEMO_QUESTIONS.map((q, i) => ({ ...q, createdAt: new Date(now.getTime() - (100 - i) * MS_PER_MINUTE) })))
  for (let i = 0; i < data.slots.length; i += 500) await tx.insert(mockInterviewSlots).values(data.slots.slice(i, i + 500))
  for (let i = 0; i < data.bookings.length; i += 500) await tx.insert(mockInterviewBookings).values(data.bookings.slice(i, i + 500))
  for (let i = 0; i < data.scores.length; i += 1000) await tx.insert(mockInterviewScores).values(data.scores.slice(i, i + 1000))
}
