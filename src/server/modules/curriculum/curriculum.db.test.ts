import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { insertStudentRecords } from '#tests/factories/student-records.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let advisor: Account
let student: Account
const START = new Date('2026-12-01T15:00:00Z')

beforeAll(async () => {
  t = await createTestApp({ now: START })
  advisor = await t.signedInAs(['advisor'])
  // Class of 2030: in Year 1 (2026–27), with Emergency Medicine declared.
  const person = await t.insertAccount(['student'], { student: { classYear: 'M1', graduationYear: 2030, specialtyInterests: ['EM'] } })
  student = { person, cookie: await t.sessionCookie(person.id) }
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const milestone = (overrides: Record<string, unknown> = {}) => ({
  title: 'Meet your advisory dean',
  year: 'year-1',
  phase: 'understand-yourself',
  dueMonth: 10,
  required: true,
  why: 'Your dean knows the whole road.',
  links: ['https://www.aamc.org/cim'],
  eventIds: [],
  rule: null,
  ...overrides,
})

async function create(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await t.request('POST', '/api/curriculum/milestones', { cookie: advisor.cookie, body: milestone(overrides) })
  expect(response.status, response.text).toBe(201)
  return response.json.id as string
}

const timeline = async () => {
  const response = await t.request('GET', '/api/curriculum/timeline', { cookie: student.cookie })
  expect(response.status, response.text).toBe(200)
  return response.json
}
const stateOf = (body: any, id: string) => body.years.flatMap((y: any) => y.milestones).find((m: any) => m.id === id)

describe('writing milestones: field errors', () => {
  it.each([
    ['title', { title: '' }],
    ['dueMonth', { dueMonth: 13 }],
    ['year', { year: 'year-5' }],
    ['links.0', { links: ['http://www.aamc.org/cim'] }],
    ['links.1', { links: ['https://www.aamc.org/cim', 'https://a b'] }],
    ['rule', { rule: 'met-the-dean' }],
    ['eventIds.0', { eventIds: ['0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11'] }],
  ])('refuses a bad %s with 400 naming it, and writes nothing', async (field, change) => {
    const response = await t.request('POST', '/api/curriculum/milestones', {
      cookie: advisor.cookie,
      body: milestone({ title: `Refused ${field}`, ...change }),
    })
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    const list = await t.request('GET', '/api/curriculum/milestones', { cookie: advisor.cookie })
    expect(list.json.items.map((m: { title: string }) => m.title)).not.toContain(`Refused ${field}`)
  })

  it('changes and removes a milestone; an unknown one is 404', async () => {
    const id = await create({ title: 'Draft milestone' })
    const changed = await t.request('PUT', `/api/curriculum/milestones/${id}`, { cookie: advisor.cookie, body: milestone({ title: 'Renamed', dueMonth: 11 }) })
    expect(changed.status, changed.text).toBe(200)
    expect(changed.json).toMatchObject({ title: 'Renamed', dueWindow: 'November of Year 1' })
    expect((await t.request('DELETE', `/api/curriculum/milestones/${id}`, { cookie: advisor.cookie })).status).toBe(200)
    expect((await t.request('DELETE', `/api/curriculum/milestones/${id}`, { cookie: advisor.cookie })).status).toBe(404)
  })
})

describe('a student’s timeline', () => {
  it('dates milestones from the class’s graduation year and completes them by tick, event and rule', async () => {
    // An event a week ahead, linked to a milestone; the student takes a place.
    const start = new Date(START.getTime() + 7 * MS_PER_DAY)
    const event = await t.request('POST', '/api/events', {
      cookie: advisor.cookie,
      body: {
        title: 'Specialty exploration fair',
        kind: 'fair',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 2 * MS_PER_HOUR).toISOString(),
        room: 'Atrium',
        host: 'Office of Student Affairs',
        rsvpClosesAt: new Date(start.getTime() - MS_PER_DAY).toISOString(),
      },
    })
    expect(event.status, event.text).toBe(201)
    const late = await create({ title: 'Meet your advisory dean', dueMonth: 10 })
    const fair = await create({ title: 'Go to the specialty fair', dueMonth: 1, eventIds: [event.json.id] })
    const declared = await create({ title: 'Name the specialties you are curious about', dueMonth: 3, rule: 'specialty-declared' })
    const listSaved = await create({ title: 'Save your program list', year: 'year-4', dueMonth: 9, rule: 'program-list-saved' })
    const research = await create({ title: 'Plan your research year', year: 'research', dueMonth: 8 })
    expect((await t.request('POST', `/api/events/${event.json.id}/rsvp`, { cookie: student.cookie })).status).toBe(200)

    const before = await timeline()
    expect(before.graduationYear).toBe(2030)
    expect(stateOf(before, late)).toMatchObject({ status: 'late', dueDate: '2026-10-31', dueWindow: 'October of Year 1', doneBy: null })
    expect(stateOf(before, fair)).toMatchObject({ status: 'upcoming', dueDate: '2027-01-31', doneBy: null })
    expect(stateOf(before, fair).events).toMatchObject([{ title: 'Specialty exploration fair', myRsvp: 'confirmed', attended: false }])
    expect(stateOf(before, declared)).toMatchObject({ status: 'done', doneBy: 'rule', rule: 'specialty-declared' })
    expect(stateOf(before, listSaved)).toMatchObject({ status: 'upcoming', dueDate: '2029-09-30', doneBy: null })
    // A research year's milestone is not on the timeline of a student who takes none, nor can it be ticked.
    expect(stateOf(before, research)).toBeUndefined()
    expect((await t.request('POST', `/api/curriculum/milestones/${research}/done`, { cookie: student.cookie })).status).toBe(404)
    expect(before.now[0]).toBe(late)

    // Ticking moves the late milestone to done; taking the tick back returns it.
    const ticked = await t.request('POST', `/api/curriculum/milestones/${late}/done`, { cookie: student.cookie })
    expect(ticked.status, ticked.text).toBe(200)
    expect(stateOf(ticked.json, late)).toMatchObject({ status: 'done', doneBy: 'ticked', doneAt: START.toISOString() })
    expect(ticked.json.now).not.toContain(late)
    const unticked = await t.request('DELETE', `/api/curriculum/milestones/${late}/done`, { cookie: student.cookie })
    expect(stateOf(unticked.json, late)).toMatchObject({ status: 'late', doneBy: null })

    // Once the fair is over, with no one checked in, the confirmed place counts as attending it.
    // (A new session: the week moved forward is longer than a session lasts.)
    t.clock.set(new Date(start.getTime() + 3 * MS_PER_HOUR))
    try {
      const after = await t.request('GET', '/api/curriculum/timeline', { cookie: await t.sessionCookie(student.person.id) })
      expect(stateOf(after.json, fair)).toMatchObject({ status: 'done', doneBy: 'event' })

      // Once attendance is recorded at the fair, only those checked in attended it: a place no longer counts.
      const staff = await t.sessionCookie(advisor.person.id)
      const walker = await t.insertAccount(['student'], { student: { classYear: 'M1', graduationYear: 2030 } })
      const walkIn = await t.request('POST', `/api/events/${event.json.id}/walk-ins`, { cookie: staff, body: { studentId: walker.id } })
      expect(walkIn.status, walkIn.text).toBe(200)
      const mine = await t.sessionCookie(student.person.id)
      const recorded = await t.request('GET', '/api/curriculum/timeline', { cookie: mine })
      expect(stateOf(recorded.json, fair)).toMatchObject({ status: 'upcoming', doneBy: null })
      expect(stateOf(recorded.json, fair).events).toMatchObject([{ attended: false }])
      const walkerView = await t.request('GET', '/api/curriculum/timeline', { cookie: await t.sessionCookie(walker.id) })
      expect(stateOf(walkerView.json, fair)).toMatchObject({ status: 'done', doneBy: 'event' })
      // Checked in afterwards from the roster (a paper list entered later), the student has attended.
      expect((await t.request('POST', `/api/events/${event.json.id}/check-ins`, { cookie: staff, body: { studentId: student.person.id } })).status).toBe(200)
      const checkedIn = await t.request('GET', '/api/curriculum/timeline', { cookie: mine })
      expect(stateOf(checkedIn.json, fair)).toMatchObject({ status: 'done', doneBy: 'event' })
    } finally {
      t.clock.set(START)
    }
  })

  it('keeps each student’s tick their own: another student taking back theirs leaves it', async () => {
    const id = await create({ title: 'Shared milestone', dueMonth: 5 })
    const otherPerson = await t.insertAccount(['student'], { student: { classYear: 'M1', graduationYear: 2030 } })
    const other = await t.sessionCookie(otherPerson.id)
    expect((await t.request('POST', `/api/curriculum/milestones/${id}/done`, { cookie: student.cookie })).status).toBe(200)
    const theirs = await t.request('DELETE', `/api/curriculum/milestones/${id}/done`, { cookie: other })
    expect(theirs.status, theirs.text).toBe(200)
    expect(stateOf(theirs.json, id)).toMatchObject({ doneBy: null })
    expect(stateOf(await timeline(), id)).toMatchObject({ status: 'done', doneBy: 'ticked' })
  })

  it('is the student’s own: staff have none, and a milestone id that does not exist is 404', async () => {
    expect((await t.request('GET', '/api/curriculum/timeline', { cookie: advisor.cookie })).status).toBe(403)
    expect((await t.request('POST', '/api/curriculum/milestones/0b7d5c3e-4c8a-4f7e-9a0e-2f4f2c1d9e11/done', { cookie: student.cookie })).status).toBe(404)
  })
})

describe('automatic rules, read from the owners of each fact', () => {
  it('follows the advising board, letters, the program list and the rank order list as they change', async () => {
    // A student with a world: an assigned advisory dean, one letter request, one program saved, a submitted rank order list.
    const world = await insertStudentRecords(t, 'rules')
    const ids = Object.fromEntries(
      await Promise.all(
        (
          ['advisory-dean-assigned', 'three-letters-requested', 'program-list-saved', 'rank-order-list-signed-off', 'application-profile-complete'] as const
        ).map(async (rule) => [rule, await create({ title: `Rule ${rule}`, year: 'year-4', dueMonth: 12, rule })] as const),
      ),
    )
    const doneBy = async () => {
      const response = await t.request('GET', '/api/curriculum/timeline', { cookie: world.student.cookie })
      expect(response.status, response.text).toBe(200)
      return Object.fromEntries(Object.entries(ids).map(([rule, id]) => [rule, stateOf(response.json, id).doneBy]))
    }
    expect(await doneBy()).toEqual({
      'advisory-dean-assigned': 'rule',
      'three-letters-requested': null,
      'program-list-saved': 'rule',
      'rank-order-list-signed-off': null,
      'application-profile-complete': null,
    })

    // Two more letters asked for, the list signed off by the advisor, the profile saved with a score.
    const due = new Date(START.getTime() + 60 * MS_PER_DAY).toISOString().slice(0, 10)
    for (const name of ['Writer Two', 'Writer Three']) {
      const writer = await t.insertAccount(['mentor'], { name })
      const asked = await t.request('POST', '/api/letter-requests', {
        cookie: world.student.cookie,
        body: { writerPersonId: writer.id, purpose: 'general', letterType: 'standard', dueDate: due, waivedRightOfAccess: true },
      })
      expect(asked.status, asked.text).toBe(201)
    }
    const signed = await t.request('POST', `/api/rank-lists/students/${world.student.person.id}/sign-off`, {
      cookie: world.advisor.cookie,
      body: { version: 1 },
    })
    expect(signed.status, signed.text).toBe(200)
    const profile = await t.request('PUT', '/api/list-builder/profile', {
      cookie: world.student.cookie,
      body: {
        applicantType: 'us-md',
        step2: 245,
        step1: 'pass',
        researchItems: 2,
        alphaOmegaAlpha: false,
        goldHumanism: false,
        clerkshipHonors: 2,
        experiences: 5,
        awayRotationProgramIds: [],
        preferredSpecialtyId: 'internal-medicine',
        backupSpecialtyId: null,
        preferredStates: [],
        preferredRegions: [],
        tieStates: [],
        tieRegions: [],
        settingPreferences: [],
        needsVisa: false,
        signalsAvailable: 2,
        targetChance: 0.9,
      },
    })
    expect(profile.status, profile.text).toBe(200)
    expect(await doneBy()).toEqual({
      'advisory-dean-assigned': 'rule',
      'three-letters-requested': 'rule',
      'program-list-saved': 'rule',
      'rank-order-list-signed-off': 'rule',
      'application-profile-complete': 'rule',
    })
  }, 60_000)
})
