import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '#server/db/schema/index.ts'
import { webRouteFor } from '#tests/setup/web-routes.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'

/** Amendment (34 CFR §99.20–99.22): ask, decide with a reason, a statement after a refusal; an e-mail with a working link at each step. */

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let student: Account
let other: Account
let admin: Account
let advisor: Account
let id = ''

const mailTo = async (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email))
/** The page a link in an e-mail opens, checked against the web app's routes. */
function linkIn(text: string): string {
  const url = text.match(/https?:\/\/\S+/)?.[0] ?? ''
  expect(url.startsWith(TEST_ORIGIN), text).toBe(true)
  const path = new URL(url).pathname
  expect(webRouteFor(path), path).not.toBeNull()
  return path
}

beforeAll(async () => {
  t = await createTestApp()
  student = await t.signedInAs(['student'])
  other = await t.signedInAs(['student'])
  admin = await t.signedInAs(['admin'])
  advisor = await t.signedInAs(['advisor'])
})
afterAll(async () => {
  await t?.close()
})

describe('asking to correct a record', () => {
  it('refuses a request without its correction, naming the field, and writes nothing', async () => {
    const response = await t.request('POST', '/api/records/amendments', {
      cookie: student.cookie,
      body: { record: 'Experience record', problem: 'Wrong hours.', correction: ' ' },
    })
    expect(response.status).toBe(400)
    expect(Object.keys(response.json.error.fields)).toEqual(['correction'])
    expect((await t.request('GET', '/api/records/amendments/mine', { cookie: student.cookie })).json.amendments).toEqual([])
  })

  it('records the request and e-mails every administrator a link to the office’s list', async () => {
    const response = await t.request('POST', '/api/records/amendments', {
      cookie: student.cookie,
      body: { record: 'Experience record: Melanoma screening', problem: 'It says 4 hours.', correction: 'It was 40 hours over the summer.' },
    })
    expect(response.status, response.text).toBe(201)
    id = response.json.id
    expect(response.json).toMatchObject({ status: 'requested', decidedAt: null, statement: null, student: { id: student.person.id } })
    const [mail] = await mailTo(admin.person.email)
    expect(mail?.subject).toBe(`${student.person.name} asks to correct a record`)
    expect(linkIn(mail?.textBody ?? '')).toBe('/records/amendments')
    expect(await mailTo(advisor.person.email)).toEqual([])
  })

  it('is the student’s own: another student neither lists it nor adds a statement to it', async () => {
    expect((await t.request('GET', '/api/records/amendments/mine', { cookie: other.cookie })).json.amendments).toEqual([])
    const statement = await t.request('POST', `/api/records/amendments/${id}/statement`, { cookie: other.cookie, body: { statement: 'Not mine.' } })
    expect(statement.status).toBe(404)
    expect(statement.text).not.toContain(student.person.name)
  })

  it('takes no statement before a refusal', async () => {
    const early = await t.request('POST', `/api/records/amendments/${id}/statement`, { cookie: student.cookie, body: { statement: 'I disagree.' } })
    expect(early.status).toBe(409)
  })
})

describe('the office decides', () => {
  it('needs a reason', async () => {
    const response = await t.request('POST', `/api/records/amendments/${id}/decision`, { cookie: admin.cookie, body: { decision: 'refused', reason: 'No.' } })
    expect(response.status).toBe(400)
    expect(Object.keys(response.json.error.fields)).toEqual(['reason'])
  })

  it('refuses with a reason; the student is e-mailed it with a link to their records', async () => {
    const response = await t.request('POST', `/api/records/amendments/${id}/decision`, {
      cookie: admin.cookie,
      body: { decision: 'refused', reason: 'The project lead confirmed 4 hours in writing.' },
    })
    expect(response.status, response.text).toBe(200)
    expect(response.json).toMatchObject({ status: 'refused', decidedBy: admin.person.name, reason: 'The project lead confirmed 4 hours in writing.' })
    const [mail] = await mailTo(student.person.email)
    expect(mail?.subject).toBe('Your request to correct a record was refused')
    expect(mail?.textBody).toContain('The project lead confirmed 4 hours in writing.')
    expect(linkIn(mail?.textBody ?? '')).toBe('/records')
    // …at the student's requests, below everything the school holds.
    expect(mail?.textBody).toContain('/records#records-your-requests')
  })

  it('decides once: a second answer is a conflict and changes nothing', async () => {
    const again = await t.request('POST', `/api/records/amendments/${id}/decision`, {
      cookie: admin.cookie,
      body: { decision: 'amended', reason: 'Changed my mind after all.' },
    })
    expect(again.status).toBe(409)
    const [row] = (await t.request('GET', '/api/records/amendments', { cookie: admin.cookie })).json.amendments
    expect(row.status).toBe('refused')
  })
})

describe('the student’s statement after a refusal', () => {
  it('is kept with the request, shown to the student, the office and in the export, and the decider is e-mailed', async () => {
    const statement = 'I logged 40 hours on the project’s sign-in sheet; the summary sent to the office was wrong.'
    const response = await t.request('POST', `/api/records/amendments/${id}/statement`, { cookie: student.cookie, body: { statement } })
    expect(response.status, response.text).toBe(200)
    expect(response.json.statement).toBe(statement)
    expect((await t.request('GET', '/api/records/amendments/mine', { cookie: student.cookie })).json.amendments[0].statement).toBe(statement)
    expect((await t.request('GET', '/api/records/amendments', { cookie: admin.cookie })).json.amendments[0].statement).toBe(statement)
    const records = await t.request('GET', '/api/records/mine', { cookie: student.cookie })
    const section = records.json.sections.find((s: { key: string }) => s.key === 'amendments')
    expect(section.items[0]).toMatchObject({ status: 'refused', statement })
    const mails = await mailTo(admin.person.email)
    const told = mails.find((m) => m.kind === 'records.amendment-statement')
    expect(told?.subject).toBe(`${student.person.name} added a statement to a record`)
    expect(linkIn(told?.textBody ?? '')).toBe('/records/amendments')
  })

  it('shows the decision in the student’s record of access', async () => {
    const access = await t.request('GET', '/api/records/access', { cookie: student.cookie })
    expect(access.json.entries.map((e: { what: string; who: { id: string } }) => `${e.who.id} ${e.what}`)).toContain(
      `${admin.person.id} Decided your request to correct a record`,
    )
  })
})
