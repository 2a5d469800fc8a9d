import type { Tx } from '../client.ts'
import { eventRsvps, events } from '../schema/index.ts'
import type { ClassYear, EventKind, EventRsvpStatus } from '#shared/enums.ts'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import { nearestWorkingDay } from '#server/modules/academic-calendar/domain/closures.ts'
import { demoAcademicCalendar } from './event-slots-demo.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

const ZONE = 'America/New_York'

type DemoEvent = {
  event: typeof events.$inferInsert & { id: string }
  rsvps: { studentId: string; status: EventRsvpStatus }[]
}

type Plan = {
  id: string
  title: string
  kind: EventKind
  description: string
  /** Days from now, and the local hour (New York) it starts, for how long. */
  day: number
  hour: number
  minutes: number
  room?: string
  site?: string
  onlineLink?: string
  host: string
  classYears: ClassYear[]
  capacity: number | null
  /** Students confirmed and waiting (demo accounts aside, unless `demo` says so). */
  confirmed: number
  waiting?: number
  /** The demo student's place, if any. */
  demo?: EventRsvpStatus
}

/** A wall time in New York as an instant: offset −4 h in summer time, −5 h otherwise (US rules since 2007). */
function newYork(date: Date, hour: number): Date {
  const y = date.getUTCFullYear()
  const nthSunday = (month: number, n: number) => {
    const first = new Date(Date.UTC(y, month, 1))
    return 1 + ((7 - first.getUTCDay()) % 7) + (n - 1) * 7
  }
  const dstStart = Date.UTC(y, 2, nthSunday(2, 2), 7)
  const dstEnd = Date.UTC(y, 10, nthSunday(10, 1), 6)
  const local = Date.UTC(y, date.getUTCMonth(), date.getUTCDate(), hour)
  const offset = local + 4 * MS_PER_HOUR >= dstStart && local + 4 * MS_PER_HOUR < dstEnd ? 4 : 5
  return new Date(local + offset * MS_PER_HOUR)
}

const PLANS: readonly Plan[] = [
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a01',
    title: 'Professional headshots',
    kind: 'headshot-session',
    description: 'A photographer from University Communications takes a headshot for your ERAS application and profiles. Business dress; ten minutes each.',
    day: 9,
    hour: 13,
    minutes: 180,
    room: 'Student Lounge',
    site: 'Medical Education Building',
    host: 'Office of Student Affairs',
    classYears: ['M3', 'M4'],
    capacity: 24,
    confirmed: 24,
    waiting: 3,
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a02',
    title: 'Personal statement workshop',
    kind: 'workshop',
    description: 'How program directors read a personal statement, and an hour of writing with feedback from the deans. Bring a draft, however rough.',
    day: 14,
    hour: 17,
    minutes: 90,
    room: 'Room 2.14',
    site: 'Health Sciences Learning Center',
    onlineLink: 'https://zoom.us/j/4155550142',
    host: 'Office of Student Affairs',
    classYears: ['M3', 'M4'],
    capacity: 30,
    confirmed: 27,
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a03',
    title: 'Residency information session: Internal Medicine',
    kind: 'residency-information-session',
    description: 'The program director and chief residents of our Internal Medicine residency on the program, the interview day and what they look for.',
    day: 21,
    hour: 18,
    minutes: 60,
    onlineLink: 'https://zoom.us/j/4155550177',
    host: 'Department of Medicine',
    classYears: [],
    capacity: null,
    confirmed: 41,
    demo: 'confirmed',
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a04',
    title: 'Emergency Medicine specialty panel',
    kind: 'panel',
    description: 'Three emergency physicians — academic, community and a recent graduate — on the specialty, the SLOE and the application.',
    day: 5,
    hour: 12,
    minutes: 60,
    room: 'Auditorium B',
    site: 'Medical Education Building',
    host: 'Department of Emergency Medicine',
    classYears: ['M1', 'M2', 'M3'],
    capacity: 80,
    confirmed: 52,
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a05',
    title: 'Pediatrics lunch and learn',
    kind: 'lunch-and-learn',
    description: 'Lunch with two pediatricians on a day in general pediatrics and in the NICU. Lunch is provided; tell us of dietary needs when you RSVP.',
    day: 12,
    hour: 12,
    minutes: 50,
    room: 'Room 1.02',
    site: 'Children’s Hospital',
    host: 'Department of Pediatrics',
    classYears: ['M1', 'M2'],
    capacity: 40,
    confirmed: 18,
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a06',
    title: 'Year 3 class meeting: planning the final year',
    kind: 'class-meeting',
    description: 'Away rotations, the MSPE timeline, ERAS opening and how to choose your letter writers.',
    day: 26,
    hour: 12,
    minutes: 60,
    room: 'Auditorium A',
    site: 'Medical Education Building',
    onlineLink: 'https://zoom.us/j/4155550199',
    host: 'Office of Student Affairs',
    classYears: ['M3'],
    capacity: null,
    confirmed: 64,
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a07',
    title: 'Alumni session: careers in Anesthesiology',
    kind: 'alumni-session',
    description: 'Four alumni, from private practice to critical care, on how they chose and what the work is like.',
    day: -18,
    hour: 17,
    minutes: 75,
    room: 'Room 2.14',
    site: 'Health Sciences Learning Center',
    host: 'Alumni Office',
    classYears: [],
    capacity: 60,
    confirmed: 38,
    demo: 'confirmed',
  },
  {
    id: '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a08',
    title: 'Specialty exploration fair',
    kind: 'fair',
    description: 'Tables from twenty departments and their interest groups.',
    day: -40,
    hour: 16,
    minutes: 120,
    room: 'Atrium',
    site: 'Medical Education Building',
    host: 'Office of Student Affairs',
    classYears: ['M1', 'M2'],
    capacity: null,
    confirmed: 96,
  },
]

