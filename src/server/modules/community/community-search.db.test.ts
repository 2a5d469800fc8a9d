import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { communityAnswers, communityQuestions, people } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { SEARCH_WINDOW } from './community.service.ts'

// Search finds a thread by its question or any visible answer through one index on the question's
// row, kept by a trigger on the answers (migration 0032); it ranks only the newest matching threads.

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let reader: Account
let advisor: Account

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  reader = await t.signedInAs(['student'])
  advisor = await t.signedInAs(['advisor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const search = async (words: string, board?: string) => {
  const query = new URLSearchParams({ q: words, ...(board ? { board } : {}) })
  const response = await t.request('GET', `/api/community/questions?${query}`, { cookie: reader.cookie })
  expect(response.status, response.text).toBe(200)
  return response.json as { items: { id: string }[]; total: number; truncated: boolean }
}

async function thread(title: string, answers: string[] = []): Promise<string> {
  const asker = await t.signedInAs(['student'])
  const asked = await t.request('POST', '/api/community/questions', { cookie: asker.cookie, body: { board: 'topic:research', title, body: 'Any advice?' } })
  expect(asked.status, asked.text).toBe(201)
  for (const body of answers) {
    const helper = await t.signedInAs(['student'])
    const answered = await t.request('POST', `/api/community/questions/${asked.json.id}/answers`, { cookie: helper.cookie, body: { body } })
    expect(answered.status, answered.text).toBe(201)
  }
  return asked.json.id as string
}

describe('a thread is found by the words of its visible answers', () => {
  it('a hidden answer no longer finds its thread; shown again, it does', async () => {
    const id = await thread('Summer lab work', ['The zebrafish lab takes first-years.', 'Ask the registrar.'])
    expect((await search('zebrafish')).items.map((q) => q.id)).toEqual([id])
    const [answer] = await t.db.select({ id: communityAnswers.id }).from(communityAnswers).where(sql`${communityAnswers.body} like 'The zebrafish%'`)
    const hide = (action: string) =>
      t.request('POST', `/api/community/moderation/answers/${answer?.id}`, { cookie: advisor.cookie, body: { action, note: 'Checking the search.' } })
    expect((await hide('hide')).status).toBe(200)
    expect((await search('zebrafish')).items).toEqual([])
    expect((await search('registrar')).items.map((q) => q.id)).toEqual([id])
    expect((await hide('unhide')).status).toBe(200)
    expect((await search('zebrafish')).items.map((q) => q.id)).toEqual([id])
  })

  it('an answer removed with its author takes its words from the thread; a question removed with its answers leaves nothing behind', async () => {
    const id = await thread('Research electives abroad', ['Try the kangaroo care project in Adelaide.'])
    const [answer] = await t.db.select({ authorId: communityAnswers.authorId }).from(communityAnswers).where(eq(communityAnswers.questionId, id))
    await t.db.delete(people).where(eq(people.id, answer?.authorId ?? ''))
    expect((await search('kangaroo')).items).toEqual([])
    expect((await search('electives abroad')).items.map((q) => q.id)).toEqual([id])
    const other = await thread('Poster printing', ['The library prints posters for free.'])
    await t.db.delete(communityQuestions).where(eq(communityQuestions.id, other))
    expect((await search('posters')).items).toEqual([])
  })
})

describe(`a search ranks the ${SEARCH_WINDOW} most recently active matches`, () => {
  it('says when more matched, ranks the best of the newest first, and still finds a rare word in the oldest thread', async () => {
    const oldest = await thread('Where do the quokka researchers meet?')
    await t.db
      .update(communityQuestions)
      .set({ lastActivityAt: new Date('2020-01-01T00:00:00Z') })
      .where(eq(communityQuestions.id, oldest))
    const [someone] = await t.db.select({ id: people.id }).from(people).limit(1)
    // The newest thread mentions the word once; an older one in its title (weighted above the body).
    await t.db.execute(sql`
      insert into community_questions (board, title, body, author_id, created_at, last_activity_at)
      select 'topic:wellbeing', case when i = 7 then 'Wombat wombat wombat' else 'A question ' || i end, 'About the wombat rota.',
        ${someone?.id}, now(), timestamptz '2026-10-05T13:00:00Z' - (i || ' minutes')::interval
      from generate_series(1, ${SEARCH_WINDOW + 20}) i`)
    const page = await search('wombat')
    expect(page).toMatchObject({ total: SEARCH_WINDOW, truncated: true })
    const [best] = await t.db.select({ id: communityQuestions.id }).from(communityQuestions).where(eq(communityQuestions.title, 'Wombat wombat wombat'))
    expect(page.items[0]?.id).toBe(best?.id)
    expect((await search('wombat', 'topic:research')).truncated).toBe(false)
    expect(await search('quokka')).toMatchObject({ items: [{ id: oldest }], total: 1, truncated: false })
  })
})
