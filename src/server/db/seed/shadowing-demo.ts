import { addDays, fromLocal } from '#server/modules/mentorships/domain/time-zones.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { Tx } from '../client.ts'
import { type opportunities, requirementRecords, requirements, shadowingBookings, shadowingSlots } from '../schema/index.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

const ZONE = 'America/New_York'

/** The days of each shadowing opportunity: days from today, local start and end, places. */
const DAYS: Readonly<Record<string, readonly { in: number; from: string; to: string; places?: number; site?: string }[]>> = {
  'Emergency department shadowing shift': [
    { in: 12, from: '14:00', to: '20:00', places: 2 },
    { in: 19, from: '14:00', to: '20:00', places: 2 },
    { in: 26, from: '08:00', to: '14:00', places: 2 },
    { in: 33, from: '14:00', to: '20:00', places: 2 },
  ],
  'Operating room day in general surgery': [
    { in: 15, from: '06:30', to: '15:00' },
    { in: 22, from: '06:30', to: '15:00' },
    { in: 29, from: '06:30', to: '15:00' },
  ],
  'Pediatric clinic morning': [
    { in: 18, from: '08:30', to: '12:30' },
    { in: 25, from: '08:30', to: '12:30' },
    { in: 32, from: '08:30', to: '12:30', site: 'Northside Pediatrics, suite 200' },
  ],
  'Night on labor and delivery': [
    { in: 5, from: '19:00', to: '23:59' },
    { in: 12, from: '19:00', to: '23:59' },
    { in: 40, from: '19:00', to: '23:59' },
  ],
}

/** Days a teaching clinic or service does not take shadowing students: 24–26 December and 31 December–1 January. */
const CLOSED_DAYS = new Set(['12-24', '12-25', '12-26', '12-31', '01-01'])

/**
 * The first weekday on or after `date` that is not a holiday closure, so a demo shadowing day
 * never lands on Christmas Eve or a Saturday, whatever day the demo is seeded. Days of one
 * opportunity are a week apart and a move is at most four days, so two never land together.
 */
export function nextShadowingDay(date: string): string {
  let day = date
  for (let i = 0; i < 14; i++) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
    if (weekday !== 0 && weekday !== 6 && !CLOSED_DAYS.has(day.slice(5))) return day
    day = addDays(day, 1)
  }
  return day
}

type OpportunityRow = typeof opportunities.$inferInsert
type DemoShadowing = {
  slots: (typeof shadowingSlots.$inferInsert)[]
  bookings: (typeof shadowingBookings.$inferInsert)[]
  requirements: (typeof requirements.$inferInsert)[]
  records: (typeof requirementRecords.$inferInsert)[]
}

const idOf = (prefix: string, n: number) => `5c1e0a7d-${prefix}-4a3b-9c2d-${String(n).padStart(12, '0')}`

/**
 * Shadowing days for the demo school's shadowing opportunities (clinic mornings, ED shifts, OR
 * days, a night on labor and delivery), two of them booked by students, and the office's
 * requirements: HIPAA training for every shadowing day (the demo student's is confirmed and
 * valid), a background check for the operating rooms, and this season's influenza vaccine for
 * labor and delivery (the demo student's expired a month ago, so that day refuses them).
 */
