import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openPglite, type DatabaseHandle } from '../client.ts'
import { advisorProfiles, departments, mentorProfiles, people, personRoles, specialties, studentAdvisors, studentProfiles } from '../schema/index.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { DEMO_ACCOUNTS } from './demo-accounts.ts'
import { generateDemoSchool, type DemoSchoolSummary } from './generate-demo-school.ts'
import { insertReferenceData, isDemoSchoolLoaded, seedDemoSchool } from './seed-demo-school.ts'

const now = new Date('2026-03-15T12:00:00Z')
let handle: DatabaseHandle
let summary: DemoSchoolSummary
let seedMs = 0
let loadedBefore = true

beforeAll(async () => {
  handle = await openPglite(undefined)
  await handle.migrate()
  await insertReferenceData(handle.db)
  loadedBefore = await isDemoSchoolLoaded(handle.db)
  const started = performance.now()
  summary = await seedDemoSchool(handle.db, { seed: 1, now, demoPasswordHash: 'demo-hash' })
  seedMs = performance.now() - started
})

afterAll(async () => {
  await handle?.close()
})

const rowCount = async (table: typeof people | typeof personRoles | typeof studentProfiles | typeof mentorProfiles | typeof advisorProfiles) =>
  (await handle.db.select({ n: count() }).from(table))[0]?.n

describe('seedDemoSchool', () => {
  it('gives every student exactly one Student Affairs advisor, the demo student the demo advisor', async () => {
    const rows = await handle.db
      .select({ studentId: studentAdvisors.studentId, advisorId: studentAdvisors.advisorId, advisesSpecialtyId: advisorProfiles.advisesSpecialtyId })
      .from(studentAdvisors)
      .innerJoin(advisorProfiles, eq(advisorProfiles.personId, studentAdvisors.advisorId))
    const students = await handle.db.select({ id: studentProfiles.personId }).from(studentProfiles)
    expect(rows).toHaveLength(students.length)
    expect(new Set(rows.map((r) => r.studentId)).size).toBe(students.length)
    expect(rows.every((r) => r.advisesSpecialtyId === null)).toBe(true)
    const idOf = async (key: string) => {
      const email = DEMO_ACCOUNTS.find((a) => a.key === key)?.email ?? ''
      return (await handle.db.select({ id: people.id }).from(people).where(eq(people.email, email)))[0]?.id
    }
    const demoStudent = await idOf('student')
    expect(rows.find((r) => r.studentId === demoStudent)?.advisorId).toBe(await idOf('advisor'))
  })

  it('loads the whole school quickly, in one go', () => {
    // The first start of the app waits for this; a generous bound keeps slow CI machines green.
    expect(seedMs).toBeLessThan(15_000)
    expect(loadedBefore).toBe(false)
  })

  it('stores exactly the generated rows', async () => {
    const { rows } = generateDemoSchool({ seed: 1, now })
    expect(await rowCount(people)).toBe(rows.people.length)
    expect(await rowCount(personRoles)).toBe(rows.personRoles.length)
    expect(await rowCount(studentProfiles)).toBe(rows.studentProfiles.length)
    expect(await rowCount(mentorProfiles)).toBe(rows.mentorProfiles.length)
    expect(await rowCount(advisorProfiles)).toBe(rows.advisorProfiles.length)
    expect(summary.people).toBe(rows.people.length)
  })

  it('matches its summary in the database', async () => {
    const byRole = await handle.db.select({ role: personRoles.role, n: count() }).from(personRoles).groupBy(personRoles.role)
    const roles = Object.fromEntries(byRole.map((r) => [r.role, r.n]))
    expect(roles.student).toBeGreaterThanOrEqual(400)
    expect(roles.mentor).toBeGreaterThanOrEqual(1200)
    expect(roles.advisor).toBe(summary.advisors.total)
    expect(roles.admin).toBe(2)
    const byKind = await handle.db.select({ kind: mentorProfiles.kind, n: count() }).from(mentorProfiles).groupBy(mentorProfiles.kind)
    for (const { kind, n } of byKind) expect(n).toBe(summary.mentors[kind])
    const classes = await handle.db.selectDistinct({ classYear: studentProfiles.classYear }).from(studentProfiles)
    expect(classes.map((c) => c.classYear).sort()).toEqual(['M1', 'M2', 'M3', 'M4', 'research'])
  })

  it('lets the demo accounts sign in with the demo password hash', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [person] = await handle.db.select().from(people).where(eq(people.email, account.email))
      expect(person?.passwordHash).toBe('demo-hash')
      expect(person?.status).toBe('active')
    }
    const [withHash] = await handle.db.select({ n: count() }).from(people).where(eq(people.passwordHash, 'demo-hash'))
    expect(withHash?.n).toBe(DEMO_ACCOUNTS.length)
  })

  it('knows it is loaded and refuses to load twice', async () => {
    expect(await isDemoSchoolLoaded(handle.db)).toBe(true)
    await expect(seedDemoSchool(handle.db, { now, demoPasswordHash: 'x' })).rejects.toThrow(/already loaded/)
    expect(await rowCount(people)).toBe(summary.people)
  })
})

describe('insertReferenceData', () => {
  it('is idempotent and keeps edited names', async () => {
    await handle.db.update(departments).set({ name: 'Renamed' }).where(eq(departments.id, 'anatomy'))
    await insertReferenceData(handle.db)
    await insertReferenceData(handle.db)
    expect((await handle.db.select({ n: count() }).from(departments))[0]?.n).toBe(DEPARTMENTS.length)
    expect((await handle.db.select({ n: count() }).from(specialties))[0]?.n).toBe(SPECIALTIES.length)
    const [anatomy] = await handle.db.select().from(departments).where(eq(departments.id, 'anatomy'))
    expect(anatomy?.name).toBe('Renamed')
  })
})
