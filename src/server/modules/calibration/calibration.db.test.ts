import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { and, count, eq, like } from 'drizzle-orm'
import { DEFAULT_PRIORS, type ResidencyProgram, type SmartPickPriors } from '#engines/smart-pick/index.ts'
import { auditLog, pastApplicantDetails, pastApplicants, pastApplications, residencyPrograms, smartPickCalibrations } from '#server/db/schema/index.ts'
import { createTestApp, type TestApp } from '#tests/setup/test-app.ts'
import { writePastOutcomesCsv } from './domain/past-outcomes-csv-writer.ts'
import { syntheticSchool } from './testing/synthetic-school.ts'

/**
 * Past outcomes and calibration through the HTTP API: malformed rows (each kind, with row and
 * column, nothing written), dry run, re-import replacing a year, recalibration recovering a
 * known model end to end, activation, and who may do what.
 */

let t: TestApp
let admin: string
let advisor: string
let student: string
let mentor: string
const school = syntheticSchool({ perYear: 120, years: [2021, 2022, 2023, 2024], seed: 77 })

function programRow(p: ResidencyProgram): typeof residencyPrograms.$inferInsert {
  return {
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
  }
}

const importCsv = (csv: string, dryRun: boolean, cookie = admin) =>
  t.request('POST', '/api/calibration/past-outcomes/import', { cookie, body: { csv, dryRun } })
const stored = async () => (await t.db.select({ n: count() }).from(pastApplicants))[0]?.n ?? 0
const storedIn = async (year: number) => (await t.db.select({ n: count() }).from(pastApplicants).where(eq(pastApplicants.matchYear, year)))[0]?.n ?? 0
const coefficient = (p: SmartPickPriors, name: string) => p.interview.mean[p.interview.names.indexOf(name)] as number

beforeAll(async () => {
  t = await createTestApp()
  await t.db.insert(residencyPrograms).values(school.programs.map(programRow))
  admin = (await t.signedInAs(['admin'])).cookie
  advisor = (await t.signedInAs(['advisor'])).cookie
  student = (await t.signedInAs(['student'])).cookie
  mentor = (await t.signedInAs(['mentor'])).cookie
})
afterAll(async () => {
  await t?.close()
})

const [p1, p2, p3] = school.programs.map((p) => p.id) as [string, string, string]
const HEADER =
  'match_year,graduate_id,applicant_type,specialty,step2,step1,research_items,aoa,gold_humanism,clerkship_honors,experiences,tie_states,tie_regions,needs_visa,program_id,signalled,away_rotation,interviewed,matched_program_id'

