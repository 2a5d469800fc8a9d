import { describe, expect, it } from 'vitest'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import { generateDemoSchool } from './generate-demo-school.ts'
import { DEMO_SPECIALTY_PLANS, generateDemoResidency, lastMatchYear } from './residency-demo.ts'

const now = new Date('2026-03-15T12:00:00Z')
const { rows: school } = generateDemoSchool({ seed: 1, now })
const rows = generateDemoResidency({ seed: 1, now, mentors: school.mentorProfiles })

describe('generateDemoResidency', () => {
  it('has programs for every core specialty, with unique ids and sane ranges', () => {
    const specialties = new Set(rows.programs.map((p) => p.specialtyId))
    for (const s of SPECIALTIES) expect(specialties.has(s.id), s.id).toBe(true)
    expect(new Set(rows.programs.map((p) => p.id)).size).toBe(rows.programs.length)
    for (const p of rows.programs) {
      expect(p.step2P25).toBeLessThanOrEqual(p.step2P75)
      expect(p.positions).toBeGreaterThanOrEqual(1)
      expect(p.source).toBe('demo')
    }
  })

  it('offers each specialty-track its planned positions, about 40,000 PGY-1 places in all', () => {
    for (const plan of DEMO_SPECIALTY_PLANS) {
      for (const track of ['categorical', 'preliminary', 'advanced'] as const) {
        const size = plan[track]
        const of = rows.programs.filter((p) => p.specialtyId === plan.id && p.track === track)
        expect(of.length, `${plan.id} ${track}`).toBe(size?.[0] ?? 0)
        expect(of.reduce((sum, p) => sum + (p.positions ?? 0), 0)).toBe(size?.[1] ?? 0)
      }
    }
    const pgy1 = rows.programs.filter((p) => p.track !== 'advanced').reduce((sum, p) => sum + (p.positions ?? 0), 0)
    expect(pgy1).toBeGreaterThan(36_000)
    expect(pgy1).toBeLessThan(42_000)
  })

  it('has preliminary, transitional-year and advanced programs for supplemental lists', () => {
    expect(rows.programs.some((p) => p.specialtyId === 'transitional-year' && p.track === 'preliminary')).toBe(true)
    expect(rows.programs.some((p) => p.specialtyId === 'internal-medicine' && p.track === 'preliminary')).toBe(true)
    for (const s of SPECIALTIES.filter((x) => x.hasAdvancedPrograms))
      expect(
        rows.programs.some((p) => p.specialtyId === s.id && p.track === 'advanced'),
        s.id,
      ).toBe(true)
  })

  it('holds about 150 graduates a year for the last five match years, some linked to alumni mentors', () => {
    const last = lastMatchYear(now)
    expect(last).toBe(2025)
    const years = new Map<number, number>()
    for (const a of rows.pastApplicants) years.set(a.matchYear, (years.get(a.matchYear) ?? 0) + 1)
    expect([...years.keys()].sort()).toEqual([2021, 2022, 2023, 2024, 2025])
    for (const n of years.values()) expect(n).toBeGreaterThanOrEqual(150)
    const linked = rows.pastApplicants.filter((a) => a.personId)
    expect(linked.length).toBeGreaterThan(0)
    const alumni = new Map(school.mentorProfiles.map((m) => [m.personId, m]))
    for (const a of linked) {
      expect(alumni.get(a.personId as string)?.kind).toBe('alumni')
      expect(a.matchedProgramId).not.toBeNull()
    }
    const programIds = new Set(rows.programs.map((p) => p.id))
    for (const a of rows.pastApplications) expect(programIds.has(a.programId)).toBe(true)
    const matchedShare = rows.pastApplicants.filter((a) => a.matchedProgramId).length / rows.pastApplicants.length
    expect(matchedShare).toBeGreaterThan(0.75)
  })

  it('keeps the ties and away rotations the outcomes were drawn with, for calibration to learn from', () => {
    const applicantIds = new Set(rows.pastApplicants.map((a) => a.id))
    const programIds = new Set(rows.programs.map((p) => p.id))
    for (const d of rows.pastApplicantDetails) {
      expect(applicantIds.has(d.applicantId)).toBe(true)
      for (const id of d.awayRotationProgramIds ?? []) expect(programIds.has(id)).toBe(true)
    }
    // About half of an Ohio school's graduates have a tie to Ohio.
    const tiedToOhio = rows.pastApplicantDetails.filter((d) => d.tieStates?.includes('OH')).length
    expect(tiedToOhio / rows.pastApplicants.length).toBeGreaterThan(0.35)
  })

  it('dates interviews in the season of the coming match, after today while the season is under way', () => {
    const december = new Date('2026-12-05T12:00:00Z')
    const during = generateDemoResidency({ seed: 1, now: december, mentors: [] })
    const days = during.programs.flatMap((p) => p.interviewDates ?? [])
    expect(days.length).toBeGreaterThan(0)
    for (const day of days) {
      expect(day > '2026-12-05', day).toBe(true)
      expect(day <= '2027-01-31', day).toBe(true)
    }
    // In March, before Match Day, the season is over: its days were held between October and January.
    for (const day of rows.programs.flatMap((p) => p.interviewDates ?? [])) expect(day >= '2025-10-01' && day <= '2026-01-31', day).toBe(true)
  })

  it('is the same for the same seed and date', () => {
    const again = generateDemoResidency({ seed: 1, now, mentors: school.mentorProfiles })
    expect(again.programs.slice(0, 50)).toEqual(rows.programs.slice(0, 50))
    expect(again.pastApplicants.map((a) => a.id)).toEqual(rows.pastApplicants.map((a) => a.id))
  })
})
