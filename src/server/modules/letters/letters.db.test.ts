import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, letterReminders, letterRequests, letterUploadLinks, outbox, studentAdvisors } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { makePdf, makePng, truncatedPdf } from '#tests/setup/pdf.ts'
import type { InsertedPerson } from '#tests/factories/index.ts'
import { MS_PER_DAY, MS_PER_HOUR, MS_PER_MINUTE } from '#shared/time.ts'
let t: TestApp
let student: { person: InsertedPerson; cookie: string }
let mentor: { person: InsertedPerson; cookie: string }
let otherMentor: { person: InsertedPerson; cookie: string }
let admin: { person: InsertedPerson; cookie: string }
let advisor: { person: InsertedPerson; cookie: string }

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  student = await t.signedInAs(['student'])
  mentor = await t.signedInAs(['mentor'])
  otherMentor = await t.signedInAs(['mentor'])
  admin = await t.signedInAs(['admin'])
  advisor = await t.signedInAs(['advisor'])
})
afterAll(async () => {
  await t?.close()
})

const START = new Date('2026-10-05T14:00:00Z')

/** Moves the clock, with fresh sessions for everyone (an idle session expires after an hour). */
async function travel(ms: number | null) {
  if (ms === null) t.clock.set(START)
  else t.clock.advance(ms)
  for (const account of [student, mentor, otherMentor, admin, advisor]) account.cookie = await t.sessionCookie(account.person.id)
}
beforeEach(() => travel(null))

const base = { purpose: 'general', letterType: 'standard', dueDate: '2026-12-15', talkingPoints: 'Our work together in clinic.' }
const toMentor = (overrides: Record<string, unknown> = {}) => ({ ...base, writerPersonId: mentor.person.id, waivedRightOfAccess: true, ...overrides })
const toOutside = (overrides: Record<string, unknown> = {}) => ({
  ...base,
  writerName: 'Dr. Outside Writer',
  writerEmail: 'outside.writer@hospital.example',
  waivedRightOfAccess: true,
  ...overrides,
})

async function create(body: Record<string, unknown>, cookie = student.cookie) {
  const response = await t.request('POST', '/api/letter-requests', { cookie, body })
  expect(response.status, response.text).toBe(201)
  return response.json as { request: { id: string; [key: string]: unknown }; dueDateWarning: string | null }
}

const putPdf = (path: string, bytes: Uint8Array, cookie: string | null) =>
  t.request('PUT', path, { cookie, rawBody: bytes as BodyInit, headers: { 'content-type': 'application/pdf' } })

async function lastEmailTo(address: string) {
  const rows = await t.db.select().from(outbox).where(eq(outbox.toAddress, address))
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1) ?? null
}

function tokenFrom(text: string): string {
  const match = text.match(/\/letters\/upload\/([A-Za-z0-9_-]+)/)
  if (!match?.[1]) throw new Error('No upload link in the e-mail.')
  return match[1]
}

