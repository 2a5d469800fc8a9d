import type { Tx } from '../client.ts'
import { academicCalendarDates, eventSeries, eventSeriesOccurrences, eventSlotBookings, eventSlots, events } from '../schema/index.ts'
import { type AcademicDate, closureOn, nearestWorkingDay } from '#server/modules/academic-calendar/domain/closures.ts'
import { describeSeries, seriesDates } from '#server/modules/events/domain/series-dates.ts'
import { addDays, fromLocal, toLocal } from '#server/modules/mentorships/domain/time-zones.ts'
import type { ClassYear, EventKind } from '#shared/enums.ts'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

const ZONE = 'America/New_York'
const HEADSHOTS_ID = '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4b01'
const INFO_SESSIONS_ID = '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4b02'
const SERIES_ID = '7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4c00'
const occurrenceId = (n: number) => `7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4c${String(n).padStart(2, '0')}`

/** The `n`th (1–4, or 5 for the last) weekday (0 Sunday … 6 Saturday) of a month, YYYY-MM-DD. */
function nth(year: number, month: number, weekday: number, n: number): string {
  if (n === 5) {
    const last = new Date(Date.UTC(year, month, 0))
    return addDays(last.toISOString().slice(0, 10), -((last.getUTCDay() - weekday + 7) % 7))
  }
  const first = new Date(Date.UTC(year, month - 1, 1))
  return addDays(first.toISOString().slice(0, 10), ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7)
}
const on = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10)

/**
 * One academic year (July to June, `start` the calendar year it begins in) as US medical
 * schools keep it: the first day, winter and spring breaks, and the federal holidays.
 */
function academicYear(start: number): AcademicDate[] {
  const end = start + 1
  const thanksgiving = nth(start, 11, 4, 4)
  return [
    { kind: 'year-start', name: `Academic year ${start}–${String(end).slice(2)} begins`, startsOn: on(start, 7, 1), endsOn: on(start, 7, 1) },
    { kind: 'holiday', name: 'Independence Day', startsOn: on(start, 7, 4), endsOn: on(start, 7, 4) },
    { kind: 'holiday', name: 'Labor Day', startsOn: nth(start, 9, 1, 1), endsOn: nth(start, 9, 1, 1) },
    { kind: 'holiday', name: 'Veterans Day', startsOn: on(start, 11, 11), endsOn: on(start, 11, 11) },
    { kind: 'holiday', name: 'Thanksgiving', startsOn: thanksgiving, endsOn: addDays(thanksgiving, 1) },
    { kind: 'break', name: 'Winter break', startsOn: on(start, 12, 19), endsOn: on(end, 1, 3) },
    { kind: 'holiday', name: 'Martin Luther King Jr. Day', startsOn: nth(end, 1, 1, 3), endsOn: nth(end, 1, 1, 3) },
    { kind: 'holiday', name: 'Presidents’ Day', startsOn: nth(end, 2, 1, 3), endsOn: nth(end, 2, 1, 3) },
    // The week that holds the second Tuesday of March, Saturday to Sunday.
    { kind: 'break', name: 'Spring break', startsOn: addDays(nth(end, 3, 2, 2), -3), endsOn: addDays(nth(end, 3, 2, 2), 5) },
    { kind: 'holiday', name: 'Memorial Day', startsOn: nth(end, 5, 1, 5), endsOn: nth(end, 5, 1, 5) },
    { kind: 'holiday', name: 'Juneteenth', startsOn: on(end, 6, 19), endsOn: on(end, 6, 19) },
  ]
}

/** The demo school's calendar: the academic year `now` falls in and the next. */
export function demoAcademicCalendar(now: Date): AcademicDate[] {
  const today = toLocal(now, ZONE).date
  const year = Number(today.slice(0, 4))
  const startYear = Number(today.slice(5, 7)) >= 7 ? year : year - 1
  return [...academicYear(startYear), ...academicYear(startYear + 1)]
}

type Slot = { startAt: Date; endAt: Date; label: string; studentId: string | null }

export type DemoEventSlots = {
  calendar: AcademicDate[]
  events: (typeof events.$inferInsert & { id: string })[]
  slots: { eventId: string; slots: Slot[] }[]
  series: { id: string; title: string; rule: string; createdById: string | null; createdAt: Date; eventIds: { id: string; occurrence: number }[] }
}

const PROGRAMS = [
  'Internal Medicine — University Hospital',
  'Pediatrics — Children’s Hospital of the Valley',
  'Emergency Medicine — County Medical Center',
  'General Surgery — University Hospital',
  'Psychiatry — Riverside Behavioral Health',
  'Family Medicine — Lakeside Community Program',
]

/**
 * The academic calendar (this academic year and the next), a monthly lunch-and-learn series
 * that skips the breaks and holidays, a headshot session in 10-minute slots and an evening of
 * residency information sessions by program, some slots already booked by students (demo
 * accounts aside, so the demo student can book one).
 */
