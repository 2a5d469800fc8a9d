import { describe, expect, it } from 'vitest'
import type { RecommendMentor } from '#engines/recommend/index.ts'
import { MentorPool, type PooledMentor } from './mentor-pool.ts'

function pooled(id: string, engine: Partial<RecommendMentor> = {}, identity: PooledMentor['identity'] = []): PooledMentor {
  const mentor: RecommendMentor = {
    id,
    kind: 'faculty',
    departmentId: 'medicine',
    specialtyId: 'internal-medicine',
    subspecialty: '',
    clinicalSite: '',
    state: '',
    researchInterests: '',
    offers: [],
    capacity: 2,
    accepting: true,
    languages: ['English'],
    identity: [],
    ...engine,
  }
  return {
    engine: mentor,
    identity,
    identityVisibility: 'everyone',
    summary: { id, name: id, pronouns: null, kind: mentor.kind, specialtyName: null, departmentName: null, clinicalSite: '', offers: [], openPlaces: mentor.capacity, hasPhoto: false },
  }
}

const id = (i: number) => `m${String(i).padStart(5, '0')}`
const query = { studentId: 's1', specialtyInterests: ['dermatology'], goalWords: ['melanoma'], identity: [] as const }

describe('MentorPool', () => {
  it('never offers mentors who are not accepting or have no places', () => {
    const pool = new MentorPool()
    pool.upsert(pooled('a'))
    pool.upsert(pooled('b', { accepting: false }))
    pool.upsert(pooled('c', { capacity: 0 }))
    expect(pool.candidates(query).map((m) => m.engine.id)).toEqual(['a'])
    expect(pool.size).toBe(3)
  })

  it('scores a small pool whole', () => {
    const pool = new MentorPool()
    for (let i = 0; i < 50; i++) pool.upsert(pooled(id(i)))
    expect(pool.candidates(query, { fullScanMax: 100, sampleSize: 5, rotation: '' })).toHaveLength(50)
  })

  it('in a large pool, keeps every mentor in the specialty, the department, with a research word, and samples the rest', () => {
    const pool = new MentorPool()
    for (let i = 0; i < 1000; i++) pool.upsert(pooled(id(i)))
    pool.upsert(pooled('derm', { specialtyId: 'dermatology', departmentId: 'dermatology' }))
    pool.upsert(pooled('dept', { specialtyId: null, departmentId: 'dermatology' }))
    pool.upsert(pooled('words', { researchInterests: 'Melanomas in young adults' }))
    const limits = { fullScanMax: 100, sampleSize: 40, rotation: '2026-W41' }
    const picked = pool.candidates(query, limits).map((m) => m.engine.id)
    expect(picked).toEqual(expect.arrayContaining(['derm', 'dept', 'words']))
    expect(picked.length).toBeLessThanOrEqual(3 + 40)
    expect(new Set(picked).size).toBe(picked.length)
    // The same student and week give the same sample.
    expect(pool.candidates(query, limits).map((m) => m.engine.id)).toEqual(picked)
  })

  it('forgets a removed or changed mentor', () => {
    const pool = new MentorPool()
    for (let i = 0; i < 200; i++) pool.upsert(pooled(id(i)))
    pool.upsert(pooled('derm', { specialtyId: 'dermatology' }))
    const limits = { fullScanMax: 10, sampleSize: 0, rotation: '' }
    expect(pool.candidates(query, limits).map((m) => m.engine.id)).toContain('derm')
    pool.upsert(pooled('derm', { specialtyId: 'dermatology', accepting: false }))
    expect(pool.candidates(query, limits).map((m) => m.engine.id)).not.toContain('derm')
    pool.upsert(pooled('derm', { specialtyId: 'dermatology' }))
    pool.remove('derm')
    expect(pool.candidates(query, limits).map((m) => m.engine.id)).not.toContain('derm')
    expect(pool.get('derm')).toBeUndefined()
  })
})