export function generateDemoShadowing(rows: DemoSchoolRows, now: Date, posted: readonly OpportunityRow[]): DemoShadowing {
  const today = new Date(now.getTime()).toISOString().slice(0, 10)
  const byEmail = new Map(rows.people.map((p) => [p.email, p.id]))
  const demoStudent = byEmail.get('student@demo.example.edu')
  const admin = byEmail.get('admin@demo.example.edu') ?? null
  const advisor = byEmail.get('advisor@demo.example.edu') ?? null
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const demoIds = new Set([...byEmail.entries()].filter(([email]) => email.endsWith('@demo.example.edu')).map(([, id]) => id))
  const studentsOf = (years: readonly ClassYear[]) =>
    rows.studentProfiles.filter((s) => active.has(s.personId) && !demoIds.has(s.personId) && (years.length === 0 || years.includes(s.classYear)))
  const result: DemoShadowing = { slots: [], bookings: [], requirements: [], records: [] }
  const createdAt = new Date(now.getTime() - 10 * MS_PER_DAY)
  let slotCount = 0
  let bookingCount = 0
  for (const opportunity of posted) {
    const days = DAYS[opportunity.title]
    if (!days || !opportunity.id) continue
    const firstSlot = result.slots.length
    for (const d of days) {
      const date = nextShadowingDay(addDays(today, d.in))
      const startAt = fromLocal(date, d.from, ZONE)
      const endAt = fromLocal(date, d.to, ZONE)
      if (!startAt || !endAt) continue
      result.slots.push({
        id: idOf('0003', ++slotCount),
        opportunityId: opportunity.id,
        startAt,
        endAt,
        site: d.site ?? opportunity.site ?? '',
        dressCode: opportunity.dressCode ?? '',
        whatToBring: opportunity.whatToBring ?? '',
        places: d.places ?? 1,
        createdAt,
      })
    }
    // The first day of the ED shifts and of the OR days is booked by a student of their years.
    if (opportunity.title.startsWith('Emergency') || opportunity.title.startsWith('Operating')) {
      const slot = result.slots[firstSlot]
      const student = studentsOf(opportunity.classYears ?? [])[bookingCount * 7]
      if (slot?.id && student)
        result.bookings.push({
          id: idOf('0004', ++bookingCount),
          slotId: slot.id,
          opportunityId: opportunity.id,
          studentId: student.personId,
          createdAt: new Date(now.getTime() - 3 * MS_PER_DAY),
        })
    }
  }
  const idFor = (title: string) => posted.find((o) => o.title === title)?.id ?? null
  const hipaa = idOf('0005', 1)
  const flu = idOf('0005', 2)
  const backgroundCheck = idOf('0005', 3)
  result.requirements.push(
    {
      id: hipaa,
      name: 'HIPAA training',
      description: 'The online privacy module on the compliance site (about 45 minutes), renewed every year.',
      verification: 'student',
      opportunityKind: 'shadowing',
      createdById: admin,
      createdAt,
    },
    {
      id: flu,
      name: 'Influenza vaccine',
      description: 'This season’s flu shot, required on the labor floor. Send the record to the Office of Student Affairs.',
      verification: 'office',
      opportunityId: idFor('Night on labor and delivery'),
      createdById: admin,
      createdAt,
    },
    {
      id: backgroundCheck,
      name: 'Background check',
      description: 'Required by the operating rooms; the office orders it for you.',
      verification: 'office',
      opportunityId: idFor('Operating room day in general surgery'),
      createdById: admin,
      createdAt,
    },
  )
  result.requirements = result.requirements.filter((r) => r.opportunityKind || r.opportunityId)
  if (demoStudent) {
    result.records.push(
      { requirementId: hipaa, studentId: demoStudent, completedOn: addDays(today, -120), expiresOn: addDays(today, 245), updatedAt: createdAt },
      {
        requirementId: flu,
        studentId: demoStudent,
        completedOn: addDays(today, -395),
        expiresOn: addDays(today, -30),
        verifiedById: advisor,
        verifiedAt: new Date(now.getTime() - 390 * MS_PER_DAY),
        updatedAt: new Date(now.getTime() - 390 * MS_PER_DAY),
      },
    )
  }
  // The students who booked hold their HIPAA training, as the booking demanded.
  for (const booking of result.bookings)
    result.records.push({
      requirementId: hipaa,
      studentId: booking.studentId,
      completedOn: addDays(today, -60),
      expiresOn: addDays(today, 305),
      updatedAt: createdAt,
    })
  // The office's queue: two students sent their background check for the operating rooms and wait
  // for it to be verified (one of them expires within the month, so the queue flags it).
  for (const [i, student] of studentsOf(['M3', 'M4']).slice(3, 5).entries()) {
    result.records.push({
      requirementId: backgroundCheck,
      studentId: student.personId,
      completedOn: addDays(today, -330 + i * 200),
      expiresOn: addDays(today, 20 + i * 345),
      updatedAt: new Date(now.getTime() - (4 - i) * MS_PER_DAY),
    })
  }
  return result
}

export async function insertDemoShadowing(tx: Tx, demo: DemoShadowing): Promise<void> {
  if (demo.slots.length) await tx.insert(shadowingSlots).values(demo.slots)
  if (demo.bookings.length) await tx.insert(shadowingBookings).values(demo.bookings)
  if (demo.requirements.length) await tx.insert(requirements).values(demo.requirements)
  if (demo.records.length) await tx.insert(requirementRecords).values(demo.records)
}
