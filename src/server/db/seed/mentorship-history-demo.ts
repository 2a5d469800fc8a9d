/**
 * Months of mentorship requests for the demo school, so that "usually answers within 2 days",
 * the share answered and "many students asking" show real figures: students' requests over the
 * past nine months, accepted (a mentorship, most since closed) or declined after a mentor's usual
 * time, some left to expire, and a few open now. Pure (no database, no clock): the same rows and
 * `now` always give the same history.
 *
 * The demo accounts stay as they are for the walk-throughs: the demo student and near-peer have
 * sent nothing, and the demo mentor has only answered, closed history (nothing waiting, no
 * current mentee), so their pages start clean.
 */
import type { MentorOffering } from '#shared/enums.ts'
import type { Tx } from '../client.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { mentorshipRequests, mentorships } from '../schema/index.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'
import { createRandom, type Random } from './random.ts'

/** The app's default (mentorships settings): an unanswered request expires after this. */
const EXPIRY_DAYS = 14
/** History reaches back this far. */
const HISTORY_DAYS = 270
/** A student keeps at most this many requests open (the default limit is 5). */
const OPEN_PER_STUDENT = 2

type RequestRow = typeof mentorshipRequests.$inferInsert & { id: string }
type MentorshipRow = typeof mentorships.$inferInsert & { id: string }

export type DemoMentorshipHistory = { requests: RequestRow[]; mentorships: MentorshipRow[] }

/** How a mentor answers: their usual hours to an answer and how often they let a request expire. */
type Temper = { medianHours: number; expireShare: number; acceptShare: number }

const TEMPERS: readonly (readonly [Temper, number])[] = [
  [{ medianHours: 8, expireShare: 0.02, acceptShare: 0.7 }, 35], // answers the same day
  [{ medianHours: 30, expireShare: 0.05, acceptShare: 0.65 }, 35], // within a day or two
  [{ medianHours: 80, expireShare: 0.12, acceptShare: 0.55 }, 20], // within the week
  [{ medianHours: 150, expireShare: 0.45, acceptShare: 0.5 }, 10], // slow, often silent
]

const MESSAGES: readonly string[] = [
  'Hello! I read your profile and would love to learn more about your path. Would you have time to meet this term?',
  'I am exploring this specialty and would be grateful for your advice on how to get involved.',
  'Would you be open to mentoring me? I am especially interested in your research.',
  'I am preparing my application and would appreciate your perspective on my plans.',
  'Could we meet for a short chat about your work and how you chose your field?',
  'A classmate recommended you. I would love guidance on research and on choosing electives.',
]

const DECLINE_REASONS = [
  ['at-capacity', 5],
  ['schedule', 3],
  ['not-my-area', 2],
] as const

/** A time to answer around the mentor's usual one: log-normal, as response times are. */
function answerHours(random: Random, temper: Temper): number {
  // Box–Muller from two uniforms; spread of about ×/÷ 1.8.
  const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next())
  return Math.min(EXPIRY_DAYS * 24 - 1, Math.max(0.5, temper.medianHours * Math.exp(0.6 * z)))
}

