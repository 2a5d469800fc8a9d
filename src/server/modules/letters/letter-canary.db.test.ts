import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { auditLog, outbox } from '#server/db/schema/index.ts'
import { AUTHORIZATION_MATRIX, PATH_PLACEHOLDERS } from '#tests/authorization-matrix.ts'
import { makePdf } from '#tests/setup/pdf.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The confidentiality promise of decision 008, held by a test: a canary planted in a waived
 * letter never reaches the student — not through any route they can call, not in e-mail, the
 * audit log, the server's console output or an error message.
 */

const CANARY = 'CANARY-7f3a9c-confidential-assessment'
const consoleOutput: string[] = []
let t: TestApp
let student: { person: { id: string }; cookie: string }
let requestId = ''
const studentResponses: { label: string; status: number; body: string }[] = []

function capture(method: 'log' | 'error' | 'warn' | 'info' | 'debug') {
  const original = console[method].bind(console)
  vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    consoleOutput.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))
    original(...args)
  })
}

async function studentCall(method: string, path: string, init: { body?: unknown; pdf?: Uint8Array } = {}) {
  const headers: Record<string, string> = { cookie: student.cookie, origin: TEST_ORIGIN }
  let body: BodyInit | undefined
  if (init.pdf) {
    headers['content-type'] = 'application/pdf'
    body = init.pdf as BodyInit
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(init.body)
  }
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) })
  const bytes = Buffer.from(await response.arrayBuffer())
  const entry = { label: `${method} ${path}`, status: response.status, body: bytes.toString('latin1') }
  studentResponses.push(entry)
  // Checked on the spot, so each test holds its own calls to the rule whatever runs before it.
  expect(entry.body, entry.label).not.toContain(CANARY)
  expect(entry.body, entry.label).not.toContain('%PDF')
  return entry
}

beforeAll(async () => {
  for (const method of ['log', 'error', 'warn', 'info', 'debug'] as const) capture(method)
  t = await createTestApp()
  student = await t.signedInAs(['student'])
  const mentor = await t.signedInAs(['mentor'])
  const admin = await t.signedInAs(['admin'])
  const created = await t.request('POST', '/api/letter-requests', {
    cookie: student.cookie,
    body: {
      writerPersonId: mentor.person.id,
      purpose: 'general',
      letterType: 'standard',
      dueDate: '2026-12-01',
      talkingPoints: 'Research year',
      waivedRightOfAccess: true,
    },
  })
  requestId = created.json.request.id
  await t.request('POST', `/api/letter-requests/${requestId}/accept`, { cookie: mentor.cookie, body: {} })
  const uploaded = await t.request('PUT', `/api/letter-requests/${requestId}/letter`, {
    cookie: mentor.cookie,
    rawBody: makePdf({ text: CANARY }) as BodyInit,
    headers: { 'content-type': 'application/pdf' },
  })
  expect(uploaded.status).toBe(200)
  // The people allowed to read it do, so the content has passed through the server's reads.
  for (const cookie of [admin.cookie, mentor.cookie]) {
    const read = await t.app.request(`${TEST_ORIGIN}/api/letter-requests/${requestId}/letter`, { headers: { cookie } })
    expect(Buffer.from(await read.arrayBuffer()).toString('latin1')).toContain(CANARY)
  }
  await t.request('POST', `/api/letter-requests/${requestId}/deliver`, { cookie: admin.cookie })
})
afterAll(async () => {
  vi.restoreAllMocks()
  await t?.close()
})

describe('[letter-canary] a waived letter never reaches its student', () => {
  it('through any GET route the student can call', async () => {
    const before = studentResponses.length
    for (const entry of AUTHORIZATION_MATRIX.filter((e) => e.method === 'GET')) {
      for (const document of ['cv', 'personal-statement']) {
        const path = entry.path
          .replace(':personId', student.person.id)
          .replace(':letterRequestId', requestId)
          .replace(':document', document)
          .replace(':token', PATH_PLACEHOLDERS.token ?? 'x')
        await studentCall('GET', path)
      }
    }
    await studentCall('GET', '/api/letters/mine')
    await studentCall('GET', `/api/letter-requests/${requestId}`)
    await studentCall('GET', '/api/letters/all?status=delivered')
    expect(studentResponses.length - before).toBeGreaterThan(20)
  })

  it('downloading it is refused (403), and the request view has no letter field at all', async () => {
    const download = await studentCall('GET', `/api/letter-requests/${requestId}/letter`)
    expect(download.status).toBe(403)
    const view = JSON.parse((await studentCall('GET', `/api/letter-requests/${requestId}`)).body)
    expect(view.status).toBe('delivered')
    expect(view).not.toHaveProperty('letter')
    const board = JSON.parse((await studentCall('GET', '/api/letters/mine')).body)
    for (const item of board.items) expect(item).not.toHaveProperty('letter')
  })

  it('through the actions and errors the student can provoke', async () => {
    for (const action of ['withdraw', 'nudge', 'thanked', 'accept', 'decline', 'in-progress', 'deliver', 'upload-link']) {
      await studentCall('POST', `/api/letter-requests/${requestId}/${action}`, { body: {} })
    }
    await studentCall('DELETE', `/api/letter-requests/${requestId}/upload-link`)
    await studentCall('PUT', `/api/letter-requests/${requestId}/letter`, { pdf: makePdf({ text: 'replacement attempt' }) })
    await studentCall('PUT', `/api/letter-requests/${requestId}/packet/cv`, { pdf: makePdf() })
    await studentCall('GET', `/api/letter-requests/${requestId}/letter?download=1`)
    await studentCall('GET', `/api/letter-requests/${requestId}/letter/..`)
  })

  it('[letter-canary] the canary is in no response, e-mail, audit row, console line or error message', async () => {
    const mails = await t.db.select().from(outbox)
    expect(mails.length).toBeGreaterThan(0)
    for (const mail of mails) expect(`${mail.subject}\n${mail.textBody}\n${mail.lastError ?? ''}`).not.toContain(CANARY)
    const audit = await t.db.select().from(auditLog)
    expect(audit.some((row) => row.action === 'letter.read.waived')).toBe(true)
    for (const row of audit) expect(JSON.stringify(row)).not.toContain(CANARY)
    console.info('console capture probe')
    expect(consoleOutput).toContain('console capture probe')
    for (const line of consoleOutput) expect(line).not.toContain(CANARY)
  })
})
