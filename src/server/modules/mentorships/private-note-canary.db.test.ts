import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { auditLog, outbox } from '#server/db/schema/index.ts'
import { AUTHORIZATION_MATRIX, PATH_PLACEHOLDERS } from '#tests/authorization-matrix.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'

/**
 * Private notes stay with their writer. A canary planted in the mentor's private note never
 * reaches the student, nor an admin through any ordinary route — not through any route either of
 * them may call, not in e-mail, the hours export, the calendar feed, the audit log or the server's
 * console — only through the audited, reasoned access route.
 */

const CANARY = 'CANARY-91bd2e-private-reflection'
const consoleOutput: string[] = []
let t: TestApp
type Account = { person: { id: string; email: string }; cookie: string }
let student: Account
let mentor: Account
let admin: Account
const ids: Record<string, string> = {}
const responses: { who: string; label: string; status: number; body: string }[] = []

function capture(method: 'log' | 'error' | 'warn' | 'info' | 'debug') {
  const original = console[method].bind(console)
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    consoleOutput.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
    original(...args)
  })
}

async function call(who: string, account: Account, method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { cookie: account.cookie, origin: TEST_ORIGIN }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  const entry = { who, label: `${method} ${path}`, status: response.status, body: Buffer.from(await response.arrayBuffer()).toString('latin1') }
  responses.push(entry)
  return entry
}

beforeAll(async () => {
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) capture(method)
  t = await createTestApp({ now: new Date('2026-10-19T12:00:00Z') })
  student = await t.signedInAs(['student'])
  const m = await t.insertAccount(['mentor'], { mentor: { capacity: 2, accepting: true } })
  mentor = { person: m, cookie: await t.sessionCookie(m.id) }
  admin = await t.signedInAs(['admin'])
  await t.insertAccount(['admin'])

  const asked = await t.request('POST', '/api/mentorship-requests', {
    cookie: student.cookie,
    body: { mentorId: mentor.person.id, kind: 'ongoing', message: 'Hello', helpWanted: ['research'] },
  })
  ids.mentorshipRequestId = asked.json.id
  ids.mentorshipId = (await t.request('POST', `/api/mentorship-requests/${asked.json.id}/accept`, { cookie: mentor.cookie })).json.mentorshipId
  const path = `/api/mentorships/${ids.mentorshipId}`
  ids.goalId = (await t.request('POST', `${path}/goals`, { cookie: student.cookie, body: { title: 'A goal' } })).json.goals[0].id
  ids.actionItemId = (
    await t.request('POST', `${path}/action-items`, { cookie: student.cookie, body: { title: 'An item', dueDate: null } })
  ).json.actionItems[0].id
  await t.request('PUT', '/api/availability/me', {
    cookie: mentor.cookie,
    body: { timeZone: 'America/Chicago', slots: [{ weekday: 3, startTime: '10:00', durationMinutes: 30, locationKind: 'phone' }] },
  })
  const booked = await t.request('POST', `${path}/meetings`, { cookie: mentor.cookie, body: { mode: 'propose', startAt: '2026-10-21T15:00:00Z' } })
  ids.meetingId = booked.json.id
  await t.request('POST', `/api/meetings/${ids.meetingId}/confirm`, { cookie: student.cookie })

  // The canary: the mentor's private note, then a shared one so e-mail and views have notes to carry.
  const planted = await t.request('POST', `${path}/notes`, { cookie: mentor.cookie, body: { body: `Between us: ${CANARY}`, visibility: 'private' } })
  expect(planted.text).toContain(CANARY) // the writer sees their own note
  await t.request('POST', `${path}/notes`, { cookie: mentor.cookie, body: { body: 'Shared: read chapter 3.', visibility: 'shared' } })

  t.clock.set(new Date('2026-10-22T12:00:00Z'))
  for (const a of [student, mentor, admin]) a.cookie = await t.sessionCookie(a.person.id)
  await t.request('POST', `/api/meetings/${ids.meetingId}/feedback`, { cookie: mentor.cookie, body: { rating: 4, comment: 'Good talk' } })
  ids.feed = `${new URL((await t.request('POST', '/api/calendar/feed', { cookie: mentor.cookie })).json.url).pathname.split('/').pop()}`
})
afterAll(async () => {
  vi.restoreAllMocks()
  await t?.close()
})

const fill = (path: string, personId: string) =>
  path.replace(':personId', personId).replace(/:([A-Za-z]+)/g, (whole, name: string) => ids[name] ?? PATH_PLACEHOLDERS[name] ?? whole)

