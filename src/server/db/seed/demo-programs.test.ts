import { describe, expect, it } from 'vitest'
import { generateDemoPrograms } from './demo-programs.ts'
import { createRandom } from './random.ts'

const { programs } = generateDemoPrograms(createRandom(1).fork('residency'), { seed: 1, now: new Date('2026-12-05T12:00:00Z') })

describe('the demo programs look like each specialty’s real programs', () => {
  it('puts dermatology, plastic surgery and neurosurgery at academic centres with few positions', () => {
    for (const specialty of ['dermatology', 'plastic-surgery', 'neurological-surgery']) {
      const of = programs.filter((p) => p.specialtyId === specialty)
      expect(of.length, specialty).toBeGreaterThan(0)
      for (const p of of) {
        expect(p.setting, p.name).toBe('academic')
        expect(p.positions, p.name).toBeLessThanOrEqual(12)
      }
    }
  })

  it('names no program after a kind of place that does not train its specialty', () => {
    for (const p of programs) {
      if (p.institution.includes('Family Health Center')) expect(p.specialtyId, p.name).toBe('family-medicine')
      if (p.institution.includes('Community Health Partners'))
        expect(['family-medicine', 'internal-medicine', 'pediatrics', 'psychiatry', 'obstetrics-gynecology'], p.name).toContain(p.specialtyId)
    }
  })
})

describe('one specialty’s demo programs', () => {
  it('come out as in the whole school', () => {
    const only = generateDemoPrograms(createRandom(1).fork('residency'), { seed: 1, now: new Date('2026-12-05T12:00:00Z'), onlySpecialty: 'dermatology' })
    expect(only.programs).toEqual(programs.filter((p) => p.specialtyId === 'dermatology'))
  })
})

describe('the programs the model reads', () => {
  it('do not depend on the day the demo is generated: only interview days follow the clock', () => {
    const on = (day: string) => generateDemoPrograms(createRandom(1).fork('residency'), { seed: 1, now: new Date(day) })
    const december = on('2026-12-05T12:00:00Z')
    const august = on('2027-08-20T12:00:00Z')
    expect(august.modelPrograms).toEqual(december.modelPrograms)
    const withoutDays = (rows: typeof programs) => rows.map(({ interviewDates: _days, ...rest }) => rest)
    expect(withoutDays(august.programs)).toEqual(withoutDays(december.programs))
    expect(august.programs.map((p) => p.interviewDates)).not.toEqual(december.programs.map((p) => p.interviewDates))
  })
})