describe('creating a request', () => {
  it('to a mentor: stored with the waiver answer, who and when; the writer is e-mailed; audited', async () => {
    const { request, dueDateWarning } = await create(toMentor())
    expect(request).toMatchObject({
      status: 'requested',
      waivedRightOfAccess: true,
      writer: { personId: mentor.person.id, outside: false },
      waiverRecordedAt: '2026-10-05T14:00:00.000Z',
    })
    expect(request).not.toHaveProperty('letter')
    expect(dueDateWarning).toBeNull()
    const [row] = await t.db.select().from(letterRequests).where(eq(letterRequests.id, request.id))
    expect(row?.waiverRecordedBy).toBe(student.person.id)
    expect((await lastEmailTo(mentor.person.email))?.subject).toContain('asks you for a letter')
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.objectId, request.id))
    expect(audit.map((a) => a.action)).toContain('letter.requested.waived')
  })

  it('the waiver has no default: a request without the answer is refused with the field named', async () => {
    const { waivedRightOfAccess: _, ...withoutAnswer } = toMentor()
    const response = await t.request('POST', '/api/letter-requests', { cookie: student.cookie, body: withoutAnswer })
    expect(response.status).toBe(400)
    expect(response.json.error.fields.waivedRightOfAccess).toBeTruthy()
  })

  it('not waiving never blocks a request, and the student may then read the letter section', async () => {
    const { request } = await create(toMentor({ waivedRightOfAccess: false }))
    expect(request.waivedRightOfAccess).toBe(false)
    expect(request).toHaveProperty('letter', null)
  })

  it('warns when the due date is under four weeks away; refuses a past date', async () => {
    const { dueDateWarning } = await create(toMentor({ dueDate: '2026-10-20' }))
    expect(dueDateWarning).toContain('in 15 days')
    const past = await t.request('POST', '/api/letter-requests', { cookie: student.cookie, body: toMentor({ dueDate: '2026-10-01' }) })
    expect(past.status).toBe(400)
    expect(past.json.error.fields.dueDate).toBeTruthy()
  })

  it('the writer must be a mentor in the app; purpose details are required', async () => {
    const notMentor = await t.request('POST', '/api/letter-requests', { cookie: student.cookie, body: toMentor({ writerPersonId: advisor.person.id }) })
    expect(notMentor.status).toBe(400)
    expect(notMentor.json.error.fields.writerPersonId).toBeTruthy()
    const noSpecialty = await t.request('POST', '/api/letter-requests', { cookie: student.cookie, body: toMentor({ purpose: 'specialty' }) })
    expect(noSpecialty.json.error.fields.specialtyId).toBeTruthy()
    const { request } = await create(
      toMentor({ purpose: 'program', programName: 'Riverside Internal Medicine Residency', letterType: 'sloe', erasLetterId: 'LOR-12345' }),
    )
    expect(request).toMatchObject({ programName: 'Riverside Internal Medicine Residency', letterType: 'sloe', erasLetterId: 'LOR-12345' })
  })
})

describe('the writer in the app', () => {
  it('accepts with a message, works, uploads; the student is told and prompted to thank; admin delivers', async () => {
    const { request } = await create(toMentor())
    const path = `/api/letter-requests/${request.id}`
    const accepted = await t.request('POST', `${path}/accept`, { cookie: mentor.cookie, body: { message: 'Happy to.' } })
    expect(accepted.json).toMatchObject({ status: 'accepted', writerMessage: 'Happy to.' })
    expect((await lastEmailTo(student.person.email))?.subject).toContain('will write your letter')
    expect((await t.request('POST', `${path}/in-progress`, { cookie: mentor.cookie })).json.status).toBe('in-progress')

    expect((await t.request('POST', `${path}/accept`, { cookie: otherMentor.cookie, body: {} })).status).toBe(404)
    expect((await putPdf(`${path}/letter`, makePdf(), otherMentor.cookie)).status).toBe(404)

    const uploaded = await putPdf(`${path}/letter`, makePdf({ text: 'A strong letter' }), mentor.cookie)
    expect(uploaded.status, uploaded.text).toBe(200)
    expect(uploaded.json.status).toBe('submitted')
    expect(uploaded.json.letter.sizeBytes).toBeGreaterThan(100)
    expect((await lastEmailTo(student.person.email))?.subject).toContain('submitted your letter')

    const board = (await t.request('GET', '/api/letters/mine', { cookie: student.cookie })).json
    expect(board.toThank).toContainEqual({ requestId: request.id, writerName: mentor.person.name })
    expect(board.done).toContain(request.id)
    await t.request('POST', `${path}/thanked`, { cookie: student.cookie })
    expect((await t.request('GET', '/api/letters/mine', { cookie: student.cookie })).json.toThank.map((x: { requestId: string }) => x.requestId)).not.toContain(
      request.id,
    )

    expect((await t.request('POST', `${path}/deliver`, { cookie: admin.cookie })).json.status).toBe('delivered')
    expect((await t.request('POST', `${path}/deliver`, { cookie: admin.cookie })).status).toBe(409)
  })

  it('declines with a message; a declined request cannot be accepted', async () => {
    const { request } = await create(toMentor())
    const declined = await t.request('POST', `/api/letter-requests/${request.id}/decline`, { cookie: mentor.cookie, body: { message: 'I am on leave.' } })
    expect(declined.json.status).toBe('declined')
    expect((await t.request('POST', `/api/letter-requests/${request.id}/accept`, { cookie: mentor.cookie, body: {} })).status).toBe(409)
  })

  it('lists every request across students, with the load this season', async () => {
    const other = await t.signedInAs(['student'])
    await create(toMentor({ dueDate: '2027-01-10' }), other.cookie)
    const writing = (await t.request('GET', '/api/letters/writing', { cookie: mentor.cookie })).json
    expect(new Set(writing.items.map((i: { student: { id: string } }) => i.student.id))).toEqual(new Set([student.person.id, other.person.id]))
    expect(writing.load.season).toBe('2026–2027')
    expect(writing.load.total).toBeGreaterThanOrEqual(writing.load.open)
    expect(writing.items[0]).toHaveProperty('talkingPoints')
  })

  it('the load counts the letters the lists hold, also those due next season', async () => {
    const writer = await t.signedInAs(['mentor'])
    const { request } = await create(toMentor({ writerPersonId: writer.person.id, dueDate: '2027-07-05' }))
    await create(toMentor({ writerPersonId: writer.person.id, dueDate: '2027-09-01' }))
    await putPdf(`/api/letter-requests/${request.id}/letter`, makePdf(), writer.cookie)
    const writing = (await t.request('GET', '/api/letters/writing', { cookie: writer.cookie })).json
    expect(writing.items).toHaveLength(2)
    expect(writing.load).toEqual({ season: '2027–2028', total: 2, open: 1, submitted: 1 })
  })
})

