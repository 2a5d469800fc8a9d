import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, opportunityApplicationDocuments, opportunityApplications } from '#server/db/schema/index.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** A document version sent with an application (decision 042): pinned when applying, read by the opportunity's poster only. */
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let poster: Account
let otherPoster: Account

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2027-01-11T14:00:00Z') })
  poster = await t.signedInAs(['mentor'])
  otherPoster = await t.signedInAs(['mentor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear: 'M2' } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

async function post(by: Account = poster): Promise<string> {
  const created = await t.request('POST', '/api/opportunities', {
    cookie: by.cookie,
    body: {
      kind: 'research-project',
      title: `Sepsis alerts ${Math.random()}`,
      description: 'Chart review of sepsis alerts.',
      classYears: ['M2'],
      places: 2,
      applyBy: new Date(t.clock.now().getTime() + 14 * MS_PER_DAY).toISOString(),
    },
  })
  expect(created.status, created.text).toBe(201)
  return created.json.id as string
}

async function cv(s: Account, body = 'Jordan Lee — CV\n\nResearch: stroke registry (2026).'): Promise<{ documentId: string; versionId: string }> {
  const created = await t.request('POST', '/api/materials/documents', { cookie: s.cookie, body: { kind: 'cv', title: 'My CV', body } })
  expect(created.status, created.text).toBe(201)
  return { documentId: created.json.id as string, versionId: created.json.latestVersion.id as string }
}

const apply = (s: Account, opportunityId: string, documentId: string | null) =>
  t.request('POST', `/api/opportunities/${opportunityId}/applications`, { cookie: s.cookie, body: { statement: 'I have used REDCap before.', documentId } })
const applicantsOf = async (by: Account, opportunityId: string) =>
  (await t.request('GET', `/api/opportunities/${opportunityId}/applications`, { cookie: by.cookie })).json.applicants as {
    id: string
    studentId: string
    document: { versionId: string; kind: string; title: string; versionNumber: number } | null
  }[]
const readDocument = (by: Account, applicationId: string) => t.request('GET', `/api/opportunity-applications/${applicationId}/document`, { cookie: by.cookie })

describe('a document with an application', () => {
  it('pins the version current when applying: the poster reads that version, even after the student saves a new one', async () => {
    const s = await student()
    const id = await post()
    const { documentId, versionId } = await cv(s)
    const applied = await apply(s, id, documentId)
    expect(applied.status, applied.text).toBe(200)
    expect(applied.json.myApplication.document).toMatchObject({ versionId, kind: 'cv', title: 'My CV', versionNumber: 1 })

    const saved = await t.request('POST', `/api/materials/documents/${documentId}/versions`, {
      cookie: s.cookie,
      body: { body: 'Jordan Lee — CV\n\nResearch: stroke registry (2026). Ultrasound course.', basedOnVersionId: versionId },
    })
    expect(saved.status, saved.text).toBe(201)

    const [applicant] = await applicantsOf(poster, id)
    expect(applicant?.document).toMatchObject({ versionId, versionNumber: 1 })
    const read = await readDocument(poster, applicant?.id ?? '')
    expect(read.status, read.text).toBe(200)
    expect(read.json).toMatchObject({ versionId, versionNumber: 1, kind: 'cv', studentName: s.person.name, opportunityId: id })
    expect(read.json.text).toBe('Jordan Lee — CV\n\nResearch: stroke registry (2026).')
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, applicant?.id ?? ''), eq(auditLog.action, 'opportunity.application.document.read')))
    expect(audited.map((r) => r.actorId)).toEqual([poster.person.id])

    // The student sees what they sent on their own list (and in their records export, which reads it).
    const mine = await t.request('GET', '/api/opportunity-applications/mine', { cookie: s.cookie })
    expect(mine.json.applications[0].document).toMatchObject({ versionId, versionNumber: 1 })
  })

  it('answers 404 to a poster of another opportunity and to staff, 403 to a student, and 404 once the student withdraws', async () => {
    const s = await student()
    const id = await post()
    await apply(s, id, (await cv(s)).documentId)
    const [applicant] = await applicantsOf(poster, id)
    const applicationId = applicant?.id ?? ''
    await post(otherPoster)
    const other = await readDocument(otherPoster, applicationId)
    expect(other.status).toBe(404)
    expect(other.text).not.toContain('stroke registry')
    expect((await readDocument(await t.signedInAs(['advisor']), applicationId)).status).toBe(404)
    expect((await readDocument(await t.signedInAs(['admin']), applicationId)).status).toBe(404)
    // Students never call it (the route is for posters); the matrix test holds every role.
    expect((await readDocument(s, applicationId)).status).toBe(403)

    expect((await t.request('POST', `/api/opportunity-applications/${applicationId}/withdraw`, { cookie: s.cookie, body: {} })).status).toBe(200)
    expect((await readDocument(poster, applicationId)).status).toBe(404)
    expect((await applicantsOf(poster, id))[0]?.document).toBeNull()
  })

  it('refuses someone else’s document, a letter or an unknown id with 404 on documentId, and writes no application', async () => {
    const s = await student()
    const id = await post()
    const theirs = await cv(await student())
    const letter = await t.request('POST', '/api/letter-requests', {
      cookie: s.cookie,
      body: {
        writerPersonId: poster.person.id,
        purpose: 'general',
        letterType: 'standard',
        dueDate: new Date(t.clock.now().getTime() + 60 * MS_PER_DAY).toISOString().slice(0, 10),
        waivedRightOfAccess: true,
      },
    })
    expect(letter.status, letter.text).toBe(201)
    const letterId = (letter.json.request?.id ?? letter.json.id) as string
    for (const documentId of [theirs.documentId, letterId, '00000000-0000-4000-8000-000000000001']) {
      const refused = await apply(s, id, documentId)
      expect(refused.status, refused.text).toBe(404)
      expect(Object.keys(refused.json.error.fields)).toEqual(['documentId'])
    }
    const notAnId = await apply(s, id, 'my-cv')
    expect(notAnId.status).toBe(400)
    expect(Object.keys(notAnId.json.error.fields)).toEqual(['documentId'])
    const written = await t.db.select().from(opportunityApplications).where(eq(opportunityApplications.studentId, s.person.id))
    expect(written).toEqual([])
  })

  it('applying again after withdrawing replaces the document (or clears it when none is chosen)', async () => {
    const s = await student()
    const id = await post()
    const first = await cv(s)
    const applied = await apply(s, id, first.documentId)
    const applicationId = applied.json.myApplication.id as string
    await t.request('POST', `/api/opportunity-applications/${applicationId}/withdraw`, { cookie: s.cookie, body: {} })
    const again = await apply(s, id, null)
    expect(again.status, again.text).toBe(200)
    expect(again.json.myApplication.document).toBeNull()
    expect(await t.db.select().from(opportunityApplicationDocuments).where(eq(opportunityApplicationDocuments.studentId, s.person.id))).toEqual([])
    // An application without a document: nothing to read.
    expect((await readDocument(poster, applicationId)).status).toBe(404)
  })
})