/**
 * A handful of events for the demo school, past and upcoming, so the Events pages look alive:
 * the headshot session is full with a waitlist, the personal statement workshop has three places
 * left, and the demo student has a place at two (one already held). Students are taken from the
 * invited class years, demo accounts aside, so the demo student and near-peer can RSVP themselves.
 */
export function generateDemoEvents(rows: DemoSchoolRows, now: Date): DemoEvent[] {
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const demo = new Set(rows.people.filter((p) => DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => p.id))
  const demoStudent = rows.people.find((p) => p.email === 'student@demo.example.edu')?.id
  const creator = rows.people.find((p) => p.email === 'advisor@demo.example.edu')?.id ?? null
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  // A school holds no event on a weekend, a holiday or in a break: each day is moved to the
  // nearest working day, later for an event to come and earlier for one already held.
  const calendar = demoAcademicCalendar(now)
  const dayOf = (offset: number) => {
    const day = new Date(today.getTime() + offset * MS_PER_DAY).toISOString().slice(0, 10)
    return new Date(`${nearestWorkingDay(calendar, day, offset < 0 ? -1 : 1)}T00:00:00Z`)
  }
  return PLANS.map((plan, index) => {
    const startAt = newYork(dayOf(plan.day), plan.hour)
    const endAt = new Date(startAt.getTime() + plan.minutes * MS_PER_MINUTE)
    const createdAt = new Date(Math.min(now.getTime(), startAt.getTime()) - 21 * MS_PER_DAY)
    const invited = rows.studentProfiles
      .filter((s) => (plan.classYears.length === 0 || plan.classYears.includes(s.classYear)) && active.has(s.personId) && !demo.has(s.personId))
      // A different slice of the class for each event.
      .map((s, i, all) => all[(i + index * 7) % all.length]?.personId ?? s.personId)
    const chosen = [...new Set(invited)].slice(0, plan.confirmed + (plan.waiting ?? 0))
    const rsvps = chosen.map((studentId, i) => ({ studentId, status: (i < plan.confirmed ? 'confirmed' : 'waitlisted') as EventRsvpStatus }))
    if (plan.demo && demoStudent) rsvps.splice(Math.min(3, rsvps.length), 0, { studentId: demoStudent, status: plan.demo })
    return {
      event: {
        id: plan.id,
        title: plan.title,
        kind: plan.kind,
        description: plan.description,
        startAt,
        endAt,
        timeZone: ZONE,
        room: plan.room ?? '',
        site: plan.site ?? '',
        onlineLink: plan.onlineLink ?? '',
        host: plan.host,
        classYears: plan.classYears,
        capacity: plan.capacity,
        rsvpClosesAt: new Date(startAt.getTime() - 2 * MS_PER_HOUR),
        createdById: creator,
        createdAt,
        updatedAt: createdAt,
      },
      rsvps,
    }
  })
}

export async function insertDemoEvents(tx: Tx, list: readonly DemoEvent[]): Promise<void> {
  for (const { event, rsvps } of list) {
    await tx.insert(events).values(event)
    if (rsvps.length === 0) continue
    // Asked for in order over the days after the event was announced.
    const first = event.createdAt.getTime() + MS_PER_DAY
    await tx.insert(eventRsvps).values(
      rsvps.map((r, i) => {
        const queuedAt = new Date(first + i * 37 * MS_PER_MINUTE)
        return { eventId: event.id, studentId: r.studentId, status: r.status, queuedAt, queueNumber: i + 1, updatedAt: queuedAt }
      }),
    )
  }
}