describe('the student', () => {
  it('withdraws; cannot withdraw after submission', async () => {
    const { request } = await create(toMentor())
    expect((await t.request('POST', `/api/letter-requests/${request.id}/withdraw`, { cookie: student.cookie })).json.status).toBe('withdrawn')
    const second = await create(toMentor())
    await putPdf(`/api/letter-requests/${second.request.id}/letter`, makePdf(), mentor.cookie)
    expect((await t.request('POST', `/api/letter-requests/${second.request.id}/withdraw`, { cookie: student.cookie })).status).toBe(409)
  })

  it('nudges only after a week, then once per 72 hours', async () => {
    const { request } = await create(toMentor({ dueDate: '2027-01-20' }))
    const path = `/api/letter-requests/${request.id}/nudge`
    expect(request.nudge).toEqual({ lastNudgedAt: null, nextNudgeAt: '2026-10-12T14:00:00.000Z' })
    const tooSoon = await t.request('POST', path, { cookie: student.cookie })
    expect(tooSoon.status).toBe(429)
    expect(tooSoon.json.error.message).toContain('a week')
    await travel(7 * MS_PER_DAY)
    expect((await t.request('POST', path, { cookie: student.cookie })).status).toBe(200)
    const again = await t.request('POST', path, { cookie: student.cookie })
    expect(again.status).toBe(429)
    expect(again.json.error.code).toBe('RATE_LIMITED')
    await travel(72 * MS_PER_HOUR - MS_PER_MINUTE)
    expect((await t.request('POST', path, { cookie: student.cookie })).status).toBe(429)
    await travel(60_000)
    expect((await t.request('POST', path, { cookie: student.cookie })).status).toBe(200)
  })

  it('uploads the packet as PDFs, refused by content with the field named', async () => {
    const { request } = await create(toMentor())
    const path = `/api/letter-requests/${request.id}/packet`
    const cv = await putPdf(`${path}/cv`, makePdf({ text: 'Curriculum vitae' }), student.cookie)
    expect(cv.status, cv.text).toBe(200)
    expect(cv.json.packet.cv.sizeBytes).toBeGreaterThan(0)
    const png = await putPdf(`${path}/personal-statement`, makePng(), student.cookie)
    expect(png.status).toBe(415)
    expect(png.json.error.fields['personal-statement']).toContain('PNG')
    const cut = await putPdf(`${path}/personal-statement`, truncatedPdf(), student.cookie)
    expect(cut.status).toBe(400)
    const encrypted = await putPdf(`${path}/cv`, makePdf({ encrypted: true }), student.cookie)
    expect(encrypted.json.error.fields.cv).toContain('encrypted')
    const big = await putPdf(`${path}/cv`, makePdf({ paddingBytes: 5 * 1024 * 1024 }), student.cookie)
    expect(big.status).toBe(413)
    const asJson = await t.request('PUT', `${path}/cv`, { cookie: student.cookie, body: { file: 'x' } })
    expect(asJson.status).toBe(415)
    const download = await t.app.request(`http://preceptor.test${path}/cv`, { headers: { cookie: mentor.cookie } })
    expect(download.status).toBe(200)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('cache-control')).toBe('no-store')
  })

  it('a letter up to 10 MB passes the body limits; larger is refused', async () => {
    const { request } = await create(toMentor())
    const ok = await putPdf(`/api/letter-requests/${request.id}/letter`, makePdf({ paddingBytes: 6 * 1024 * 1024 }), mentor.cookie)
    expect(ok.status, ok.text).toBe(200)
    const tooBig = await putPdf(`/api/letter-requests/${request.id}/letter`, makePdf({ paddingBytes: 11 * 1024 * 1024 }), mentor.cookie)
    expect(tooBig.status).toBe(413)
    // Storing a 6 MB file in the embedded database takes seconds on a shared machine.
  }, 120_000)

  it('revoking the waiver applies to future requests only', async () => {
    const before = await create(toMentor({ waivedRightOfAccess: true }))
    const revoked = await t.request('POST', '/api/letters/waiver-revocations', {
      cookie: student.cookie,
      body: { statement: 'I revoke my waiver for future letters.' },
    })
    expect(revoked.status).toBe(200)
    expect((await t.request('GET', `/api/letter-requests/${before.request.id}`, { cookie: student.cookie })).json.waivedRightOfAccess).toBe(true)
    const after = await create(toMentor({ waivedRightOfAccess: false }))
    expect(after.request.waivedRightOfAccess).toBe(false)
    const waivedAgain = await create(toMentor({ waivedRightOfAccess: true }))
    expect(waivedAgain.request.waivedRightOfAccess).toBe(true)
    expect((await t.request('GET', '/api/letters/mine', { cookie: student.cookie })).json.waiverRevokedAt).toBe('2026-10-05T14:00:00.000Z')
  })
})

