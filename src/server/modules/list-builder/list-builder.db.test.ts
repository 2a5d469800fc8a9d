import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SPECIALTY_FACTS } from '#engines/smart-pick/specialty-facts.ts'
import {
  adviseList,
  DEFAULT_PRIORS,
  generatePrograms,
  recommendApplicationCount,
  buildProgramList,
  type ResidencyProgram,
  type SmartPickPriors,
} from '#engines/smart-pick/index.ts'
import { auditLog, residencyPrograms, smartPickCalibrations, studentAdvisors } from '#server/db/schema/index.ts'
import { toResidencyProgram } from '#server/modules/residency-programs/program-rows.ts'
import { regionOfState } from '#shared/reference/regions.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { toApplicantProfile, type StoredProfile } from './domain/profile.ts'

/**
 * The list builder through HTTP: profile validation with field errors, numbers equal to the
 * engine's for the same inputs, monotonic properties, calibration, who may read (and the audit
 * row of an advisor's read), and the signal cap.
 */

let t: TestApp
let student: { id: string; cookie: string }
let otherStudent: { id: string; cookie: string }
let advisor: { id: string; cookie: string }
let otherAdvisor: { id: string; cookie: string }
let admin: { id: string; cookie: string }
let mentor: { id: string; cookie: string }
let im: ResidencyProgram[]

const PROFILE = {
  applicantType: 'us-md',
  step2: 248,
  step1: 'pass',
  researchItems: 4,
  alphaOmegaAlpha: false,
  goldHumanism: true,
  clerkshipHonors: 3,
  experiences: 8,
  awayRotationProgramIds: [] as string[],
  preferredSpecialtyId: 'internal-medicine',
  backupSpecialtyId: 'family-medicine',
  preferredStates: ['OH'],
  preferredRegions: ['midwest'],
  tieStates: ['OH'],
  tieRegions: [] as string[],
  settingPreferences: [] as string[],
  needsVisa: false,
  signalsAvailable: 2,
  targetChance: 0.9,
}

async function person(roles: ('student' | 'advisor' | 'admin' | 'mentor')[]) {
  const { person: p, cookie } = await t.signedInAs(roles)
  return { id: p.id, cookie }
}

async function insertPrograms(specialty: string, count: number, seed: number): Promise<ResidencyProgram[]> {
  const programs = generatePrograms({ specialty, count, seed, priors: DEFAULT_PRIORS }).map((p) => ({
    ...p,
    id: `${p.id}-t`,
    region: regionOfState(p.state) ?? p.region,
  }))
  await t.db.insert(residencyPrograms).values(
    programs.map((p) => ({
      id: p.id,
      name: p.name ?? p.id,
      specialtyId: p.specialty,
      track: p.track,
      state: p.state,
      region: p.region,
      positions: p.positions,
      setting: p.setting,
      sponsorsVisa: p.sponsorsVisa,
      step2P25: p.step2Range.p25,
      step2P75: p.step2Range.p75,
      researchEmphasis: p.researchEmphasis,
      competitiveness: p.competitiveness,
      source: 'demo' as const,
    })),
  )
  return programs
}

const put = (cookie: string, body: unknown) => t.request('PUT', '/api/list-builder/profile', { cookie, body })
// Every program on one page (the specialties here have fewer than 100); paging has its own test.
const chances = (cookie: string, query = '') => t.request('GET', `/api/list-builder/chances${query ? `${query}&` : '?'}limit=100`, { cookie })

beforeAll(async () => {
  t = await createTestApp()
  ;[student, otherStudent, advisor, otherAdvisor, admin, mentor] = await Promise.all([
    person(['student']),
    person(['student']),
    person(['advisor']),
    person(['advisor']),
    person(['admin']),
    person(['mentor']),
  ])
  await t.db.insert(studentAdvisors).values({ studentId: student.id, advisorId: advisor.id })
  im = await insertPrograms('internal-medicine', 90, 7)
  await insertPrograms('family-medicine', 40, 8)
  // A preliminary year of the same specialty: for supplemental lists, never in the count.
  await t.db.insert(residencyPrograms).values({
    id: 'im-prelim-t',
    name: 'Preliminary Medicine',
    specialtyId: 'internal-medicine',
    track: 'preliminary',
    state: 'OH',
    region: 'midwest',
    positions: 10,
    setting: 'community',
    step2P25: 200,
    step2P75: 210,
    competitiveness: 0,
  })
})
afterAll(async () => {
  await t?.close()
})

