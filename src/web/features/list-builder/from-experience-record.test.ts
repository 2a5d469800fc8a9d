import { describe, expect, it } from 'vitest'
import { countsFromRecord } from './from-experience-record.ts'

const entry = (kind: 'research' | 'clinical' | 'volunteer' | 'leadership' | 'teaching', outputs = 0) => ({
  kind,
  outputs: Array.from({ length: outputs }, (_, i) => ({ id: `o${i}`, kind: 'abstract' as const, citation: 'A.', date: null })),
})

describe('the application profile counted from the experience record', () => {
  it('is zero for an empty record', () => {
    expect(countsFromRecord([])).toEqual({ researchItems: 0, experiences: 0 })
  })

  it('counts every output as a research item, under any kind of entry, and every entry but research as an experience', () => {
    const record = [entry('research', 2), entry('research'), entry('clinical', 1), entry('volunteer'), entry('leadership'), entry('teaching')]
    expect(countsFromRecord(record)).toEqual({ researchItems: 3, experiences: 4 })
  })
})
