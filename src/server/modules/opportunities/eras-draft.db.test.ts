import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** The ERAS draft: proposed from the student's record, saved through the materials service as the student's own documents. */
type Account = Awaited<ReturnType<TestApp['signedInAs']>>
let t: TestApp

beforeAll(async () => {
  t = await createTestApp({ now: new Date('2027-01-11T14:00:00Z') })
}, 60_000)
afterAll(async () => {
  await t?.close()
})

async function student(): Promise<Account> {
  const person = await t.insertAccount(['student'], { student: { classYear: 'M3' } })
  return { person, cookie: await t.sessionCookie(person.id) }
}

async function addEntry(s: Account, body: Record<string, unknown>): Promise<string> {
  const response = await t.request('POST', '/api/experiences', { cookie: s.cookie, body })
  expect(response.status, response.text).toBe(201)
  return response.json.id as string
}

const draftOf = (s: Account) => t.request('GET', '/api/experiences/mine/eras-draft', { cookie: s.cookie })
const save = (s: Account, entries: unknown[]) => t.request('POST', '/api/experiences/mine/eras-draft', { cookie: s.cookie, body: { entries } })
const documentsOf = async (s: Account) =>
  (await t.request('GET', '/api/materials/documents', { cookie: s.cookie })).json.items as {
    title: string
    kind: string
    target: string
    latestVersion: { number: number; characters: number; note: string }
  }[]

