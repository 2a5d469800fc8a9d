import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, communityReports, outbox } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * Members-only identity boards and the school's word filter (issue #17): who sees a board, that
 * nothing of it reaches anyone else, and what a blocked or reviewed word does to a post.
 */

type Account = { person: { id: string; email: string; name: string }; cookie: string }
let t: TestApp
let member: Account
let outsider: Account
let memberMentor: Account
let outsiderMentor: Account
let advisor: Account
let admin: Account

const BOARD = 'identity:first-generation'

async function account(roles: Parameters<TestApp['insertAccount']>[0], overrides: Parameters<TestApp['insertAccount']>[1] = {}): Promise<Account> {
  const person = await t.insertAccount(roles, overrides)
  return { person, cookie: await t.sessionCookie(person.id) }
}

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  member = await account(['student'], { student: { identity: ['first-generation'], identityVisibility: 'private' } })
  outsider = await account(['student'], { student: { identity: ['veteran'] } })
  memberMentor = await account(['mentor'], { mentor: { kind: 'resident', identity: ['first-generation'] } })
  outsiderMentor = await account(['mentor'], { mentor: { kind: 'faculty', identity: [] } })
  advisor = await account(['advisor'])
  admin = await account(['admin'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const ask = (who: Account, body: Record<string, unknown>) => t.request('POST', '/api/community/questions', { cookie: who.cookie, body })
const get = (who: Account, path: string) => t.request('GET', path, { cookie: who.cookie })

async function askOn(board: string, title: string, body = 'Words of the question.', who: Account = member): Promise<string> {
  const response = await ask(who, { board, title, body })
  expect(response.status, response.text).toBe(201)
  return response.json.id as string
}

describe('members-only identity boards', () => {
  it('are listed, readable and searchable only by those whose profile lists the identity, and by moderators', async () => {
    const id = await askOn(BOARD, 'Paying for interviews when nobody at home can help', 'Zebracanary budgeting for the interview season.')
    const boardsOf = async (who: Account) => ((await get(who, '/api/community/boards')).json.boards as { id: string; membersOnly: boolean }[]).map((b) => b.id)

    expect(await boardsOf(member)).toContain(BOARD)
    expect(await boardsOf(memberMentor)).toContain(BOARD)
    expect(await boardsOf(advisor)).toContain(BOARD)
    expect(await boardsOf(outsider)).not.toContain(BOARD)
    expect(await boardsOf(outsider)).toContain('identity:veteran')
    expect(await boardsOf(outsiderMentor)).not.toContain(BOARD)

    for (const who of [member, memberMentor, advisor]) {
      expect((await get(who, `/api/community/questions/${id}`)).status).toBe(200)
      expect((await get(who, '/api/community/questions?q=zebracanary')).json.items.map((q: { id: string }) => q.id)).toEqual([id])
    }
    for (const who of [outsider, outsiderMentor]) {
      const page = await get(who, `/api/community/questions/${id}`)
      expect(page.status).toBe(404)
      expect((await get(who, '/api/community/questions?q=zebracanary')).json.items).toEqual([])
      expect((await get(who, '/api/community/questions')).text).not.toContain(id)
      const board = await get(who, `/api/community/questions?board=${encodeURIComponent(BOARD)}`)
      expect(board.status).toBe(404)
      expect(board.json.error.message).toContain('First in family to attend college')
      // Answer, follow, report: the same 404, nothing written.
      expect((await t.request('POST', `/api/community/questions/${id}/answers`, { cookie: who.cookie, body: { body: 'Hello' } })).status).toBe(404)
      expect((await t.request('PUT', `/api/community/questions/${id}/follow`, { cookie: who.cookie })).status).toBe(404)
      expect((await t.request('POST', `/api/community/questions/${id}/report`, { cookie: who.cookie, body: { reason: 'Looks odd' } })).status).toBe(404)
    }
  })

  it('refuses a question on a board the asker has not joined, naming the board, and writes nothing', async () => {
    const refused = await ask(outsider, { board: BOARD, title: 'Can I post here?', body: 'Testing.' })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.board).toContain('profile')
    const named = await ask(member, { board: BOARD, title: 'A question for one mentor', body: 'Words.', mentorId: memberMentor.person.id })
    expect(named.status).toBe(400)
    expect(named.json.error.fields.mentorId).toBeTruthy()
    expect((await get(outsider, '/api/community/mine')).text).not.toContain('Can I post here?')
  })

  it('keeps a member’s named posts there out of their public figures, and e-mails only members', async () => {
    const id = await askOn(BOARD, 'Who else is first in their family here?')
    await t.request('PUT', `/api/community/questions/${id}/follow`, { cookie: memberMentor.cookie })
    const before = (await get(outsider, `/api/community/people/${memberMentor.person.id}`)).json
    const answered = await t.request('POST', `/api/community/questions/${id}/answers`, { cookie: memberMentor.cookie, body: { body: 'I was: happy to talk.' } })
    expect(answered.status, answered.text).toBe(201)
    const after = (await get(outsider, `/api/community/people/${memberMentor.person.id}`)).json
    expect(after).toEqual(before)
    expect(JSON.stringify(after)).not.toContain('first in their family')
    const mail = (await t.db.select().from(outbox)).filter((m) => m.textBody.includes(`/community/questions/${id}`))
    expect(mail.map((m) => m.toAddress)).toEqual([member.person.email])
  })
})

describe('the word filter', () => {
  const setTerm = (who: Account, term: string, action: string) =>
    t.request('POST', '/api/community/moderation/word-filter', { cookie: who.cookie, body: { term, action } })

  it('is set by moderators only, audited, and lists a phrase once', async () => {
    for (const who of [member, memberMentor]) {
      expect((await setTerm(who, 'nonsense', 'block')).status).toBe(403)
      expect((await get(who, '/api/community/moderation/word-filter')).status).toBe(403)
    }
    const first = await setTerm(advisor, 'Dumbo', 'block')
    expect(first.status, first.text).toBe(200)
    const again = await setTerm(admin, '  dumbo ', 'review')
    expect(again.json.entries.filter((e: { term: string }) => e.term.toLowerCase() === 'dumbo')).toHaveLength(1)
    expect(again.json.entries.find((e: { term: string }) => e.term === 'dumbo').action).toBe('review')
    const bad = await setTerm(advisor, '!!!', 'block')
    expect(bad.status).toBe(400)
    expect(bad.json.error.fields.term).toBeTruthy()
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, 'community.word-filter.set'))
    expect(audited.length).toBe(2)
    const id = again.json.entries[0].id
    expect((await t.request('DELETE', `/api/community/moderation/word-filter/${id}`, { cookie: member.cookie })).status).toBe(403)
    const removed = await t.request('DELETE', `/api/community/moderation/word-filter/${id}`, { cookie: advisor.cookie })
    expect(removed.status).toBe(200)
    expect(removed.json.entries).toEqual([])
    expect((await t.request('DELETE', `/api/community/moderation/word-filter/${id}`, { cookie: advisor.cookie })).status).toBe(404)
  })

  it('refuses a post with a blocked word, naming the field and the word, and writes nothing', async () => {
    await setTerm(admin, 'cretin', 'block')
    const refused = await ask(outsider, { board: 'topic:wellbeing', title: 'My attending called me a Cretín', body: 'What do I do?' })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.title).toContain('cretin')
    expect(refused.json.error.fields.body).toBeUndefined()
    // Inside a longer word it is not the word.
    expect((await ask(outsider, { board: 'topic:wellbeing', title: 'Cretinism in the differential', body: 'Endocrine.' })).status).toBe(201)
    const mine = await get(outsider, '/api/community/mine')
    expect(mine.text).not.toContain('called me a')
  })

  it('holds a post with a reviewed word for a moderator: its author and moderators see it, nobody else, and nobody is e-mailed', async () => {
    await setTerm(admin, 'pill mill', 'review')
    const id = await askOn('topic:money-and-debt', 'Moonlighting questions', 'Is moonlighting worth it?', outsider)
    await t.request('PUT', `/api/community/questions/${id}/follow`, { cookie: member.cookie })
    const mailBefore = (await t.db.select().from(outbox)).length
    const held = await t.request('POST', `/api/community/questions/${id}/answers`, {
      cookie: member.cookie,
      body: { body: 'Avoid the Pill-Mill clinics downtown.' },
    })
    expect(held.status, held.text).toBe(201)
    const mine = held.json.answers.find((a: { body: string }) => a.body.includes('Pill-Mill'))
    expect(mine).toMatchObject({ hidden: true, heldForReview: true })
    expect(mine.moderationNote).toContain('pill mill')
    expect((await get(outsider, `/api/community/questions/${id}`)).json.answers).toEqual([])
    expect((await t.db.select().from(outbox)).length).toBe(mailBefore)
    const queue = await get(advisor, '/api/community/moderation/reports')
    const item = queue.json.items.find((i: { answerId: string | null }) => i.answerId === mine.id)
    expect(item.reports[0].reason).toContain('word filter')
    const reports = await t.db.select().from(communityReports).where(eq(communityReports.answerId, mine.id))
    expect(reports.map((r) => r.reporterId)).toEqual([null])
    const published = await t.request('POST', `/api/community/moderation/answers/${mine.id}`, {
      cookie: advisor.cookie,
      body: { action: 'unhide', note: 'Fine in context.' },
    })
    expect(published.status, published.text).toBe(200)
    expect((await get(outsider, `/api/community/questions/${id}`)).json.answers.map((a: { id: string }) => a.id)).toEqual([mine.id])
  })
})