// Every response to anyone but the mentor (the writer) or the reasoned access is clean: checked
// after each test for the calls that test made, so no check depends on the order tests run in.
let checked = 0
afterEach(() => {
  const fresh = responses.slice(checked)
  checked = responses.length
  const leaked = fresh.filter((r) => r.who !== 'mentor' && !r.label.endsWith('/private-notes-access') && r.body.includes(CANARY))
  expect(leaked.map((r) => `${r.who} ${r.label}`)).toEqual([])
})

describe('[private-note-canary] a private note never leaks', () => {
  it('not through any GET route the student or an admin may call, with the real ids', async () => {
    for (const [who, account] of [
      ['student', student],
      ['admin', admin],
    ] as const) {
      for (const entry of AUTHORIZATION_MATRIX.filter((e) => e.method === 'GET')) {
        const response = await call(who, account, 'GET', fill(entry.path, who === 'student' ? mentor.person.id : student.person.id))
        expect(response.body, `${who}: ${response.label}`).not.toContain(CANARY)
      }
    }
  })

  it('not through the responses of writes by the other side or an admin', async () => {
    const path = `/api/mentorships/${ids.mentorshipId}`
    const writes: [string, Account, string, string, unknown][] = [
      ['student', student, 'POST', `${path}/notes`, { body: 'My own', visibility: 'private' }],
      ['student', student, 'POST', `${path}/goals`, { title: 'Another goal' }],
      ['student', student, 'PATCH', `${path}/goals/${ids.goalId}`, { progress: 50 }],
      ['student', student, 'PATCH', `${path}/action-items/${ids.actionItemId}`, { done: true }],
      ['student', student, 'POST', `/api/meetings/${ids.meetingId}/feedback`, { rating: 5 }],
      ['admin', admin, 'POST', `${path}/goals`, { title: 'x' }],
      ['student', student, 'POST', `${path}/close`, { reason: 'goals-met', thankYouNote: 'Thanks!' }],
    ]
    for (const [who, account, method, p, body] of writes) {
      const response = await call(who, account, method, p, body)
      expect(response.body, `${who}: ${response.label}`).not.toContain(CANARY)
    }
    const asStudent = await call('student', student, 'GET', path)
    expect(asStudent.body).toContain('Shared: read chapter 3.')
    expect(asStudent.body).toContain('My own')
    expect(asStudent.body).not.toContain(CANARY)
  })

  it('not in e-mail, the hours export, the calendar feed or the audit log', async () => {
    const mail = await t.db.select().from(outbox)
    expect(mail.length).toBeGreaterThan(3)
    for (const message of mail) expect(JSON.stringify(message)).not.toContain(CANARY)
    const csv = await call('mentor', mentor, 'GET', '/api/mentorships/hours.csv')
    expect(csv.status).toBe(200)
    expect(csv.body).not.toContain(CANARY)
    const feed = await t.request('GET', `/api/calendar/${ids.feed}`)
    expect(feed.status).toBe(200)
    expect(feed.text).not.toContain(CANARY)
    for (const row of await t.db.select().from(auditLog)) expect(JSON.stringify(row)).not.toContain(CANARY)
  })

  it('only through the audited access route, which needs an admin and a reason', async () => {
    const path = `/api/mentorships/${ids.mentorshipId}/private-notes-access`
    expect((await call('student', student, 'POST', path, { reason: 'I would like to see everything.' })).status).toBe(403)
    expect((await call('admin', admin, 'POST', path, {})).status).toBe(400)
    const granted = await call('admin', admin, 'POST', path, { reason: 'Title IX investigation, case 2026-031.' })
    expect(granted.status).toBe(200)
    expect(granted.body).toContain(CANARY)
    const rows = (await t.db.select().from(auditLog)).filter((r) => r.action === 'mentorship.private-notes.read')
    expect(rows).toHaveLength(1)
    expect(rows[0]?.actorId).toBe(admin.person.id)
  })

  it('not in the server console', async () => {
    // Provoke the server's own logging too (a failed request), and prove the capture works.
    await call('student', student, 'POST', `/api/mentorships/${ids.mentorshipId}/notes`, { body: '\u0000', visibility: 'private' })
    console.info('console capture probe')
    expect(consoleOutput).toContain('console capture probe')
    for (const line of consoleOutput) expect(line).not.toContain(CANARY)
  })
})
