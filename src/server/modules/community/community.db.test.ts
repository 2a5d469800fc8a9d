import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, communityModerationActions, communityQuestions, outbox } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { COMMUNITY_POSTS_PER_HOUR } from './community.service.ts'

type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp
let asker: Account
let mentor: Account
let peer: Account
let advisor: Account

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-10-05T14:00:00Z') })
  asker = await t.signedInAs(['student'])
  peer = await t.signedInAs(['student'])
  const m = await t.insertAccount(['mentor'], { mentor: { kind: 'resident', specialtyId: 'emergency-medicine' } })
  mentor = { person: m, cookie: await t.sessionCookie(m.id) }
  advisor = await t.signedInAs(['advisor'])
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const ask = (who: Account, body: Record<string, unknown>) => t.request('POST', '/api/community/questions', { cookie: who.cookie, body })
const answer = (who: Account, questionId: string, body: Record<string, unknown>) =>
  t.request('POST', `/api/community/questions/${questionId}/answers`, { cookie: who.cookie, body })

async function question(who: Account = asker, overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await ask(who, {
    board: 'specialty:emergency-medicine',
    title: 'EM or IM for someone who likes variety?',
    body: 'I like procedures and variety.',
    ...overrides,
  })
  expect(response.status, response.text).toBe(201)
  return response.json.id as string
}

describe('asking and answering', () => {
  it('a mentor answers by name and stage; the asker and followers are e-mailed a link that opens the question', async () => {
    const id = await question()
    await t.request('PUT', `/api/community/questions/${id}/follow`, { cookie: peer.cookie })
    const answered = await answer(mentor, id, { body: 'EM if you like shift work and variety.' })
    expect(answered.status, answered.text).toBe(201)
    expect(answered.json.answers[0].author.person).toMatchObject({ id: mentor.person.id, name: mentor.person.name, stage: 'Resident, Emergency Medicine' })
    const mail = (await t.db.select().from(outbox)).filter((m) => m.textBody.includes(`/community/questions/${id}`))
    expect(mail.map((m) => m.toAddress).sort()).toEqual([asker.person.email, peer.person.email].sort())
    expect(mail.find((m) => m.toAddress === asker.person.email)?.textBody).toContain(mentor.person.name)
  })

  it('the asker accepts an answer; no one else may, and an answer of another question is refused by field', async () => {
    const id = await question()
    const other = await question()
    const a = (await answer(mentor, id, { body: 'Try both in third year.' })).json.answers[0].id
    const b = (await answer(mentor, other, { body: 'Another thread.' })).json.answers[0].id
    const byPeer = await t.request('POST', `/api/community/questions/${id}/accept`, { cookie: peer.cookie, body: { answerId: a } })
    expect(byPeer.status).toBe(403)
    expect(byPeer.json.error.fields.answerId).toBeTruthy()
    const wrong = await t.request('POST', `/api/community/questions/${id}/accept`, { cookie: asker.cookie, body: { answerId: b } })
    expect(wrong.status).toBe(400)
    expect(wrong.json.error.fields.answerId).toBeTruthy()
    const accepted = await t.request('POST', `/api/community/questions/${id}/accept`, { cookie: asker.cookie, body: { answerId: a } })
    expect(accepted.status).toBe(200)
    expect(accepted.json.answers[0]).toMatchObject({ id: a, accepted: true })
    expect(accepted.json.hasAcceptedAnswer).toBe(true)
  })

  it('one vote per person per answer, never on one’s own', async () => {
    const id = await question()
    const a = (await answer(mentor, id, { body: 'A useful answer.' })).json.answers[0].id
    const own = await t.request('PUT', `/api/community/answers/${a}/vote`, { cookie: mentor.cookie })
    expect(own.status).toBe(400)
    expect(own.json.error.fields.answerId).toBeTruthy()
    await t.request('PUT', `/api/community/answers/${a}/vote`, { cookie: peer.cookie })
    const twice = await t.request('PUT', `/api/community/answers/${a}/vote`, { cookie: peer.cookie })
    expect(twice.json.answers[0]).toMatchObject({ votes: 1, myVote: true })
    const back = await t.request('DELETE', `/api/community/answers/${a}/vote`, { cookie: peer.cookie })
    expect(back.json.answers[0]).toMatchObject({ votes: 0, myVote: false })
  })

  it('full-text search finds a question by the words of its answers, and a board lists only its own', async () => {
    const id = await question(asker, { board: 'topic:research', title: 'Finding a lab as a first-year', body: 'Where do I start?' })
    await answer(mentor, id, { body: 'Look for the cardiology outcomes group; they take students every summer.' })
    const found = await t.request('GET', `/api/community/questions?q=${encodeURIComponent('cardiology outcomes')}`, { cookie: peer.cookie })
    expect(found.json.items.map((q: { id: string; answerCount: number }) => [q.id, q.answerCount])).toEqual([[id, 1]])
    const board = await t.request('GET', '/api/community/questions?board=topic%3Aresearch', { cookie: peer.cookie })
    expect(board.json.items.every((q: { board: string }) => q.board === 'topic:research')).toBe(true)
    const boards = await t.request('GET', '/api/community/boards', { cookie: peer.cookie })
    expect(boards.json.boards.find((b: { id: string }) => b.id === 'topic:research').questionCount).toBe(1)
  })
})

