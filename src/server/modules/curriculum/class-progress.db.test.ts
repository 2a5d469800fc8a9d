import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, curriculumNudges, outbox, people, studentAdvisors } from '#server/db/schema/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let advisor: Account
let dean: Account
const students: Record<'ana' | 'ben' | 'cal', { id: string; cookie: string }> = {} as never
const milestones: Record<'dean' | 'declared' | 'letters' | 'list' | 'yearOne', string> = {} as never
const START = new Date('2026-12-01T15:00:00Z')

async function create(title: string, overrides: Record<string, unknown>): Promise<string> {
  const body = { title, year: 'year-3', phase: 'choose-specialty', dueMonth: 9, required: true, why: '', links: [], eventIds: [], rule: null, ...overrides }
  const response = await t.request('POST', '/api/curriculum/milestones', { cookie: advisor.cookie, body })
  expect(response.status, response.text).toBe(201)
  return response.json.id as string
}

beforeAll(async () => {
  t = await createTestApp({ now: START })
  advisor = await t.signedInAs(['advisor'])
  const deanPerson = await t.insertAccount(['advisor'], { name: 'Dean Whole-School' })
  await t.db.update(people).set({ schoolWideRecords: true }).where(eq(people.id, deanPerson.id))
  dean = { person: deanPerson, cookie: await t.sessionCookie(deanPerson.id) }
  // Class of 2028: in Year 3 (2026–27) on 1 December 2026. Ana declared a specialty; Ben and Cal did not.
  for (const [key, name, interests] of [
    ['ana', 'Ana Alvarez', ['EM']],
    ['ben', 'Ben Brooks', []],
    ['cal', 'Cal Carter', []],
  ] as const) {
    const person = await t.insertAccount(['student'], { name, student: { classYear: 'M3', graduationYear: 2028, specialtyInterests: [...interests] } })
    students[key] = { id: person.id, cookie: await t.sessionCookie(person.id) }
  }
  // Ana and Ben are the advisor's (an advisor without a specialty is their advisory dean); Cal is not.
  for (const s of [students.ana, students.ben])
    await t.db.insert(studentAdvisors).values({ studentId: s.id, advisorId: advisor.person.id, assignedAt: START, assignedBy: null })
  await t.insertAccount(['student'], { name: 'Dee Year-One', student: { classYear: 'M1', graduationYear: 2030 } })
  milestones.dean = await create('Meet your advisory dean', { dueMonth: 8, rule: 'advisory-dean-assigned' })
  milestones.declared = await create('Declare a specialty', { dueMonth: 10, rule: 'specialty-declared' })
  milestones.letters = await create('Ask for three letters', { dueMonth: 12, rule: 'three-letters-requested' })
  milestones.list = await create('Start a program list', { year: 'year-3', dueMonth: 3, rule: 'program-list-saved', required: false })
  milestones.yearOne = await create('A Year 1 milestone', { year: 'year-1', dueMonth: 10 })
  // Cal says he met his dean (a tick), though he has none assigned.
  expect((await t.request('POST', `/api/curriculum/milestones/${milestones.dean}/done`, { cookie: students.cal.cookie })).status).toBe(200)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const classView = async (cookie: string, year = 'year-3') => {
  const response = await t.request('GET', `/api/curriculum/classes/${year}`, { cookie })
  expect(response.status, response.text).toBe(200)
  return response.json
}

describe('a class’s progress through its year', () => {
  it('gives an assigned advisor their own students only: each milestone’s figures, and who is behind, by name', async () => {
    const view = await classView(advisor.cookie)
    expect(view).toMatchObject({ year: 'year-3', scope: 'assigned', today: '2026-12-01', students: 2 })
    // The year's milestones only, in the order the year is lived (August, October, December, March).
    expect(view.milestones.map((m: { title: string }) => m.title)).toEqual([
      'Meet your advisory dean',
      'Declare a specialty',
      'Ask for three letters',
      'Start a program list',
    ])
    const figure = (id: string) => view.milestones.find((m: { id: string }) => m.id === id)
    expect(figure(milestones.dean)).toMatchObject({ done: 2, late: 0, dueSoon: 0, percentDone: 100, dueDate: '2026-08-31' })
    expect(figure(milestones.declared)).toMatchObject({ done: 1, late: 1, dueSoon: 0, percentDone: 50 })
    expect(figure(milestones.letters)).toMatchObject({ done: 0, late: 0, dueSoon: 2, percentDone: 0 })
    expect(view.behind).toEqual([
      { id: students.ana.id, name: 'Ana Alvarez', late: [], dueSoon: [milestones.letters] },
      { id: students.ben.id, name: 'Ben Brooks', late: [milestones.declared], dueSoon: [milestones.letters] },
    ])
  })

  it('gives the school-wide advisor the whole class, and a class year’s own students only', async () => {
    const view = await classView(dean.cookie)
    expect(view).toMatchObject({ scope: 'school', students: 3 })
    expect(view.behind.map((s: { name: string }) => s.name)).toEqual(['Ana Alvarez', 'Ben Brooks', 'Cal Carter'])
    // Cal's tick counts though no dean is assigned; nobody on Year 1 is in Year 3's view.
    expect(view.milestones[0]).toMatchObject({ done: 3, late: 0 })
    expect((await classView(dean.cookie, 'year-1')).students).toBe(1)
  })

  it('agrees with each student’s own timeline (one rule, read in batches for the class)', async () => {
    const view = await classView(dean.cookie)
    for (const s of Object.values(students)) {
      const own = await t.request('GET', '/api/curriculum/timeline', { cookie: s.cookie })
      const year3 = own.json.years.find((y: { year: string }) => y.year === 'year-3').milestones as { id: string; status: string }[]
      const row = view.behind.find((b: { id: string }) => b.id === s.id) ?? { late: [], dueSoon: [] }
      expect(row.late).toEqual(year3.filter((m) => m.status === 'late').map((m) => m.id))
      expect(row.dueSoon).toEqual(year3.filter((m) => m.status === 'due-soon').map((m) => m.id))
    }
  })

  it('refuses an unknown year by name, and audits each read', async () => {
    const bad = await t.request('GET', '/api/curriculum/classes/year-9', { cookie: advisor.cookie })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields)).toContain('year')
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, advisor.person.id), eq(auditLog.action, 'curriculum.class-progress.read')))
    expect(rows.length).toBeGreaterThan(0)
  })
})

