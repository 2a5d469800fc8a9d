import { describe, expect, it } from 'vitest'
import {
  recommendBounds,
  recommendMentors,
  type RecommendContext,
  type RecommendMentor,
  type RecommendStudent,
  type ResponseStats,
} from '#engines/recommend/index.ts'
import { CLASS_YEARS, IDENTITY_ATTRIBUTES, MENTOR_KINDS, MENTOR_OFFERINGS } from '#shared/enums.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
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
    summary: {
      id,
      name: id,
      pronouns: null,
      kind: mentor.kind,
      specialtyName: null,
      departmentName: null,
      clinicalSite: '',
      offers: [],
      openPlaces: mentor.capacity,
      hasPhoto: false,
    },
  }
}

/** A small seeded generator (mulberry32), so the large cases are the same on every run. */
function seeded(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T
  const some = <T>(xs: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(next() * (max + 1)) }, () => pick(xs)))]
  return { next, pick, some }
}

const WORDS = [
  'oncology',
  'global',
  'outcomes',
  'rural',
  'immunology',
  'education',
  'trauma',
  'genetics',
  'health',
  'policy',
  'sepsis',
  'communities',
  'melanoma',
  'equity',
  'the',
  'and',
  'studies',
]
const SPECIALTY_IDS = SPECIALTIES.slice(0, 10).map((s) => s.id)
const STATES = ['OH', 'MI', 'CA', 'NY', 'TX', '']
const SITES = ['University Hospital', 'Veterans Medical Center', 'Children’s Hospital', '']

function generatePool(count: number, seed: number): { pool: MentorPool; mentors: RecommendMentor[] } {
  const r = seeded(seed)
  const pool = new MentorPool()
  const mentors: RecommendMentor[] = []
  for (let i = 0; i < count; i++) {
    const specialtyId = r.next() < 0.1 ? null : r.pick(SPECIALTY_IDS)
    const m = pooled(
      `m${String(i).padStart(5, '0')}`,
      {
        kind: r.pick(MENTOR_KINDS),
        specialtyId,
        departmentId: specialtyId ? (SPECIALTIES.find((s) => s.id === specialtyId)?.departmentId ?? null) : r.next() < 0.5 ? 'surgery' : null,
        subspecialty: r.next() < 0.3 ? `${r.pick(WORDS)} medicine` : '',
        researchInterests: r.some(WORDS, 6).join(', '),
        clinicalSite: r.pick(SITES),
        state: r.pick(STATES),
        offers: r.some(MENTOR_OFFERINGS, 5),
        capacity: Math.floor(r.next() * 4),
        accepting: r.next() < 0.85,
        languages: ['English', ...r.some(['Spanish', 'Mandarin', 'Tagalog'], 1)],
      },
      r.some(IDENTITY_ATTRIBUTES, 2),
    )
    pool.upsert(m)
    if (m.engine.accepting && m.engine.capacity >= 1) mentors.push(m.engine)
  }
  return { pool, mentors }
}

function student(seed: number): RecommendStudent {
  const r = seeded(seed)
  return {
    id: `s${seed}`,
    classYear: r.pick(CLASS_YEARS),
    specialtyInterests: r.some(SPECIALTY_IDS, 3),
    careerGoals: `I hope to work on ${r.some(WORDS, 5).join(' and ')}${r.next() < 0.3 ? ' with Spanish speakers' : ''}`,
    helpWanted: r.some(MENTOR_OFFERINGS, 4),
    identity: [],
    wantsIdentityAlignedMentor: false,
  }
}

