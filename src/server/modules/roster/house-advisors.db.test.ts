import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { people, studentAdvisors } from '#server/db/schema/index.ts'
import type { Role } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/** A roster house's advisory dean becomes each student's advisor (decision 030), keeping deans chosen by hand. */
let t: TestApp
let admin = ''
let adminId = ''
const ids = { deanA: '', deanB: '', specialist: '', ana: '', ben: '', cy: '' }
beforeAll(async () => {
  t = await createTestApp({ now: new Date('2026-06-01T12:00:00Z') })
  const signedIn = await t.signedInAs(['admin'])
  admin = signedIn.cookie
  adminId = signedIn.person.id
  ids.deanA = (await t.insertAccount(['advisor'], { name: 'Dean Avery' })).id
  ids.deanB = (await t.insertAccount(['advisor'], { name: 'Dean Brooks' })).id
  ids.specialist = (await t.insertAccount(['advisor'], { name: 'Sam Specialist', advisor: { advisesSpecialtyId: 'pediatrics' } })).id
  const student = (name: string, email: string) =>
    t.insertAccount(['student'], { name, email, student: { classYear: 'M2', graduationYear: 2028, track: 'MD' } })
  ids.ana = (await student('Ana Ruiz', 'ana@school.example.edu')).id
  ids.ben = (await student('Ben Okafor', 'ben@school.example.edu')).id
  ids.cy = (await student('Cy Moreau', 'cy@school.example.edu')).id
  // Ben's dean was chosen by hand on the advisors page.
  await t.db.insert(studentAdvisors).values({ studentId: ids.ben, advisorId: ids.deanB, assignedAt: t.clock.now(), assignedBy: adminId })
}, 60_000)
afterAll(async () => {
  await t?.close()
})

const CSV = [
  'email,name,class_year,expected_graduation,track,house',
  'ana@school.example.edu,Ana Ruiz,M2,2028,MD,Osler',
  'ben@school.example.edu,Ben Okafor,M2,2028,MD,Osler',
  'cy@school.example.edu,Cy Moreau,M2,2028,MD,Blackwell',
  'nia@school.example.edu,Nia Brooks,M1,2029,MD,osler',
].join('\n')

const setHouse = (body: unknown, cookie = admin) => t.request('PUT', '/api/admin/roster/houses', { cookie, body })
const importRoster = (dryRun: boolean) => t.request('POST', '/api/admin/roster/import', { cookie: admin, body: { csv: CSV, dryRun } })
async function deansOf(studentIds: string[]) {
  const rows = await t.db.select().from(studentAdvisors).where(inArray(studentAdvisors.studentId, studentIds))
  return Object.fromEntries(rows.map((r) => [r.studentId, { advisorId: r.advisorId, viaHouse: r.viaHouse }]))
}

