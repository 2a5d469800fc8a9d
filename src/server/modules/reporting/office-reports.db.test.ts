import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SPECIALTY_FACTS } from '#engines/smart-pick/index.ts'
import {
  experienceEntries,
  mentorshipRequests,
  mentorships,
  opportunities,
  opportunityApplications,
  pastApplicants,
  residencyPrograms,
  studentAdvisors,
  studentProfiles,
} from '#server/db/schema/index.ts'
import type { GroupSplit } from '#shared/contracts/office-reports.ts'
import { readCsv } from '#shared/csv/read-csv.ts'
import type { ClassYear, IdentityAttribute, IdentityVisibility } from '#shared/enums.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'

/**
 * The office's equity, outcomes and participation reports on real rows: who may read them, that
 * a group is counted only from what students share with advisors, and that no response carries
 * a number for fewer than 10 people — in a cell, against everyone else, or by subtraction.
 */
let t: TestApp
const cookies: Record<string, string> = {}
const students: { id: string; classYear: ClassYear }[] = []
let advisorA = ''
const DAY = 86_400_000

/** Adds `n` students of a class year sharing `groups` at `visibility`. */
async function cohort(n: number, classYear: ClassYear, groups: IdentityAttribute[], visibility: IdentityVisibility = 'advisors') {
  const made: string[] = []
  for (let i = 0; i < n; i++) {
    const person = await t.insertAccount(['student'], { student: { classYear } })
    made.push(person.id)
    students.push({ id: person.id, classYear })
  }
  await t.db.update(studentProfiles).set({ identity: groups, identityVisibility: visibility }).where(inArray(studentProfiles.personId, made))
  return made
}