describe('a writer without an account: the one-time link', () => {
  it('e-mailed through the outbox, never shown to the student; works once', async () => {
    const { request } = await create(toOutside())
    expect(request.uploadLink).toMatchObject({ active: true })
    expect(JSON.stringify(request)).not.toMatch(/letters\/upload/)
    const email = await lastEmailTo('outside.writer@hospital.example')
    const token = tokenFrom(email?.textBody ?? '')
    const [link] = await t.db.select().from(letterUploadLinks).where(eq(letterUploadLinks.requestId, request.id))
    expect(link?.tokenHash).not.toContain(token)

    const summary = await t.request('GET', `/api/letter-upload/${token}`)
    expect(summary.json).toMatchObject({ studentName: student.person.name, writerName: 'Dr. Outside Writer', waivedRightOfAccess: true })
    expect((await putPdf(`/api/letter-upload/${token}/letter`, makePng(), null)).status).toBe(415)
    const uploaded = await putPdf(`/api/letter-upload/${token}/letter`, makePdf(), null)
    expect(uploaded.status, uploaded.text).toBe(200)
    expect((await t.request('GET', `/api/letter-requests/${request.id}`, { cookie: student.cookie })).json.status).toBe('submitted')
    const reuse = await putPdf(`/api/letter-upload/${token}/letter`, makePdf(), null)
    expect(reuse.status).toBe(404)
    expect((await t.request('GET', `/api/letter-upload/${token}`)).status).toBe(404)
  })

  it('expires a week after the due date, and the e-mail says when in words', async () => {
    const { request } = await create(toOutside({ writerEmail: 'expiring@hospital.example' }))
    const email = (await lastEmailTo('expiring@hospital.example'))?.textBody ?? ''
    expect(email).toContain('due Tuesday 15 December 2026')
    expect(email).toContain('until Wednesday 23 December 2026')
    expect(email).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    const token = tokenFrom(email)
    await travel(Date.parse('2026-12-23T00:00:00Z') - START.getTime() - 1000)
    expect((await t.request('GET', `/api/letter-upload/${token}`)).status).toBe(200)
    await travel(1000)
    expect((await t.request('GET', `/api/letter-upload/${token}`)).status).toBe(404)
    expect((await putPdf(`/api/letter-upload/${token}/letter`, makePdf(), null)).status).toBe(404)
    expect((await t.request('GET', `/api/letter-requests/${request.id}`, { cookie: student.cookie })).json.uploadLink).toMatchObject({ active: false })
  })

  it('revoked by the student or an admin; a new link replaces the old one', async () => {
    const { request } = await create(toOutside({ writerEmail: 'revoked@hospital.example' }))
    const first = tokenFrom((await lastEmailTo('revoked@hospital.example'))?.textBody ?? '')
    const revoked = await t.request('DELETE', `/api/letter-requests/${request.id}/upload-link`, { cookie: student.cookie })
    expect(revoked.json.uploadLink).toMatchObject({ active: false })
    expect((await t.request('GET', `/api/letter-upload/${first}`)).status).toBe(404)
    expect((await t.request('DELETE', `/api/letter-requests/${request.id}/upload-link`, { cookie: admin.cookie })).status).toBe(409)

    expect((await t.request('POST', `/api/letter-requests/${request.id}/upload-link`, { cookie: admin.cookie })).status).toBe(200)
    const second = tokenFrom((await lastEmailTo('revoked@hospital.example'))?.textBody ?? '')
    expect(second).not.toBe(first)
    expect((await t.request('GET', `/api/letter-upload/${second}`)).status).toBe(200)
    await t.request('POST', `/api/letter-requests/${request.id}/upload-link`, { cookie: student.cookie })
    expect((await t.request('GET', `/api/letter-upload/${second}`)).status).toBe(404)
    const other = await t.signedInAs(['student'])
    expect((await t.request('DELETE', `/api/letter-requests/${request.id}/upload-link`, { cookie: other.cookie })).status).toBe(404)
  })

  it('a withdrawn request’s link stops working', async () => {
    const { request } = await create(toOutside({ writerEmail: 'withdrawn@hospital.example' }))
    const token = tokenFrom((await lastEmailTo('withdrawn@hospital.example'))?.textBody ?? '')
    await t.request('POST', `/api/letter-requests/${request.id}/withdraw`, { cookie: student.cookie })
    expect((await t.request('GET', `/api/letter-upload/${token}`)).status).toBe(404)
  })

  it('two uploads racing with one link: exactly one wins', async () => {
    await create(toOutside({ writerEmail: 'race@hospital.example' }))
    const token = tokenFrom((await lastEmailTo('race@hospital.example'))?.textBody ?? '')
    const results = await Promise.all([
      putPdf(`/api/letter-upload/${token}/letter`, makePdf(), null),
      putPdf(`/api/letter-upload/${token}/letter`, makePdf(), null),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 404])
  })
})

