import { describe, expect, it } from 'vitest'
import { nationalRateOf, outcomesVsNation } from './outcomes-vs-nation.ts'

/**
 * The match rates NRMP's Charting Outcomes 2024 publishes for U.S. MD seniors by preferred
 * specialty (the "match rate" column of the source the smart-pick facts cite), in percent.
 */
const PUBLISHED_RATES: Record<string, number> = {
  anesthesiology: 85.6,
  dermatology: 71.4,
  'emergency-medicine': 98.1,
  'family-medicine': 99.0,
  'general-surgery': 82.6,
  'internal-medicine': 97.9,
  'interventional-radiology': 83.0,
  'neurological-surgery': 69.4,
  neurology: 94.2,
  'obstetrics-gynecology': 86.1,
  'orthopaedic-surgery': 74.3,
  otolaryngology: 83.2,
  pathology: 95.1,
  pediatrics: 99.8,
  'physical-medicine-rehabilitation': 84.6,
  'plastic-surgery': 76.8,
  psychiatry: 89.5,
  'radiation-oncology': 97.2,
  'diagnostic-radiology': 87.9,
  'vascular-surgery': 91.4,
}

const NOW = new Date('2026-10-05T12:00:00Z')

describe('outcomes against the nation', () => {
  it.each(Object.entries(PUBLISHED_RATES))('shows the published national rate for %s (%s %%)', (specialtyId, percent) => {
    const national = nationalRateOf(specialtyId)
    expect(national).not.toBeNull()
    expect(Math.round((national?.rate ?? 0) * 1000) / 10).toBe(percent)
  })

  it('has no national rate for a specialty the report does not cover', () => {
    expect(nationalRateOf('urology')).toBeNull()
  })

  it('compares each shown specialty with the nation, in name order', () => {
    const report = outcomesVsNation(
      [
        { specialtyId: 'pediatrics', applicants: 20, matched: 19 },
        { specialtyId: 'anesthesiology', applicants: 10, matched: 8 },
      ],
      [2026, 2025],
      NOW,
    )
    expect(report.specialties.map((s) => [s.specialtyId, s.shown, s.rate, s.difference])).toEqual([
      ['anesthesiology', true, 0.8, -0.0561],
      ['pediatrics', true, 0.95, -0.0484],
    ])
    expect(report.total).toEqual({ shown: true, applicants: 30, matched: 27, rate: 0.9 })
  })

  it('hides a specialty of fewer than 10 graduates and the next smallest, so the total does not give it away', () => {
    const report = outcomesVsNation(
      [
        { specialtyId: 'dermatology', applicants: 3, matched: 1 },
        { specialtyId: 'internal-medicine', applicants: 40, matched: 39 },
        { specialtyId: 'pediatrics', applicants: 12, matched: 12 },
      ],
      [2026],
      NOW,
    )
    const byId = Object.fromEntries(report.specialties.map((s) => [s.specialtyId, s]))
    expect(byId.dermatology).toMatchObject({ shown: false, applicants: null, matched: null, rate: null, difference: null })
    expect(byId.pediatrics?.shown).toBe(false)
    expect(byId['internal-medicine']?.shown).toBe(true)
    // The national figure is public and stays.
    expect(byId.dermatology?.national?.matched).toBe(314)
  })

  it('shows no total for fewer than 10 graduates in all', () => {
    const report = outcomesVsNation([{ specialtyId: 'pediatrics', applicants: 4, matched: 4 }], [2026], NOW)
    expect(report.total.shown).toBe(false)
    expect(report.specialties[0]?.shown).toBe(false)
  })
})