describe('past-outcomes import', () => {
  it('recalibrating before any import is refused with the reason', async () => {
    const none = await t.request('POST', '/api/calibrations', { cookie: admin, body: {} })
    expect(none.status).toBe(409)
    expect(none.json.error.message).toMatch(/No past outcomes yet/)
  })

  it('reports every malformed row with its row and column, and writes nothing', async () => {
    const csv = [
      HEADER,
      `2024,A-1,us-md,internal-medicine,248,pass,4,no,no,3,8,OH,,no,NOPE-1,no,no,yes,`,
      `2024,A-2,us-md,internal-medicine,999,pass,4,no,no,3,8,,,no,${p1},no,no,yes,`,
      `2024,A-3,us-md,astrology,240,pass,4,no,no,3,8,,,no,${p1},no,no,yes,`,
      `2024,A-4,martian,internal-medicine,240,pass,4,no,no,3,8,,,no,${p1},no,no,yes,`,
      `2024,A-5,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,${p1},no,no,yes,`,
      `2024,A-5,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,${p1},no,no,yes,`,
      `2024,A-6,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,${p1},no,no,yes,${p2}`,
      `2024,A-7,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,${p1},no,no,yes,`,
      `2024,A-7,us-img,internal-medicine,240,pass,4,no,no,3,8,,,no,${p2},no,no,yes,`,
      `2024,A-8,us-md,internal-medicine,240,pass,4,no,no,3,8,,,no,${p3},no,no,yes,`,
    ].join('\n')
    const dry = await importCsv(csv, true)
    expect(dry.status).toBe(200)
    expect(dry.json.imported).toBe(false)
    const at = (dry.json.rejects as { row: number; column: string | null; message: string }[]).map((r) => `${r.row}:${r.column}`)
    expect(at).toEqual(['2:program_id', '3:step2', '4:specialty', '5:applicant_type', '7:program_id', '8:matched_program_id', '10:applicant_type'])
    expect(dry.json.rejectedRows).toBe(7)
    expect(dry.json.graduates).toBe(0)

    const real = await importCsv(csv, false)
    expect(real.status).toBe(400)
    expect(real.json.error.code).toBe('VALIDATION_FAILED')
    expect(real.json.error.message).toMatch(/7 rows have problems, so nothing was imported/)
    expect(real.json.error.fields.csv).toMatch(/^Row 2, column program_id: Unknown program id "NOPE-1"/)
    expect(await stored()).toBe(0)
  })

  it('a dry run of a good file says what would happen and writes nothing', async () => {
    const csv = writePastOutcomesCsv(school.outcomes.filter((o) => o.year <= 2022))
    const dry = await importCsv(csv, true)
    expect(dry.status).toBe(200)
    expect(dry.json.rejects).toEqual([])
    expect(dry.json.graduates).toBe(240)
    expect(dry.json.years.map((y: { year: number; replaces: number }) => [y.year, y.replaces])).toEqual([
      [2021, 0],
      [2022, 0],
    ])
    expect(await stored()).toBe(0)
  })

  it('imports in one go, keeps details, audits, and a re-import replaces only its years', async () => {
    const first = await importCsv(writePastOutcomesCsv(school.outcomes), false)
    expect(first.status).toBe(200)
    expect(first.json.imported).toBe(true)
    expect(await stored()).toBe(480)
    const applications = school.outcomes.reduce((s, o) => s + o.applications.length, 0)
    expect((await t.db.select({ n: count() }).from(pastApplications))[0]?.n).toBe(applications)
    const withTies = school.outcomes.filter((o) => o.applicant.ties.states.length > 0).length
    expect(withTies).toBeGreaterThan(0)
    expect((await t.db.select({ n: count() }).from(pastApplicantDetails))[0]?.n).toBeGreaterThanOrEqual(withTies)
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'past-outcomes.import'))
    expect(audits.map((a) => a.objectId)).toEqual(['2021,2022,2023,2024'])

    // 2022 again, with only its first 50 graduates: 2022 is replaced, the other years stay.
    const again2022 = school.outcomes.filter((o) => o.year === 2022).slice(0, 50)
    const dry = await importCsv(writePastOutcomesCsv(again2022), true)
    expect(dry.json.years).toEqual([expect.objectContaining({ year: 2022, graduates: 50, replaces: 120 })])
    const second = await importCsv(writePastOutcomesCsv(again2022), false)
    expect(second.status).toBe(200)
    expect(await storedIn(2022)).toBe(50)
    expect(await storedIn(2021)).toBe(120)
    expect(await stored()).toBe(410)

    // A graduate id already stored under another year is refused, with the row.
    const moved = writePastOutcomesCsv([{ ...(school.outcomes[0] as (typeof school.outcomes)[number]), year: 2025 }], () => 'G2021-0001')
    const refused = await importCsv(moved, true)
    expect(refused.json.rejects[0]).toMatchObject({ row: 2, column: 'graduate_id' })
    expect(refused.json.rejects[0].message).toMatch(/already stored for match year 2021/)

    const summary = await t.request('GET', '/api/calibration/past-outcomes', { cookie: advisor })
    expect(summary.status).toBe(200)
    expect(summary.json.years.map((y: { year: number; graduates: number }) => [y.year, y.graduates])).toEqual([
      [2021, 120],
      [2022, 50],
      [2023, 120],
      [2024, 120],
    ])
    // Put 2022 back whole for the calibration below.
    expect((await importCsv(writePastOutcomesCsv(school.outcomes.filter((o) => o.year === 2022)), false)).status).toBe(200)
  })
})

