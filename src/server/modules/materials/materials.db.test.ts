import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { materialVersions, outbox, people, personRoles } from '#server/db/schema/index.ts'
import { MATERIAL_STORAGE_LIMIT } from '#shared/reference/application-limits.ts'
import { createTestApp, TEST_ORIGIN, type TestApp } from '#tests/setup/test-app.ts'
import { SHARES_PER_DAY } from './materials.service.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let student: Account
let mentor: Account
let advisor: Account

const V1 = 'My first patient taught me patience. I stayed late every night of my medicine rotation.'

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  student = await t.signedInAs(['student'])
  const m = await t.insertAccount(['mentor'], { name: 'Dana Reviewer', mentor: { kind: 'faculty', capacity: 3, accepting: true } })
  mentor = { person: m, cookie: await t.sessionCookie(m.id) }
  advisor = await t.signedInAs(['advisor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function newStatement(body = V1) {
  const created = await t.request('POST', '/api/materials/documents', {
    cookie: student.cookie,
    body: { kind: 'personal-statement', title: 'Internal medicine statement', target: 'Internal Medicine', body },
  })
  expect(created.status, created.text).toBe(201)
  return created.json as { id: string; latestVersion: { id: string; number: number } }
}

async function share(versionId: string, reviewerIds = [mentor.person.id]) {
  const shared = await t.request('POST', `/api/materials/versions/${versionId}/shares`, {
    cookie: student.cookie,
    body: { reviewerIds, dueDate: '2026-10-20', question: 'Is my opening too long?' },
  })
  expect(shared.status, shared.text).toBe(201)
  return shared
}

const comment = (versionId: string, body: Record<string, unknown>, who = mentor) =>
  t.request('POST', `/api/materials/versions/${versionId}/threads`, { cookie: who.cookie, body })

describe('documents and versions', () => {
  it('saves each edit as a new version and never changes an old one', async () => {
    const doc = await newStatement()
    const saved = await t.request('POST', `/api/materials/documents/${doc.id}/versions`, {
      cookie: student.cookie,
      body: { body: `${V1} I learned to listen.`, basedOnVersionId: doc.latestVersion.id },
    })
    expect(saved.status, saved.text).toBe(201)
    expect(saved.json.versions.map((v: { number: number }) => v.number)).toEqual([2, 1])
    expect(saved.json.latestVersion.characters).toBe(V1.length + ' I learned to listen.'.length)
    // The database itself refuses to rewrite a saved version.
    await expect(t.db.update(materialVersions).set({ body: 'rewritten' }).where(eq(materialVersions.id, doc.latestVersion.id))).rejects.toThrow()
    const first = await t.request('GET', `/api/materials/versions/${doc.latestVersion.id}`, { cookie: student.cookie })
    expect(first.json.body).toBe(V1)
    expect(first.json.isLatest).toBe(false)
  })

  it('refuses a save over a newer version (409, naming the field) and a save with nothing changed', async () => {
    const doc = await newStatement()
    const path = `/api/materials/documents/${doc.id}/versions`
    expect((await t.request('POST', path, { cookie: student.cookie, body: { body: `${V1} More.`, basedOnVersionId: doc.latestVersion.id } })).status).toBe(201)
    const stale = await t.request('POST', path, { cookie: student.cookie, body: { body: `${V1} Other.`, basedOnVersionId: doc.latestVersion.id } })
    expect(stale.status).toBe(409)
    expect(stale.json.error.fields.basedOnVersionId).toContain('Version 2')
    const latest = (await t.request('GET', `/api/materials/documents/${doc.id}`, { cookie: student.cookie })).json.latestVersion.id
    const same = await t.request('POST', path, { cookie: student.cookie, body: { body: `${V1} More.`, basedOnVersionId: latest } })
    expect(same.status).toBe(400)
    expect(same.json.error.fields.body).toBeTruthy()
  })

  it('refuses text over the storage limit with a field error, counting characters as the page does', async () => {
    const over = await t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'cv', title: 'CV', body: 'é'.repeat(MATERIAL_STORAGE_LIMIT + 1) },
    })
    expect(over.status).toBe(400)
    expect(over.json.error.fields.body).toContain('60,000')
    const atLimit = await t.request('POST', '/api/materials/documents', {
      cookie: student.cookie,
      body: { kind: 'cv', title: 'CV', body: '😀'.repeat(MATERIAL_STORAGE_LIMIT) },
    })
    expect(atLimit.status, atLimit.text.slice(0, 200)).toBe(201)
    const kind = await t.request('POST', '/api/materials/documents', { cookie: student.cookie, body: { kind: 'novel', title: 'CV', body: 'x' } })
    expect(kind.json.error.fields.kind).toBeTruthy()
  })
})