/** Penalties and load spreading on some mentors, so scores fall below their bounds. */
function context(mentors: readonly RecommendMentor[], seed: number): RecommendContext {
  const r = seeded(seed)
  const demand: Record<string, number> = {}
  const responseStats: Record<string, ResponseStats> = {}
  const openPlaces: Record<string, number> = {}
  for (const m of mentors) {
    if (r.next() < 0.1) demand[m.id] = Math.floor(r.next() * 20)
    if (r.next() < 0.1)
      responseStats[m.id] = {
        medianHoursToAnswer: r.next() < 0.2 ? null : Math.floor(r.next() * 300),
        unansweredShare: r.next(),
        requests: 1 + Math.floor(r.next() * 10),
      }
    if (r.next() < 0.05) openPlaces[m.id] = 0
  }
  return { demand, responseStats, openPlaces, declined: mentors.slice(0, 5).map((m) => m.id), rotation: '2026-W41' }
}

describe('MentorPool.bestFirst', () => {
  it('never offers mentors who are not accepting or have no places', async () => {
    const pool = new MentorPool()
    pool.upsert(pooled('a'))
    pool.upsert(pooled('b', { accepting: false }))
    pool.upsert(pooled('c', { capacity: 0 }))
    const s = student(1)
    const { ranked } = await pool.bestFirst(recommendBounds(s), 10, (batch) =>
      recommendMentors(
        s,
        batch.map((m) => m.engine),
        { limit: 10 },
      ),
    )
    expect(ranked.map((r) => r.mentorId)).toEqual(['a'])
    expect(pool.size).toBe(3)
  })

  it('gives exactly the ranking of scoring everyone, on 3,000 mentors, while scoring a fraction of them', async () => {
    const { pool, mentors } = generatePool(3_000, 11)
    let scoredTotal = 0
    for (let k = 0; k < 25; k++) {
      const s = student(100 + k)
      const ctx = context(mentors, 200 + k)
      const limit = k % 5 === 0 ? 50 : 20
      const everyone = recommendMentors(s, mentors, { ...ctx, limit })
      const limits = { fullScanMax: 100, batchSize: 100 }
      const { ranked, scored } = await pool.bestFirst(
        recommendBounds(s, ctx),
        limit,
        (batch) =>
          recommendMentors(
            s,
            batch.map((m) => m.engine),
            { ...ctx, limit },
          ),
        { limits },
      )
      expect(ranked, s.careerGoals).toEqual(everyone)
      scoredTotal += scored
    }
    expect(scoredTotal / 25).toBeLessThan(mentors.length / 2)
  })

  it('ranks only the mentors asked for, exactly', async () => {
    const { pool, mentors } = generatePool(2_000, 12)
    const only = new Set(mentors.filter((_, i) => i % 3 === 0).map((m) => m.id))
    const s = student(7)
    const everyone = recommendMentors(
      s,
      mentors.filter((m) => only.has(m.id)),
      { limit: 30 },
    )
    const { ranked } = await pool.bestFirst(
      recommendBounds(s),
      30,
      (batch) =>
        recommendMentors(
          s,
          batch.map((m) => m.engine),
          { limit: 30 },
        ),
      { only, limits: { fullScanMax: 10, batchSize: 50 } },
    )
    expect(ranked).toEqual(everyone)
  })

  it('forgets a removed or changed mentor', async () => {
    const pool = new MentorPool()
    for (let i = 0; i < 200; i++) pool.upsert(pooled(`m${i}`))
    pool.upsert(pooled('derm', { specialtyId: 'dermatology' }))
    const s: RecommendStudent = { ...student(1), specialtyInterests: ['dermatology'] }
    const top = async () =>
      (
        await pool.bestFirst(
          recommendBounds(s),
          5,
          (batch) =>
            recommendMentors(
              s,
              batch.map((m) => m.engine),
              { limit: 5 },
            ),
          { limits: { fullScanMax: 10, batchSize: 5 } },
        )
      ).ranked.map((r) => r.mentorId)
    expect(await top()).toContain('derm')
    pool.upsert(pooled('derm', { specialtyId: 'dermatology', accepting: false }))
    expect(await top()).not.toContain('derm')
    pool.upsert(pooled('derm', { specialtyId: 'dermatology' }))
    pool.remove('derm')
    expect(await top()).not.toContain('derm')
    expect(pool.get('derm')).toBeUndefined()
  })
})