describe('a house’s advisory dean', () => {
  it('an admin names a house’s dean; the houses list it with their students', async () => {
    const response = await setHouse({ house: 'Osler', advisorId: ids.deanA })
    expect(response.status, response.text).toBe(200)
    expect(response.json.houses).toEqual([{ house: 'Osler', students: 0, advisor: { id: ids.deanA, name: 'Dean Avery' } }])
    expect(response.json.deans.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['Dean Avery', 'Dean Brooks']))
    expect(response.json.deans.map((d: { name: string }) => d.name)).not.toContain('Sam Specialist')
  })

  it('the check reports who would be assigned, and the dean kept because an admin chose them', async () => {
    const check = await importRoster(true)
    expect(check.status, check.text).toBe(200)
    expect(check.json.houseDeans).toEqual([
      { personId: ids.ana, name: 'Ana Ruiz', house: 'Osler', advisorName: 'Dean Avery', currentAdvisorName: null, outcome: 'assign' },
      { personId: ids.ben, name: 'Ben Okafor', house: 'Osler', advisorName: 'Dean Avery', currentAdvisorName: 'Dean Brooks', outcome: 'kept-manual' },
      { personId: null, name: 'Nia Brooks', house: 'osler', advisorName: 'Dean Avery', currentAdvisorName: null, outcome: 'assign' },
    ])
    expect(await deansOf([ids.ana])).toEqual({})
  })

  it('the apply assigns each student their house’s dean through advising, keeping Ben’s', async () => {
    const applied = await importRoster(false)
    expect(applied.status, applied.text).toBe(200)
    const [nia] = await t.db.select({ id: people.id }).from(people).where(eq(people.email, 'nia@school.example.edu'))
    const deans = await deansOf([ids.ana, ids.ben, ids.cy, nia?.id as string])
    expect(deans).toEqual({
      [ids.ana]: { advisorId: ids.deanA, viaHouse: 'Osler' },
      [ids.ben]: { advisorId: ids.deanB, viaHouse: null },
      [nia?.id as string]: { advisorId: ids.deanA, viaHouse: 'osler' },
    })
    const audit = await t.request('GET', `/api/admin/audit-log?subject=${ids.ana}&action=advising.`, { cookie: admin })
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(['advising.advisor-assigned:house-assign'])
    // The advisor now reads Ana's board, as any assigned advisor does.
    const board = await t.request('GET', `/api/advising/students/${ids.ana}/board`, { cookie: await t.sessionCookie(ids.deanA) })
    expect(board.status).toBe(200)
  })

  it('a new dean for the house reassigns the students the house gave, never the one chosen by hand', async () => {
    expect((await setHouse({ house: 'OSLER', advisorId: ids.deanB })).json.houses.find((h: { house: string }) => h.house === 'OSLER')).toMatchObject({
      students: 3,
      advisor: { id: ids.deanB },
    })
    const check = await importRoster(true)
    expect(check.json.houseDeans.map((d: { name: string; outcome: string }) => `${d.name}: ${d.outcome}`)).toEqual([
      'Ana Ruiz: reassign',
      'Nia Brooks: reassign',
    ])
    expect((await importRoster(false)).status).toBe(200)
    const deans = await deansOf([ids.ana, ids.ben])
    expect(deans[ids.ana]).toEqual({ advisorId: ids.deanB, viaHouse: 'Osler' })
    expect(deans[ids.ben]).toEqual({ advisorId: ids.deanB, viaHouse: null })
    expect((await t.db.select().from(studentAdvisors).where(eq(studentAdvisors.studentId, ids.ana))).length).toBe(1)
    // Applying the same again changes nothing.
    expect((await importRoster(true)).json.houseDeans).toEqual([])
  })

  it('taking a house’s dean away leaves the students their dean', async () => {
    const response = await setHouse({ house: 'osler', advisorId: null })
    expect(response.json.houses.find((h: { house: string }) => h.house.toLowerCase() === 'osler').advisor).toBeNull()
    expect((await deansOf([ids.ana]))[ids.ana]?.advisorId).toBe(ids.deanB)
  })

  it('refuses a dean who is not an advisor, or advises one specialty, and an empty house, naming the field', async () => {
    for (const advisorId of [ids.ana, ids.specialist, '00000000-0000-4000-8000-000000000000']) {
      const response = await setHouse({ house: 'Osler', advisorId })
      expect(response.status).toBe(400)
      expect(response.json.error.fields.advisorId).toBeTruthy()
    }
    expect((await setHouse({ house: 'Osler', advisorId: 'not-an-id' })).json.error.fields.advisorId).toBeTruthy()
    expect((await setHouse({ house: '   ', advisorId: ids.deanA })).json.error.fields.house).toBeTruthy()
    expect((await setHouse({ advisorId: ids.deanA })).status).toBe(400)
  })

  it.each<Role>(['student', 'mentor', 'advisor'])('the %s role may not read or set the houses (403)', async (role) => {
    const { cookie } = await t.signedInAs([role])
    expect((await t.request('GET', '/api/admin/roster/houses', { cookie })).status).toBe(403)
    expect((await setHouse({ house: 'Osler', advisorId: ids.deanA }, cookie)).status).toBe(403)
  })
})
