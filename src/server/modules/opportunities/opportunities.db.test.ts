import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, experienceEntries, opportunityApplications, outbox, studentAdvisors } from '#server/db/schema/index.ts'
import { RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX, STATEMENT_MAX } from '#shared/contracts/opportunities.ts'
import type { ClassYear } from '#shared/enums.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let poster: Account
let otherPoster: Account
let advisor: Account
const DATABASE = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2027-01-11T14:00:00Z') })
  poster = await t.signedInAs(['mentor'])
  otherPoster = await t.signedInAs(['mentor'])
  advisor = await t.signedInAs(['advisor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(classYear: ClassYear = 'M2'): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

function body(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'research-project',
    title: 'Ultrasound-guided nerve blocks in the emergency department',
    description: 'A prospective study of pain scores after ultrasound-guided fascia iliaca blocks.',
    specialtyId: 'emergency-medicine',
    classYears: ['M1', 'M2'],
    remote: false,
    places: 2,
    applyBy: new Date(t.clock.now().getTime() + 14 * MS_PER_DAY).toISOString(),
    startDate: '2027-03-01',
    endDate: '2027-08-31',
    timeCommitment: '4 hours a week',
    researchQuestion: 'Do blocks cut opioid use?',
    methods: 'Prospective cohort',
    skillsWanted: 'REDCap',
    expectedOutput: 'An abstract for SAEM',
    ...overrides,
  }
}

async function post(overrides: Record<string, unknown> = {}, by: Account = poster): Promise<string> {
  const created = await t.request('POST', '/api/opportunities', { cookie: by.cookie, body: body(overrides) })
  expect(created.status, created.text).toBe(201)
  return created.json.id as string
}

const apply = (s: Account, id: string, statement = 'I have used REDCap for two projects and would like to learn ultrasound.') =>
  t.request('POST', `/api/opportunities/${id}/applications`, { cookie: s.cookie, body: { statement } })
const decide = (by: Account, applicationId: string, status: string, message = '') =>
  t.request('POST', `/api/opportunity-applications/${applicationId}/decision`, { cookie: by.cookie, body: { status, message } })
const mailTo = async (email: string) => t.db.select().from(outbox).where(eq(outbox.toAddress, email))

describe('posting: field errors', () => {
  it.each([
    ['endDate', { startDate: '2027-03-01', endDate: '2027-02-01' }],
    ['applyBy', { applyBy: '2027-01-01T00:00:00Z' }],
    ['applyBy', { applyBy: '2027-03-05T00:00:00Z', startDate: '2027-03-01' }],
    ['places', { places: 0 }],
    ['title', { title: '' }],
    ['description', { description: 'x'.repeat(5001) }],
    ['kind', { kind: 'internship' }],
  ])('refuses a bad %s with 400 naming it, and writes nothing', async (field, change) => {
    const title = `Refused ${field} ${Math.random()}`
    const response = await t.request('POST', '/api/opportunities', { cookie: poster.cookie, body: { ...body({ title }), ...change } })
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    const mine = await t.request('GET', '/api/opportunities/posted', { cookie: poster.cookie })
    expect(mine.json.opportunities.map((o: { title: string }) => o.title)).not.toContain(title)
  })

  it('refuses an empty or overlong statement, naming it', async () => {
    const id = await post()
    const s = await student()
    for (const statement of ['   ', 'x'.repeat(STATEMENT_MAX + 1)]) {
      const response = await apply(s, id, statement)
      expect(response.status, response.text).toBe(400)
      expect(Object.keys(response.json.error.fields)).toEqual(['statement'])
    }
    expect(await t.db.select().from(opportunityApplications).where(eq(opportunityApplications.opportunityId, id))).toEqual([])
  })

  it('refuses fewer places than students already accepted', async () => {
    const id = await post({ places: 3 })
    for (let i = 0; i < 2; i++) {
      const applied = await apply(await student(), id)
      expect((await decide(poster, applied.json.myApplication.id, 'accepted')).status).toBe(200)
    }
    const response = await t.request('PUT', `/api/opportunities/${id}`, { cookie: poster.cookie, body: body({ places: 1 }) })
    expect(response.status, response.text).toBe(400)
    expect(response.json.error.fields.places).toContain('2 students')
  })
})

describe('who sees what', () => {
  it('hides drafts and other class years from students; closed ones from students who did not apply', async () => {
    const draft = await post({ status: 'draft', title: 'Draft project' })
    const forM1 = await post({ classYears: ['M1'], title: 'First-year project' })
    const toClose = await post({ title: 'Closing project' })
    const m2 = await student('M2')
    const applicant = await student('M2')
    expect((await apply(applicant, toClose)).status).toBe(200)
    expect(
      (await t.request('PUT', `/api/opportunities/${toClose}`, { cookie: poster.cookie, body: body({ title: 'Closing project', status: 'closed' }) })).status,
    ).toBe(200)
    const board = async (a: Account) => (await t.request('GET', '/api/opportunities', { cookie: a.cookie })).json.results.map((o: { id: string }) => o.id)
    const seen = await board(m2)
    for (const hidden of [draft, forM1, toClose]) expect(seen).not.toContain(hidden)
    for (const id of [draft, forM1, toClose]) expect((await t.request('GET', `/api/opportunities/${id}`, { cookie: m2.cookie })).status).toBe(404)
    expect((await apply(m2, forM1)).status).toBe(404)
    // The applicant still sees the closed one, with their application.
    const theirs = await t.request('GET', `/api/opportunities/${toClose}`, { cookie: applicant.cookie })
    expect(theirs.status).toBe(200)
    expect(theirs.json.myApplication.status).toBe('submitted')
    expect(theirs.json.canApply).toBe(false)
    // Another mentor never sees a draft; its poster does.
    expect((await t.request('GET', `/api/opportunities/${draft}`, { cookie: otherPoster.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/opportunities/${draft}`, { cookie: poster.cookie })).json.isMine).toBe(true)
  })

  it('shows applicants to the poster only; a student sees only their own applications', async () => {
    const id = await post()
    const [a, b] = [await student(), await student()]
    await apply(a, id)
    await apply(b, id)
    const list = await t.request('GET', `/api/opportunities/${id}/applications`, { cookie: poster.cookie })
    // Both, in any order: the test's clock stands still, so they arrived in the same instant.
    expect(list.json.applicants.map((x: { studentId: string }) => x.studentId).sort()).toEqual([a.person.id, b.person.id].sort())
    for (const stranger of [otherPoster, advisor])
      expect((await t.request('GET', `/api/opportunities/${id}/applications`, { cookie: stranger.cookie })).status).toBe(404)
    const applicationOfA = list.json.applicants.find((x: { studentId: string }) => x.studentId === a.person.id).id
    expect((await decide(otherPoster, applicationOfA, 'accepted')).status).toBe(404)
    expect((await t.request('POST', `/api/opportunity-applications/${applicationOfA}/withdraw`, { cookie: b.cookie, body: {} })).status).toBe(404)
    const mine = await t.request('GET', '/api/opportunity-applications/mine', { cookie: b.cookie })
    expect(mine.json.applications.map((x: { opportunityId: string }) => x.opportunityId)).toEqual([id])
    const view = await t.request('GET', `/api/opportunities/${id}`, { cookie: b.cookie })
    expect(view.text).not.toContain(a.person.email)
  })
})

describe('applying and deciding', () => {
  it('e-mails the poster on an application and the student on each decision, with links to pages', async () => {
    const id = await post({ places: 1 })
    const s = await student()
    const applied = await apply(s, id)
    expect(applied.json.myApplication.status).toBe('submitted')
    expect((await apply(s, id)).status).toBe(409)
    const toPoster = (await mailTo(poster.person.email)).filter((m) => m.kind === 'opportunity.applied' && m.textBody.includes(id))
    expect(toPoster).toHaveLength(1)
    expect(toPoster[0]?.textBody).toContain(`/opportunities/${id}/applicants`)

    const applicationId = applied.json.myApplication.id
    expect((await decide(poster, applicationId, 'shortlisted')).status).toBe(200)
    const accepted = await decide(poster, applicationId, 'accepted', 'Welcome aboard: we meet Tuesdays at 8.')
    expect(accepted.status, accepted.text).toBe(200)
    expect(accepted.json.applicants[0].experience).toMatchObject({ hours: null, confirmed: false })
    const toStudent = await mailTo(s.person.email)
    expect(toStudent.map((m) => m.kind)).toEqual(expect.arrayContaining(['opportunity.shortlisted', 'opportunity.accepted']))
    const acceptance = toStudent.find((m) => m.kind === 'opportunity.accepted')
    expect(acceptance?.textBody).toContain('Welcome aboard: we meet Tuesdays at 8.')
    expect(acceptance?.textBody).toContain(`/opportunities/${id}`)
    // Final: no more moves, and no withdrawal after acceptance.
    expect((await decide(poster, applicationId, 'declined')).status).toBe(409)
    expect((await t.request('POST', `/api/opportunity-applications/${applicationId}/withdraw`, { cookie: s.cookie, body: {} })).status).toBe(409)
    // The one place is taken: the board says so and a new application is refused.
    const view = await t.request('GET', `/api/opportunities/${id}`, { cookie: (await student()).cookie })
    expect(view.json).toMatchObject({ placesLeft: 0, canApply: false })
    expect((await apply(await student(), id)).status).toBe(409)
  })

  it('refuses applications after the deadline (409)', async () => {
    const id = await post({ applyBy: new Date(t.clock.now().getTime() + MS_PER_DAY).toISOString() })
    const start = t.clock.now()
    t.clock.set(new Date(start.getTime() + 2 * MS_PER_DAY))
    try {
      const late = await student()
      expect((await apply(late, id)).status).toBe(409)
    } finally {
      t.clock.set(start)
    }
  })

  it('lets a student withdraw before a decision and apply again', async () => {
    const id = await post()
    const s = await student()
    const applied = await apply(s, id)
    const withdrawn = await t.request('POST', `/api/opportunity-applications/${applied.json.myApplication.id}/withdraw`, { cookie: s.cookie, body: {} })
    expect(withdrawn.json.myApplication.status).toBe('withdrawn')
    expect(withdrawn.json.canApply).toBe(true)
    expect((await apply(s, id)).json.myApplication.status).toBe('submitted')
  })
})

describe('the experience record', () => {
  it('adds an accepted opportunity for the poster to confirm; the student adds their own', async () => {
    const id = await post({ title: 'Sepsis bundle compliance' })
    const s = await student()
    const applied = await apply(s, id)
    const decided = await decide(poster, applied.json.myApplication.id, 'accepted')
    const entryId = decided.json.applicants[0].experience.id
    expect((await t.request('POST', `/api/experiences/${entryId}/confirm`, { cookie: otherPoster.cookie, body: { hours: 40 } })).status).toBe(404)
    const confirmed = await t.request('POST', `/api/experiences/${entryId}/confirm`, { cookie: poster.cookie, body: { hours: 60 } })
    expect(confirmed.status, confirmed.text).toBe(200)
    const own = await t.request('POST', '/api/experiences', {
      cookie: s.cookie,
      body: { kind: 'volunteer', title: 'Free clinic', organization: 'Eastside Free Clinic', startDate: '2026-09-01', endDate: '2026-12-01', hours: 30 },
    })
    expect(own.status, own.text).toBe(201)
    const bad = await t.request('POST', '/api/experiences', {
      cookie: s.cookie,
      body: { kind: 'volunteer', title: 'Backwards', startDate: '2026-09-01', endDate: '2026-08-01' },
    })
    expect(bad.status).toBe(400)
    expect(Object.keys(bad.json.error.fields)).toEqual(['endDate'])
    const record = await t.request('GET', '/api/experiences/mine', { cookie: s.cookie })
    expect(record.json.experiences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Sepsis bundle compliance', kind: 'research', hours: 60, opportunityId: id, confirmedBy: poster.person.name }),
        expect.objectContaining({ title: 'Free clinic', kind: 'volunteer', hours: 30, opportunityId: null, confirmedBy: null }),
      ]),
    )
    expect((await t.request('GET', '/api/experiences/mine', { cookie: (await student()).cookie })).json.experiences).toEqual([])

    // Their assigned advisor and the office read it (audited); another advisor does not.
    const assigned = await t.signedInAs(['advisor'])
    await t.db.insert(studentAdvisors).values({ studentId: s.person.id, advisorId: assigned.person.id, assignedAt: t.clock.now(), assignedBy: null })
    const admin = await t.signedInAs(['admin'])
    const recordOf = (a: Account) => t.request('GET', `/api/experiences/students/${s.person.id}`, { cookie: a.cookie })
    expect((await recordOf(assigned)).json.experiences).toHaveLength(2)
    expect((await recordOf(admin)).json.experiences).toHaveLength(2)
    expect((await recordOf(advisor)).status).toBe(404)
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, s.person.id), eq(auditLog.action, 'student-record.read.experiences')))
    expect(reads.map((r) => r.actorId).sort()).toEqual([assigned.person.id, admin.person.id].sort())
  })

  it('keeps the abstracts, posters, presentations and publications of the student’s own entries, and refuses bad ones by field', async () => {
    const s = await student()
    const entry = await t.request('POST', '/api/experiences', { cookie: s.cookie, body: { kind: 'research', title: 'Stroke registry' } })
    const entryId = entry.json.id as string
    const addOutput = (account: Account, outputBody: Record<string, unknown>, id = entryId) =>
      t.request('POST', `/api/experiences/${id}/outputs`, { cookie: account.cookie, body: outputBody })

    const poster1 = await addOutput(s, { kind: 'poster', citation: 'Lee S, Park J. Door-to-needle times. Regional Stroke Meeting; 2026.', date: '2026-10-02' })
    expect(poster1.status, poster1.text).toBe(201)
    const paper = await addOutput(s, { kind: 'publication', citation: 'Lee S et al. Stroke alerts. J Stroke. 2027;12:1-8.' })
    expect(paper.json.outputs.map((o: { kind: string; date: string | null }) => [o.kind, o.date])).toEqual([
      ['poster', '2026-10-02'],
      ['publication', null],
    ])

    const empty = await addOutput(s, { kind: 'abstract', citation: '' })
    expect(empty.status).toBe(400)
    expect(Object.keys(empty.json.error.fields)).toEqual(['citation'])
    const unknownKind = await addOutput(s, { kind: 'tweet', citation: 'A thread.' })
    expect(Object.keys(unknownKind.json.error.fields)).toEqual(['kind'])
    // Another student's entry, or an unknown one, is not found; nothing is written.
    expect((await addOutput(await student(), { kind: 'abstract', citation: 'Not mine.' })).status).toBe(404)
    expect((await addOutput(s, { kind: 'abstract', citation: 'Nowhere.' }, '00000000-0000-4000-8000-000000000001')).status).toBe(404)

    const outputId = poster1.json.outputs[0].id as string
    expect((await t.request('DELETE', `/api/research-outputs/${outputId}`, { cookie: (await student()).cookie })).status).toBe(404)
    const removed = await t.request('DELETE', `/api/research-outputs/${outputId}`, { cookie: s.cookie })
    expect(removed.status, removed.text).toBe(200)
    expect(removed.json.outputs.map((o: { kind: string }) => o.kind)).toEqual(['publication'])
    const record = await t.request('GET', '/api/experiences/mine', { cookie: s.cookie })
    expect(record.json.experiences[0].outputs).toHaveLength(1)
  })

  it(`holds at most ${RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX} outputs per entry, even when they are added at once (${DATABASE})`, async () => {
    const s = await student()
    const entryId = (await t.request('POST', '/api/experiences', { cookie: s.cookie, body: { kind: 'research', title: 'A prolific year' } })).json.id as string
    const answers = await Promise.all(
      Array.from({ length: RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX + 6 }, (_, i) =>
        t.request('POST', `/api/experiences/${entryId}/outputs`, { cookie: s.cookie, body: { kind: 'abstract', citation: `Abstract ${i}.` } }),
      ),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(RESEARCH_OUTPUTS_PER_EXPERIENCE_MAX)
    const refused = answers.filter((a) => a.status !== 201)
    expect(refused.map((a) => a.status)).toEqual(Array(6).fill(409))
    expect(refused[0]?.json.error.fields.citation).toMatch(/already lists/)
  })
})

describe('the board: search and facets', () => {
  it('finds by words in the title or description, filters by facets, and counts each facet over the others', async () => {
    const tag = `zebrafish${Date.now()}`
    const a = await post({ title: `Cardiac regeneration in ${tag}`, specialtyId: 'internal-medicine', remote: false })
    const b = await post({
      kind: 'summer-experience',
      title: 'Summer cardiology program',
      description: `Wet lab with ${tag} hearts.`,
      specialtyId: 'internal-medicine',
      remote: true,
    })
    await post({ title: 'Unrelated dermatology chart review', specialtyId: 'dermatology' })
    const s = await student('M1')
    const search = async (query: string) => (await t.request('GET', `/api/opportunities?${query}`, { cookie: s.cookie })).json
    const found = await search(`q=${tag}`)
    expect(found.results.map((o: { id: string }) => o.id).sort()).toEqual([a, b].sort())
    const remote = await search(`q=${tag}&remote=true`)
    expect(remote.results.map((o: { id: string }) => o.id)).toEqual([b])
    expect(remote.facets.kind).toEqual([{ value: 'summer-experience', count: 1 }])
    expect(remote.facets.remote).toEqual([
      { value: 'false', count: 1 },
      { value: 'true', count: 1 },
    ])
    expect((await search(`q=${tag}&kind=research-project`)).results.map((o: { id: string }) => o.id)).toEqual([a])
    // Paged: the total and the facets count every match; a page holds its share, in the same order.
    const first = await search(`q=${tag}&pageSize=1`)
    const second = await search(`q=${tag}&pageSize=1&page=2`)
    expect([first.total, second.total, first.results.length, second.results.length]).toEqual([2, 2, 1, 1])
    expect([first.results[0].id, second.results[0].id]).toEqual(found.results.map((o: { id: string }) => o.id))
    expect(second.facets).toEqual(found.facets)
    const bad = await t.request('GET', '/api/opportunities?kind=internship', { cookie: s.cookie })
    expect(bad.status).toBe(400)
  })

  it('filters and counts by site (the place before the first comma) and by time commitment (chosen, or the kind’s usual)', async () => {
    const tag = `axolotl${Date.now()}`
    const day = await post({
      kind: 'shadowing',
      title: `Clinic day ${tag}`,
      site: 'University Hospital, Clinic 4',
      timeCommitment: 'One morning',
    })
    const summer = await post({
      title: `Summer project ${tag}`,
      site: 'University Hospital, Lab 2',
      commitment: 'a-summer',
      timeCommitment: 'Full time, ten weeks',
    })
    const weekly = await post({ title: `Weekly project ${tag}`, site: 'Cancer Center' })
    const s = await student('M1')
    const search = async (query: string) => (await t.request('GET', `/api/opportunities?q=${tag}&${query}`, { cookie: s.cookie })).json
    const all = await search('')
    expect(all.facets.site).toEqual([
      { value: 'University Hospital', count: 2 },
      { value: 'Cancer Center', count: 1 },
    ])
    expect(all.facets.commitment).toEqual([
      { value: 'a-day', count: 1 },
      { value: 'a-summer', count: 1 },
      { value: 'hours-a-week', count: 1 },
    ])
    const atHospital = await search('site=University%20Hospital')
    expect(atHospital.results.map((o: { id: string }) => o.id).sort()).toEqual([day, summer].sort())
    // Each facet over the other filters: the site still shows the Cancer Center; commitments only the hospital's.
    expect(atHospital.facets.site.map((f: { value: string }) => f.value)).toContain('Cancer Center')
    expect(atHospital.facets.commitment.map((f: { value: string }) => f.value).sort()).toEqual(['a-day', 'a-summer'])
    const weeklyOnly = await search('commitment=hours-a-week')
    expect(weeklyOnly.results.map((o: { id: string; commitment: string }) => [o.id, o.commitment])).toEqual([[weekly, 'hours-a-week']])
    expect((await t.request('GET', '/api/opportunities?commitment=forever', { cookie: s.cookie })).status).toBe(400)
  })
})

describe('[opportunity-capacity]', () => {
  it(`the poster accepts many applicants at once for the last places: never more accepted than places, the rest refused with 409 (${DATABASE})`, async () => {
    for (let round = 0; round < 3; round++) {
      const id = await post({ places: 3, title: `Race ${round}` })
      const applicants: Account[] = []
      for (let i = 0; i < 10; i++) applicants.push(await student())
      const applicationIds: string[] = []
      for (const s of applicants) applicationIds.push((await apply(s, id)).json.myApplication.id)
      // One place is taken first; the race is for the last two.
      expect((await decide(poster, applicationIds[0] as string, 'accepted')).status).toBe(200)
      const answers = await Promise.all(applicationIds.slice(1).map((applicationId) => decide(poster, applicationId, 'accepted')))
      expect(answers.filter((a) => a.status === 200)).toHaveLength(2)
      expect(answers.filter((a) => a.status === 409)).toHaveLength(7)
      for (const a of answers) expect([200, 409], a.text).toContain(a.status)
      const accepted = await t.db
        .select()
        .from(opportunityApplications)
        .where(and(eq(opportunityApplications.opportunityId, id), eq(opportunityApplications.status, 'accepted')))
      expect(accepted).toHaveLength(3)
      // One experience entry each, and no acceptance e-mail for a refused one.
      const entries = await t.db
        .select()
        .from(experienceEntries)
        .where(eq(experienceEntries.title, `Race ${round}`))
      expect(entries.map((e) => e.studentId).sort()).toEqual(accepted.map((a) => a.studentId).sort())
      const mails = (await t.db.select().from(outbox).where(eq(outbox.kind, 'opportunity.accepted'))).filter((m) => m.subject.endsWith(`Race ${round}`))
      expect(mails).toHaveLength(3)
    }
  })
})