describe('application profile', () => {
  it('starts from defaults, not saved', async () => {
    const response = await t.request('GET', '/api/list-builder/profile', { cookie: student.cookie })
    expect(response.status).toBe(200)
    expect(response.json).toMatchObject({ saved: false, applicantType: 'us-md', step2: null, targetChance: 0.9 })
  })

  it('refuses bad values field by field, and writes nothing', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ step2: 301 }, 'step2', /between 1 and 300/],
      [{ step2: 0 }, 'step2', /between 1 and 300/],
      [{ step2: 250.5 }, 'step2', /whole number/],
      [{ step1: 'maybe' }, 'step1', /pass or fail/],
      [{ step1: 420 }, 'step1', /./],
      [{ preferredSpecialtyId: 'astrology' }, 'preferredSpecialtyId', /from the list/],
      [{ backupSpecialtyId: 'internal-medicine' }, 'backupSpecialtyId', /other than your preferred/],
      [{ preferredStates: ['OH', 'XX'] }, 'preferredStates.1', /state code/],
      [{ tieRegions: ['atlantis'] }, 'tieRegions.0', /./],
      [{ researchItems: -1 }, 'researchItems', /negative/],
      [{ targetChance: 1 }, 'targetChance', /at most 99/],
      [{ signalsAvailable: 'three' }, 'signalsAvailable', /./],
      [{ awayRotationProgramIds: ['no-such-program'] }, 'awayRotationProgramIds.0', /No program/],
    ]
    for (const [change, field, message] of cases) {
      const response = await put(student.cookie, { ...PROFILE, ...change })
      expect(response.status, JSON.stringify(change)).toBe(400)
      expect(response.json.error.code).toBe('VALIDATION_FAILED')
      expect(response.json.error.fields?.[field], `${JSON.stringify(change)} → ${JSON.stringify(response.json.error.fields)}`).toMatch(message)
    }
    const missing = await put(student.cookie, { ...PROFILE, step2: undefined })
    expect(missing.status).toBe(400)
    expect(missing.json.error.fields?.step2).toBeTruthy()
    const after = await t.request('GET', '/api/list-builder/profile', { cookie: student.cookie })
    expect(after.json.saved).toBe(false)
  })

  it('saves every field and reads it back', async () => {
    const away = im[0] as ResidencyProgram
    const response = await put(student.cookie, { ...PROFILE, awayRotationProgramIds: [away.id], preferredStates: ['oh'] })
    expect(response.status, response.text).toBe(200)
    expect(response.json).toMatchObject({ ...PROFILE, saved: true, awayRotationProgramIds: [away.id], preferredStates: ['OH'] })
    expect(response.json.awayRotationPrograms[0]).toMatchObject({ id: away.id, name: away.name })
    const scored = await put(student.cookie, { ...PROFILE, step1: 231 })
    expect(scored.json.step1).toBe(231)
    await put(student.cookie, PROFILE)
  })
})

async function storedProfileOf(body: typeof PROFILE): Promise<StoredProfile> {
  return { ...(body as unknown as StoredProfile), updatedAt: null }
}

async function programsFromDb(specialty: string): Promise<ResidencyProgram[]> {
  const rows = await t.db.select().from(residencyPrograms).where(eq(residencyPrograms.specialtyId, specialty)).orderBy(residencyPrograms.name)
  return rows.filter((r) => r.track !== 'preliminary').map(toResidencyProgram)
}

