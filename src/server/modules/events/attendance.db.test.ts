import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, eventAttendance, eventFeedback } from '#server/db/schema/index.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * Check-in at the door, attendance and feedback (decision 035), on PGlite and PostgreSQL. Sessions
 * idle out after an hour and these tests move the clock, so each call signs in afresh.
 */

type Person = { id: string; name: string; email: string }
let t: TestApp
let advisor: Person
let mentor: Person
const START = new Date('2026-10-05T14:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: START })
  advisor = await t.insertAccount(['advisor'], { name: 'Avery Door' })
  mentor = await t.insertAccount(['mentor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function call(person: Person, method: string, path: string, body?: unknown) {
  return t.request(method, path, { cookie: await t.sessionCookie(person.id), ...(body === undefined ? {} : { body }) })
}

const student = (classYear: ClassYear = 'M2', name?: string) => t.insertAccount(['student'], { student: { classYear }, ...(name ? { name } : {}) })

/** An event for M2 starting in ten minutes and lasting an hour, with these students' places taken now. */
async function eventWithPlaces(students: Person[], title = 'Surgery lunch and learn'): Promise<string> {
  const start = new Date(t.clock.now().getTime() + 10 * MS_PER_MINUTE)
  const created = await call(advisor, 'POST', '/api/events', {
    title,
    kind: 'lunch-and-learn',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
    room: 'Room 1.02',
    host: 'Department of Surgery',
    classYears: ['M2'],
    rsvpClosesAt: start.toISOString(),
  })
  expect(created.status, created.text).toBe(201)
  const id = created.json.id as string
  for (const s of students) expect((await call(s, 'POST', `/api/events/${id}/rsvp`)).status).toBe(200)
  return id
}

const attendanceRows = (eventId: string) => t.db.select().from(eventAttendance).where(eq(eventAttendance.eventId, eventId))

describe('check-in at the door', () => {
  it('checks a student in by the code on their pass, or the link its QR code holds, once; recorded with who and when, and audited', async () => {
    t.clock.set(START)
    const [ana, ben] = [await student(), await student()]
    const eventId = await eventWithPlaces([ana, ben])
    const mine = await call(ana, 'GET', `/api/events/${eventId}/my-attendance`)
    expect(mine.status, mine.text).toBe(200)
    expect(mine.json.pass.code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/)
    expect(mine.json.pass.checkInUrl).toBe(
      `${new URL(mine.json.pass.checkInUrl).origin}/events/${eventId}/check-in?code=${mine.json.pass.code.replace('-', '')}`,
    )
    expect(mine.json.pass.qrCode).toMatch(/^data:image\/svg\+xml;base64,/)
    expect(Buffer.from(mine.json.pass.qrCode.split(',')[1], 'base64').toString('utf8')).toContain('<svg')
    // The same pass each time it is shown.
    expect((await call(ana, 'GET', `/api/events/${eventId}/my-attendance`)).json.pass.code).toBe(mine.json.pass.code)

    t.clock.advance(5 * MS_PER_MINUTE)
    const byLink = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { code: mine.json.pass.checkInUrl })
    expect(byLink.status, byLink.text).toBe(200)
    expect(byLink.json).toMatchObject({ alreadyCheckedIn: false, entry: { studentId: ana.id, state: 'checked-in', method: 'pass', checkedInBy: 'Avery Door' } })
    const again = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { code: mine.json.pass.code.toLowerCase() })
    expect(again.json.alreadyCheckedIn).toBe(true)
    const rows = await attendanceRows(eventId)
    expect(rows).toMatchObject([{ studentId: ana.id, checkedInById: advisor.id, method: 'pass', checkedInAt: t.clock.now() }])
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'event.check-in'), eq(auditLog.objectId, rows[0]!.id)))
    expect(audited).toHaveLength(1)

    // Checked in: the pass gives way to the time of check-in.
    const after = await call(ana, 'GET', `/api/events/${eventId}/my-attendance`)
    expect(after.json).toMatchObject({ pass: null, checkedInAt: t.clock.now().toISOString(), attended: true })
  })

  it('ticks a student in from the roster, adds a walk-in found by name, and takes a mistaken check-in back', async () => {
    t.clock.set(START)
    const cara = await student('M2', 'Cara Quill')
    const walker = await student('M4', 'Wendell Walkin')
    const eventId = await eventWithPlaces([cara])
    t.clock.advance(15 * MS_PER_MINUTE)
    const ticked = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { studentId: cara.id })
    expect(ticked.json.entry).toMatchObject({ state: 'checked-in', method: 'roster', hadPlace: true })

    const found = await call(advisor, 'GET', `/api/events/${eventId}/walk-ins/search?q=wendell`)
    expect(found.status, found.text).toBe(200)
    expect(found.json.candidates).toEqual([{ studentId: walker.id, name: 'Wendell Walkin', classYear: 'M4', onRoster: false }])
    // Without a place, a student is added as a walk-in, not ticked.
    const refused = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { studentId: walker.id })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.studentId).toBe('Wendell Walkin has no place at this event: add them as a walk-in if they are here.')
    const walkIn = await call(advisor, 'POST', `/api/events/${eventId}/walk-ins`, { studentId: walker.id })
    expect(walkIn.status, walkIn.text).toBe(200)
    expect(walkIn.json.entry).toMatchObject({ studentId: walker.id, hadPlace: false, method: 'walk-in', state: 'checked-in' })

    const view = await call(advisor, 'GET', `/api/events/${eventId}/attendance`)
    expect(view.json.counts).toEqual({ places: 1, checkedIn: 2, walkIns: 1, noShows: 0 })
    expect(view.json.roster.map((r: { name: string }) => r.name)).toEqual(['Cara Quill', 'Wendell Walkin'])

    const undone = await call(advisor, 'POST', `/api/events/${eventId}/check-ins/undo`, { studentId: cara.id })
    expect(undone.status, undone.text).toBe(200)
    expect(undone.json.roster.find((r: { studentId: string }) => r.studentId === cara.id).state).toBe('expected')
    expect(await t.db.select().from(auditLog).where(eq(auditLog.action, 'event.check-in.undo'))).toHaveLength(1)
  })

  it('refuses bad input by field, a mentor as a walk-in, and check-in before it opens; nothing is written', async () => {
    t.clock.set(START)
    const dana = await student()
    const eventId = await eventWithPlaces([dana])
    // Ten minutes before the start is within the hour before: open. Two hours before is not.
    const later = await eventWithPlaces([], 'Later session')
    t.clock.advance(-2 * MS_PER_HOUR)
    const early = await call(advisor, 'POST', `/api/events/${later}/check-ins`, { studentId: dana.id })
    expect(early.status).toBe(409)
    expect(early.json.error.message).toMatch(/^Check-in opens an hour before the start/)
    t.clock.set(START)
    const cases: [unknown, string][] = [
      [{}, 'code'],
      [{ code: '' }, 'code'],
      [{ code: 'hello' }, 'code'],
      [{ code: 'ABC-DEF' }, 'code'],
      [{ studentId: 'not-an-id' }, 'studentId'],
    ]
    for (const [body, field] of cases) {
      const response = await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, body)
      expect(response.status, JSON.stringify(body)).toBe(400)
      expect(Object.keys(response.json.error.fields), JSON.stringify(body)).toEqual([field])
    }
    const notStudent = await call(advisor, 'POST', `/api/events/${eventId}/walk-ins`, { studentId: mentor.id })
    expect(notStudent.status).toBe(400)
    expect(notStudent.json.error.fields).toEqual({ studentId: 'Not a current student of the school.' })
    const shortSearch = await call(advisor, 'GET', `/api/events/${eventId}/walk-ins/search?q=a`)
    expect(shortSearch.status).toBe(400)
    expect(Object.keys(shortSearch.json.error.fields)).toEqual(['q'])
    expect(await attendanceRows(eventId)).toEqual([])
  })

  it('keeps check-in and the list to staff: a student, even one with a place, gets 403', async () => {
    t.clock.set(START)
    const eve = await student()
    const eventId = await eventWithPlaces([eve])
    const code = (await call(eve, 'GET', `/api/events/${eventId}/my-attendance`)).json.pass.code
    for (const [method, path, body] of [
      ['POST', `/api/events/${eventId}/check-ins`, { code }],
      ['POST', `/api/events/${eventId}/walk-ins`, { studentId: eve.id }],
      ['GET', `/api/events/${eventId}/attendance`, undefined],
      ['GET', `/api/events/${eventId}/attendance.csv`, undefined],
      ['GET', `/api/events/${eventId}/walk-ins/search?q=eve`, undefined],
    ] as const) {
      const response = await call(eve, method, path, body)
      expect(response.status, path).toBe(403)
      expect(response.text).not.toContain(eve.email)
    }
    expect(await attendanceRows(eventId)).toEqual([])
    // A student of another class does not see the event at all.
    const stranger = await student('M1')
    expect((await call(stranger, 'GET', `/api/events/${eventId}/my-attendance`)).status).toBe(404)
  })
})