export function generateDemoEventSlots(rows: DemoSchoolRows, now: Date): DemoEventSlots {
  const today = toLocal(now, ZONE).date
  const year = Number(today.slice(0, 4))
  const calendar = demoAcademicCalendar(now)
  const creator = rows.people.find((p) => p.email === 'advisor@demo.example.edu')?.id ?? null
  const demo = new Set(rows.people.filter((p) => DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => p.id))
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const studentsOf = (years: ClassYear[]) =>
    rows.studentProfiles
      .filter((s) => (years.length === 0 || years.includes(s.classYear)) && active.has(s.personId) && !demo.has(s.personId))
      .map((s) => s.personId)
  const createdAt = new Date(now.getTime() - 10 * MS_PER_DAY)

  const event = (
    id: string,
    title: string,
    kind: EventKind,
    description: string,
    day: string,
    time: string,
    minutes: number,
    classYears: ClassYear[],
    place: { room: string; site: string },
  ) => {
    const startAt = fromLocal(day, time, ZONE) ?? new Date(`${day}T17:00:00Z`)
    return {
      id,
      title,
      kind,
      description,
      startAt,
      endAt: new Date(startAt.getTime() + minutes * MS_PER_MINUTE),
      timeZone: ZONE,
      ...place,
      onlineLink: '',
      host: 'Office of Student Affairs',
      classYears,
      capacity: null,
      rsvpClosesAt: new Date(startAt.getTime() - 2 * MS_PER_HOUR),
      createdById: creator,
      createdAt,
      updatedAt: createdAt,
    }
  }
  // On working days, clear of the calendar's closures.
  const workingDay = (from: string) => nearestWorkingDay(calendar, from)

  const headshotsDay = workingDay(addDays(today, 9))
  const headshots = event(
    HEADSHOTS_ID,
    'Professional headshots: book a 10-minute slot',
    'headshot-session',
    'A photographer takes your ERAS photo in business dress against a plain background. Book one 10-minute slot; arrive five minutes early.',
    headshotsDay,
    '13:00',
    120,
    ['M3', 'M4'],
    { room: 'Studio B, lower level', site: 'Student Center' },
  )
  const info = event(
    INFO_SESSIONS_ID,
    'Residency information sessions by program',
    'residency-information-session',
    'Program directors and residents of six programs each hold a 20-minute session for a small group. Book the program you most want to hear from.',
    workingDay(addDays(headshotsDay, 1)),
    '17:00',
    120,
    [],
    { room: 'Rooms 2.10–2.12', site: 'Medical Education Building' },
  )
  const m4s = studentsOf(['M3', 'M4'])
  const everyone = studentsOf([])
  const headshotSlots: Slot[] = Array.from({ length: 12 }, (_, i) => ({
    startAt: new Date(headshots.startAt.getTime() + i * 10 * MS_PER_MINUTE),
    endAt: new Date(headshots.startAt.getTime() + (i + 1) * 10 * MS_PER_MINUTE),
    label: '',
    // Most of the early afternoon is taken; the later slots are free.
    studentId: i < 8 && i % 3 !== 2 ? (m4s[i * 5] ?? null) : null,
  }))
  const infoSlots: Slot[] = PROGRAMS.map((label, i) => ({
    startAt: new Date(info.startAt.getTime() + i * 20 * MS_PER_MINUTE),
    endAt: new Date(info.startAt.getTime() + (i + 1) * 20 * MS_PER_MINUTE),
    label,
    studentId: i % 2 === 0 ? (everyone[i * 11 + 3] ?? null) : null,
  }))

  // The lunch-and-learn: the second Tuesday of each month, from next month, eight times.
  const month = Number(today.slice(5, 7))
  const first = nth(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 2, 2)
  const rule = { repeat: 'monthly-weekday' as const, everyWeeks: 1, until: null, count: 8 }
  const lunches = seriesDates(first, rule)
    .map((day, i) => ({ day, occurrence: i + 1 }))
    .filter(({ day }) => !closureOn(calendar, day))
    .map(({ day, occurrence }) => ({
      occurrence,
      row: event(
        occurrenceId(occurrence),
        'Lunch and learn: a specialty a month',
        'lunch-and-learn',
        'Each month a different department brings lunch and two of its residents: what the work is like, and how students get there.',
        day,
        '12:00',
        60,
        ['M1', 'M2'],
        { room: 'Room 1.04', site: 'Medical Education Building' },
      ),
    }))

  return {
    calendar,
    events: [headshots, info, ...lunches.map((l) => l.row)],
    slots: [
      { eventId: HEADSHOTS_ID, slots: headshotSlots },
      { eventId: INFO_SESSIONS_ID, slots: infoSlots },
    ],
    series: {
      id: SERIES_ID,
      title: 'Lunch and learn: a specialty a month',
      rule: describeSeries(first, rule),
      createdById: creator,
      createdAt,
      eventIds: lunches.map((l) => ({ id: l.row.id, occurrence: l.occurrence })),
    },
  }
}

export async function insertDemoEventSlots(tx: Tx, demo: DemoEventSlots): Promise<void> {
  const updatedAt = demo.series.createdAt
  await tx.insert(academicCalendarDates).values(demo.calendar.map((d) => ({ ...d, updatedAt })))
  await tx.insert(events).values(demo.events)
  for (const { eventId, slots } of demo.slots) {
    const rows = await tx
      .insert(eventSlots)
      .values(slots.map((s) => ({ eventId, startAt: s.startAt, endAt: s.endAt, label: s.label, createdAt: updatedAt })))
      .returning({ id: eventSlots.id })
    const bookings = slots.flatMap((s, i) => {
      const slotId = rows[i]?.id
      return s.studentId && slotId
        ? [{ eventId, slotId, studentId: s.studentId, status: 'booked' as const, calendarSequence: 1, bookedAt: updatedAt, updatedAt }]
        : []
    })
    if (bookings.length > 0) await tx.insert(eventSlotBookings).values(bookings)
  }
  const { eventIds, ...series } = demo.series
  await tx.insert(eventSeries).values(series)
  if (eventIds.length > 0)
    await tx.insert(eventSeriesOccurrences).values(eventIds.map((e) => ({ eventId: e.id, seriesId: series.id, occurrence: e.occurrence })))
}
