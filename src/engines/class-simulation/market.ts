/**
 * One draw of the simulated national market around a class: the programs of the specialties the
 * class ranks, competing applicants drawn from a model shaped like the NRMP's, and every
 * program's rank order list ordered by applicant strength plus noise.
 *
 * The model (docs/class-simulation.md, "The market"):
 * 1. A market keeps every program the class ranks and a random share of the others (scaled
 *    markets, `marketScaleOf`). Programs are grouped into markets by specialty; preliminary (PGY-1) programs form a market of
 *    their own. A market of `positions` positions gets `positions × applicantsPerPosition ×
 *    (0.7 + 0.6 × mean competitiveness)` applicants in all, the class's among them.
 * 2. A competing applicant has a type (NRMP shares) and a strength q ~ N(type mean, 1), and a
 *    home region. They apply to up to 25 of the market's programs at random, are interviewed
 *    with probability σ(2(q − Q) + 1.5), Q the program's quality, and rank up to a target
 *    length (≈ 12, fewer interviews for weaker applicants) by 0.5·Q + 0.8·[home region] + ε.
 * 3. The class's students rank what their rank order lists say (the programs interviewed them).
 * 4. A program ranks every applicant who ranked it, by q + 0.8·η, except those it leaves off:
 *    each with probability dropRate × 2σ(Q − q), so weaker applicants are more often left off.
 *
 * Pure and deterministic: the draw depends only on the input and the market's index.
 */
import { logistic } from '#engines/smart-pick/chance.ts'
import { REGIONS, type ResidencyProgram } from '#engines/smart-pick/index.ts'
import { createRandom, deriveSeed, type Random } from '#engines/match/random.ts'
import type { ApplicantInput, CoupleInput, CoupleRankLine, MatchInstance, ProgramInput } from '#engines/match/types.ts'
import { qualityOf, strengthOf, TYPE_SHARES, TYPE_STRENGTH } from './strength.ts'
import type { ClassSimulationInput, ClassStudent } from './types.ts'

export const MARKET_DEFAULTS = { applicantsPerPosition: 1.09, dropRate: 0.15, applications: 25, meanListLength: 12, targetPositions: 12_000 } as const

/**
 * Share of the programs the class does not rank that a market keeps (`options.marketScale`, or
 * enough for about `targetPositions` positions in all). A scaled market keeps each program's
 * competition: applicants are drawn per position kept, and apply only to programs kept.
 */
export function marketScaleOf(input: ClassSimulationInput): number {
  if (input.options.marketScale !== undefined) return Math.min(1, Math.max(0, input.options.marketScale))
  const ranked = rankedProgramIds(input)
  let rankedPositions = 0
  let otherPositions = 0
  for (const p of input.programs) {
    if (ranked.has(p.id)) rankedPositions += Math.max(0, p.positions)
    else otherPositions += Math.max(0, p.positions)
  }
  if (otherPositions === 0) return 1
  return Math.min(1, Math.max(0, (MARKET_DEFAULTS.targetPositions - rankedPositions) / otherPositions))
}

/** Every program on a student's primary or supplemental list. */
export function rankedProgramIds(input: ClassSimulationInput): Set<string> {
  const ids = new Set<string>()
  for (const s of input.students) {
    for (const id of s.primary) if (id !== null) ids.add(id)
    for (const list of s.supplemental) {
      ids.add(list.advanced)
      for (const id of list.ranks) ids.add(id)
    }
  }
  return ids
}

export type Market = {
  instance: MatchInstance
  /** Applicant ids of the class's students (couple members included), in input order. */
  studentIds: string[]
  applicants: number
  positions: number
  markets: number
  /** Programs in this draw. */
  programs: number
  scale: number
}

/** Market key of a program: its specialty, or `pgy1:<specialty>` for a preliminary program. */
export function marketKeyOf(program: ResidencyProgram): string {
  return program.track === 'preliminary' ? `pgy1:${program.specialty}` : program.specialty
}