describe('staff', () => {
  it('advisors see statuses and due dates, never the packet or the letter', async () => {
    await t.db
      .insert(studentAdvisors)
      .values({ studentId: student.person.id, advisorId: advisor.person.id, assignedAt: t.clock.now(), assignedBy: null })
      .onConflictDoNothing()
    const { request } = await create(toMentor())
    await putPdf(`/api/letter-requests/${request.id}/letter`, makePdf(), mentor.cookie)
    const list = await t.request('GET', `/api/letters/students/${student.person.id}`, { cookie: advisor.cookie })
    const item = list.json.items.find((i: { id: string }) => i.id === request.id)
    expect(item).toMatchObject({ status: 'submitted', dueDate: '2026-12-15' })
    expect(item).not.toHaveProperty('letter')
    expect(item).not.toHaveProperty('packet')
    expect(item).not.toHaveProperty('talkingPoints')
    expect((await t.request('GET', `/api/letter-requests/${request.id}/letter`, { cookie: advisor.cookie })).status).toBe(403)
    expect((await t.request('GET', `/api/letters/students/${mentor.person.id}`, { cookie: advisor.cookie })).status).toBe(404)
  })

  it('admins read waived letters, and every read is audited', async () => {
    const { request } = await create(toMentor())
    await putPdf(`/api/letter-requests/${request.id}/letter`, makePdf({ text: 'Admin can read' }), mentor.cookie)
    for (const cookie of [admin.cookie, mentor.cookie, admin.cookie]) {
      const read = await t.app.request(`http://preceptor.test/api/letter-requests/${request.id}/letter`, { headers: { cookie } })
      expect(read.status).toBe(200)
      expect(Buffer.from(await read.arrayBuffer()).toString('latin1')).toContain('Admin can read')
    }
    const reads = (await t.db.select().from(auditLog).where(eq(auditLog.objectId, request.id))).filter((a) => a.action === 'letter.read.waived')
    expect(reads.map((r) => r.actorId)).toEqual([admin.person.id, mentor.person.id, admin.person.id])
    const all = await t.request('GET', '/api/letters/all?status=submitted', { cookie: admin.cookie })
    expect(all.json.items.some((i: { id: string }) => i.id === request.id)).toBe(true)
  })
})