describe('bad input is refused with the field named, and nothing is written', () => {
  it.each([
    ['title', { title: '' }],
    ['title', { title: 'x'.repeat(201) }],
    ['title', { title: 'Two\nlines' }],
    ['body', { body: 'x'.repeat(10_001) }],
    ['body', { body: '' }],
    ['board', { board: 'topic:gossip' }],
    ['board', { board: 'specialty:astrology' }],
  ])('%s, case %#', async (field, change) => {
    const before = (await t.db.select().from(communityQuestions)).length
    const response = await ask(asker, { board: 'topic:wellbeing', title: 'A title', body: 'A body', ...change })
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    expect((await t.db.select().from(communityQuestions)).length).toBe(before)
  })

  it('NUL and a megabyte are refused; script tags are kept as text', async () => {
    const nul = await ask(asker, { board: 'topic:wellbeing', title: 'A\u0000title', body: 'x' })
    expect(nul.status).toBe(400)
    expect(Object.keys(nul.json.error.fields)).toContain('title')
    const huge = await answer(peer, await question(), { body: 'y'.repeat(1_000_000) })
    expect(huge.status).toBe(400)
    expect(Object.keys(huge.json.error.fields)).toContain('body')
    const script = await ask(asker, { board: 'topic:wellbeing', title: '<script>alert(1)</script>', body: '<img src=x onerror=alert(1)>' })
    expect(script.status).toBe(201)
    expect(script.json.title).toBe('<script>alert(1)</script>')
  })

  it('a mentor may not post anonymously, nor ask', async () => {
    const id = await question()
    const anon = await answer(mentor, id, { body: 'Hidden me', anonymous: true })
    expect(anon.status).toBe(400)
    expect(anon.json.error.fields.anonymous).toBeTruthy()
    expect((await ask(mentor, { board: 'topic:wellbeing', title: 'Mine', body: 'x' })).status).toBe(403)
  })
})