describe('attendance and feedback after the event', () => {
  it('lets only students who attended give feedback, once each and editable; the host sees no-shows, the average and the comments', async () => {
    t.clock.set(START)
    const [came, stayedAway, noPlace] = [await student('M2', 'Fay Came'), await student('M2', 'Gil Away'), await student()]
    const eventId = await eventWithPlaces([came, stayedAway])
    // Before anyone is checked in and before it ends, no one may rate it.
    expect((await call(came, 'PUT', `/api/events/${eventId}/feedback`, { rating: 5 })).status).toBe(403)
    t.clock.advance(20 * MS_PER_MINUTE)
    await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { studentId: came.id })

    const bad = await call(came, 'PUT', `/api/events/${eventId}/feedback`, { rating: 6, comment: 'x'.repeat(2001) })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields).sort()).toEqual(['comment', 'rating'])
    const saved = await call(came, 'PUT', `/api/events/${eventId}/feedback`, { rating: 3, comment: 'Good, but the room was small.' })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.json.feedback).toMatchObject({ open: true, rating: 3, comment: 'Good, but the room was small.' })
    const edited = await call(came, 'PUT', `/api/events/${eventId}/feedback`, { rating: 4, comment: 'Good; worth the walk.' })
    expect(edited.json.feedback).toMatchObject({ rating: 4, comment: 'Good; worth the walk.' })
    expect(await t.db.select().from(eventFeedback).where(eq(eventFeedback.eventId, eventId))).toHaveLength(1)

    t.clock.advance(2 * MS_PER_HOUR)
    // A place without a check-in, once others were checked in, is a no-show: no feedback. Nor without a place.
    for (const s of [stayedAway, noPlace]) {
      const refused = await call(s, 'PUT', `/api/events/${eventId}/feedback`, { rating: 1, comment: 'Never there.' })
      expect(refused.status).toBe(403)
      expect(refused.json.error.message).toBe('Only students who attended this event can give feedback.')
    }
    const view = await call(advisor, 'GET', `/api/events/${eventId}/attendance`)
    expect(view.json.counts).toEqual({ places: 2, checkedIn: 1, walkIns: 0, noShows: 1 })
    expect(view.json.roster.map((r: { name: string; state: string }) => [r.name, r.state])).toEqual([
      ['Fay Came', 'checked-in'],
      ['Gil Away', 'no-show'],
    ])
    expect(view.json.feedback).toMatchObject({ count: 1, average: 4, ratings: [0, 0, 0, 1, 0], comments: [{ rating: 4, comment: 'Good; worth the walk.' }] })
    expect(JSON.stringify(view.json.feedback)).not.toContain('Fay Came')
  })

  it('counts attendance towards linked events once recorded, and keeps the place rule where no one was checked in', async () => {
    t.clock.set(START)
    const [hana, ivan] = [await student(), await student()]
    const recorded = await eventWithPlaces([hana, ivan], 'Recorded')
    const unrecorded = await eventWithPlaces([hana, ivan], 'Unrecorded')
    t.clock.advance(20 * MS_PER_MINUTE)
    await call(advisor, 'POST', `/api/events/${recorded}/check-ins`, { studentId: hana.id })
    const during = await t.services.events.mapAttendedEventsOfStudents([recorded, unrecorded], [hana.id, ivan.id])
    expect([...(during.get(hana.id) ?? [])]).toEqual([recorded])
    expect(during.get(ivan.id)).toBeUndefined()
    t.clock.advance(2 * MS_PER_HOUR)
    const after = await t.services.events.mapAttendedEventsOfStudents([recorded, unrecorded], [hana.id, ivan.id])
    expect([...(after.get(hana.id) ?? [])].sort()).toEqual([recorded, unrecorded].sort())
    expect([...(after.get(ivan.id) ?? [])]).toEqual([unrecorded])
    // With no one checked in, a place counts, and the student may give feedback.
    expect((await call(ivan, 'GET', `/api/events/${unrecorded}/my-attendance`)).json).toMatchObject({ attended: true, feedback: { open: true } })
    const roster = (await call(advisor, 'GET', `/api/events/${unrecorded}/attendance`)).json.roster
    expect(roster.map((r: { state: string }) => r.state)).toEqual(['not-recorded', 'not-recorded'])
  })

  it('exports attendance as CSV with formulas made harmless, and audits the export', async () => {
    t.clock.set(START)
    const hostile = await student('M2', '=HYPERLINK("http://evil.example","x")')
    const plain = await student('M2', 'Jo Plain')
    const eventId = await eventWithPlaces([hostile, plain])
    t.clock.advance(20 * MS_PER_MINUTE)
    await call(advisor, 'POST', `/api/events/${eventId}/check-ins`, { studentId: hostile.id })
    const response = await call(advisor, 'GET', `/api/events/${eventId}/attendance.csv`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const { records } = readCsv(response.text)
    expect(records[0]).toEqual(['name', 'email', 'class_year', 'had_place', 'attendance', 'checked_in_at_utc', 'checked_in_by', 'how'])
    const cells = records.slice(1).flat()
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","x")`)
    expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([])
    expect(records.find((r) => r[0] === 'Jo Plain')?.[4]).toBe('expected')
    expect(
      await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'event.attendance.export'), eq(auditLog.objectId, eventId))),
    ).toHaveLength(1)
  })
})
