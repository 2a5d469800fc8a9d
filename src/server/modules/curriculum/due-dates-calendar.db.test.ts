import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people } from '#server/db/schema/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * Due dates follow the school's academic calendar (decision 043): a milestone due by the end of
 * December whose class is on winter break from 19 December is due on Friday 18 December, on the
 * student's timeline, in the office's class view, in "late", and in the nudge e-mail. And the
 * year starts in the month of the calendar's latest year start: with one in August, July is the
 * last month of the year, not the first.
 */
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let dean: Account
let student: { id: string; cookie: string }
let december: string
let october: string
let july: string
const START = new Date('2026-12-01T15:00:00Z')
const WINTER_BREAK = { kind: 'break', name: 'Winter break', startsOn: '2026-12-19', endsOn: '2027-01-03' }

const milestoneOf = async (id: string) => {
  const response = await t.request('GET', '/api/curriculum/timeline', { cookie: student.cookie })
  expect(response.status, response.text).toBe(200)
  return (response.json.years as { milestones: { id: string; dueDate: string; dueMoved: unknown; status: string }[] }[])
    .flatMap((y) => y.milestones)
    .find((m) => m.id === id)
}
const figureOf = async (id: string) => {
  const response = await t.request('GET', '/api/curriculum/classes/year-3', { cookie: dean.cookie })
  expect(response.status, response.text).toBe(200)
  return response.json.milestones.find((m: { id: string }) => m.id === id)
}
const saveCalendar = async (dates: unknown[]) => {
  const response = await t.request('PUT', '/api/academic-calendar', { cookie: dean.cookie, body: { dates } })
  expect(response.status, response.text).toBe(200)
}

beforeAll(async () => {
  t = await createTestApp({ now: START })
  const deanPerson = await t.insertAccount(['advisor'], { name: 'Dean Whole-School' })
  await t.db.update(people).set({ schoolWideRecords: true }).where(eq(people.id, deanPerson.id))
  dean = { person: deanPerson, cookie: await t.sessionCookie(deanPerson.id) }
  // Class of 2028: in Year 3 (2026–27) on 1 December 2026.
  const person = await t.insertAccount(['student'], { name: 'Ana Alvarez', student: { classYear: 'M3', graduationYear: 2028 } })
  student = { id: person.id, cookie: await t.sessionCookie(person.id) }
  const create = async (title: string, dueMonth: number) => {
    const body = { title, year: 'year-3', phase: 'choose-specialty', dueMonth, required: true, why: '', links: [], eventIds: [], rule: null }
    const response = await t.request('POST', '/api/curriculum/milestones', { cookie: dean.cookie, body })
    expect(response.status, response.text).toBe(201)
    return response.json.id as string
  }
  december = await create('Ask for three letters', 12)
  october = await create('Declare a specialty', 10)
  july = await create('Plan the final year', 7)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('due dates and the academic calendar', () => {
  it('keeps the end of the month while the calendar has no break then', async () => {
    expect(await milestoneOf(december)).toMatchObject({ dueDate: '2026-12-31', dueMoved: null, status: 'due-soon' })
    expect(await figureOf(december)).toMatchObject({ dueDate: '2026-12-31', dueMoved: null })
  })

  it('moves a date in the winter break to the Friday before, on the timeline and in the class view alike', async () => {
    await saveCalendar([WINTER_BREAK])
    const moved = { from: '2026-12-31', closureKind: 'break', closureName: 'Winter break' }
    expect(await milestoneOf(december)).toMatchObject({ dueDate: '2026-12-18', dueMoved: moved, status: 'due-soon' })
    expect(await figureOf(december)).toMatchObject({ dueDate: '2026-12-18', dueMoved: moved, dueSoon: 1 })
    // A date outside every closure does not move.
    expect(await milestoneOf(october)).toMatchObject({ dueDate: '2026-10-31', dueMoved: null, status: 'late' })
  })

  it('says why in the nudge e-mail', async () => {
    const response = await t.request('POST', `/api/curriculum/milestones/${december}/nudges/preview`, {
      cookie: dean.cookie,
      body: { studentIds: [student.id], message: '' },
    })
    expect(response.status, response.text).toBe(200)
    expect(response.json.email.text).toContain('It is due on Friday 18 December 2026 (moved before the winter break).')
  })

  it('makes the milestone late the day after the moved date, in the break', async () => {
    t.clock.advance(19 * MS_PER_DAY)
    student.cookie = await t.sessionCookie(student.id)
    dean.cookie = await t.sessionCookie(dean.person.id)
    expect(await milestoneOf(december)).toMatchObject({ dueDate: '2026-12-18', status: 'late' })
    expect(await figureOf(december)).toMatchObject({ late: 1, dueSoon: 0 })
  })

  it('makes July the last month of the year once the calendar starts it in August', async () => {
    // Without a year start the year runs July–June: July of Year 3 (2026–27) is long past.
    expect(await milestoneOf(july)).toMatchObject({ dueDate: '2026-07-31', status: 'late' })
    expect(await figureOf(july)).toMatchObject({ dueDate: '2026-07-31', late: 1 })
    await saveCalendar([WINTER_BREAK, { kind: 'year-start', name: 'Academic year 2026–27', startsOn: '2026-08-03', endsOn: '2026-08-03' }])
    expect(await milestoneOf(july)).toMatchObject({ dueDate: '2027-07-31', status: 'upcoming' })
    const response = await t.request('GET', '/api/curriculum/classes/year-3', { cookie: dean.cookie })
    expect(response.json.milestones.map((m: { id: string }) => m.id)).toEqual([october, december, july])
    expect(await figureOf(july)).toMatchObject({ dueDate: '2027-07-31', late: 0, dueSoon: 0 })
    // The other dates and the year's name do not change.
    expect(await milestoneOf(october)).toMatchObject({ dueDate: '2026-10-31' })
    const timeline = await t.request('GET', '/api/curriculum/timeline', { cookie: student.cookie })
    expect(timeline.json.years.map((y: { label: string }) => y.label)).toEqual(['Year 3 (2026–27)'])
  })
})
