import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox } from '#server/db/schema/index.ts'
import { MS_PER_DAY, MS_PER_HOUR } from '#shared/time.ts'
import { AUTHORIZATION_MATRIX, PATH_PLACEHOLDERS } from '#tests/authorization-matrix.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * `[directory-hold]` (34 CFR §99.37): a canary student who is also a near-peer mentor takes part
 * in everything that lists people — the directory, Mentors for you, advising boards' near-peer
 * suggestions, a mentor program (as a student and as a mentor), the community (named posts), an
 * event and an opportunity — and then opts out of the directory. Every GET route of the
 * authorization matrix, called by another student and by a mentor with no tie to the canary,
 * with every path parameter set to the real rows the canary is part of, never answers with the
 * canary's id, name or e-mail. The canary's own advising continues: their mentor and their
 * assigned advisor still see them.
 */

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let canary: Account
let observer: Account
let classmate: Account
let strangerMentor: Account
let ownMentor: Account
let advisor: Account
let admin: Account
const ids: Record<string, string> = {}

const CANARY = { name: 'Wrenna Holdsworth', email: 'wrenna.holdsworth@canary.example.edu' }
const mentorFields = { capacity: 3, accepting: true, offers: ['career-advice'] as 'career-advice'[], specialtyId: 'dermatology' }

async function account(roles: Parameters<TestApp['insertAccount']>[0], overrides: Parameters<TestApp['insertAccount']>[1] = {}): Promise<Account> {
  const person = await t.insertAccount(roles, overrides)
  return { person, cookie: await t.sessionCookie(person.id) }
}

function leaks(text: string): string[] {
  const lower = text.toLowerCase()
  return [canary.person.id, CANARY.name, CANARY.email, 'Holdsworth', 'Wrenna'].filter((s) => lower.includes(s.toLowerCase()))
}

async function ok(response: Promise<{ status: number; text: string; json: Record<string, any> }>, status = 200) {
  const r = await response
  expect(r.status, r.text).toBe(status)
  return r.json
}