describe('moderation', () => {
  it('a locked question takes no answers (400 on the body); unlocked, it does; every action audited with its note', async () => {
    const id = await question()
    const locked = await t.request('POST', `/api/community/moderation/questions/${id}`, {
      cookie: advisor.cookie,
      body: { action: 'lock', note: 'Answered enough.' },
    })
    expect(locked.status, locked.text).toBe(200)
    expect(locked.json.locked).toBe(true)
    const refused = await answer(peer, id, { body: 'One more thought.' })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.body).toContain('locked')
    await t.request('POST', `/api/community/moderation/questions/${id}`, { cookie: advisor.cookie, body: { action: 'unlock', note: 'Open again.' } })
    expect((await answer(peer, id, { body: 'One more thought.' })).status).toBe(201)
    const actions = await t.db.select().from(communityModerationActions).where(eq(communityModerationActions.questionId, id))
    expect(actions.map((a) => [a.action, a.note])).toEqual([
      ['lock', 'Answered enough.'],
      ['unlock', 'Open again.'],
    ])
    const audited = await t.db.select().from(auditLog).where(eq(auditLog.actorId, advisor.person.id))
    expect(audited.map((r) => r.objectId)).toEqual(expect.arrayContaining(actions.map((a) => a.id)))
  })

  it('a reported answer reaches the queue; hiding it closes the report and takes it from everyone but its author and moderators', async () => {
    const id = await question()
    const a = (await answer(peer, id, { body: 'Something unkind.' })).json.answers[0].id
    expect((await t.request('POST', `/api/community/answers/${a}/report`, { cookie: asker.cookie, body: { reason: 'Unkind to the asker.' } })).status).toBe(200)
    const queue = await t.request('GET', '/api/community/moderation/reports', { cookie: advisor.cookie })
    expect(queue.json.items.find((i: { answerId: string }) => i.answerId === a)?.reports[0].reason).toBe('Unkind to the asker.')
    const hidden = await t.request('POST', `/api/community/moderation/answers/${a}`, {
      cookie: advisor.cookie,
      body: { action: 'hide', note: 'Please keep it kind.' },
    })
    expect(hidden.status).toBe(200)
    expect((await t.request('GET', `/api/community/questions/${id}`, { cookie: asker.cookie })).json.answers).toEqual([])
    const own = await t.request('GET', `/api/community/questions/${id}`, { cookie: peer.cookie })
    expect(own.json.answers[0]).toMatchObject({ hidden: true, moderationNote: 'Please keep it kind.' })
    const after = await t.request('GET', '/api/community/moderation/reports', { cookie: advisor.cookie })
    expect(after.json.items.find((i: { answerId: string }) => i.answerId === a)).toBeUndefined()
  })

  it('a hidden question is gone from lists and answers 404 to others', async () => {
    const author = await t.signedInAs(['student'])
    const id = await question(author, { title: 'Soon hidden' })
    await t.request('POST', `/api/community/moderation/questions/${id}`, { cookie: advisor.cookie, body: { action: 'hide', note: 'Names a patient.' } })
    expect((await t.request('GET', `/api/community/questions/${id}`, { cookie: peer.cookie })).status).toBe(404)
    expect((await t.request('GET', `/api/community/questions/${id}`, { cookie: author.cookie })).json.moderationNote).toBe('Names a patient.')
    const list = await t.request('GET', '/api/community/questions?q=hidden', { cookie: peer.cookie })
    expect(list.json.items.map((q: { id: string }) => q.id)).not.toContain(id)
  })

  it(`a person may post ${COMMUNITY_POSTS_PER_HOUR} times an hour; the next is a 429 that says so`, async () => {
    const busy = await t.signedInAs(['student'])
    for (let i = 0; i < COMMUNITY_POSTS_PER_HOUR; i++)
      expect((await ask(busy, { board: 'topic:research', title: `Question ${i}`, body: 'x' })).status).toBe(201)
    const refused = await ask(busy, { board: 'topic:research', title: 'One too many', body: 'x' })
    expect(refused.status).toBe(429)
    expect(refused.json.error.message).toContain('last hour')
    expect(refused.json.error.fields.body).toBeTruthy()
  })
})

describe('asking a mentor publicly, from their profile', () => {
  it('names the mentor on the question and e-mails them a link; an anonymous asker stays unnamed in that e-mail', async () => {
    const student = await t.signedInAs(['student'])
    const named = await ask(student, {
      board: 'specialty:emergency-medicine',
      title: 'EM vs IM for a procedures person?',
      body: 'Which suits me?',
      mentorId: mentor.person.id,
    })
    expect(named.status, named.text).toBe(201)
    expect(named.json.askedOf).toEqual({ id: mentor.person.id, name: mentor.person.name })
    const quiet = await ask(student, {
      board: 'topic:wellbeing',
      title: 'Nights and sleep?',
      body: 'How do you cope?',
      mentorId: mentor.person.id,
      anonymous: true,
    })
    expect(quiet.status, quiet.text).toBe(201)
    const mail = (await t.db.select().from(outbox)).filter((m) => m.toAddress === mentor.person.email && m.subject.startsWith('A student asked you'))
    const about = (id: string) => mail.find((m) => m.textBody.includes(`/community/questions/${id}`))
    expect(about(named.json.id)?.textBody).toContain(student.person.name)
    const anonymousMail = about(quiet.json.id)
    expect(anonymousMail?.textBody).toContain('A student, anonymously,')
    expect(anonymousMail?.textBody).not.toContain(student.person.name)
    expect(anonymousMail?.textBody).not.toContain(student.person.email)
  })

  it('refuses someone who is not a mentor, naming the field, and writes nothing', async () => {
    const student = await t.signedInAs(['student'])
    const before = (await t.db.select().from(communityQuestions)).length
    const refused = await ask(student, { board: 'topic:research', title: 'A question', body: 'Details', mentorId: peer.person.id })
    expect(refused.status).toBe(400)
    expect(refused.json.error.fields.mentorId).toBeTruthy()
    expect((await t.db.select().from(communityQuestions)).length).toBe(before)
  })

  it('shows a mentor’s answers that helped someone on their figures, best first; one nobody voted for or accepted is not among them', async () => {
    const answerer = await t.insertAccount(['mentor'], { mentor: { kind: 'faculty', specialtyId: 'pediatrics' } })
    const answererAccount = { person: answerer, cookie: await t.sessionCookie(answerer.id) }
    const student = await t.signedInAs(['student'])
    const voter = await t.signedInAs(['student'])
    const first = await question(student, { title: 'Peds or med-peds?' })
    const second = await question(student, { title: 'Which away rotation?' })
    const third = await question(student, { title: 'Research in a gap year?' })
    const idOf = async (questionId: string, body: string) => (await answer(answererAccount, questionId, { body })).json.answers[0].id as string
    const voted = await idOf(first, 'Med-peds if you love adults too.')
    const accepted = await idOf(second, 'One where you would want to train.')
    await idOf(third, 'Only if it serves a plan.')
    await t.request('PUT', `/api/community/answers/${voted}/vote`, { cookie: voter.cookie })
    await t.request('POST', `/api/community/questions/${second}/accept`, { cookie: student.cookie, body: { answerId: accepted } })
    const figures = await t.request('GET', `/api/community/people/${answerer.id}`, { cookie: peer.cookie })
    expect(figures.status).toBe(200)
    expect(figures.json.bestAnswers.map((a: { questionId: string }) => a.questionId)).toEqual([second, first])
    expect(figures.json.answersGiven).toBe(3)
  })
})