export function generateDemoMentorshipHistory(rows: DemoSchoolRows, now: Date, seed = 1): DemoMentorshipHistory {
  const random = createRandom(seed).fork('mentorship-history')
  const demoIds = new Map(rows.people.filter((p) => DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => [p.email, p.id]))
  const demoMentor = demoIds.get('mentor@demo.example.edu')
  const demo = new Set(demoIds.values())
  const listed = new Set(rows.people.filter((p) => p.status === 'active' && !p.directoryHold).map((p) => p.id))
  const studentRows = rows.studentProfiles.filter((s) => listed.has(s.personId) && !demo.has(s.personId))
  const students = studentRows.map((s) => s.personId)
  // Near-peers are asked by students a year or two behind them.
  const juniors = studentRows.filter((s) => s.classYear === 'M1' || s.classYear === 'M2').map((s) => s.personId)
  const mentors = rows.mentorProfiles.filter((m) => listed.has(m.personId))

  const requests: RequestRow[] = []
  const mentorshipRows: MentorshipRow[] = []
  const openBy = new Map<string, number>()
  const openPairs = new Set<string>()
  const t = now.getTime()

  for (const mentor of mentors) {
    const isDemoMentor = mentor.personId === demoMentor
    const temper = isDemoMentor ? (TEMPERS[0]?.[0] as Temper) : random.weighted(TEMPERS)
    // About three requests a student a year, spread over every mentor: faculty and near-peers
    // hear from more students; one mentor in fifteen joined lately and has only a recent request.
    const newcomer = !isDemoMentor && random.chance(1 / 15)
    const most = mentor.kind === 'faculty' || mentor.kind === 'near-peer' ? 3 : 2
    const count = isDemoMentor ? 8 : newcomer ? 1 : random.between(1, most)
    const span = newcomer ? 12 : HISTORY_DAYS
    let active = 0
    const asked = new Set<string>()
    const dates = Array.from({ length: count }, () => t - (0.3 + random.next() * (span - 0.3)) * MS_PER_DAY).sort((a, b) => a - b)
    for (const createdAt of dates) {
      const studentId = random.pick(mentor.kind === 'near-peer' ? juniors : students)
      if (studentId === mentor.personId || asked.has(studentId)) continue
      asked.add(studentId)
      const id = random.uuid()
      const kind = random.chance(0.25) ? 'coffee-chat' : 'ongoing'
      const helpWanted = random.sample(mentor.offers, Math.min(mentor.offers.length, random.between(1, 2))) as MentorOffering[]
      const created = new Date(createdAt)
      const expiresAt = new Date(createdAt + EXPIRY_DAYS * MS_PER_DAY)
      const hours = answerHours(random, temper)
      const common = {
        id,
        studentId,
        mentorId: mentor.personId,
        initiatedBy: 'student' as const,
        kind,
        message: random.pick(MESSAGES),
        goals: '',
        helpWanted,
        createdAt: created,
        expiresAt,
      } as const
      const answeredAt = createdAt + hours * MS_PER_HOUR
      const pair = `${studentId}:${mentor.personId}`
      // Not answered yet: open now, unless it has already run out (then expired).
      const silent = random.chance(isDemoMentor ? 0 : temper.expireShare)
      if (answeredAt > t || silent) {
        if (expiresAt.getTime() <= t) {
          requests.push({
            ...common,
            status: 'expired',
            statusChangedAt: expiresAt,
            viewedAt: random.chance(0.5) ? new Date(createdAt + Math.min(hours, 48) * MS_PER_HOUR) : null,
          })
          continue
        }
        if (isDemoMentor || (openBy.get(studentId) ?? 0) >= OPEN_PER_STUDENT || openPairs.has(pair)) continue
        openBy.set(studentId, (openBy.get(studentId) ?? 0) + 1)
        openPairs.add(pair)
        const viewed = random.chance(0.5) && createdAt + (hours / 2) * MS_PER_HOUR < t
        requests.push({
          ...common,
          status: viewed ? 'viewed' : 'requested',
          statusChangedAt: viewed ? new Date(createdAt + (hours / 2) * MS_PER_HOUR) : created,
          viewedAt: viewed ? new Date(createdAt + (hours / 2) * MS_PER_HOUR) : null,
        })
        continue
      }
      const answered = new Date(answeredAt)
      const viewedAt = new Date(createdAt + hours * 0.6 * MS_PER_HOUR)
      const full = active >= Math.max(1, mentor.capacity - 1)
      if (full || !random.chance(temper.acceptShare)) {
        requests.push({
          ...common,
          status: 'declined',
          statusChangedAt: answered,
          viewedAt,
          declineReason: full ? 'at-capacity' : random.weighted(DECLINE_REASONS),
        })
        continue
      }
      requests.push({ ...common, status: 'accepted', statusChangedAt: answered, viewedAt })
      // Coffee chats end after the chat; ongoing mentorships run a few months. Recent ones are
      // still active (never more than the mentor's capacity, less one place for new requests).
      const lasts = (kind === 'coffee-chat' ? random.between(7, 21) : random.between(60, 200)) * MS_PER_DAY
      const closedAt = answeredAt + lasts
      const stillActive = closedAt > t && !isDemoMentor
      if (stillActive) active++
      mentorshipRows.push({
        id: random.uuid(),
        requestId: id,
        studentId,
        mentorId: mentor.personId,
        kind,
        status: stillActive ? 'active' : 'closed',
        startedAt: answered,
        closedAt: stillActive ? null : new Date(Math.min(closedAt, t - MS_PER_HOUR)),
        closedBy: stillActive ? null : mentor.personId,
        closureReason: stillActive ? null : kind === 'coffee-chat' ? 'one-off-done' : random.pick(['goals-met', 'goals-met', 'schedule'] as const),
      })
    }
  }
  return { requests, mentorships: mentorshipRows }
}

export async function insertDemoMentorshipHistory(tx: Tx, history: DemoMentorshipHistory): Promise<void> {
  // Batches keep each statement's parameters well under PostgreSQL's limit.
  for (let i = 0; i < history.requests.length; i += 1_000) await tx.insert(mentorshipRequests).values(history.requests.slice(i, i + 1_000))
  for (let i = 0; i < history.mentorships.length; i += 1_000) await tx.insert(mentorships).values(history.mentorships.slice(i, i + 1_000))
}
