import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { auditLog, outbox } from '#server/db/schema/index.ts'
import { AUTHORIZATION_MATRIX } from '#tests/authorization-matrix.ts'
import { fetchPdf, pdfText } from '#tests/setup/pdf-text.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * `[review-canary]`: a canary sentence is in version 1 of a student's statement, shared with
 * reviewer A only, who comments on it (quoting it) and suggests new words. Version 2, without the
 * canary, is shared with reviewer B. The canary reaches reviewer A and the student — and nothing
 * else: no answer of any GET route (every one in the authorization matrix, with every id of the
 * student's documents) to reviewer B, another student, the student's advisor or an admin; no
 * e-mail in the outbox; no audit row; no line the process writes.
 */

const CANARY = 'Zephyrine-canary-7c41 held my hand in the trauma bay'
const CANARY_WORD = 'Zephyrine-canary-7c41'
const BEFORE = 'On my surgery rotation I learned what care means. '
const AFTER = ' Since then I have wanted to train in emergency medicine.'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let student: Account
let reviewerA: Account
let reviewerB: Account
let otherStudent: Account
let advisor: Account
let admin: Account
const ids = { documentId: '', v1: '', v2: '', threadId: '', requestA: '', requestB: '' }
const written: string[] = []

const leaks = (text: string) => text.includes(CANARY_WORD)

function captureOutput() {
  const keep = (...args: unknown[]) =>
    written.push(args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? `${a.stack}` : JSON.stringify(a))).join(' '))
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, method).mockImplementation(keep)
  for (const stream of [process.stdout, process.stderr])
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
      keep(String(chunk))
      return true
    })
}

async function ok(label: string, response: Promise<{ status: number; text: string; json: Record<string, any> }>) {
  const answer = await response
  if (answer.status >= 300) throw new Error(`${label}: ${answer.status} ${answer.text}`)
  return answer.json
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  student = await t.signedInAs(['student'])
  const mentor = (name: string) => t.insertAccount(['mentor'], { name, mentor: { kind: 'faculty', capacity: 3, accepting: true } })
  const a = await mentor('Avery Alpha')
  const b = await mentor('Blake Beta')
  reviewerA = { person: a, cookie: await t.sessionCookie(a.id) }
  reviewerB = { person: b, cookie: await t.sessionCookie(b.id) }
  otherStudent = await t.signedInAs(['student'])
  advisor = await t.signedInAs(['advisor'])
  admin = await t.signedInAs(['admin'])

  captureOutput()
  const created = await ok(
    'document',
    t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'personal-statement', title: 'Emergency medicine statement', body: `${BEFORE}${CANARY}.${AFTER}` },
    }),
  )
  ids.documentId = created.id
  ids.v1 = created.latestVersion.id
  const sharedA = await ok(
    'share with A',
    t.request('POST', `/api/materials/versions/${ids.v1}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [a.id], dueDate: '2026-10-20', question: 'Is the trauma bay story too much?' },
    }),
  )
  ids.requestA = sharedA.reviews[0].id
  const start = BEFORE.length
  const commented = await ok(
    'comment by A',
    t.request('POST', `/api/materials/versions/${ids.v1}/threads`, {
      cookie: reviewerA.cookie,
      body: { start, end: start + CANARY.length, body: 'Name the moment, not the person.', suggestion: 'A nurse held my hand in the trauma bay' },
    }),
  )
  ids.threadId = commented.threads[0].id
  await ok(
    'reply by the student',
    t.request('POST', `/api/materials/threads/${ids.threadId}/replies`, { cookie: student.cookie, body: { body: 'Good point.' } }),
  )
  // A refused comment and a refused save, each carrying the canary, go through the error path too.
  expect(
    (await t.request('POST', `/api/materials/versions/${ids.v1}/threads`, { cookie: reviewerA.cookie, body: { start: 0, end: 10_000, body: CANARY } })).status,
  ).toBe(400)
  const saved = await ok(
    'version 2',
    t.request('POST', `/api/materials/documents/${ids.documentId}/versions`, {
      cookie: student.cookie,
      body: { body: `${BEFORE}A nurse held my hand in the trauma bay.${AFTER}`, basedOnVersionId: ids.v1 },
    }),
  )
  ids.v2 = saved.latestVersion.id
  expect(
    (
      await t.request('POST', `/api/materials/documents/${ids.documentId}/versions`, {
        cookie: student.cookie,
        body: { body: CANARY, basedOnVersionId: ids.v1 },
      })
    ).status,
  ).toBe(409)
  const sharedB = await ok(
    'share with B',
    t.request('POST', `/api/materials/versions/${ids.v2}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [b.id], dueDate: '2026-10-22', question: 'Does the ending land?' },
    }),
  )
  ids.requestB = sharedB.reviews.find((r: { reviewer: { id: string } }) => r.reviewer.id === b.id).id
  await ok(
    'comment by B',
    t.request('POST', `/api/materials/versions/${ids.v2}/threads`, { cookie: reviewerB.cookie, body: { start: 0, end: 2, body: 'Strong start.' } }),
  )
}, 60_000)

afterAll(async () => {
  vi.restoreAllMocks()
  await t?.close()
})