describe('nudging students about a milestone', () => {
  const nudgeOutbox = () => t.db.select().from(outbox).where(eq(outbox.kind, 'curriculum.nudge'))
  /** Time passes; sessions last a day, so both advisors sign in again. */
  const advance = async (ms: number) => {
    t.clock.advance(ms)
    for (const a of [advisor, dean]) a.cookie = await t.sessionCookie(a.person.id)
  }
  const path = (id: string, preview = false) => `/api/curriculum/milestones/${id}/nudges${preview ? '/preview' : ''}`

  it('previews the exact e-mail one student would receive, and sends nothing', async () => {
    const body = { studentIds: [students.ana.id, students.ben.id], message: '' }
    const preview = await t.request('POST', path(milestones.declared, true), { cookie: advisor.cookie, body })
    expect(preview.status, preview.text).toBe(200)
    expect(preview.json.willNudge).toEqual([{ id: students.ben.id, name: 'Ben Brooks' }])
    expect(preview.json.willSkip).toEqual([{ id: students.ana.id, name: 'Ana Alvarez', reason: 'done', lastNudgedAt: null }])
    expect(preview.json.email.to.name).toBe('Ben Brooks')
    expect(preview.json.email.subject).toBe('Reminder: Declare a specialty')
    expect(preview.json.email.text).toContain('Hello Ben Brooks')
    expect(preview.json.email.text).toContain('It was due on Saturday 31 October 2026.')
    expect(preview.json.email.text).toMatch(/\/timeline\n/)
    expect(await nudgeOutbox()).toEqual([])
  })

  it('sends what the preview showed, records it, and skips a student nudged about it within a week', async () => {
    const body = { studentIds: [students.ana.id, students.ben.id], message: 'Please name your specialty this week.' }
    const preview = await t.request('POST', path(milestones.declared, true), { cookie: advisor.cookie, body })
    const sent = await t.request('POST', path(milestones.declared), { cookie: advisor.cookie, body })
    expect(sent.status, sent.text).toBe(200)
    expect(sent.json.nudged).toEqual([{ id: students.ben.id, name: 'Ben Brooks' }])
    const mail = await nudgeOutbox()
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ subject: preview.json.email.subject, textBody: preview.json.email.text })
    expect(mail[0]?.textBody).toContain('Please name your specialty this week.')

    await advance(2 * MS_PER_DAY)
    const again = await t.request('POST', path(milestones.declared), { cookie: dean.cookie, body: { studentIds: [students.ben.id, students.cal.id] } })
    expect(again.json.nudged).toEqual([{ id: students.cal.id, name: 'Cal Carter' }])
    expect(again.json.skipped).toEqual([{ id: students.ben.id, name: 'Ben Brooks', reason: 'nudged-recently', lastNudgedAt: START.toISOString() }])

    // A week on, Ben may be nudged again.
    await advance(6 * MS_PER_DAY)
    const later = await t.request('POST', path(milestones.declared), { cookie: advisor.cookie, body: { studentIds: [students.ben.id] } })
    expect(later.json.nudged).toEqual([{ id: students.ben.id, name: 'Ben Brooks' }])
    expect(await t.db.select().from(curriculumNudges).where(eq(curriculumNudges.studentId, students.ben.id))).toHaveLength(2)
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'curriculum.nudge.send'))
    expect(audited.map((r) => r.objectId).sort()).toEqual([students.ben.id, students.ben.id, students.cal.id].sort())
  })

  it('refuses a student who is not the advisor’s (404, naming the place), and writes nothing', async () => {
    const before = (await nudgeOutbox()).length
    const body = { studentIds: [students.ben.id, students.cal.id], message: '' }
    const response = await t.request('POST', path(milestones.letters), { cookie: advisor.cookie, body })
    expect(response.status, response.text).toBe(404)
    expect(Object.keys(response.json.error.fields)).toEqual(['studentIds.1'])
    expect(response.text).not.toContain('Cal Carter')
    expect(await nudgeOutbox()).toHaveLength(before)
    expect(await t.db.select().from(curriculumNudges).where(eq(curriculumNudges.milestoneId, milestones.letters))).toEqual([])
  })

  it('refuses bad input by field: no students, a message too long', async () => {
    const none = await t.request('POST', path(milestones.letters), { cookie: advisor.cookie, body: { studentIds: [] } })
    expect(none.status).toBe(400)
    expect(Object.keys(none.json.error.fields)).toContain('studentIds')
    const long = await t.request('POST', path(milestones.letters, true), {
      cookie: advisor.cookie,
      body: { studentIds: [students.ben.id], message: 'x'.repeat(2001) },
    })
    expect(Object.keys(long.json.error.fields)).toContain('message')
  })
})