/** Every GET path of the matrix with its parameters set to the canary's real rows. */
function pathsFor(): string[] {
  const fill: Record<string, string> = {
    ...PATH_PLACEHOLDERS,
    personId: canary.person.id,
    studentId: canary.person.id,
    questionId: ids.question ?? '',
    mentorProgramId: ids.menteeProgram ?? '',
    eventId: ids.event ?? '',
    opportunityId: ids.opportunity ?? '',
    applicationId: ids.application ?? '',
    mentorshipId: ids.mentorship ?? '',
    mentorshipRequestId: ids.mentorshipRequest ?? '',
  }
  const paths = new Set<string>()
  for (const entry of AUTHORIZATION_MATRIX) {
    if (entry.method !== 'GET') continue
    paths.add(entry.path.replace(/:([A-Za-z]+)/g, (whole, name: string) => fill[name] ?? whole))
  }
  paths.add(`/api/mentor-programs/${ids.mentorProgram}/ranking`)
  for (const q of [CANARY.name, 'Holdsworth', 'Wrenna'].map(encodeURIComponent)) {
    paths.add(`/api/directory/mentors?q=${q}`)
    paths.add(`/api/community/questions?q=${q}`)
    paths.add(`/api/opportunities?q=${q}`)
  }
  paths.add('/api/directory/mentors?kind=near-peer')
  paths.add('/api/community/questions?q=dermatology%20electives')
  return [...paths]
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  admin = await account(['admin'])
  advisor = await account(['advisor'])
  canary = await account(['student', 'mentor'], {
    name: CANARY.name,
    email: CANARY.email,
    student: { classYear: 'M4', specialtyInterests: ['dermatology'], helpWanted: ['career-advice'] },
    mentor: { ...mentorFields, kind: 'near-peer' },
  })
  observer = await account(['student'], { student: { classYear: 'M1', specialtyInterests: ['dermatology'], helpWanted: ['career-advice'] } })
  classmate = await account(['student'], { student: { classYear: 'M4', specialtyInterests: ['dermatology'], helpWanted: ['career-advice'] } })
  strangerMentor = await account(['mentor'], { mentor: { ...mentorFields, kind: 'faculty' } })
  ownMentor = await account(['mentor'], { mentor: { ...mentorFields, kind: 'faculty' } })

  // Their own advising: an assigned advisor and a mentor in an active mentorship.
  await ok(t.request('PUT', '/api/admin/student-advisors', { cookie: admin.cookie, body: { studentId: canary.person.id, advisorIds: [advisor.person.id] } }))
  const request = await ok(
    t.request('POST', '/api/mentorship-requests', {
      cookie: canary.cookie,
      body: { mentorId: ownMentor.person.id, kind: 'ongoing', message: 'I would value your advice this year.', helpWanted: ['career-advice'] },
    }),
    201,
  )
  ids.mentorshipRequest = request.id
  const accepted = await ok(t.request('POST', `/api/mentorship-requests/${request.id}/accept`, { cookie: ownMentor.cookie }))
  ids.mentorship = accepted.mentorship?.id ?? accepted.mentorshipId ?? ''

  // A named question and a named answer in the community.
  const asked = await ok(
    t.request('POST', '/api/community/questions', {
      cookie: canary.cookie,
      body: { board: 'topic:application-strategy', title: 'Which dermatology electives helped you?', body: 'I am choosing dermatology electives for spring.' },
    }),
    201,
  )
  ids.question = asked.id
  await ok(t.request('POST', `/api/community/questions/${asked.id}/answers`, { cookie: classmate.cookie, body: { body: 'The inpatient consult month.' } }), 201)
  const other = await ok(
    t.request('POST', '/api/community/questions', {
      cookie: observer.cookie,
      body: { board: 'topic:research', title: 'How do I find a first research project?', body: 'I am an M1 with no research yet.' },
    }),
    201,
  )
  ids.observerQuestion = other.id
  await ok(
    t.request('POST', `/api/community/questions/${other.id}/answers`, {
      cookie: canary.cookie,
      body: { body: 'Ask a resident in clinic; they know who needs help.' },
    }),
    201,
  )

  // An event with the canary's RSVP, and an opportunity the canary applied to (posted by an advisor).
  const start = new Date(t.clock.now().getTime() + 7 * MS_PER_DAY)
  const event = await ok(
    t.request('POST', '/api/events', {
      cookie: advisor.cookie,
      body: {
        title: 'Dermatology panel',
        kind: 'panel',
        description: 'Residents on their first year.',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + MS_PER_HOUR).toISOString(),
        room: 'Room 2.14',
        site: 'Health Sciences Building',
        onlineLink: 'https://zoom.us/j/5551234',
        host: 'Office of Student Affairs',
        classYears: ['M1', 'M4'],
        capacity: 20,
        rsvpClosesAt: new Date(start.getTime() - MS_PER_DAY).toISOString(),
      },
    }),
    201,
  )
  ids.event = event.id
  await ok(t.request('POST', `/api/events/${event.id}/rsvp`, { cookie: canary.cookie }))
  const opportunity = await ok(
    t.request('POST', '/api/opportunities', {
      cookie: advisor.cookie,
      body: {
        kind: 'research-project',
        title: 'Melanoma screening outcomes',
        description: 'A chart review of screening outcomes.',
        specialtyId: 'dermatology',
        classYears: ['M1', 'M4'],
        remote: false,
        places: 3,
        applyBy: new Date(t.clock.now().getTime() + 14 * MS_PER_DAY).toISOString(),
        startDate: '2027-03-01',
        endDate: '2027-08-31',
        timeCommitment: '4 hours a week',
        researchQuestion: 'Does screening find earlier melanomas?',
        methods: 'Chart review',
        skillsWanted: 'REDCap',
        expectedOutput: 'An abstract',
        status: 'published',
      },
    }),
    201,
  )
  ids.opportunity = opportunity.id
  const applied = await ok(
    t.request('POST', `/api/opportunities/${opportunity.id}/applications`, { cookie: canary.cookie, body: { statement: 'I have used REDCap before.' } }),
  )
  ids.application = applied.myApplication.id

  // Mentor programs: the canary is a near-peer mentor to the M1s, and a mentee among the M4s.
  const mentoring = await ok(
    t.request('POST', '/api/mentor-programs', {
      cookie: admin.cookie,
      body: {
        name: 'M1 near-peers',
        pairingMethod: 'student-ranks',
        maxPerMentor: 3,
        classYears: ['M1'],
        mentors: [{ email: CANARY.email }, { email: strangerMentor.person.email }],
      },
    }),
    201,
  )
  ids.mentorProgram = mentoring.id
  await ok(t.request('POST', `/api/mentor-programs/${mentoring.id}/open-ranking`, { cookie: admin.cookie }))
  const mentee = await ok(
    t.request('POST', '/api/mentor-programs', {
      cookie: admin.cookie,
      body: { name: 'M4 mentoring', pairingMethod: 'student-ranks', maxPerMentor: 3, classYears: ['M4'], mentors: [{ email: strangerMentor.person.email }] },
    }),
    201,
  )
  ids.menteeProgram = mentee.id
  await ok(t.request('POST', `/api/mentor-programs/${mentee.id}/open-ranking`, { cookie: admin.cookie }))

  // Before the hold the canary is seen (so the checks below could fail): then they opt out.
  const directory = await ok(t.request('GET', `/api/directory/mentors?q=${encodeURIComponent(CANARY.name)}`, { cookie: observer.cookie }))
  expect(leaks(JSON.stringify(directory))).not.toEqual([])
  const held = await ok(t.request('PUT', '/api/records/directory-hold', { cookie: canary.cookie, body: { hold: true } }))
  expect(held.hold).toBe(true)
}, 120_000)

