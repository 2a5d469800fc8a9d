import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, outbox } from '#server/db/schema/index.ts'
import { makeDocx } from '#tests/setup/docx.ts'
import { makePdf } from '#tests/setup/pdf.ts'
import { fetchPdf, pdfText } from '#tests/setup/pdf-text.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'
import { webRouteFor } from '#tests/setup/web-routes.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let student: Account
let reviewer: Account
let otherStudent: Account
let advisor: Account
let admin: Account
let versionId = ''

// Accents, curly quotes, an em dash, Polish and Greek letters: none of them may come out blank.
const BODY =
  '# Why “emergency” medicine\n\nAt José’s bedside in Łódź I learned that **care** is *attention* — not heroics; α-blockers too.\n\n- Night shifts\n- Café conversations'

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  const s = await t.insertAccount(['student'], { name: 'Zoë Łukasiewicz-Müller' })
  student = { person: s, cookie: await t.sessionCookie(s.id) }
  const m = await t.insertAccount(['mentor'], { name: 'Dana Reviewer', mentor: { kind: 'faculty', capacity: 3, accepting: true } })
  reviewer = { person: m, cookie: await t.sessionCookie(m.id) }
  otherStudent = await t.signedInAs(['student'])
  advisor = await t.signedInAs(['advisor'])
  admin = await t.signedInAs(['admin'])
  const created = await t.request('POST', '/api/materials/documents', {
    cookie: student.cookie,
    body: { kind: 'personal-statement', title: 'Emergency medicine “main” statement', target: 'Emergency Medicine', body: BODY },
  })
  expect(created.status, created.text).toBe(201)
  versionId = created.json.latestVersion.id
  const shared = await t.request('POST', `/api/materials/versions/${versionId}/shares`, {
    cookie: student.cookie,
    body: { reviewerIds: [m.id], dueDate: '2026-10-20', question: 'Too long?' },
  })
  expect(shared.status, shared.text).toBe(201)
  const commented = await t.request('POST', `/api/materials/versions/${versionId}/threads`, {
    cookie: reviewer.cookie,
    body: { start: 30, end: 40, body: 'Reviewer-only remark about the bedside.', suggestion: 'Suggested-wording-xyz' },
  })
  expect(commented.status, commented.text).toBe(201)
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('a version as a PDF', () => {
  it('is a real PDF with the student’s name, the kind and title, and the text in every script, markers dropped', async () => {
    const pdf = await fetchPdf(t, `/api/materials/versions/${versionId}/pdf`, student.cookie)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toBe('attachment; filename="zoe-ukasiewicz-muller-emergency-medicine-main-statement-v1.pdf"')
    expect(pdf.headers.get('cache-control')).toBe('no-store')
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-')
    const { text } = await pdfText(pdf.bytes)
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Zoë Łukasiewicz-Müller')
    expect(flat).toContain('Personal statement — Emergency Medicine: Emergency medicine “main” statement')
    expect(flat).toContain('Why “emergency” medicine')
    expect(flat).toContain('At José’s bedside in Łódź I learned that care is attention — not heroics; α-blockers too.')
    expect(flat).toContain('Café conversations')
    expect(flat).not.toContain('**')
    expect(flat).not.toContain('# Why')
  })

  it('carries no comment, suggestion, question or reviewer’s name', async () => {
    const { text } = await pdfText((await fetchPdf(t, `/api/materials/versions/${versionId}/pdf`, student.cookie)).bytes)
    for (const word of ['Reviewer-only remark', 'Suggested-wording-xyz', 'Too long?', 'Dana Reviewer']) expect(text).not.toContain(word)
  })

  it('lays a statement at the ERAS limit over pages', async () => {
    const long = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}. ${'Words of a long statement, written again and again. '.repeat(13)}`).join('\n\n')
    const doc = await t.request('POST', '/api/materials/documents', { cookie: student.cookie, body: { kind: 'personal-statement', title: 'Long', body: long } })
    expect(doc.status, doc.text).toBe(201)
    const pdf = await fetchPdf(t, `/api/materials/versions/${doc.json.latestVersion.id}/pdf`, student.cookie)
    const { pages, text } = await pdfText(pdf.bytes)
    expect(pages).toBeGreaterThan(5)
    expect(text).toContain('Paragraph 40.')
  })

  it('is the student’s only: the reviewer 403, another student 404, staff 403, a bad id 400, signed out 401', async () => {
    const path = `/api/materials/versions/${versionId}/pdf`
    expect((await t.request('GET', path, { cookie: reviewer.cookie })).status).toBe(403)
    expect((await t.request('GET', path, { cookie: advisor.cookie })).status).toBe(403)
    expect((await t.request('GET', path, { cookie: admin.cookie })).status).toBe(403)
    const stranger = await t.request('GET', path, { cookie: otherStudent.cookie })
    expect(stranger.status).toBe(404)
    expect(stranger.json.error.message).toBe('No such version, or it was not shared with you.')
    const bad = await t.request('GET', '/api/materials/versions/not-a-uuid/pdf', { cookie: student.cookie })
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.versionId).toBeTruthy()
    expect((await t.request('GET', path)).status).toBe(401)
  })

  it('refuses a student who is also a reviewer of someone else’s version (403 as a reviewer, never the file)', async () => {
    const nearPeer = await t.insertAccount(['student', 'mentor'], { name: 'Near Peer', mentor: { kind: 'near-peer', capacity: 3, accepting: true } })
    const cookie = await t.sessionCookie(nearPeer.id)
    const shared = await t.request('POST', `/api/materials/versions/${versionId}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [nearPeer.id], dueDate: '2026-10-20', question: 'Clear?' },
    })
    expect(shared.status, shared.text).toBe(201)
    expect((await t.request('GET', `/api/materials/versions/${versionId}`, { cookie })).status).toBe(200)
    expect((await t.request('GET', `/api/materials/versions/${versionId}/pdf`, { cookie })).status).toBe(403)
  })
})