describe('reminders (fake clock)', () => {
  it('sends 14, 7 and 2 days before and when overdue, each once, even with sweeps running at once', async () => {
    const app = await createTestApp({ now: new Date('2026-11-01T09:00:00Z') })
    try {
      const s = await app.signedInAs(['student'])
      const m = await app.insertAccount(['mentor'])
      const created = await app.request('POST', '/api/letter-requests', {
        cookie: s.cookie,
        body: { ...base, dueDate: '2026-11-30', writerPersonId: m.id, waivedRightOfAccess: false },
      })
      const id = created.json.request.id as string
      const sentOn: string[] = []
      while (app.clock.now().getTime() < Date.parse('2026-12-05T00:00:00Z')) {
        const counts = await Promise.all([
          app.services.letters.sendDueLetterReminders(app.clock.now()),
          app.services.letters.sendDueLetterReminders(app.clock.now()),
        ])
        if (counts[0] + counts[1] > 0) sentOn.push(app.clock.now().toISOString().slice(0, 10))
        expect(counts[0] + counts[1]).toBeLessThanOrEqual(1)
        app.clock.advance(6 * MS_PER_HOUR)
      }
      expect(sentOn).toEqual(['2026-11-16', '2026-11-23', '2026-11-28', '2026-12-01'])
      const kinds = await app.db.select().from(letterReminders).where(eq(letterReminders.requestId, id))
      expect(kinds.map((k) => k.kind).sort()).toEqual(['due-in-14-days', 'due-in-2-days', 'due-in-7-days', 'overdue'])
      const mails = (await app.db.select().from(outbox).where(eq(outbox.toAddress, m.email))).filter((o) => o.kind.startsWith('letter.reminder.'))
      expect(mails).toHaveLength(4)
    } finally {
      await app.close()
    }
  })

  it('stops once the letter is submitted', async () => {
    const app = await createTestApp({ now: new Date('2026-11-01T09:00:00Z') })
    try {
      const s = await app.signedInAs(['student'])
      const m = await app.signedInAs(['mentor'])
      const created = await app.request('POST', '/api/letter-requests', {
        cookie: s.cookie,
        body: { ...base, dueDate: '2026-11-14', writerPersonId: m.person.id, waivedRightOfAccess: true },
      })
      app.clock.advance(2 * MS_PER_DAY)
      expect(await app.services.letters.sendDueLetterReminders()).toBe(1)
      s.cookie = await app.sessionCookie(s.person.id)
      m.cookie = await app.sessionCookie(m.person.id)
      await app.request('PUT', `/api/letter-requests/${created.json.request.id}/letter`, {
        cookie: m.cookie,
        rawBody: makePdf() as BodyInit,
        headers: { 'content-type': 'application/pdf' },
      })
      const submitted = await app.request('GET', `/api/letter-requests/${created.json.request.id}`, { cookie: s.cookie })
      expect(submitted.json.status).toBe('submitted')
      app.clock.advance(30 * MS_PER_DAY)
      expect(await app.services.letters.sendDueLetterReminders()).toBe(0)
    } finally {
      await app.close()
    }
  })
})