afterAll(async () => {
  await t?.close()
})

describe('[directory-hold] a student who opted out never appears to another student or a mentor', () => {
  for (const who of ['student (M1)', 'student (M4 classmate)', 'mentor'] as const) {
    it(`every GET route, as a ${who}`, async () => {
      const viewer = who === 'mentor' ? strangerMentor : who === 'student (M1)' ? observer : classmate
      let read = 0
      const leaked: string[] = []
      for (const path of pathsFor()) {
        const response = await t.request('GET', path, { cookie: viewer.cookie })
        expect(response.status, `${path} ${response.text.slice(0, 200)}`).toBeLessThan(500)
        if (response.status === 200) read++
        if (leaks(response.text).length > 0) leaked.push(`${path} (${response.status})`)
      }
      expect(leaked, 'routes that named the canary').toEqual([])
      expect(read).toBeGreaterThan(30)
    }, 120_000)
  }

  it('the community still shows the canary’s posts, without naming them', async () => {
    const page = await ok(t.request('GET', `/api/community/questions/${ids.question}`, { cookie: observer.cookie }))
    expect(page.title).toContain('dermatology electives')
    expect(page.author.person).toBeNull()
  })

  it('an answer after the hold is e-mailed to the asker without the canary’s name', async () => {
    await ok(
      t.request('POST', `/api/community/questions/${ids.observerQuestion}/answers`, { cookie: canary.cookie, body: { body: 'Also try the research office.' } }),
      201,
    )
    // The clock is fixed, so the e-mails are told apart by their words: before the hold one named the canary.
    const mails = await t.db.select().from(outbox).where(eq(outbox.toAddress, observer.person.email))
    const afterHold = mails.filter((m) => m.textBody.includes('A student answered your question'))
    expect(afterHold).toHaveLength(1)
    expect(leaks(`${afterHold[0]?.subject} ${afterHold[0]?.textBody}`)).toEqual([])
  })

  it('their own advising continues: their mentor and their advisor still see them', async () => {
    const mentorView = await t.request('GET', '/api/mentorships/mine', { cookie: ownMentor.cookie })
    expect(mentorView.text).toContain(CANARY.name)
    const advisorView = await t.request('GET', '/api/advising/students', { cookie: advisor.cookie })
    expect(advisorView.text).toContain(CANARY.name)
    const profile = await t.request('GET', `/api/profiles/${canary.person.id}`, { cookie: advisor.cookie })
    expect(profile.status).toBe(200)
  })

  it('the canary sees their own hold, and opting back in lists them again', async () => {
    const mine = await ok(t.request('GET', '/api/records/directory-hold', { cookie: canary.cookie }))
    expect(mine).toMatchObject({ hold: true })
    expect(mine.changedAt).not.toBeNull()
    await ok(t.request('PUT', '/api/records/directory-hold', { cookie: canary.cookie, body: { hold: false } }))
    const directory = await ok(t.request('GET', `/api/directory/mentors?q=${encodeURIComponent(CANARY.name)}`, { cookie: observer.cookie }))
    expect(leaks(JSON.stringify(directory))).not.toEqual([])
    await ok(t.request('PUT', '/api/records/directory-hold', { cookie: canary.cookie, body: { hold: true } }))
  })

  it('refuses a body that is not a yes or no, naming the field', async () => {
    const response = await t.request('PUT', '/api/records/directory-hold', { cookie: canary.cookie, body: { hold: 'maybe' } })
    expect(response.status).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain('hold')
  })
})