describe('recalibration', () => {
  let firstId: string

  it('recovers the known model end to end and stores it switched off', async () => {
    const created = await t.request('POST', '/api/calibrations', { cookie: admin, body: {} })
    expect(created.status).toBe(201)
    firstId = created.json.id
    expect(created.json.active).toBe(false)
    const report = created.json.report
    expect(report.years).toEqual({ all: [2021, 2022, 2023, 2024], training: [2021, 2022], heldOut: [2023, 2024] })
    expect(report.interview.calibrated.brier).toBeLessThan(report.interview.prior.brier)
    expect(report.match.calibrated.brier).toBeLessThan(report.match.prior.brier)
    expect(report.interview.calibrated.bins).toHaveLength(10)
    expect(created.json.fitMs).toBeGreaterThanOrEqual(0)

    const [row] = await t.db.select().from(smartPickCalibrations).where(eq(smartPickCalibrations.id, firstId))
    const priors = row?.priors as SmartPickPriors
    for (const name of Object.keys(school.shift)) {
      const truth = coefficient(school.truth, name)
      expect(Math.abs(coefficient(priors, name) - truth), name).toBeLessThan(Math.abs(coefficient(DEFAULT_PRIORS, name) - truth))
    }
    expect(priors.calibratedOn?.applicants).toBe(480)
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calibration.create'), eq(auditLog.objectId, firstId)))
    expect(audits).toHaveLength(1)
  })

  it('activates one calibration at a time, and deactivates', async () => {
    const second = await t.request('POST', '/api/calibrations', { cookie: admin, body: { heldOutYears: 1, storeFitOn: 'training-years' } })
    expect(second.status).toBe(201)
    expect(second.json.report.years.heldOut).toEqual([2024])
    const secondId: string = second.json.id

    expect((await t.request('POST', `/api/calibrations/${firstId}/activate`, { cookie: admin })).json.active).toBe(true)
    expect((await t.request('POST', `/api/calibrations/${secondId}/activate`, { cookie: admin })).json.active).toBe(true)
    let list = await t.request('GET', '/api/calibrations', { cookie: advisor })
    expect(list.status).toBe(200)
    expect(list.json.activeId).toBe(secondId)
    expect(list.json.items.filter((c: { active: boolean }) => c.active)).toHaveLength(1)

    expect((await t.request('POST', `/api/calibrations/${secondId}/deactivate`, { cookie: admin })).json.active).toBe(false)
    list = await t.request('GET', '/api/calibrations', { cookie: admin })
    expect(list.json.activeId).toBeNull()
    const audits = await t.db.select().from(auditLog).where(like(auditLog.action, 'calibration.%activate'))
    expect(audits).toHaveLength(3)
  })

  it('names an unknown calibration', async () => {
    const missing = await t.request('GET', '/api/calibrations/00000000-0000-4000-8000-000000000000', { cookie: admin })
    expect(missing.status).toBe(404)
    expect(missing.json.error.code).toBe('NOT_FOUND')
  })
})

describe('who may do what', () => {
  it('students and mentors are refused everything; advisors read only', async () => {
    const id = '00000000-0000-4000-8000-0000000000c1'
    const reads = [
      ['GET', '/api/calibration/past-outcomes'],
      ['GET', '/api/calibrations'],
      ['GET', `/api/calibrations/${id}`],
    ] as const
    const writes = [
      ['POST', '/api/calibration/past-outcomes/import', { csv: HEADER, dryRun: true }],
      ['POST', '/api/calibrations', {}],
      ['POST', `/api/calibrations/${id}/activate`, undefined],
      ['POST', `/api/calibrations/${id}/deactivate`, undefined],
    ] as const
    for (const cookie of [student, mentor]) {
      for (const [method, path] of reads) expect((await t.request(method, path, { cookie })).status, path).toBe(403)
      for (const [method, path, body] of writes) expect((await t.request(method, path, { cookie, body })).status, path).toBe(403)
    }
    for (const [method, path] of reads) expect((await t.request(method, path, { cookie: advisor })).status, path).not.toBe(403)
    for (const [method, path, body] of writes) expect((await t.request(method, path, { cookie: advisor, body })).status, path).toBe(403)
    const before = await stored()
    expect((await importCsv(writePastOutcomesCsv(school.outcomes.slice(0, 3)), false, advisor)).status).toBe(403)
    expect(await stored()).toBe(before)
  })
})