describe('advisors and the one student-record gate', () => {
  it('an advisor not assigned to the student gets 404 on their letters and on each request; an assigned one reads, audited', async () => {
    const someone = await t.signedInAs(['student'])
    const stranger = await t.signedInAs(['advisor'])
    const assigned = await t.signedInAs(['advisor'])
    await t.db.insert(studentAdvisors).values({ studentId: someone.person.id, advisorId: assigned.person.id, assignedAt: t.clock.now(), assignedBy: null })
    const { request } = await create(toMentor({ erasLetterId: 'ERAS-123' }), someone.cookie)

    const list = await t.request('GET', `/api/letters/students/${someone.person.id}`, { cookie: stranger.cookie })
    expect(list.status).toBe(404)
    expect(list.text).not.toContain('ERAS-123')
    expect((await t.request('GET', `/api/letter-requests/${request.id}`, { cookie: stranger.cookie })).status).toBe(404)

    const allowed = await t.request('GET', `/api/letters/students/${someone.person.id}`, { cookie: assigned.cookie })
    expect(allowed.status).toBe(200)
    expect(allowed.json.items.map((i: { erasLetterId: string }) => i.erasLetterId)).toEqual(['ERAS-123'])
    expect((await t.request('GET', `/api/letter-requests/${request.id}`, { cookie: assigned.cookie })).status).toBe(200)
    const reads = await t.db.select().from(auditLog).where(eq(auditLog.actorId, assigned.person.id))
    expect(reads.map((r) => r.action).sort()).toEqual(['student-record.read.letter-request', 'student-record.read.letters'])
    expect(reads.every((r) => r.objectId === someone.person.id)).toBe(true)
  })

  it('admins, who deliver letters, still list any student’s requests, audited, and see the writer’s address', async () => {
    const someone = await t.signedInAs(['student'])
    await create(toOutside({ writerEmail: 'dr.writer@hospital.example' }), someone.cookie)
    const list = await t.request('GET', `/api/letters/students/${someone.person.id}`, { cookie: admin.cookie })
    expect(list.status).toBe(200)
    expect(list.json.items[0].writer).toMatchObject({ name: 'Dr. Outside Writer', email: 'dr.writer@hospital.example' })
    const all = await t.request('GET', '/api/letters/all?status=requested&pageSize=100', { cookie: admin.cookie })
    expect(all.json.items.find((i: { student: { id: string } }) => i.student.id === someone.person.id)?.writer.email).toBe('dr.writer@hospital.example')
    const mine = await t.request('GET', '/api/letters/mine', { cookie: someone.cookie })
    expect(mine.json.items[0].writer).not.toHaveProperty('email')
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.actorId, admin.person.id))
    expect(audited.some((a) => a.action === 'student-record.read.letters' && a.objectId === someone.person.id)).toBe(true)
  })
})

describe('mail to an address the student typed', () => {
  it('re-sending an outside writer’s link is limited: 4 e-mails a day to one address, then 429 and nothing sent', async () => {
    const someone = await t.signedInAs(['student'])
    const { request } = await create(toOutside({ writerEmail: 'relay@hospital.example' }), someone.cookie)
    const statuses: number[] = []
    for (let i = 0; i < 25; i++) statuses.push((await t.request('POST', `/api/letter-requests/${request.id}/upload-link`, { cookie: someone.cookie })).status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(3)
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true)
    expect(await t.db.select().from(outbox).where(eq(outbox.toAddress, 'relay@hospital.example'))).toHaveLength(4)
    // The limit holds for admins too (it protects the address), and a day later it lifts.
    expect((await t.request('POST', `/api/letter-requests/${request.id}/upload-link`, { cookie: admin.cookie })).status).toBe(429)
    await travel(MS_PER_DAY)
    expect((await t.request('POST', `/api/letter-requests/${request.id}/upload-link`, { cookie: await t.sessionCookie(someone.person.id) })).status).toBe(200)
  })

  it('one student sends at most 10 such e-mails a day, across addresses, even in parallel', async () => {
    const someone = await t.signedInAs(['student'])
    const results = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        t.request('POST', '/api/letter-requests', { cookie: someone.cookie, body: toOutside({ writerEmail: `writer${i}@clinic.example` }) }),
      ),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(10)
    expect(results.filter((r) => r.status === 429)).toHaveLength(4)
    const sent = await t.db.select().from(letterRequests).where(eq(letterRequests.studentId, someone.person.id))
    expect(sent).toHaveLength(10)
  })

  it('refuses a web or e-mail address in the writer’s name or the program, with the field named', async () => {
    for (const [field, value] of [
      ['writerName', 'Dr. Evil https://phish.example/login'],
      ['writerName', 'Win a prize at www.prize'],
      ['writerName', 'Claim now: prize.com'],
      ['writerName', 'Dr. A\nSubject: hi'],
      ['programName', 'See evil@phish.example'],
    ] as const) {
      const body = field === 'programName' ? toOutside({ purpose: 'program', programName: value }) : toOutside({ [field]: value })
      const response = await t.request('POST', '/api/letter-requests', { cookie: student.cookie, body })
      expect(response.status, value).toBe(400)
      expect(response.json.error.fields[field], value).toBeTruthy()
    }
    expect(
      (
        await t.request('POST', '/api/letter-requests', {
          cookie: student.cookie,
          body: toOutside({ writerName: 'Dr. María-José O’Neill, MD', writerEmail: 'mjo@hospital.example' }),
        })
      ).status,
    ).toBe(201)
  })
})

