import { getTableConfig } from 'drizzle-orm/pg-core'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/db/schema/index.ts'
import { makePdf } from '#tests/setup/pdf.ts'
import { allTables, tablesAboutPeople } from '#tests/setup/tables-about-people.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { EXPORT_COVERAGE, EXPORT_SECTIONS_BEYOND_SOURCES } from './export-coverage.ts'
import { SECTION_SOURCES } from './record-sources.ts'

/**
 * Inspect and download (34 CFR §99.10). The export holds the student's own records, read through
 * each owner's student view; a letter whose access they waived is named and never shown; and the
 * schema cannot grow a table about people that the export has not classified.
 */

const WAIVED_CANARY = 'CANARY-records-export-waived-9d21'
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let student: Account
let writer: Account
let openWriter: Account
let exported: Record<string, any>

beforeAll(async () => {
  t = await createTestApp()
  student = await t.signedInAs(['student'])
  writer = await t.signedInAs(['mentor'])
  openWriter = await t.signedInAs(['mentor'])
  const admin = await t.signedInAs(['admin'])
  const letter = async (by: Account, waived: boolean, text: string) => {
    const created = await t.request('POST', '/api/letter-requests', {
      cookie: student.cookie,
      body: {
        writerPersonId: by.person.id,
        purpose: 'general',
        letterType: 'standard',
        dueDate: '2026-12-01',
        talkingPoints: 'Research year',
        waivedRightOfAccess: waived,
      },
    })
    expect(created.status, created.text).toBe(201)
    const id = created.json.request.id as string
    await t.request('POST', `/api/letter-requests/${id}/accept`, { cookie: by.cookie, body: {} })
    const uploaded = await t.request('PUT', `/api/letter-requests/${id}/letter`, {
      cookie: by.cookie,
      rawBody: makePdf({ text }) as BodyInit,
      headers: { 'content-type': 'application/pdf' },
    })
    expect(uploaded.status, uploaded.text).toBe(200)
    await t.request('POST', `/api/letter-requests/${id}/deliver`, { cookie: admin.cookie })
    return id
  }
  await letter(writer, true, WAIVED_CANARY)
  await letter(openWriter, false, 'An open letter the student may read.')
  const asked = await t.request('POST', '/api/community/questions', {
    cookie: student.cookie,
    body: { board: 'topic:research', title: 'Is <script>alert(1)</script> a good research title?', body: 'Asking for a friend with angle brackets.' },
  })
  expect(asked.status, asked.text).toBe(201)
  const document = await t.request('POST', '/api/materials/documents', {
    cookie: student.cookie,
    body: { kind: 'personal-statement', title: 'Dermatology statement', target: 'Dermatology', body: 'My first patient with pemphigus taught me patience.' },
  })
  expect(document.status, document.text).toBe(201)
  // A conversation with a mentor, on an open request: both sides' words are the student's record.
  const mentor = await t.insertAccount(['mentor'], { name: 'Dr. Export Mentor', mentor: { capacity: 3, accepting: true } })
  const mentorshipRequest = await t.request('POST', '/api/mentorship-requests', {
    cookie: student.cookie,
    body: { mentorId: mentor.id, kind: 'coffee-chat', message: 'Could we talk?', helpWanted: ['research'] },
  })
  const onRequest = `/api/mentorship-requests/${mentorshipRequest.json.id as string}/messages`
  await t.request('POST', onRequest, { cookie: student.cookie, body: { body: 'Is Thursday all right for you?' } })
  await t.request('POST', onRequest, { cookie: await t.sessionCookie(mentor.id), body: { body: 'Thursday suits me.' } })
  const response = await t.request('GET', '/api/records/mine', { cookie: student.cookie })
  expect(response.status, response.text).toBe(200)
  exported = response.json
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const section = (key: string) => (exported.sections as { key: string; items: Record<string, any>[] }[]).find((s) => s.key === key)

describe('the export covers every table about people', () => {
  it('classifies every table that refers to a person: in a section of the export, or left out with a reason', () => {
    const unclassified = tablesAboutPeople().filter((name) => !(name in EXPORT_COVERAGE))
    expect(unclassified, 'tables about people that the export neither includes nor excludes (export-coverage.ts)').toEqual([])
  })

  it('names only tables that exist, and a reason for each one left out', () => {
    const names = new Set(allTables().map((table) => getTableConfig(table).name))
    expect(Object.keys(EXPORT_COVERAGE).filter((name) => !names.has(name))).toEqual([])
    for (const [name, coverage] of Object.entries(EXPORT_COVERAGE)) if ('excluded' in coverage) expect(coverage.excluded.length, name).toBeGreaterThan(20)
  })

  it('has in the export every section the classification names', () => {
    const produced = new Set((exported.sections as { key: string }[]).map((s) => s.key))
    const named = new Set(Object.values(EXPORT_COVERAGE).flatMap((c) => ('section' in c ? [c.section] : [])))
    expect([...named].filter((key) => !produced.has(key))).toEqual([])
    expect([...produced].sort()).toEqual([...SECTION_SOURCES.map((s) => s.key), ...EXPORT_SECTIONS_BEYOND_SOURCES].sort())
  })
})

describe('what the student downloads', () => {
  it('holds their own profile', () => {
    expect(exported.student).toEqual({ id: student.person.id, name: student.person.name, email: student.person.email })
    const profile = section('profile')?.items[0]
    expect(JSON.stringify(profile)).toContain(student.person.email)
    expect(JSON.stringify(section('community'))).toContain('a good research title')
    expect(JSON.stringify(section('materials'))).toContain('My first patient with pemphigus taught me patience.')
    const messages = JSON.stringify(section('messages'))
    for (const words of ['Dr. Export Mentor', 'Is Thursday all right for you?', 'Thursday suits me.']) expect(messages).toContain(words)
  })

  it('names a waived letter and its writer, and holds nothing of it', () => {
    const letters = section('letters')?.items ?? []
    const waived = letters.find((l) => l.waivedRightOfAccess)
    expect(waived?.confidentialLetter).toBe(`A confidential letter from ${writer.person.name}, which you waived the right to read.`)
    expect(waived).not.toHaveProperty('letter')
    expect(waived).not.toHaveProperty('packet')
    const open = letters.find((l) => !l.waivedRightOfAccess)
    expect(open?.letter).toBeTruthy()
  })

  it('as JSON and as a document: attachments, with no word of the waived letter, text escaped', async () => {
    for (const [path, type] of [
      ['/api/records/mine.json', 'application/json'],
      ['/api/records/mine.html', 'text/html'],
    ] as const) {
      const response = await t.request('GET', path, { cookie: student.cookie })
      expect(response.status, response.text).toBe(200)
      expect(response.headers.get('content-type')).toContain(type)
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="my-records\.(json|html)"$/)
      expect(response.text).not.toContain(WAIVED_CANARY)
      expect(response.text).not.toContain('%PDF')
      expect(response.text).toContain(student.person.email)
      expect(response.text).toContain(`A confidential letter from ${writer.person.name}`)
      if (type === 'text/html') {
        expect(response.text).not.toContain('<script>')
        expect(response.text).toContain('&lt;script&gt;')
      }
    }
    expect(JSON.stringify(exported)).not.toContain(WAIVED_CANARY)
  })

  it('is audited as an export of the student’s own records', async () => {
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'records.export'), eq(auditLog.objectId, student.person.id)))
    expect(rows.length).toBeGreaterThanOrEqual(3)
    expect(rows.every((r) => r.actorId === student.person.id)).toBe(true)
  })

  it('is another student’s own only: each student downloads their own records', async () => {
    const other = await t.signedInAs(['student'])
    const theirs = await t.request('GET', '/api/records/mine', { cookie: other.cookie })
    expect(theirs.status).toBe(200)
    expect(theirs.text).not.toContain(student.person.email)
    expect(theirs.text).not.toContain(student.person.id)
    expect(theirs.json.student.id).toBe(other.person.id)
  })
})