/** The primary list and supplemental lists of a student, reduced to programs in the market. */
export function cleanLists(student: ClassStudent, known: ReadonlyMap<string, ResidencyProgram>) {
  const primary = student.primary.filter((id) => id === null || known.has(id))
  const onPrimary = new Set(primary.filter((id): id is string => id !== null))
  const seen = new Set<string>()
  const supplemental: { advanced: string; ranks: string[] }[] = []
  for (const list of student.supplemental) {
    const advanced = known.get(list.advanced)
    if (advanced?.track !== 'advanced' || !onPrimary.has(list.advanced) || seen.has(list.advanced)) continue
    seen.add(list.advanced)
    const ranks = [...new Set(list.ranks)].filter((id) => {
      const p = known.get(id)
      return p !== undefined && p.track !== 'advanced'
    })
    if (ranks.length > 0) supplemental.push({ advanced: list.advanced, ranks })
  }
  return { primary, supplemental }
}

type Ranked = { applicant: string; score: number }

/** Builds market number `index` of the simulation. */
export function buildMarket(input: ClassSimulationInput, index: number): Market {
  const options = input.options
  const applicantsPerPosition = options.applicantsPerPosition ?? MARKET_DEFAULTS.applicantsPerPosition
  const dropRate = options.dropRate ?? MARKET_DEFAULTS.dropRate
  const random = createRandom(deriveSeed(`${String(options.seed)}:market`, index))

  const allKnown = new Map(input.programs.map((p) => [p.id, p]))
  // Programs in this draw: all the class ranks, and a random share `scale` of the others.
  const scale = marketScaleOf(input)
  const ranked = rankedProgramIds(input)
  const known = new Map<string, ResidencyProgram>()
  for (const id of [...allKnown.keys()].sort()) {
    if (ranked.has(id) || scale >= 1 || random.next() < scale) known.set(id, allKnown.get(id) as ResidencyProgram)
  }
  const programIds = [...known.keys()]
  const quality = new Map(programIds.map((id) => [id, qualityOf(known.get(id) as ResidencyProgram)]))
  const groups = new Map<string, string[]>()
  for (const id of programIds) {
    const key = marketKeyOf(known.get(id) as ResidencyProgram)
    const group = groups.get(key)
    if (group) group.push(id)
    else groups.set(key, [id])
  }
  const lists = new Map<string, Ranked[]>(programIds.map((id) => [id, []]))
  // Programs rank whoever ranked them; callers add an applicant once per program.
  const addCandidate = (programId: string, applicant: string, strength: number, noise: Random, Q = quality.get(programId) as number) => {
    const list = lists.get(programId) as Ranked[]
    if (noise.next() < dropRate * 2 * logistic(Q - strength)) return
    list.push({ applicant, score: strength + 0.8 * noise.normal() })
  }

  // The class.
  const studentIds: string[] = []
  const classInMarket = new Map<string, number>()
  const applicants: ApplicantInput[] = []
  const couples: CoupleInput[] = []
  const coupled = new Map<string, string>()
  for (const couple of input.couples ?? []) {
    coupled.set(couple.members[0], couple.members[1])
    coupled.set(couple.members[1], couple.members[0])
  }
  const byId = new Map(input.students.map((s) => [s.id, s]))
  const cleaned = new Map(input.students.map((s) => [s.id, cleanLists(s, known)]))
  for (const student of input.students) {
    studentIds.push(student.id)
    const lists = cleaned.get(student.id) as ReturnType<typeof cleanLists>
    const all = new Set<string>()
    for (const id of lists.primary) if (id !== null) all.add(id)
    for (const s of lists.supplemental) for (const id of s.ranks) all.add(id)
    for (const id of all) {
      const program = known.get(id) as ResidencyProgram
      // One stream per student and program, so a longer list leaves the other draws alone.
      const own = createRandom(deriveSeed(`${String(options.seed)}:market:${index}:${student.id}:${id}`, 0))
      addCandidate(id, student.id, strengthOf(student.profile, program.specialty), own)
    }
    const first = lists.primary.find((id): id is string => id !== null)
    if (first) {
      const key = marketKeyOf(known.get(first) as ResidencyProgram)
      classInMarket.set(key, (classInMarket.get(key) ?? 0) + 1)
    }
    const partner = coupled.get(student.id)
    const supplemental = lists.supplemental.map((s) => ({ for: [s.advanced], ranks: s.ranks }))
    if (partner !== undefined && byId.has(partner)) {
      applicants.push({ id: student.id, ranks: [], ...(supplemental.length > 0 ? { supplemental } : {}) })
      if (student.id < partner) {
        const mine = lists.primary
        const theirs = (cleaned.get(partner) as ReturnType<typeof cleanLists>).primary
        const ranks: CoupleRankLine[] = []
        for (let line = 0; line < Math.max(mine.length, theirs.length); line++) {
          const a = mine[line] ?? null
          const b = theirs[line] ?? null
          if (a !== null || b !== null) ranks.push([a, b])
        }
        couples.push({ id: `couple:${student.id}:${partner}`, members: [student.id, partner], ranks })
      }
    } else {
      const primary = [...new Set(lists.primary.filter((id): id is string => id !== null))]
      applicants.push({ id: student.id, ranks: primary, ...(supplemental.length > 0 ? { supplemental } : {}) })
    }
  }

  // The rest of the market, one group at a time.
  let positions = 0
  let competitors = 0
  const perm: number[] = []
  for (const [key, ids] of groups) {
    const programs = ids.map((id) => known.get(id) as ResidencyProgram)
    const qualities = Float64Array.from(ids, (id) => quality.get(id) as number)
    const regions = programs.map((p) => p.region)
    const groupPositions = programs.reduce((n, p) => n + Math.max(0, p.positions), 0)
    positions += groupPositions
    const meanCompetitiveness = programs.reduce((s, p) => s + p.competitiveness, 0) / Math.max(1, programs.length)
    const count = Math.max(0, Math.round(groupPositions * applicantsPerPosition * (0.7 + 0.6 * meanCompetitiveness)) - (classInMarket.get(key) ?? 0))
    perm.length = 0
    for (let i = 0; i < ids.length; i++) perm.push(i)
    const typeWeights = TYPE_SHARES.map((t) => t.share)
    for (let c = 0; c < count; c++) {
      const type = (TYPE_SHARES[random.weighted(typeWeights)] as (typeof TYPE_SHARES)[number]).type
      const q = TYPE_STRENGTH[type] + random.normal()
      const home = REGIONS[random.int(REGIONS.length)]
      const target = Math.max(1, Math.min(30, Math.round(MARKET_DEFAULTS.meanListLength + 4 * random.normal())))
      const apply = Math.min(ids.length, MARKET_DEFAULTS.applications)
      const interviews: { program: number; utility: number }[] = []
      for (let k = 0; k < apply; k++) {
        const j = k + random.int(ids.length - k)
        const t = perm[k] as number
        perm[k] = perm[j] as number
        perm[j] = t
        const program = perm[k] as number
        const Q = qualities[program] as number
        if (random.next() < logistic(2 * (q - Q) + 1.5)) {
          interviews.push({ program, utility: 0.5 * Q + (regions[program] === home ? 0.8 : 0) + random.normal() })
        }
      }
      if (interviews.length === 0) continue
      interviews.sort((a, b) => b.utility - a.utility)
      const id = `~${key}~${c}`
      const ranks: string[] = []
      for (let k = 0; k < Math.min(target, interviews.length); k++) {
        const program = (interviews[k] as (typeof interviews)[number]).program
        ranks.push(ids[program] as string)
        addCandidate(ids[program] as string, id, q, random, qualities[program] as number)
      }
      applicants.push({ id, ranks })
      competitors++
    }
  }

  const programInputs: ProgramInput[] = programIds.map((id) => {
    const program = known.get(id) as ResidencyProgram
    const ranked = (lists.get(id) as Ranked[]).sort((a, b) => b.score - a.score || (a.applicant < b.applicant ? -1 : 1))
    return { id, capacity: Math.max(0, program.positions), track: program.track, ranks: ranked.map((r) => r.applicant) }
  })
  return {
    instance: { programs: programInputs, applicants, couples },
    studentIds,
    applicants: competitors + input.students.length,
    positions,
    markets: groups.size,
    programs: programIds.length,
    scale,
  }
}