describe('forged letters: the outside writer is someone else', () => {
  it('refuses the student’s own address (any case, any +tag) and another student’s', async () => {
    const someone = await t.signedInAs(['student'])
    const classmate = await t.signedInAs(['student'])
    const [local, domain] = someone.person.email.split('@')
    for (const address of [someone.person.email, `${local?.toUpperCase()}@${domain}`, `${local}+letters@${domain}`, classmate.person.email]) {
      const response = await t.request('POST', '/api/letter-requests', { cookie: someone.cookie, body: toOutside({ writerEmail: address }) })
      expect(response.status, address).toBe(400)
      expect(response.json.error.fields.writerEmail, address).toBeTruthy()
    }
    expect(await t.db.select().from(letterRequests).where(eq(letterRequests.studentId, someone.person.id))).toHaveLength(0)
  })

  it('refuses any address at the student domain (a domain where only students have accounts), not at a shared one', async () => {
    const onStudentDomain = await t.insertAccount(['student'], { email: 'first.student@students.med.example' })
    const cookie = await t.sessionCookie(onStudentDomain.id)
    const refused = await t.request('POST', '/api/letter-requests', { cookie, body: toOutside({ writerEmail: 'not.a.real.person@students.med.example' }) })
    expect(refused.status).toBe(400)
    expect(refused.json.error.message).toContain('student e-mail domain')
    // test.example.edu holds students and mentors alike: a faculty address there is fine.
    expect((await t.request('POST', '/api/letter-requests', { cookie, body: toOutside({ writerEmail: 'new.faculty@test.example.edu' }) })).status).toBe(201)
  })
})

describe('an outside writer declines through the link', () => {
  it('the request is declined with their message, the student is told, and the link stops working', async () => {
    const someone = await t.signedInAs(['student'])
    const { request } = await create(toOutside({ writerEmail: 'declining@hospital.example' }), someone.cookie)
    const token = tokenFrom((await lastEmailTo('declining@hospital.example'))?.textBody ?? '')
    const declined = await t.request('POST', `/api/letter-upload/${token}/decline`, { body: { message: 'I am on leave until June.' } })
    expect(declined.status, declined.text).toBe(200)
    const seen = (await t.request('GET', `/api/letter-requests/${request.id}`, { cookie: someone.cookie })).json
    expect(seen).toMatchObject({ status: 'declined', writerMessage: 'I am on leave until June.' })
    expect((await lastEmailTo(someone.person.email))?.subject).toContain('cannot write your letter')
    expect((await t.request('GET', `/api/letter-upload/${token}`)).status).toBe(404)
    expect((await putPdf(`/api/letter-upload/${token}/letter`, makePdf(), null)).status).toBe(404)
    expect((await t.request('POST', `/api/letter-upload/${token}/decline`, { body: {} })).status).toBe(404)
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.objectId, request.id))
    expect(audit.map((a) => a.action)).toContain('letter.declined.by-link')
  })
})