describe('a Word file as the next version', () => {
  const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  async function freshDocument() {
    const created = await t.request('POST', '/api/materials/documents', { cookie: student.cookie, body: { kind: 'cv', title: 'CV', body: 'Old CV text.' } })
    expect(created.status, created.text).toBe(201)
    return { id: created.json.id as string, v1: created.json.latestVersion.id as string }
  }
  const upload = (documentId: string, basedOn: string, bytes: Uint8Array, cookie = student.cookie, type = DOCX) =>
    t.request('POST', `/api/materials/documents/${documentId}/import?basedOnVersionId=${basedOn}`, {
      cookie,
      rawBody: bytes as BodyInit,
      headers: { 'content-type': type },
    })

  it('saves the file’s paragraphs as a new version noted as imported, text intact', async () => {
    const doc = await freshDocument()
    const imported = await upload(doc.id, doc.v1, makeDocx(['Zoë Müller, MS4', 'Education: “Université de Montréal” — 2023']))
    expect(imported.status, imported.text).toBe(201)
    expect(imported.json.versions[0]).toMatchObject({ number: 2, note: 'Imported from a Word file' })
    const v2 = await t.request('GET', `/api/materials/versions/${imported.json.latestVersion.id}`, { cookie: student.cookie })
    expect(v2.json.body).toBe('Zoë Müller, MS4\n\nEducation: “Université de Montréal” — 2023')
  })

  it('refuses a text file named .docx and a PDF (415 on file), whatever the Content-Type says', async () => {
    const doc = await freshDocument()
    const text = await upload(doc.id, doc.v1, new TextEncoder().encode('Plain text, renamed to cv.docx'))
    expect(text.status).toBe(415)
    expect(text.json.error.fields.file).toContain('not a Word (.docx) file')
    const pdf = await upload(doc.id, doc.v1, makePdf({ text: 'My CV' }), student.cookie, 'application/pdf')
    expect(pdf.status).toBe(415)
    expect(pdf.json.error.fields.file).toBeTruthy()
    expect((await t.request('GET', `/api/materials/documents/${doc.id}`, { cookie: student.cookie })).json.versionCount).toBe(1)
  })

  it('refuses a 20 MB file (413 on file), an empty one, one past the storage cap, and a stale version (409), writing nothing', async () => {
    const doc = await freshDocument()
    const big = new Uint8Array(20 * 1024 * 1024)
    big.set(makeDocx(['x']))
    const tooBig = await upload(doc.id, doc.v1, big)
    expect(tooBig.status).toBe(413)
    expect(tooBig.json.error.fields.file).toContain('5 MB')
    const empty = await upload(doc.id, doc.v1, makeDocx([]))
    expect(empty.status).toBe(400)
    expect(empty.json.error.fields.file).toContain('no text')
    const long = await upload(doc.id, doc.v1, makeDocx(['word '.repeat(13_000)]))
    expect(long.status).toBe(400)
    expect(long.json.error.fields.file).toContain('at most 60,000')
    const same = await upload(doc.id, doc.v1, makeDocx(['Old CV text.']))
    expect(same.status).toBe(400)
    expect(same.json.error.fields.file).toBeTruthy()
    expect((await upload(doc.id, doc.v1, makeDocx(['New']))).status).toBe(201)
    const stale = await upload(doc.id, doc.v1, makeDocx(['Newer']))
    expect(stale.status).toBe(409)
    expect(stale.json.error.fields.basedOnVersionId).toBeTruthy()
    const missing = await t.request('POST', `/api/materials/documents/${doc.id}/import`, { cookie: student.cookie, rawBody: makeDocx(['x']) as BodyInit })
    expect(missing.status).toBe(400)
    expect(missing.json.error.fields.basedOnVersionId).toBeTruthy()
    expect((await t.request('GET', `/api/materials/documents/${doc.id}`, { cookie: student.cookie })).json.versionCount).toBe(2)
  })

  it('is the student’s own: another student 404 (before the file is read), reviewers and staff 403', async () => {
    const doc = await freshDocument()
    const notAFile = new TextEncoder().encode('not a docx')
    expect((await upload(doc.id, doc.v1, notAFile, otherStudent.cookie)).status).toBe(404)
    for (const who of [reviewer, advisor, admin]) expect((await upload(doc.id, doc.v1, makeDocx(['x']), who.cookie)).status).toBe(403)
  })
})

