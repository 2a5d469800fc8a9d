import { describe, expect, it } from 'vitest'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import { SPECIALTY_GUIDE } from '#shared/reference/specialty-guide.ts'
import { nationalMatchFact } from './national-match.ts'

describe('specialty pages: the facts', () => {
  it('has what it is and its training length for every specialty', () => {
    for (const s of SPECIALTIES) {
      expect(SPECIALTY_GUIDE[s.id]?.about, s.id).toBeTruthy()
      expect(SPECIALTY_GUIDE[s.id]?.trainingYears, s.id).toMatch(/^\d( or \d)? years?$/)
    }
  })

  it('says the national match of U.S. MD seniors with its source, and nothing where none is published', () => {
    const em = nationalMatchFact('emergency-medicine', 'Emergency Medicine')
    expect(em?.text).toBe('In the 2024 Main Residency Match, 1,027 of 1,047 U.S. MD seniors who preferred Emergency Medicine matched in it (98.1 %).')
    expect(em?.source).toMatch(/Charting Outcomes/)
    expect(nationalMatchFact('transitional-year', 'Transitional Year')).toBeNull()
  })
})