/** Every GET path of the matrix, with each of the student's ids and people in its parameters. */
function everyGetPath(): string[] {
  const paths = new Set<string>()
  const fills: Record<string, string[]> = {
    documentId: [ids.documentId],
    versionId: [ids.v1, ids.v2],
    threadId: [ids.threadId],
    reviewRequestId: [ids.requestA, ids.requestB],
    personId: [student.person.id, reviewerA.person.id],
  }
  for (const entry of AUTHORIZATION_MATRIX) {
    if (entry.method !== 'GET') continue
    const names = [...entry.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '')
    if (names.some((n) => !fills[n])) continue
    let variants = [entry.path]
    for (const name of names) variants = variants.flatMap((p) => (fills[name] ?? []).map((value) => p.replace(`:${name}`, value)))
    for (const p of variants) paths.add(p)
  }
  paths.add(`/api/materials/documents/${ids.documentId}/compare?from=${ids.v1}&to=${ids.v2}`)
  for (const q of [CANARY_WORD, 'trauma bay']) {
    paths.add(`/api/community/questions?q=${encodeURIComponent(q)}`)
    paths.add(`/api/directory/mentors?q=${encodeURIComponent(q)}`)
    paths.add(`/api/materials/reviewers?q=${encodeURIComponent(q)}`)
  }
  return [...paths]
}

describe('[review-canary] a version shared with reviewer A reaches no one else', () => {
  it('reaches the student and reviewer A (so the checks below would see it)', async () => {
    const asStudent = await t.request('GET', `/api/materials/versions/${ids.v1}`, { cookie: student.cookie })
    expect(leaks(asStudent.text)).toBe(true)
    const asA = await t.request('GET', `/api/materials/versions/${ids.v1}`, { cookie: reviewerA.cookie })
    expect(asA.status).toBe(200)
    expect(leaks(asA.text)).toBe(true)
    expect(asA.json.threads).toHaveLength(1)
  })

  for (const who of ['reviewer B', 'another student', 'an advisor', 'an admin'] as const) {
    it(`no GET route answers ${who} with it`, async () => {
      const viewer = { 'reviewer B': reviewerB, 'another student': otherStudent, 'an advisor': advisor, 'an admin': admin }[who]
      const paths = everyGetPath()
      expect(paths.length).toBeGreaterThan(50)
      for (const path of paths) {
        const response = await t.request('GET', path, { cookie: viewer.cookie })
        expect(response.status, `${path} ${response.text.slice(0, 200)}`).toBeLessThan(500)
        expect(leaks(response.text), `${path} leaked the canary to ${who}`).toBe(false)
      }
      if (who === 'reviewer B') {
        // B reads the version shared with them, without A's comment, and cannot open version 1.
        const v2 = await t.request('GET', `/api/materials/versions/${ids.v2}`, { cookie: reviewerB.cookie })
        expect(v2.status).toBe(200)
        expect(v2.json.threads.map((x: { body: string }) => x.body)).toEqual(['Strong start.'])
        expect((await t.request('GET', `/api/materials/versions/${ids.v1}`, { cookie: reviewerB.cookie })).status).toBe(404)
        expect((await t.request('POST', `/api/materials/threads/${ids.threadId}/replies`, { cookie: reviewerB.cookie, body: { body: 'Hi' } })).status).toBe(404)
      }
    })
  }

  it('is in no e-mail, though reviewer A was e-mailed a link to the version', async () => {
    const mail = await t.db.select().from(outbox)
    expect(mail.some((m) => m.toAddress === reviewerA.person.email && m.textBody.includes(`/materials/versions/${ids.v1}`))).toBe(true)
    for (const m of mail) expect(leaks(`${m.subject}\n${m.textBody}`), m.subject).toBe(false)
  })

  it('is in no PDF but the student’s own of version 1, which carries none of the review: no comment, suggestion, reply, question or reviewer', async () => {
    for (const [who, viewer, expected] of [
      ['reviewer A', reviewerA, 403],
      ['reviewer B', reviewerB, 403],
      ['another student', otherStudent, 404],
      ['an advisor', advisor, 403],
      ['an admin', admin, 403],
    ] as const) {
      for (const v of [ids.v1, ids.v2]) {
        const refused = await fetchPdf(t, `/api/materials/versions/${v}/pdf`, viewer.cookie)
        expect(refused.status, who).toBe(expected)
        expect(leaks(new TextDecoder().decode(refused.bytes)), who).toBe(false)
      }
    }
    const own = await pdfText((await fetchPdf(t, `/api/materials/versions/${ids.v1}/pdf`, student.cookie)).bytes)
    expect(own.text.replace(/\s+/g, ' ')).toContain(CANARY)
    for (const word of ['Name the moment', 'A nurse held my hand', 'Good point.', 'Is the trauma bay story too much?', 'Avery Alpha', 'Blake Beta'])
      expect(own.text, word).not.toContain(word)
    const later = await pdfText((await fetchPdf(t, `/api/materials/versions/${ids.v2}/pdf`, student.cookie)).bytes)
    expect(leaks(later.text)).toBe(false)
    expect(later.text).not.toContain('Strong start.')
  })

  it('is in no audit row and no line the process wrote', async () => {
    const rows = await t.db.select().from(auditLog)
    expect(rows.filter((r) => leaks(JSON.stringify(r)))).toEqual([])
    expect(written.filter(leaks)).toEqual([])
  })
})