describe('a version in a letter packet', () => {
  const STATEMENT = 'Packet-statement-4411: why I chose emergency medicine, with “care”.'
  let writer: Account
  let otherMentor: Account
  let requestId = ''
  let outsideRequestId = ''
  let statementVersion = ''
  let cvVersion = ''

  beforeAll(async () => {
    const w = await t.insertAccount(['mentor'], { name: 'Wren Writer', mentor: { kind: 'faculty', capacity: 3, accepting: true } })
    writer = { person: w, cookie: await t.sessionCookie(w.id) }
    otherMentor = await t.signedInAs(['mentor'])
    const base = { purpose: 'general', letterType: 'standard', dueDate: '2026-12-15', talkingPoints: 'Clinic.', waivedRightOfAccess: true }
    const asked = await t.request('POST', '/api/letter-requests', { cookie: student.cookie, body: { ...base, writerPersonId: w.id } })
    expect(asked.status, asked.text).toBe(201)
    requestId = asked.json.request.id
    const outside = await t.request('POST', '/api/letter-requests', {
      cookie: student.cookie,
      body: { ...base, writerName: 'Dr. Outside Writer', writerEmail: 'outside.writer@hospital.example' },
    })
    expect(outside.status, outside.text).toBe(201)
    outsideRequestId = outside.json.request.id
    const ps = await t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'personal-statement', title: 'EM', body: STATEMENT },
    })
    statementVersion = ps.json.latestVersion.id
    const cv = await t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'cv', title: 'CV', body: 'Packet-cv-9902 Education.' },
    })
    cvVersion = cv.json.latestVersion.id
    // The statement is also out for review with a mentor who is not the writer.
    const shared = await t.request('POST', `/api/materials/versions/${statementVersion}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [reviewer.person.id], dueDate: '2026-10-20', question: 'Ready?' },
    })
    expect(shared.status, shared.text).toBe(201)
  })

  const attach = (id: string, slot: string, versionId: string, cookie = student.cookie) =>
    t.request('PUT', `/api/letter-requests/${id}/packet/${slot}/from-materials`, { cookie, body: { versionId } })

  it('puts the chosen versions in the packet as PDFs the writer reads, audited', async () => {
    const done = await attach(requestId, 'personal-statement', statementVersion)
    expect(done.status, done.text).toBe(200)
    expect(done.json.packet.personalStatement.sizeBytes).toBeGreaterThan(1000)
    expect((await attach(requestId, 'cv', cvVersion)).status).toBe(200)
    const asWriter = await fetchPdf(t, `/api/letter-requests/${requestId}/packet/personal-statement`, writer.cookie)
    expect(asWriter.status).toBe(200)
    const { text } = await pdfText(asWriter.bytes)
    expect(text.replace(/\s+/g, ' ')).toContain(STATEMENT)
    expect(text).toContain('Zoë Łukasiewicz-Müller')
    expect(text).not.toContain('Ready?')
    expect((await pdfText((await fetchPdf(t, `/api/letter-requests/${requestId}/packet/cv`, writer.cookie)).bytes)).text).toContain('Packet-cv-9902')
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.objectId, requestId))
    expect(audited.map((r) => r.action)).toContain('letter.packet-attached-version.personal-statement')
    expect(JSON.stringify(audited)).not.toContain('Packet-statement-4411')
  })

  it('reaches a writer outside the app through their one-time link', async () => {
    expect((await attach(outsideRequestId, 'personal-statement', statementVersion)).status).toBe(200)
    const mail = (await t.db.select().from(outbox).where(eq(outbox.toAddress, 'outside.writer@hospital.example'))).at(-1)
    const token = mail?.textBody.match(/\/letters\/upload\/([A-Za-z0-9_-]+)/)?.[1]
    expect(token).toBeTruthy()
    const viaLink = await t.app.request(`${TEST_ORIGIN}/api/letter-upload/${token}/packet/personal-statement`)
    expect(viaLink.status).toBe(200)
    expect((await pdfText(new Uint8Array(await viaLink.arrayBuffer()))).text.replace(/\s+/g, ' ')).toContain(STATEMENT)
  })

  it('reaches nobody new: the version’s reviewer, another mentor, another student and an advisor get 404', async () => {
    for (const who of [reviewer, otherMentor, otherStudent, advisor]) {
      const answer = await fetchPdf(t, `/api/letter-requests/${requestId}/packet/personal-statement`, who.cookie)
      expect(answer.status).toBe(404)
      expect(new TextDecoder().decode(answer.bytes)).not.toContain('Packet-statement')
    }
  })

  it('refuses a version of the wrong kind, another student’s, a bad id, and callers other than the request’s student', async () => {
    const wrongKind = await attach(requestId, 'cv', statementVersion)
    expect(wrongKind.status).toBe(400)
    expect(wrongKind.json.error.fields.versionId).toContain('not your CV')
    const theirs = await t.request('POST', '/api/materials/documents', { cookie: otherStudent.cookie, body: { kind: 'cv', title: 'Mine', body: 'Other CV.' } })
    const foreign = await attach(requestId, 'cv', theirs.json.latestVersion.id)
    expect(foreign.status).toBe(404)
    expect(foreign.json.error.fields.versionId).toBeTruthy()
    const bad = await attach(requestId, 'cv', 'nope')
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.versionId).toBeTruthy()
    expect((await attach(requestId, 'transcript', cvVersion)).status).toBe(400)
    // Another student with their own version cannot reach this request; the writer and staff are not students.
    expect((await attach(requestId, 'cv', theirs.json.latestVersion.id, otherStudent.cookie)).status).toBe(404)
    for (const who of [writer, admin, advisor]) expect((await attach(requestId, 'cv', cvVersion, who.cookie)).status).toBe(403)
  })
})

describe('review reminders', () => {
  it('reminds each reviewer once of an unfinished review due tomorrow, linking to the version; not finished, later or fresh ones', async () => {
    const mk = async (name: string) => {
      const p = await t.insertAccount(['mentor'], { name, mentor: { kind: 'faculty', capacity: 3, accepting: true } })
      return { person: p, cookie: await t.sessionCookie(p.id) }
    }
    const [dueSoon, finished, later] = [await mk('Remi Due'), await mk('Fin Done'), await mk('Lat Later')]
    const doc = await t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'personal-statement', title: 'Reminded', body: 'Reminder-canary-5510 statement text.' },
    })
    const versionId = doc.json.latestVersion.id as string
    const share = (ids: string[], dueDate: string) =>
      t.request('POST', `/api/materials/versions/${versionId}/shares`, {
        cookie: student.cookie,
        body: { reviewerIds: ids, dueDate, question: 'Does it flow?' },
      })
    expect((await share([dueSoon.person.id, finished.person.id], '2026-10-07')).status).toBe(201)
    expect((await share([later.person.id], '2026-10-09')).status).toBe(201)
    const finishedRequest = (await t.request('GET', '/api/materials/reviews', { cookie: finished.cookie })).json.items[0].id
    expect((await t.request('POST', `/api/materials/reviews/${finishedRequest}/finish`, { cookie: finished.cookie })).status).toBe(200)

    const reminders = async () =>
      (await t.db.select().from(outbox).where(eq(outbox.kind, 'materials.review-reminder'))).filter((m) =>
        m.textBody.includes(`/materials/versions/${versionId}`),
      )
    // Due tomorrow but shared under a day ago: the request's own e-mail is enough for now.
    expect(await t.services.materials.sweepReviewReminders(new Date('2026-10-06T10:00:00Z'))).toBe(0)
    // The day before it is due, two sweeps at once (as two server processes would) send one reminder.
    const dayBefore = new Date('2026-10-06T15:00:00Z')
    const [a, b] = await Promise.all([t.services.materials.sweepReviewReminders(dayBefore), t.services.materials.sweepReviewReminders(dayBefore)])
    expect(a + b).toBe(1)
    expect(await t.services.materials.sweepReviewReminders(new Date('2026-10-07T09:00:00Z'))).toBe(0)
    const sent = await reminders()
    expect(sent.map((m) => m.toAddress)).toEqual([dueSoon.person.email])
    const mail = sent[0]
    expect(mail?.subject).toContain('Wednesday 7 October 2026')
    expect(mail?.textBody).not.toContain('Reminder-canary-5510')
    const link = mail?.textBody.match(/https?:\/\/[^\s]+/)?.[0] ?? ''
    expect(link).toBe(`${TEST_ORIGIN}/materials/versions/${versionId}`)
    expect(webRouteFor(new URL(link).pathname)).not.toBeNull()
    // The link opens the review for that reviewer.
    expect((await t.request('GET', `/api/materials/versions/${versionId}`, { cookie: dueSoon.cookie })).status).toBe(200)
    // Two days later the other request is due tomorrow and gets its own one reminder.
    expect(await t.services.materials.sweepReviewReminders(new Date('2026-10-08T15:00:00Z'))).toBe(1)
    expect((await reminders()).map((m) => m.toAddress).sort()).toEqual([dueSoon.person.email, later.person.email].sort())
  })
})