describe('the ERAS draft', () => {
  it('proposes the record’s entries with their ERAS type, most hours first, shortening a long description and saying so', async () => {
    const s = await student()
    await addEntry(s, {
      kind: 'volunteer',
      title: 'Eastside free clinic',
      organization: 'Eastside Clinic',
      hours: 120,
      description: 'Triaged walk-in patients. '.repeat(40),
    })
    await addEntry(s, { kind: 'research', title: 'Stroke registry', hours: 300, description: 'Abstracted charts for a stroke registry.' })
    await addEntry(s, { kind: 'teaching', title: 'Anatomy tutor' })
    const draft = await draftOf(s)
    expect(draft.status, draft.text).toBe(200)
    const entries = draft.json.entries as {
      experience: { title: string }
      erasType: string
      description: string
      shortenedFrom: number | null
      fromTitleOnly: boolean
      chosen: boolean
    }[]
    expect(entries.map((e) => [e.experience.title, e.erasType, e.chosen])).toEqual([
      ['Stroke registry', 'research', true],
      ['Eastside free clinic', 'volunteer-service-advocacy', true],
      ['Anatomy tutor', 'teaching-mentoring', true],
    ])
    expect([...(entries[1]?.description ?? '')].length).toBeLessThanOrEqual(750)
    expect(entries[1]?.shortenedFrom).toBe(1039)
    expect(entries[2]).toMatchObject({ description: 'Anatomy tutor.', fromTitleOnly: true })
  })

  it('saves one materials document per experience (and a reflection for a most meaningful one), and a new version when saved again', async () => {
    const s = await student()
    const a = await addEntry(s, { kind: 'research', title: 'Stroke registry', organization: 'Neurology', hours: 300 })
    const b = await addEntry(s, { kind: 'clinical', title: 'Shadowing in the ED', hours: 16 })
    const first = await save(s, [
      { experienceId: a, erasType: 'research', description: 'Abstracted charts.', mostMeaningful: true, reflection: 'I learned to ask one question well.' },
      { experienceId: b, erasType: 'education-training', description: 'Followed an attending.' },
    ])
    expect(first.status, first.text).toBe(201)
    expect(first.json.documents.map((d: { kind: string; versionNumber: number }) => [d.kind, d.versionNumber])).toEqual([
      ['eras-experience', 1],
      ['meaningful-experience', 1],
      ['eras-experience', 1],
    ])
    const docs = await documentsOf(s)
    expect(docs).toHaveLength(3)
    expect(docs.find((d) => d.kind === 'eras-experience' && d.title === 'Stroke registry')).toMatchObject({
      target: 'Research · Neurology',
      latestVersion: { number: 1, characters: 18, note: 'Drafted from your experience record' },
    })
    const again = await save(s, [
      { experienceId: a, erasType: 'research', description: 'Abstracted charts for a registry.' },
      { experienceId: b, erasType: 'education-training', description: 'Followed an attending.' },
    ])
    expect(again.json.documents.map((d: { versionNumber: number; changed: boolean }) => [d.versionNumber, d.changed])).toEqual([
      [2, true],
      [1, false],
    ])
    expect(await documentsOf(s)).toHaveLength(3)
  })

  it.each([
    [
      'more than ten chosen',
      'entries',
      (ids: string[]) => Array.from({ length: 11 }, (_, i) => ({ experienceId: ids[i % 2], erasType: 'work', description: 'x' })),
    ],
    [
      'a description over 750 characters',
      'entries.0.description',
      (ids: string[]) => [{ experienceId: ids[0], erasType: 'work', description: 'word '.repeat(151) }],
    ],
    ['an empty description', 'entries.0.description', (ids: string[]) => [{ experienceId: ids[0], erasType: 'work', description: '  ' }]],
    [
      'a reflection over 300 characters',
      'entries.0.reflection',
      (ids: string[]) => [{ experienceId: ids[0], erasType: 'work', description: 'x', mostMeaningful: true, reflection: 'y'.repeat(301) }],
    ],
    ['a type ERAS does not have', 'entries.0.erasType', (ids: string[]) => [{ experienceId: ids[0], erasType: 'hobby', description: 'x' }]],
    [
      'the same experience twice',
      'entries.1.experienceId',
      (ids: string[]) => [0, 0].map(() => ({ experienceId: ids[0], erasType: 'work', description: 'x' })),
    ],
    [
      'four most meaningful',
      'entries',
      (ids: string[]) => ids.map((id) => ({ experienceId: id, erasType: 'work', description: 'x', mostMeaningful: true, reflection: 'Why.' })),
    ],
  ])('refuses %s with 400 naming %s, and saves nothing', async (_, field, entries) => {
    const s = await student()
    const ids = [await addEntry(s, { kind: 'research', title: 'One' }), await addEntry(s, { kind: 'research', title: 'Two' })]
    ids.push(await addEntry(s, { kind: 'research', title: 'Three' }), await addEntry(s, { kind: 'research', title: 'Four' }))
    const response = await save(s, entries(ids))
    expect(response.status, response.text).toBe(400)
    expect(Object.keys(response.json.error.fields)).toContain(field)
    expect(await documentsOf(s)).toEqual([])
  })

  it('answers 404 for another student’s experience, saving nothing and saying nothing of it', async () => {
    const [s, other] = [await student(), await student()]
    const mine = await addEntry(s, { kind: 'research', title: 'Mine' })
    const theirs = await addEntry(other, { kind: 'research', title: 'Their secret project', description: 'Confidential.' })
    const response = await save(s, [
      { experienceId: mine, erasType: 'research', description: 'Mine.' },
      { experienceId: theirs, erasType: 'research', description: 'Stolen.' },
    ])
    expect(response.status).toBe(404)
    expect(response.text).not.toContain('secret')
    expect(await documentsOf(s)).toEqual([])
    expect(await documentsOf(other)).toEqual([])
    expect((await draftOf(s)).json.entries.map((e: { experience: { title: string } }) => e.experience.title)).toEqual(['Mine'])
  })

  it.each([['mentor'], ['advisor'], ['admin']] as const)('is the student’s alone: a %s gets 403 on both', async (role) => {
    const account = await t.signedInAs([role])
    expect((await t.request('GET', '/api/experiences/mine/eras-draft', { cookie: account.cookie })).status).toBe(403)
    expect((await t.request('POST', '/api/experiences/mine/eras-draft', { cookie: account.cookie, body: { entries: [] } })).status).toBe(403)
  })

  it('needs a session: 401 without one', async () => {
    expect((await t.request('GET', '/api/experiences/mine/eras-draft')).status).toBe(401)
  })
})