describe('list builder', () => {
  it("gives the engine's own numbers for the same inputs", async () => {
    const response = await chances(student.cookie)
    expect(response.status, response.text).toBe(200)
    const body = response.json
    const programs = await programsFromDb('internal-medicine')
    const applicant = toApplicantProfile(await storedProfileOf(PROFILE), 'internal-medicine', [])
    const advice = adviseList(applicant, programs, DEFAULT_PRIORS, { target: 0.9 })
    const engine = { count: advice.recommendedCount, chance: advice.chance, curve: advice.recommendation.curve }
    expect(body.ready).toBe(true)
    expect(body.recommendation.count).toBe(engine.count)
    expect(body.recommendation.chance).toBeCloseTo(engine.chance, 5)
    // The curve goes as far as the chart draws it, past the recommended count.
    expect(body.curve).toHaveLength(Math.min(engine.curve.length, Math.max(30, Math.ceil((engine.count ?? 50) * 1.6))))
    expect(body.curve[10].chance).toBeCloseTo(engine.curve[10]?.chance ?? -1, 5)
    expect(body.curve[10].low).toBeCloseTo(engine.curve[10]?.low ?? -1, 5)
    const list = buildProgramList(applicant, programs, DEFAULT_PRIORS)
    expect(body.programs.map((p: { id: string }) => p.id)).toEqual(list.map((e) => e.program.id))
    expect(body.programs.some((p: { id: string }) => p.id === 'im-prelim-t')).toBe(false)
    for (const [i, entry] of list.entries()) {
      expect(body.programs[i].interview.probability).toBeCloseTo(entry.interview.probability, 5)
      expect(body.programs[i].matchIfInterviewed.high).toBeCloseTo(entry.matchIfInterviewed.high, 5)
      expect(body.programs[i].tier).toBe(entry.tier)
    }
    expect(body.model).toMatchObject({ source: 'national', label: 'Based on national figures' })
    expect(body.recommendation.summary).toMatch(
      new RegExp(
        `^Apply to ${engine.count} Internal Medicine programs for an? \\d+\u00a0% chance of matching \\(80\u00a0% interval \\d+\u00a0%–\\d+\u00a0%\\)\\.$`,
      ),
    )
    expect(body.programs.filter((p: { recommended: boolean }) => p.recommended)).toHaveLength(engine.count ?? 0)
    expect(body.signals.choices.length).toBeLessThanOrEqual(2)
    expect(body.signals.effect).toMatch(/signal/)
    expect(body.honesty.join(' ')).toMatch(/national figures/)
    // The list leaves factors out; one program's route gives them: words, a sign and a size.
    expect(body.programs[0].interview.factors).toBeUndefined()
    expect(body.recommendation.notOnList).toEqual(body.recommendation.programIds)
    const one = await t.request('GET', `/api/list-builder/chances/${list[0]?.program.id}`, { cookie: student.cookie })
    expect(one.status, one.text).toBe(200)
    expect(one.json.interview.probability).toBeCloseTo(list[0]?.interview.probability ?? -1, 5)
    expect(one.json.interview.factors).toHaveLength(list[0]?.interview.factors.length ?? -1)
    expect(one.json.interview.factors[0]).toMatchObject({
      label: list[0]?.interview.factors[0]?.label,
      sign: expect.stringMatching(/^[+−]$/),
      change: expect.any(Number),
    })
    expect(one.json.basis.interview).toMatch(/national priors/)
    // No pointer into the documentation reaches the page.
    expect(one.json.basis.interview).not.toMatch(/docs\//)
    expect((await t.request('GET', '/api/list-builder/chances/no-such-program', { cookie: student.cookie })).status).toBe(404)
  })

  it('asks for Step 2 CK when it is missing, and gives only the range across published scores until then', async () => {
    await put(student.cookie, { ...PROFILE, step2: null })
    const without = (await chances(student.cookie)).json
    await put(student.cookie, PROFILE)
    const withScore = (await chances(student.cookie)).json
    // No advice from a half-filled profile: what is missing, and no counts, tiers or recommended programs.
    expect(without.ready).toBe(false)
    expect(without.missingFields).toEqual(['Step 2 CK score'])
    expect(without.recommendation.summary).toMatch(/Until your Step 2 CK score is in/)
    expect(without.programs).toEqual([])
    expect(without.curve).toEqual([])
    expect(without.scoreRange.scenarios.map((s: { step2: number }) => s.step2)).toEqual([
      SPECIALTY_FACTS['internal-medicine']?.step2.unmatched,
      SPECIALTY_FACTS['internal-medicine']?.step2.matched,
    ])
    expect(withScore.scoreRange).toBeNull()
    expect(without.recommendation.count).toBeNull()
    expect(withScore.ready).toBe(true)
  })

  it('a higher Step 2 CK never lowers a chance', async () => {
    const byScore: Record<number, Map<string, { i: number; m: number }>> = {}
    for (const step2 of [225, 245, 265]) {
      await put(student.cookie, { ...PROFILE, step2 })
      const body = (await chances(student.cookie)).json
      byScore[step2] = new Map(body.programs.map((p: any) => [p.id, { i: p.interview.probability, m: p.matchIfInterviewed.probability }]))
      ;(byScore[step2] as any).rec = body.curve[19].chance
    }
    await put(student.cookie, PROFILE)
    for (const [lower, higher] of [
      [225, 245],
      [245, 265],
    ] as const) {
      for (const [id, low] of byScore[lower] as Map<string, { i: number; m: number }>) {
        const high = (byScore[higher] as Map<string, { i: number; m: number }>).get(id)
        expect(high!.i).toBeGreaterThanOrEqual(low.i - 1e-12)
        expect(high!.m).toBeGreaterThanOrEqual(low.m - 1e-12)
      }
      expect((byScore[higher] as any).rec).toBeGreaterThanOrEqual((byScore[lower] as any).rec - 1e-12)
    }
  })

  it('a signal never lowers a chance, and the list chance counts only applying programs', async () => {
    const before = (await chances(student.cookie)).json
    expect(before.currentList).toMatchObject({ count: 0, chance: 0 })
    const ids = before.programs.slice(0, 12).map((p: { id: string }) => p.id)
    const added = await t.request('POST', '/api/list-builder/my-programs', { cookie: student.cookie, body: { programIds: ids, status: 'applying' } })
    expect(added.status, added.text).toBe(200)
    expect(added.json).toMatchObject({ added: 12, alreadyOnList: 0 })
    const again = await t.request('POST', '/api/list-builder/my-programs', { cookie: student.cookie, body: { programIds: ids.slice(0, 3) } })
    expect(again.json).toMatchObject({ added: 0, alreadyOnList: 3 })
    const listed = (await chances(student.cookie)).json
    expect(listed.currentList.count).toBe(12)
    const own = recommendApplicationCount(
      toApplicantProfile(await storedProfileOf(PROFILE), 'internal-medicine', []),
      await programsFromDb('internal-medicine'),
      DEFAULT_PRIORS,
      { target: 0.9, order: ids },
    )
    expect(listed.currentList.chance).toBeCloseTo(own.curve[11]?.chance ?? -1, 6)
    // No signals marked yet: the plan places them by the specialty's guidance.
    expect(listed.signals.plannedFor).toBe('recommended')

    const target = ids[8] as string
    const signal = await t.request('PATCH', `/api/list-builder/my-programs/${target}`, { cookie: student.cookie, body: { signalled: true } })
    expect(signal.status, signal.text).toBe(200)
    const after = (await chances(student.cookie)).json
    const find = (b: typeof after, id: string) => b.programs.find((p: { id: string }) => p.id === id)
    expect(find(after, target).interview.probability).toBeGreaterThan(find(listed, target).interview.probability)
    expect(find(after, target).matchIfInterviewed.probability).toBeGreaterThanOrEqual(find(listed, target).matchIfInterviewed.probability)
    expect(find(after, target).signalled).toBe(true)
    expect(after.signals.plannedFor).toBe('my-list')
    expect(after.currentList.chance).toBeGreaterThanOrEqual(listed.currentList.chance)
    for (const p of listed.programs) expect(find(after, p.id).interview.probability).toBeGreaterThanOrEqual(p.interview.probability - 1e-12)
  })

  it('never more signals than available: a field error', async () => {
    const list = (await t.request('GET', '/api/list-builder/my-programs', { cookie: student.cookie })).json
    expect(list).toMatchObject({ signalsAvailable: 2, signalsUsed: 1 })
    const unsignalled = list.items.filter((i: { signalled: boolean }) => !i.signalled).map((i: { programId: string }) => i.programId)
    expect((await t.request('PATCH', `/api/list-builder/my-programs/${unsignalled[0]}`, { cookie: student.cookie, body: { signalled: true } })).status).toBe(
      200,
    )
    const third = await t.request('PATCH', `/api/list-builder/my-programs/${unsignalled[1]}`, {
      cookie: student.cookie,
      body: { signalled: true, note: 'dream program' },
    })
    expect(third.status).toBe(400)
    expect(third.json.error.fields.signalled).toMatch(/2 signals and all are in use/)
    const unchanged = (await t.request('GET', '/api/list-builder/my-programs', { cookie: student.cookie })).json
    expect(unchanged.signalsUsed).toBe(2)
    expect(unchanged.items.find((i: { programId: string }) => i.programId === unsignalled[1]).note).toBe('')
    // Status and note changes; removing a signal is always allowed.
    const moved = await t.request('PATCH', `/api/list-builder/my-programs/${unsignalled[0]}`, {
      cookie: student.cookie,
      body: { signalled: false, status: 'interview-offered', note: 'Interview 3 Dec' },
    })
    expect(moved.status).toBe(200)
    expect(moved.json.items.find((i: { programId: string }) => i.programId === unsignalled[0])).toMatchObject({
      signalled: false,
      status: 'interview-offered',
      note: 'Interview 3 Dec',
    })
    expect(
      (await t.request('PATCH', `/api/list-builder/my-programs/${unsignalled[1]}`, { cookie: student.cookie, body: { status: 'sent' } })).json.error.fields
        .status,
    ).toBeTruthy()
    expect((await t.request('PATCH', `/api/list-builder/my-programs/${unsignalled[1]}`, { cookie: student.cookie, body: {} })).status).toBe(400)
    // Not on the list, or not a program at all.
    const offList = im.find((p) => !list.items.some((i: { programId: string }) => i.programId === p.id)) as ResidencyProgram
    expect((await t.request('PATCH', `/api/list-builder/my-programs/${offList.id}`, { cookie: student.cookie, body: { status: 'applied' } })).status).toBe(404)
    const unknown = await t.request('POST', '/api/list-builder/my-programs', { cookie: student.cookie, body: { programIds: [offList.id, 'no-such-program'] } })
    expect(unknown.status).toBe(400)
    expect(unknown.json.error.fields['programIds.1']).toMatch(/No program/)
    expect(
      (await t.request('GET', '/api/list-builder/my-programs', { cookie: student.cookie })).json.items.some(
        (i: { programId: string }) => i.programId === offList.id,
      ),
    ).toBe(false)
  })

  it('a chosen specialty and target; a clear error without any specialty', async () => {
    const fm = await chances(student.cookie, '?specialty=family-medicine&target=0.8')
    expect(fm.status).toBe(200)
    expect(fm.json).toMatchObject({ specialty: { id: 'family-medicine' }, target: 0.8 })
    expect((await chances(student.cookie, '?specialty=astrology')).json.error.fields.specialty).toBeTruthy()
    expect((await chances(student.cookie, '?target=2')).status).toBe(400)
    const none = await chances(otherStudent.cookie)
    expect(none.status).toBe(400)
    expect(none.json.error.fields.specialty).toBeTruthy()
  })
})

describe('backup plan', () => {
  it('appears when the preferred specialty stays low, with the backup specialty and the combined chance', async () => {
    const weak = {
      ...PROFILE,
      applicantType: 'non-us-img',
      needsVisa: true,
      step2: 221,
      step1: 'fail',
      signalsAvailable: 0,
      researchItems: 0,
      clerkshipHonors: 0,
    }
    expect((await put(otherStudent.cookie, weak)).status).toBe(200)
    const body = (await chances(otherStudent.cookie)).json
    expect(body.backup).toMatchObject({ needed: true, specialty: { id: 'family-medicine' } })
    expect(body.backup.backupCount).toBeGreaterThan(0)
    expect(body.backup.combinedChance).toBeGreaterThanOrEqual(body.backup.preferredChance)
    expect(body.backup.summary).toMatch(/Family Medicine/)
    if (body.backup.backupCount > 60) expect(body.backup.summary).toMatch(/talk with your advisor/)
    const strong = (await chances(student.cookie)).json
    expect(strong.backup).toMatchObject({ needed: false, backupCount: null })
  })
})

describe('who may read', () => {
  const paths = (id: string) => [
    `/api/list-builder/students/${id}/profile`,
    `/api/list-builder/students/${id}/chances`,
    `/api/list-builder/students/${id}/programs`,
    `/api/list-builder/students/${id}/chances/${im[1]?.id}`,
  ]

  it('an assigned advisor reads, and each read is audited', async () => {
    for (const path of paths(student.id)) {
      const response = await t.request('GET', path, { cookie: advisor.cookie })
      expect(response.status, `${path}: ${response.text}`).toBe(200)
    }
    const rows = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, advisor.id), eq(auditLog.objectId, student.id)))
    expect(rows.map((r) => r.action).sort()).toEqual([
      'student-record.read.application-profile',
      'student-record.read.list-builder',
      'student-record.read.list-builder',
      'student-record.read.program-list',
    ])
  })

  it('an unassigned advisor gets 404; admin, mentor and another student are refused', async () => {
    for (const path of paths(student.id)) {
      expect((await t.request('GET', path, { cookie: otherAdvisor.cookie })).status).toBe(404)
      expect((await t.request('GET', path, { cookie: admin.cookie })).status).toBe(403)
      expect((await t.request('GET', path, { cookie: mentor.cookie })).status).toBe(403)
      expect((await t.request('GET', path, { cookie: otherStudent.cookie })).status).toBe(403)
    }
    // Another student's own routes show their own record, never this one's.
    const own = await t.request('GET', '/api/list-builder/my-programs', { cookie: otherStudent.cookie })
    expect(own.json).toMatchObject({ studentId: otherStudent.id, items: [] })
    const rows = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actorId, otherAdvisor.id))
    expect(rows.filter((r) => r.action.startsWith('student-record.read'))).toEqual([])
  })
})