describe('sharing and commenting', () => {
  it('shares a version with a mentor, e-mails a link that opens the review page, and lists it on their reviews', async () => {
    const doc = await newStatement()
    const shared = await share(doc.latestVersion.id)
    expect(shared.json.reviews).toMatchObject([{ reviewer: { id: mentor.person.id, name: 'Dana Reviewer' }, dueDate: '2026-10-20', versionNumber: 1 }])
    const mail = (await t.db.select().from(outbox).where(eq(outbox.kind, 'materials.review-requested'))).filter((m) => m.toAddress === mentor.person.email)
    expect(mail.length).toBeGreaterThanOrEqual(1)
    const last = mail.at(-1)
    expect(last?.textBody).toContain('Is my opening too long?')
    expect(last?.textBody).not.toContain('taught me patience')
    const reviews = await t.request('GET', '/api/materials/reviews', { cookie: mentor.cookie })
    expect(reviews.json.items.map((r: { versionId: string }) => r.versionId)).toContain(doc.latestVersion.id)
    // Sharing the same version with the same reviewer again writes and sends nothing new.
    await share(doc.latestVersion.id)
    const again = (await t.db.select().from(outbox).where(eq(outbox.kind, 'materials.review-requested'))).filter((m) => m.toAddress === mentor.person.email)
    expect(again).toHaveLength(mail.length)
  })

  it('every link in the materials e-mails opens a page its recipient may open', async () => {
    const { webRouteFor } = await import('#tests/setup/web-routes.ts')
    const rolesOf = new Map<string, string[]>()
    for (const r of await t.db.select({ email: people.email, role: personRoles.role }).from(people).innerJoin(personRoles, eq(personRoles.personId, people.id)))
      rolesOf.set(r.email, [...(rolesOf.get(r.email) ?? []), r.role])
    const mails = (await t.db.select().from(outbox)).filter((m) => m.kind.startsWith('materials.'))
    const links = mails.flatMap((mail) => [...mail.textBody.matchAll(/https?:\/\/\S+/g)].map((m) => ({ to: mail.toAddress, url: new URL(m[0]) })))
    expect(links.length).toBeGreaterThan(0)
    for (const { to, url } of links) {
      expect(url.origin).toBe(TEST_ORIGIN)
      const route = webRouteFor(url.pathname)
      expect(route, url.pathname).not.toBeNull()
      if (route?.roles)
        expect(
          route.roles.some((role) => rolesOf.get(to)?.includes(role)),
          `${route.pattern} for ${to}`,
        ).toBe(true)
      // The link's version really is readable by its recipient.
      const versionId = url.pathname.split('/').pop() ?? ''
      const cookie = await t.sessionCookie((await t.db.select().from(people).where(eq(people.email, to)))[0]?.id ?? '')
      expect((await t.request('GET', `/api/materials/versions/${versionId}`, { cookie })).status).toBe(200)
    }
  })

  it('refuses reviewers who are not mentors or advisors, naming the entry', async () => {
    const doc = await newStatement()
    const peer = await t.signedInAs(['student'])
    const refused = await t.request('POST', `/api/materials/versions/${doc.latestVersion.id}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [mentor.person.id, peer.person.id], dueDate: '2026-10-20', question: 'Thoughts?' },
    })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields['reviewerIds.1']).toBeTruthy()
    const past = await t.request('POST', `/api/materials/versions/${doc.latestVersion.id}/shares`, {
      cookie: student.cookie,
      body: { reviewerIds: [mentor.person.id], dueDate: '2026-10-01', question: 'Thoughts?' },
    })
    expect(past.json.error.fields.dueDate).toBeTruthy()
  })

  it('refuses a comment on a range that is not in the text, naming the field', async () => {
    const doc = await newStatement()
    await share(doc.latestVersion.id)
    const beyond = await comment(doc.latestVersion.id, { start: 10, end: V1.length + 1, body: 'Hmm.' })
    expect(beyond.status).toBe(400)
    expect(beyond.json.error.fields).toEqual({ end: `The text is ${V1.length} characters long: the range must end inside it.` })
    const empty = await comment(doc.latestVersion.id, { start: 4, end: 4, body: 'Hmm.' })
    expect(empty.json.error.fields.end).toBeTruthy()
    const negative = await comment(doc.latestVersion.id, { start: -1, end: 4, body: 'Hmm.' })
    expect(negative.json.error.fields.start).toBeTruthy()
    const long = await comment(doc.latestVersion.id, { start: 0, end: 4, body: 'x'.repeat(4001) })
    expect(long.json.error.fields.body).toContain('4000')
  })

  it('refuses a suggestion on a resolved thread with a field error', async () => {
    const doc = await newStatement()
    await share(doc.latestVersion.id)
    const made = await comment(doc.latestVersion.id, { start: 0, end: 16, body: 'Name her.' })
    const threadId = made.json.threads[0].id
    expect((await t.request('POST', `/api/materials/threads/${threadId}/resolve`, { cookie: student.cookie })).status).toBe(200)
    const late = await t.request('POST', `/api/materials/threads/${threadId}/suggestion`, { cookie: mentor.cookie, body: { suggestion: 'Mrs. Alvarez' } })
    expect(late.status).toBe(400)
    expect(late.json.error.fields.suggestion).toContain('resolved')
  })

  it('accepts a suggestion into a new version, re-anchors the other comments, and marks outdated the one whose words went', async () => {
    const doc = await newStatement()
    const v1 = doc.latestVersion.id
    await share(v1)
    const at = (quote: string) => ({ start: V1.indexOf(quote), end: V1.indexOf(quote) + quote.length })
    await comment(v1, { ...at('My first patient'), body: 'Name her.', suggestion: 'Mrs. Alvarez, my first patient,' })
    await comment(v1, { ...at('every night'), body: 'Which rotation?' })
    const third = await comment(v1, { ...at('taught me patience'), body: 'Show, don’t tell.' })
    const threads = third.json.threads as { id: string; body: string }[]
    const [suggested, rotation, patience] = ['Name her.', 'Which rotation?', 'Show, don’t tell.'].map((body) => threads.find((x) => x.body === body))
    // The student edits the patience sentence away by hand.
    const v2 = await t.request('POST', `/api/materials/documents/${doc.id}/versions`, {
      cookie: student.cookie,
      body: { body: V1.replace('taught me patience', 'showed me how to wait'), basedOnVersionId: v1 },
    })
    const v2Id = v2.json.latestVersion.id
    const accepted = await t.request('POST', `/api/materials/documents/${doc.id}/accept-suggestions`, {
      cookie: student.cookie,
      body: { threadIds: [suggested?.id], versionId: v2Id },
    })
    expect(accepted.status, accepted.text).toBe(201)
    expect(accepted.json.number).toBe(3)
    expect(accepted.json.body).toBe('Mrs. Alvarez, my first patient, showed me how to wait. I stayed late every night of my medicine rotation.')
    const byId = new Map(
      (accepted.json.threads as { id: string; anchor: { start: number; end: number } | null; outdated: boolean; acceptedIntoVersion: number | null }[]).map(
        (x) => [x.id, x],
      ),
    )
    expect(byId.get(suggested?.id ?? '')?.acceptedIntoVersion).toBe(3)
    const moved = byId.get(rotation?.id ?? '')?.anchor
    expect(moved && accepted.json.body.slice(moved.start, moved.end)).toBe('every night')
    expect(byId.get(patience?.id ?? '')).toMatchObject({ anchor: null, outdated: true })
    // Accepting it twice, or on a version that is no longer the newest, is refused.
    const twice = await t.request('POST', `/api/materials/documents/${doc.id}/accept-suggestions`, {
      cookie: student.cookie,
      body: { threadIds: [suggested?.id], versionId: accepted.json.id },
    })
    expect(twice.json.error.fields['threadIds.0']).toBeTruthy()
    const stale = await t.request('POST', `/api/materials/documents/${doc.id}/accept-suggestions`, {
      cookie: student.cookie,
      body: { threadIds: [suggested?.id], versionId: v2Id },
    })
    expect(stale.status).toBe(409)

    // The comparison marks the change word by word and names the suggestion behind it.
    const compared = await t.request('GET', `/api/materials/documents/${doc.id}/compare?from=${v1}&to=${accepted.json.id}`, { cookie: student.cookie })
    expect(compared.status, compared.text).toBe(200)
    const segments = compared.json.segments as { op: string; text: string }[]
    expect(segments.filter((s) => s.op === 'insert').map((s) => s.text)).toEqual(['Mrs. Alvarez, my ', ', showed', 'how to wait'])
    expect(segments.filter((s) => s.op === 'delete').map((s) => s.text)).toEqual(['My ', ' taught', 'patience'])
    expect(compared.json.acceptedSuggestions).toMatchObject([{ version: 3, reviewer: 'Dana Reviewer', suggestion: 'Mrs. Alvarez, my first patient,' }])
    const defaults = await t.request('GET', `/api/materials/documents/${doc.id}/compare`, { cookie: student.cookie })
    expect([defaults.json.from.number, defaults.json.to.number]).toEqual([2, 3])
  })

  it('the student rejects a suggestion (it cannot be accepted after) and both sides reply in the thread', async () => {
    const doc = await newStatement()
    await share(doc.latestVersion.id)
    const made = await comment(doc.latestVersion.id, { start: 0, end: 16, body: 'Name her.', suggestion: 'Mrs. Alvarez' })
    const threadId = made.json.threads[0].id
    // Only the student answers a suggestion; the reviewer may not reject their own.
    expect((await t.request('POST', `/api/materials/threads/${threadId}/reject`, { cookie: mentor.cookie })).status).toBe(403)
    const rejected = await t.request('POST', `/api/materials/threads/${threadId}/reject`, { cookie: student.cookie })
    expect(rejected.json.threads[0]).toMatchObject({ suggestionState: 'rejected', resolved: false })
    const again = await t.request('POST', `/api/materials/threads/${threadId}/reject`, { cookie: student.cookie })
    expect(again.json.error.fields.threadId).toBeTruthy()
    const accept = await t.request('POST', `/api/materials/documents/${doc.id}/accept-suggestions`, {
      cookie: student.cookie,
      body: { threadIds: [threadId], versionId: doc.latestVersion.id },
    })
    expect(accept.json.error.fields['threadIds.0']).toBe('This suggestion is not waiting for an answer.')
    await t.request('POST', `/api/materials/threads/${threadId}/replies`, { cookie: student.cookie, body: { body: 'I prefer to keep her anonymous.' } })
    t.clock.advance(60_000)
    const replied = await t.request('POST', `/api/materials/threads/${threadId}/replies`, { cookie: mentor.cookie, body: { body: 'Fair enough.' } })
    expect(replied.json.threads[0].replies.map((r: { body: string; mine: boolean }) => [r.body, r.mine])).toEqual([
      ['I prefer to keep her anonymous.', false],
      ['Fair enough.', true],
    ])
  })

  it('a reviewer sees only their own comments, on the version shared with them', async () => {
    const doc = await newStatement()
    await share(doc.latestVersion.id, [mentor.person.id, advisor.person.id])
    await comment(doc.latestVersion.id, { start: 0, end: 2, body: 'From the mentor.' })
    const byAdvisor = await comment(doc.latestVersion.id, { start: 3, end: 8, body: 'From the advisor.' }, advisor)
    expect(byAdvisor.json.threads.map((x: { body: string }) => x.body)).toEqual(['From the advisor.'])
    const asStudent = await t.request('GET', `/api/materials/versions/${doc.latestVersion.id}`, { cookie: student.cookie })
    expect(asStudent.json.threads).toHaveLength(2)
  })
})

describe('limits', () => {
  it(`refuses a share past ${SHARES_PER_DAY} a day with a 429 naming the reviewers`, async () => {
    const sharer = await t.signedInAs(['student'])
    const created = await t.request('POST', '/api/materials/documents', { cookie: sharer.cookie, body: { kind: 'cv', title: 'CV', body: 'Education.' } })
    const path = `/api/materials/versions/${created.json.latestVersion.id}/shares`
    const body = { reviewerIds: [mentor.person.id], dueDate: '2026-10-20', question: 'Thoughts?' }
    for (let i = 0; i < SHARES_PER_DAY; i++) expect((await t.request('POST', path, { cookie: sharer.cookie, body })).status).toBe(201)
    const refused = await t.request('POST', path, { cookie: sharer.cookie, body })
    expect(refused.status).toBe(429)
    expect(refused.json.error.fields.reviewerIds).toContain(`${SHARES_PER_DAY} times today`)
  })
})

describe('records', () => {
  it('recordsOf returns every version, share, comment and reply of the student’s documents', async () => {
    const records = await t.services.materials.recordsOf(student.person.id)
    expect(records.documents.length).toBeGreaterThan(3)
    const withComments = records.documents.find((d) => d.comments.length >= 3)
    expect(withComments?.versions.map((v) => v.number)).toEqual([1, 2, 3])
    expect(withComments?.reviewRequests[0]).toMatchObject({ reviewer: 'Dana Reviewer', question: 'Is my opening too long?' })
    expect(await t.services.materials.recordsOf(mentor.person.id)).toEqual({ documents: [] })
  })
})
