import { eq, or } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, outbox } from '#server/db/schema/index.ts'
import { AUTHORIZATION_MATRIX } from '#tests/authorization-matrix.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * `[anon-canary]`: a canary student asks a question and answers one anonymously. No route seen by
 * another student, a mentor or an advisor carries the canary's id, name or e-mail; no e-mail to
 * anyone else, and no audit row, does; and an observer who records everyone's visible community
 * figures before and after the anonymous posts sees nothing move — while a named post by a
 * control student does move theirs (so the observer would notice).
 */

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let canary: Account
let observer: Account
let control: Account
let mentor: Account
let advisor: Account
let admin: Account
let namedQuestionId = ''
let anonymousQuestionId = ''
let anonymousAnswerId = ''

const CANARY = { name: 'Quillon Canarywood', email: 'quillon.canarywood@canary.example.edu' }

async function account(roles: Parameters<TestApp['insertAccount']>[0], overrides: Parameters<TestApp['insertAccount']>[1] = {}): Promise<Account> {
  const person = await t.insertAccount(roles, overrides)
  return { person, cookie: await t.sessionCookie(person.id) }
}

function secretsOf(): string[] {
  return [canary.person.id, CANARY.name, CANARY.email, 'Canarywood', 'Quillon']
}

function leaks(text: string): string[] {
  const lower = text.toLowerCase()
  return secretsOf().filter((s) => lower.includes(s.toLowerCase()))
}

/** Everyone's visible community figures and profile, as the observer reads them. */
async function figures(viewer: Account) {
  const people = [canary, observer, control, mentor, advisor, admin]
  const seen: Record<string, unknown> = {}
  for (const p of people) {
    const activity = await t.request('GET', `/api/community/people/${p.person.id}`, { cookie: viewer.cookie })
    const profile = await t.request('GET', `/api/profiles/${p.person.id}`, { cookie: viewer.cookie })
    seen[p.person.id] = { activity: [activity.status, activity.json], profile: [profile.status, profile.json] }
  }
  seen.directory = (await t.request('GET', '/api/directory/mentors', { cookie: viewer.cookie })).json
  return seen
}

let before: Record<string, unknown>
let after: Record<string, unknown>

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  canary = await account(['student'], { name: CANARY.name, email: CANARY.email, student: { classYear: 'M2' } })
  observer = await account(['student'], { student: { classYear: 'M2' } })
  control = await account(['student'], { student: { classYear: 'M2' } })
  mentor = await account(['mentor'], { mentor: { kind: 'resident', capacity: 3, accepting: true } })
  advisor = await account(['advisor'])
  admin = await account(['admin'])

  const named = await t.request('POST', '/api/community/questions', {
    cookie: observer.cookie,
    body: {
      board: 'topic:money-and-debt',
      title: 'How did you budget for away rotations?',
      body: 'Housing for two away rotations looks like four thousand dollars.',
    },
  })
  expect(named.status, named.text).toBe(201)
  namedQuestionId = named.json.id
  await t.request('POST', `/api/community/questions/${namedQuestionId}/answers`, {
    cookie: mentor.cookie,
    body: { body: 'Our department paid for housing; ask early.' },
  })

  before = await figures(observer)

  const asked = await t.request('POST', '/api/community/questions', {
    cookie: canary.cookie,
    body: {
      board: 'topic:wellbeing',
      title: 'Is it normal to feel like quitting in second year?',
      body: 'Some weeks I wonder whether I should leave medicine altogether.',
      anonymous: true,
    },
  })
  expect(asked.status, asked.text).toBe(201)
  anonymousQuestionId = asked.json.id
  const answered = await t.request('POST', `/api/community/questions/${namedQuestionId}/answers`, {
    cookie: canary.cookie,
    body: { body: 'I took out a small private loan for my away rotations and regret it.', anonymous: true },
  })
  expect(answered.status, answered.text).toBe(201)
  anonymousAnswerId = (answered.json.answers as { id: string; author: { mine: boolean } }[]).find((a) => a.author.mine)?.id ?? ''
  expect(anonymousAnswerId).not.toBe('')
  after = await figures(observer)
  // The mentor answers the anonymous question; the observer follows it and reports the anonymous answer.
  await t.request('POST', `/api/community/questions/${anonymousQuestionId}/answers`, {
    cookie: mentor.cookie,
    body: { body: 'Yes, and it passes. Talk to someone.' },
  })
}, 60_000)
afterAll(async () => {
  await t?.close()
})

