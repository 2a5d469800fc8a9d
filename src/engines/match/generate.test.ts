import { describe, expect, it } from 'vitest'
import { generateInstance } from './generate.ts'

const options = { applicants: 1500, programs: 220, couples: 40, seed: 12 }

describe('generateInstance', () => {
  const instance = generateInstance(options)
  const programs = new Map(instance.programs.map((p) => [p.id, p]))
  const applicants = new Map(instance.applicants.map((a) => [a.id, a]))

  it('is deterministic in the seed', () => {
    expect(generateInstance(options)).toEqual(instance)
    expect(generateInstance({ ...options, seed: 13 })).not.toEqual(instance)
  })

  it('uses the format ids and references only known ids, none twice', () => {
    for (const p of instance.programs) {
      expect(p.id).toMatch(/^[A-Z]+-\d{4}[A-Z]?$/)
      expect(new Set(p.ranks).size).toBe(p.ranks.length)
      for (const a of p.ranks) expect(applicants.has(a)).toBe(true)
      if (p.revertTo) expect(programs.get(p.revertTo)?.revertTo).toBeUndefined()
    }
    for (const a of instance.applicants) {
      expect(a.id).toMatch(/^A\d{6}$/)
      expect(new Set(a.ranks).size).toBe(a.ranks.length)
      for (const p of a.ranks) expect(programs.has(p)).toBe(true)
      for (const list of a.supplemental ?? []) {
        for (const p of list.for) expect(programs.get(p)?.track).toBe('advanced')
        for (const p of list.ranks) expect(programs.get(p)?.track).toBe('preliminary')
      }
    }
    expect(instance.couples).toHaveLength(40)
    for (const c of instance.couples ?? []) {
      expect(c.id).toMatch(/^C\d{5}$/)
      for (const m of c.members) expect(applicants.get(m)?.ranks).toEqual([])
      expect(new Set(c.ranks.map((l) => JSON.stringify(l))).size).toBe(c.ranks.length)
    }
  })

  it('has NRMP-like proportions', () => {
    const positions = instance.programs.reduce((n, p) => n + p.capacity, 0)
    expect(positions / options.applicants).toBeGreaterThan(0.85)
    expect(positions / options.applicants).toBeLessThan(1.0)
    const singles = instance.applicants.filter((a) => a.ranks.length > 0)
    const meanLength = singles.reduce((n, a) => n + a.ranks.length, 0) / singles.length
    expect(meanLength).toBeGreaterThan(6)
    expect(meanLength).toBeLessThan(16)
    const tracks = new Set(instance.programs.map((p) => p.track ?? 'categorical'))
    expect(tracks.has('advanced')).toBe(true)
    expect(tracks.has('preliminary')).toBe(true)
    expect(instance.programs.some((p) => p.revertTo)).toBe(true)
    expect(instance.applicants.some((a) => a.supplemental)).toBe(true)
    expect(instance.couples!.some((c) => c.ranks.some(([x, y]) => x === null || y === null))).toBe(true)
  })

  it('mostly ranks applicants who ranked the program', () => {
    const rankedBy = new Map<string, Set<string>>()
    const add = (p: string, a: string): void => {
      const set = rankedBy.get(p) ?? new Set<string>()
      set.add(a)
      rankedBy.set(p, set)
    }
    for (const a of instance.applicants) {
      for (const p of a.ranks) add(p, a.id)
      for (const list of a.supplemental ?? []) for (const p of list.ranks) add(p, a.id)
    }
    for (const c of instance.couples ?? []) {
      for (const [x, y] of c.ranks) {
        if (x) add(x, c.members[0])
        if (y) add(y, c.members[1])
      }
    }
    let mutual = 0
    let total = 0
    for (const p of instance.programs) {
      for (const a of p.ranks) {
        total++
        if (rankedBy.get(p.id)?.has(a)) mutual++
      }
    }
    expect(mutual / total).toBeGreaterThan(0.9)
  })

  it('rejects impossible options', () => {
    expect(() => generateInstance({ applicants: 3, programs: 2, couples: 2 })).toThrow(RangeError)
    expect(() => generateInstance({ applicants: -1, programs: 2 })).toThrow(RangeError)
    expect(() => generateInstance({ applicants: 10, programs: 0 })).toThrow(RangeError)
  })
})