describe('warnings and edits by a moderator', () => {
  it('an edit replaces the words, shows everyone it was edited, keeps the words before for moderators, and e-mails a named author the note', async () => {
    const author = await t.signedInAs(['student'])
    const id = await question(author, { title: 'Is Dr X a bad attending?', body: 'Dr X on ward 5 shouted at me.' })
    const edited = await t.request('POST', `/api/community/moderation/questions/${id}`, {
      cookie: advisor.cookie,
      body: { action: 'edit', title: 'How do I handle a difficult attending?', body: 'An attending shouted at me on the wards.', note: 'Names removed.' },
    })
    expect(edited.status, edited.text).toBe(200)
    const seen = await t.request('GET', `/api/community/questions/${id}`, { cookie: peer.cookie })
    expect(seen.json).toMatchObject({ title: 'How do I handle a difficult attending?', editedByModerator: true, moderationNote: '' })
    expect((await t.request('GET', `/api/community/questions/${id}`, { cookie: author.cookie })).json.moderationNote).toBe('Names removed.')
    const [action] = await t.db.select().from(communityModerationActions).where(eq(communityModerationActions.questionId, id))
    expect(action).toMatchObject({ action: 'edit', previousText: 'Is Dr X a bad attending?\n\nDr X on ward 5 shouted at me.' })
    const mail = (await t.db.select().from(outbox)).filter((m) => m.toAddress === author.person.email && m.subject === 'A moderator edited your post')
    expect(mail[0]?.textBody).toContain('Names removed.')
    const audited = await t.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, action?.id ?? ''))
    expect(audited.map((a) => a.action)).toEqual(['community.question.edit'])
  })

  it('an edit without the words is refused naming the field; a warning to an anonymous author is shown on the post but never e-mailed', async () => {
    const author = await t.signedInAs(['student'])
    const id = await question(author, { anonymous: true })
    const missing = await t.request('POST', `/api/community/moderation/questions/${id}`, { cookie: advisor.cookie, body: { action: 'edit', note: 'x' } })
    expect(missing.status).toBe(400)
    expect(Object.keys(missing.json.error.fields)).toEqual(expect.arrayContaining(['title', 'body']))
    const before = (await t.db.select().from(outbox)).length
    const warned = await t.request('POST', `/api/community/moderation/questions/${id}`, {
      cookie: advisor.cookie,
      body: { action: 'warn', note: 'Please keep it kind.' },
    })
    expect(warned.status, warned.text).toBe(200)
    expect((await t.db.select().from(outbox)).length).toBe(before)
    expect((await t.request('GET', `/api/community/questions/${id}`, { cookie: author.cookie })).json.moderationNote).toBe('Please keep it kind.')
  })
})