describe('[anon-canary] an anonymous post never names its author', () => {
  it('the author sees that they posted anonymously, and their own view names no one', async () => {
    const mine = await t.request('GET', `/api/community/questions/${anonymousQuestionId}`, { cookie: canary.cookie })
    expect(mine.json.author).toEqual({ person: null, anonymous: true, mine: true })
    expect(leaks(mine.text)).toEqual([])
    const list = await t.request('GET', '/api/community/mine', { cookie: canary.cookie })
    expect(list.json.questions.map((q: { id: string }) => q.id)).toContain(anonymousQuestionId)
    expect(list.json.answeredQuestions.map((q: { id: string }) => q.id)).toContain(namedQuestionId)
  })

  for (const who of ['student', 'mentor', 'advisor'] as const) {
    it(`every community route, and the profile and directory routes, called as a ${who}`, async () => {
      const viewer = who === 'student' ? observer : who === 'mentor' ? mentor : advisor
      const paths = new Set<string>()
      for (const entry of AUTHORIZATION_MATRIX) {
        if (entry.method !== 'GET' || !entry.path.startsWith('/api/community')) continue
        for (const questionId of [anonymousQuestionId, namedQuestionId])
          for (const personId of [observer.person.id, mentor.person.id, control.person.id])
            paths.add(entry.path.replace(':questionId', questionId).replace(':personId', personId))
      }
      for (const q of ['quitting second year', 'private loan', CANARY.name, 'Canarywood', 'away rotations'])
        paths.add(`/api/community/questions?q=${encodeURIComponent(q)}`)
      paths.add('/api/community/questions?board=topic%3Awellbeing')
      paths.add(`/api/profiles/${mentor.person.id}`)
      paths.add(`/api/directory/mentors/${mentor.person.id}`)
      paths.add('/api/directory/mentors')
      paths.add('/api/profiles/me')
      const seen: string[] = []
      for (const path of paths) {
        const response = await t.request('GET', path, { cookie: viewer.cookie })
        expect(response.status, `${path} ${response.text.slice(0, 200)}`).toBeLessThan(500)
        seen.push(`${path} → ${response.status}`)
        expect(leaks(response.text), `${path} leaked`).toEqual([])
      }
      // The anonymous posts were really read: the question page and the answer in the named thread.
      const page = await t.request('GET', `/api/community/questions/${anonymousQuestionId}`, { cookie: viewer.cookie })
      expect(page.json.title).toContain('quitting')
      expect(page.json.author).toEqual({ person: null, anonymous: true, mine: false })
      const thread = await t.request('GET', `/api/community/questions/${namedQuestionId}`, { cookie: viewer.cookie })
      expect(thread.json.answers.find((a: { id: string }) => a.id === anonymousAnswerId)?.author).toEqual({ person: null, anonymous: true, mine: false })
      expect(seen.length).toBeGreaterThan(10)

      // What the viewer may do to the anonymous posts answers without naming the author either.
      const writes = [
        t.request('PUT', `/api/community/questions/${anonymousQuestionId}/follow`, { cookie: viewer.cookie }),
        t.request('POST', `/api/community/answers/${anonymousAnswerId}/report`, { cookie: viewer.cookie, body: { reason: `Reported by the ${who}.` } }),
        ...(who === 'advisor'
          ? [t.request('GET', '/api/community/moderation/reports', { cookie: viewer.cookie })]
          : [t.request('PUT', `/api/community/answers/${anonymousAnswerId}/vote`, { cookie: viewer.cookie })]),
      ]
      for (const response of await Promise.all(writes)) {
        expect(response.status, response.text.slice(0, 200)).toBeLessThan(300)
        expect(leaks(response.text)).toEqual([])
      }
    })
  }

  it('the moderation queue holds the reported anonymous answer, unnamed', async () => {
    const queue = await t.request('GET', '/api/community/moderation/reports', { cookie: advisor.cookie })
    const item = queue.json.items.find((i: { answerId: string | null }) => i.answerId === anonymousAnswerId)
    expect(item.author).toEqual({ person: null, anonymous: true, mine: false })
    expect(leaks(queue.text)).toEqual([])
  })

  it('no e-mail to anyone else names the canary, though the asker was told of the anonymous answer', async () => {
    const mail = await t.db.select().from(outbox)
    const others = mail.filter((m) => m.toAddress !== CANARY.email)
    const toObserver = others.filter((m) => m.toAddress === observer.person.email && m.kind === 'community.answered')
    expect(toObserver.length).toBeGreaterThanOrEqual(2)
    expect(toObserver.some((m) => m.textBody.includes('A student, anonymously,'))).toBe(true)
    for (const m of others) expect(leaks(`${m.subject}\n${m.textBody}`), m.subject).toEqual([])
    // The canary asked anonymously: nothing is queued to them at the moment of an answer.
    expect(mail.filter((m) => m.toAddress === CANARY.email)).toEqual([])
  })

  it('no audit row names the canary as the actor or the object of a post', async () => {
    const rows = await t.db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.actorId, canary.person.id), eq(auditLog.objectId, canary.person.id)))
    expect(rows).toEqual([])
  })

  it('the observer’s record of everyone’s visible figures does not move with the anonymous posts; a named post moves the poster’s', async () => {
    expect(after).toEqual(before)
    // Sensitivity: the same observer sees a named answer move the control student's figures.
    const named = await t.request('POST', `/api/community/questions/${anonymousQuestionId}/answers`, {
      cookie: control.cookie,
      body: { body: 'Same here; it got better in third year.' },
    })
    expect(named.status, named.text).toBe(201)
    const later = (await figures(observer)) as Record<string, { activity: [number, { answersGiven: number }] }>
    expect(later[control.person.id]?.activity[1].answersGiven).toBe(1)
    expect(later[canary.person.id]).toEqual(before[canary.person.id])
  })

  it('an admin learns the author only by giving a reason, which is stored and audited', async () => {
    const refused = await t.request('POST', `/api/community/moderation/questions/${anonymousQuestionId}/reveal-author`, {
      cookie: admin.cookie,
      body: { reason: 'why' },
    })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.reason).toBeTruthy()
    const byAdvisor = await t.request('POST', `/api/community/moderation/questions/${anonymousQuestionId}/reveal-author`, {
      cookie: advisor.cookie,
      body: { reason: 'A student reported a threat of self-harm in this question.' },
    })
    expect(byAdvisor.status).toBe(403)
    const revealed = await t.request('POST', `/api/community/moderation/questions/${anonymousQuestionId}/reveal-author`, {
      cookie: admin.cookie,
      body: { reason: 'A student reported a threat of self-harm in this question.' },
    })
    expect(revealed.status, revealed.text).toBe(200)
    expect(revealed.json).toEqual({ personId: canary.person.id, name: CANARY.name, email: CANARY.email })
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'community.author.reveal'))
    expect(audited).toHaveLength(1)
    expect(audited[0]?.actorId).toBe(admin.person.id)
  })

  it('the anonymous asker is told of answers once a day, in a digest naming no question; never twice', async () => {
    const start = t.clock.now()
    // Before the day's digest hour has passed since the answers, nothing goes out.
    expect(await t.services.community.sendAnonymousAskerDigests()).toBe(0)
    t.clock.set(new Date('2026-10-06T13:05:00Z'))
    try {
      expect(await t.services.community.sendAnonymousAskerDigests()).toBe(1)
      expect(await t.services.community.sendAnonymousAskerDigests()).toBe(0)
    } finally {
      t.clock.set(start)
    }
    const toCanary = (await t.db.select().from(outbox)).filter((m) => m.toAddress === CANARY.email)
    expect(toCanary.map((m) => m.subject)).toEqual(['New answers to questions you asked anonymously'])
    expect(toCanary[0]?.textBody).toMatch(/new answers?/)
    expect(toCanary[0]?.textBody).not.toContain(anonymousQuestionId)
    expect(toCanary[0]?.textBody).not.toContain('quitting')
  })
})