describe('calibration', () => {
  it('uses the newest active calibration, says so, and ignores inactive or unreadable ones', async () => {
    const shifted: SmartPickPriors = {
      ...DEFAULT_PRIORS,
      interview: { ...DEFAULT_PRIORS.interview, mean: DEFAULT_PRIORS.interview.mean.map((v, i) => (i === 0 ? v + 0.8 : v)) },
      calibratedOn: { applicants: 400, applications: 9000, years: [2022, 2023, 2024] },
    }
    const base = (await chances(student.cookie)).json
    await t.db.insert(smartPickCalibrations).values({ priors: { broken: true }, report: {}, active: true, createdAt: new Date('2026-09-01T00:00:00Z') })
    expect((await chances(student.cookie)).json.model.source).toBe('national')
    await t.db
      .insert(smartPickCalibrations)
      .values({ priors: JSON.parse(JSON.stringify(shifted)), report: {}, active: true, createdAt: new Date('2026-09-12T00:00:00Z') })
    await t.db
      .insert(smartPickCalibrations)
      .values({ priors: JSON.parse(JSON.stringify(DEFAULT_PRIORS)), report: {}, active: false, createdAt: new Date('2026-09-20T00:00:00Z') })
    const body = (await chances(student.cookie)).json
    expect(body.model).toMatchObject({ source: 'school', label: "Calibrated on our school's outcomes, 12 Sept 2026", calibratedOn: { applicants: 400 } })
    expect(body.honesty[0]).toMatch(/Calibrated on our school's outcomes/)
    const programs = await programsFromDb('internal-medicine')
    const list = (await t.request('GET', '/api/list-builder/my-programs', { cookie: student.cookie })).json
    const signalled = list.items.filter((i: { signalled: boolean }) => i.signalled).map((i: { programId: string }) => i.programId)
    const applicant = toApplicantProfile(await storedProfileOf(PROFILE), 'internal-medicine', signalled)
    const excluded = list.items
      .filter((i: { status: string }) => i.status === 'rejected' || i.status === 'withdrawn')
      .map((i: { programId: string }) => i.programId)
    const interviewed = list.items
      .filter((i: { status: string }) => i.status === 'interview-offered' || i.status === 'interviewed')
      .map((i: { programId: string }) => i.programId)
    const advice = adviseList(applicant, programs, shifted, { target: 0.9, excluded, interviewed })
    const engine = { count: advice.recommendedCount, chance: advice.chance }
    expect(body.recommendation.count).toBe(engine.count)
    expect(body.recommendation.chance).toBeCloseTo(engine.chance, 5)
    expect(body.programs[0].interview.probability).toBeGreaterThan(base.programs[0].interview.probability)
  })
})

describe('a page of programs', () => {
  it('sends 25 programs at a time, with counts over every program and the advice unchanged', async () => {
    const all = (await chances(student.cookie)).json
    const first = await t.request('GET', '/api/list-builder/chances', { cookie: student.cookie })
    expect(first.status, first.text).toBe(200)
    expect(first.json.programs).toHaveLength(25)
    expect(first.json.programPage).toEqual({ offset: 0, limit: 25, matching: 90, total: 90, byTier: expect.any(Object) })
    const tiers = all.programs.map((p: { tier: string }) => p.tier)
    for (const tier of ['reach', 'target', 'likely']) expect(first.json.programPage.byTier[tier], tier).toBe(tiers.filter((x: string) => x === tier).length)
    // The advice is the same whatever the page: counts, curve and recommended programs cover every program.
    for (const key of ['recommendation', 'curve', 'signals', 'backup', 'currentList'] as const) expect(first.json[key], key).toEqual(all[key])
    expect(first.text.length).toBeLessThan(JSON.stringify(all).length / 2)

    const pages = []
    for (let offset = 0; offset < 90; offset += 25)
      pages.push(...(await t.request('GET', `/api/list-builder/chances?offset=${offset}`, { cookie: student.cookie })).json.programs)
    expect(pages.map((p: { id: string }) => p.id)).toEqual(all.programs.map((p: { id: string }) => p.id))

    const tier = all.programs[all.programs.length - 1].tier
    const region = all.programs[0].region
    const filtered = (await t.request('GET', `/api/list-builder/chances?tier=${tier}&region=${region}&fits=true&limit=100`, { cookie: student.cookie })).json
    const expected = all.programs.filter(
      (p: { tier: string; region: string; fitsPreferences: boolean }) => p.tier === tier && p.region === region && p.fitsPreferences,
    )
    expect(filtered.programs.map((p: { id: string }) => p.id)).toEqual(expected.map((p: { id: string }) => p.id))
    expect(filtered.programPage).toMatchObject({ matching: expected.length, total: 90, byTier: first.json.programPage.byTier })
  })

  it.each([
    ['offset=-1', 'offset'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['tier=certain', 'tier'],
    ['region=atlantis', 'region'],
    ['fits=maybe', 'fits'],
  ])('refuses %s, naming the field', async (query, field) => {
    const response = await t.request('GET', `/api/list-builder/chances?${query}`, { cookie: student.cookie })
    expect(response.status).toBe(400)
    expect(response.json.error.fields?.[field]).toBeTruthy()
  })
})

describe('programs kept in memory', () => {
  it('sees a program added or changed after the first request', async () => {
    const before = (await chances(student.cookie)).json
    expect(before.programs).toHaveLength(90)
    await t.db.insert(residencyPrograms).values({
      id: 'im-new-t',
      name: 'Newly Imported Medicine',
      specialtyId: 'internal-medicine',
      track: 'categorical',
      state: 'OH',
      region: 'midwest',
      positions: 12,
      setting: 'academic',
      step2P25: 230,
      step2P75: 240,
      competitiveness: 0.02,
    })
    const added = (await chances(student.cookie)).json
    expect(added.programs).toHaveLength(91)
    const target = im[3] as ResidencyProgram
    const was = added.programs.find((p: { id: string }) => p.id === target.id).interview.probability
    await t.db
      .update(residencyPrograms)
      .set({ competitiveness: 0.99, updatedAt: new Date(Date.now() + 60_000) })
      .where(eq(residencyPrograms.id, target.id))
    const changed = (await chances(student.cookie)).json
    expect(changed.programs.find((p: { id: string }) => p.id === target.id).interview.probability).toBeLessThan(was)
  })
})