beforeAll(async () => {
  t = await createTestApp()
  const firstGenM1 = await cohort(14, 'M1', ['first-generation'])
  await cohort(12, 'M2', ['first-generation'])
  // Three first-generation M3 students: hidden, and M2 with them (else the school total gives them away).
  await cohort(3, 'M3', ['first-generation'])
  // Twelve who keep their groups to themselves: never counted.
  await cohort(12, 'M3', ['lgbtq'], 'private')
  await cohort(15, 'M4', ['veteran'], 'everyone')
  await cohort(20, 'M1', [])
  await cohort(10, 'M2', [])

  const mentor = await t.insertAccount(['mentor'], { mentor: { capacity: 20, kind: 'faculty' } })
  const at = new Date(t.clock.now().getTime() - 30 * DAY)
  // Half of the M1 first-generation students have a mentor.
  for (const studentId of firstGenM1.slice(0, 7)) {
    const [request] = await t.db
      .insert(mentorshipRequests)
      .values({
        studentId,
        mentorId: mentor.id,
        initiatedBy: 'student',
        kind: 'ongoing',
        message: 'Hi',
        status: 'accepted',
        statusChangedAt: at,
        createdAt: at,
        expiresAt: at,
      })
      .returning({ id: mentorshipRequests.id })
    await t.db.insert(mentorships).values({ requestId: request!.id, studentId, mentorId: mentor.id, kind: 'ongoing', status: 'active', startedAt: at })
  }

  // An opportunity: five M1 first-generation students applied, two accepted, one records an experience.
  const [opportunity] = await t.db
    .insert(opportunities)
    .values({
      posterId: mentor.id,
      kind: 'research-project',
      title: 'Sepsis outcomes',
      status: 'published',
      places: 5,
      classYears: ['M1'],
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: opportunities.id })
  for (const [i, studentId] of firstGenM1.slice(0, 5).entries()) {
    await t.db.insert(opportunityApplications).values({
      opportunityId: opportunity!.id,
      studentId,
      statement: 'I would like to',
      status: i < 2 ? 'accepted' : 'submitted',
      createdAt: at,
      updatedAt: at,
    })
  }
  await t.db.insert(experienceEntries).values({ studentId: firstGenM1[0]!, kind: 'research', title: 'Chart review', createdAt: at, updatedAt: at })

  // Past outcomes: 15 pediatrics (13 matched), 3 dermatology (1 matched), 12 internal medicine (12 matched).
  await t.db.insert(residencyPrograms).values({
    id: 'OR-PEDS',
    name: 'Peds',
    specialtyId: 'pediatrics',
    track: 'categorical',
    state: 'IL',
    region: 'midwest',
    positions: 6,
    setting: 'academic',
    step2P25: 235,
    step2P75: 250,
    competitiveness: 0.5,
  } as typeof residencyPrograms.$inferInsert)
  const past = (specialtyId: string, n: number, matched: number) =>
    Array.from({ length: n }, (_, i) => ({
      externalId: `${specialtyId}-${i}`,
      matchYear: 2025,
      applicantType: 'us-md' as const,
      specialtyId,
      matchedProgramId: i < matched ? 'OR-PEDS' : null,
    }))
  await t.db.insert(pastApplicants).values([...past('pediatrics', 15, 13), ...past('dermatology', 3, 1), ...past('internal-medicine', 12, 12)])

  const dean = await t.insertAccount(['advisor'])
  const advisor = await t.insertAccount(['advisor'])
  advisorA = advisor.id
  const admin = await t.insertAccount(['admin'])
  const student = students[0]!.id
  for (const [key, id] of Object.entries({ dean: dean.id, advisor: advisor.id, admin: admin.id, student, mentor: mentor.id }))
    cookies[key] = await t.sessionCookie(id)
  await t.request('PUT', `/api/admin/people/${dean.id}/school-wide`, { cookie: cookies.admin!, body: { schoolWide: true } })
  // The assigned advisor holds 11 of the M1 first-generation students: a group of 11 against 0 others, hidden.
  await t.db
    .insert(studentAdvisors)
    .values(firstGenM1.slice(0, 11).map((studentId) => ({ studentId, advisorId: advisorA, assignedAt: t.clock.now(), assignedBy: null })))
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const get = (path: string, who: string) => t.request('GET', path, { cookie: cookies[who]! })

/** Every number a split carries, checked against the rule: no cell, comparison or subtraction under 10. */
function expectNothingSmall(split: GroupSplit, columnSizes: Record<string, number>) {
  for (const row of split.rows) {
    for (const cell of [...row.byColumn, row.total]) {
      if (!cell.shown) {
        expect(cell).toEqual({ shown: false, people: null, others: null, figures: [] })
        continue
      }
      expect(cell.people).toBeGreaterThanOrEqual(10)
      expect(cell.others).toBeGreaterThanOrEqual(10)
    }
    if (!row.total.shown) continue
    const hiddenColumns = split.columns.filter((c, i) => !row.byColumn[i]?.shown && (columnSizes[c] ?? 0) > 0)
    if (hiddenColumns.length === 0) continue
    const hiddenPeople = (row.total.people as number) - row.byColumn.reduce((n, c) => n + (c.people ?? 0), 0)
    const hiddenOthers = hiddenColumns.reduce((n, c) => n + (columnSizes[c] as number), 0) - hiddenPeople
    expect(hiddenPeople).toBeGreaterThanOrEqual(10)
    expect(hiddenOthers).toBeGreaterThanOrEqual(10)
  }
}

describe('equity', () => {
  it('splits engagement by the groups students share, hiding small cells and what subtraction would reveal', async () => {
    const response = await get('/api/reports/equity', 'dean')
    expect(response.status, response.text).toBe(200)
    const split = response.json.engagement as GroupSplit
    const firstGen = split.rows.find((r) => r.group === 'first-generation')!
    expect(firstGen.total).toMatchObject({ shown: true, people: 29, others: 57 })
    // M1 shown (14 of 34); M3 (3) hidden, and M2 (12) with it: 29 − 14 would give M3 away otherwise.
    expect(firstGen.byColumn.map((c) => c.shown)).toEqual([true, false, false, false, false])
    expect(firstGen.byColumn[0]?.figures.find((f) => f.measure === 'no-mentor')).toMatchObject({
      count: 7,
      rate: 0.5,
      othersCount: 20,
      othersRate: 1,
      difference: -0.5,
    })
    // Kept private: not counted at all (12 would otherwise be shown).
    expect(split.rows.find((r) => r.group === 'lgbtq')?.total.shown).toBe(false)
    expect(split.rows.find((r) => r.group === 'veteran')?.total).toMatchObject({ shown: true, people: 15 })
  })

  it('never carries a count or rate for fewer than 10 people, for the school or an assigned advisor', async () => {
    for (const who of ['dean', 'advisor']) {
      const dashboard = await get('/api/reports/school', who)
      const sizes = Object.fromEntries(dashboard.json.engagement.byClassYear.map((r: { classYear: string; students: number }) => [r.classYear, r.students]))
      const equity = await get('/api/reports/equity', who)
      expectNothingSmall(equity.json.engagement, sizes)
      expectNothingSmall(equity.json.outcomes, { all: 0 })
      const participation = await get('/api/reports/participation', who)
      const pSizes = Object.fromEntries(participation.json.byClassYear.map((r: { classYear: string; students: number }) => [r.classYear, r.students]))
      expectNothingSmall(participation.json.byGroup, pSizes)
    }
    // The assigned advisor's 11 first-generation students are compared with no one: hidden.
    const mine = await get('/api/reports/equity', 'advisor')
    expect(mine.json.scope).toBe('assigned')
    expect(mine.json.engagement.rows.every((r: { total: { shown: boolean } }) => !r.total.shown)).toBe(true)
  })

  it('exports formula-safe CSV with hidden cells in words, and audits the read', async () => {
    const csv = await get('/api/reports/equity.csv', 'dean')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-disposition')).toContain('equity.csv')
    const { records } = readCsv(csv.text)
    expect(records[0]?.slice(0, 5)).toEqual(['figure', 'group', 'column', 'measure', 'people'])
    const m3 = records.find((r) => r[1] === 'First in family to attend college' && r[2] === 'Year 3 (M3)')
    expect(m3?.slice(4)).toEqual(['hidden (small group)'])
    const audit = await get('/api/admin/audit-log?action=report.equity', 'admin')
    expect(audit.json.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['report.equity.read', 'report.equity.export']))
  })
})

describe('outcomes against the nation', () => {
  it('shows each specialty of 10 or more graduates with the published national rate, hiding the rest', async () => {
    const response = await get('/api/reports/outcomes', 'advisor')
    expect(response.status).toBe(200)
    const byId = Object.fromEntries(response.json.specialties.map((s: { specialtyId: string }) => [s.specialtyId, s]))
    expect(byId.pediatrics).toMatchObject({ shown: true, applicants: 15, matched: 13 })
    expect(byId.pediatrics.national).toEqual({
      matched: SPECIALTY_FACTS.pediatrics!.seniors.matched,
      unmatched: SPECIALTY_FACTS.pediatrics!.seniors.unmatched,
      rate: 0.9984,
    })
    // Dermatology's 3 are hidden, and internal medicine (the next smallest) with them.
    expect(byId.dermatology).toMatchObject({ shown: false, applicants: null, matched: null, rate: null })
    expect(byId['internal-medicine'].shown).toBe(false)
    expect(response.json.total).toEqual({ shown: true, applicants: 30, matched: 26, rate: 0.8667 })
    expect(response.json.nationalSource).toContain('Charting Outcomes in the Match')
    const csv = readCsv((await get('/api/reports/outcomes.csv', 'dean')).text).records
    expect(csv.find((r) => r[0] === 'Pediatrics')?.slice(0, 4)).toEqual(['Pediatrics', '15', '13', '86.7'])
  })
})

describe('participation', () => {
  it('counts applications, acceptances and experience entries by class year, specialty interest and group', async () => {
    const response = await get('/api/reports/participation', 'dean')
    expect(response.status).toBe(200)
    expect(response.json.total).toEqual({ students: 86, applied: 5, accepted: 2, experience: 1 })
    expect(response.json.byClassYear.find((r: { classYear: string }) => r.classYear === 'M1')).toEqual({
      classYear: 'M1',
      students: 34,
      applied: 5,
      accepted: 2,
      experience: 1,
    })
    const firstGen = response.json.byGroup.rows.find((r: { group: string }) => r.group === 'first-generation')
    expect(firstGen.byColumn[0].figures.find((f: { measure: string }) => f.measure === 'applied')).toMatchObject({ count: 5, othersCount: 0 })
    const csv = await get('/api/reports/participation.csv', 'dean')
    expect(readCsv(csv.text).records[1]?.slice(0, 6)).toEqual(['By class year', 'Year 1 (M1)', 'All', 'Applied to an opportunity', '34', '5'])
  })

  it('refuses students, mentors and admins on every report', async () => {
    for (const who of ['student', 'mentor', 'admin']) {
      for (const path of ['equity', 'equity.csv', 'outcomes', 'outcomes.csv', 'participation', 'participation.csv']) {
        expect((await get(`/api/reports/${path}`, who)).status, `${who} ${path}`).toBe(403)
      }
    }
  })
})
