import { describe, expect, it } from 'vitest'
import { planHouseDean } from './house-deans.ts'

describe('an advisory dean from the house', () => {
  it('assigns a student with no dean', () => {
    expect(planHouseDean(null, 'dean-a')).toBe('assign')
  })
  it('leaves a student whose dean is already the house’s', () => {
    expect(planHouseDean({ advisorId: 'dean-a', viaHouse: null }, 'dean-a')).toBe('unchanged')
    expect(planHouseDean({ advisorId: 'dean-a', viaHouse: 'Osler' }, 'dean-a')).toBe('unchanged')
  })
  it('keeps a dean an admin chose by hand', () => {
    expect(planHouseDean({ advisorId: 'dean-b', viaHouse: null }, 'dean-a')).toBe('kept-manual')
  })
  it('replaces a dean an earlier house gave', () => {
    expect(planHouseDean({ advisorId: 'dean-b', viaHouse: 'Osler' }, 'dean-a')).toBe('reassign')
  })
})
