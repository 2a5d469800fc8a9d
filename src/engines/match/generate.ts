/**
 * A synthetic, seeded residency-match instance shaped like the NRMP Main Residency Match
 * (figures in `docs/data/residency-facts.md`): specialties with their share of positions,
 * skewed program sizes, popular and less popular programs, ≈ 12 ranks per applicant, programs
 * that rank the applicants they interviewed, couples, advanced programs with supplemental
 * PGY-1 lists, and reversions between sibling tracks of one program.
 *
 * The model, in order:
 * 1. Each specialty gets a share of the positions (NRMP 2025) and an average program size;
 *    program sizes are log-normal, scaled so that positions ≈ `positionsPerApplicant` ×
 *    applicants. Each program has a latent quality Q ~ N(0, 1) and one of nine regions.
 * 2. Each applicant has a type (U.S. MD, DO, IMG) with its own mean quality q, a home region
 *    and a preferred specialty drawn by positions × demand (competitive specialties are
 *    over-subscribed, family medicine under-subscribed).
 * 3. An applicant "applies" to a sample of the specialty's programs, is interviewed with
 *    probability σ(2(q − Q) + 1.5), and ranks the interviews by u = 0.5·Q + 0.8·[same region]
 *    + ε, keeping a target list length that averages ≈ 12. Weak applicants get fewer
 *    interviews and so shorter lists, as in the NRMP data. The weights are tuned so that at
 *    national scale ≈ 80 % of applicants match, ≈ 93 % of positions fill, and of matched
 *    applicants ≈ 45 % get their first choice and ≈ 75 % one of their top three.
 * 4. An applicant who ranks an advanced (PGY-2) program also submits a supplemental list of
 *    preliminary / transitional programs. Some applicants to competitive specialties add a
 *    few backup programs from a less competitive one.
 * 5. Couples: both partners build lists as above; their joint list pairs programs in the same
 *    region (then any region), ordered by summed utility, with a few lines where one partner
 *    takes "No Match". Partners keep empty individual lists.
 * 6. A program ranks the applicants who ranked it (individually, jointly or on a supplemental
 *    list), except ≈ 15 % it chose not to rank, plus a few applicants who did not rank it,
 *    ordered by q + 0.8·η.
 *
 * Pure: the output depends only on the options.
 */
import { createRandom, type Random } from './random.ts'
import type { ApplicantInput, CoupleInput, CoupleRankLine, MatchInstance, ProgramInput, ProgramTrack } from './types.ts'

export type GenerateOptions = {
  applicants: number
  programs: number
  couples?: number
  seed?: number | string
  /** Total positions as a multiple of applicants (NRMP: ≈ 43,237 / 47,208 ≈ 0.92). */
  positionsPerApplicant?: number
  /** Mean target length of an applicant's rank order list before interview losses. */
  meanRankLength?: number
  /** Share of programs that rank applicants who did not rank them (those extra names). */
  extraRankRate?: number
  /** Share of a program's applicants it leaves off its list. */
  dropRankRate?: number
}

type Sibling = { suffix: string; track: ProgramTrack; share: number; reverts: number }

type Specialty = {
  code: string
  /** Share of all positions (NRMP 2025, rounded). */
  share: number
  averageSize: number
  track: ProgramTrack
  /** Applicant interest relative to positions. */
  demand: number
  /** Sibling tracks of some programs (e.g. a preliminary or advanced track of the same program). */
  siblings?: Sibling[]
  /** Backup specialty for applicants who add a safety net. */
  backup?: string
  /** Only used for PGY-1 years (supplemental lists and backups), never a primary choice. */
  pgy1Only?: boolean
}

/**
 * Positions by specialty, NRMP 2025 (ACS, Physician's Weekly, NRMP data tables), rounded;
 * sibling tracks take `share` of their specialty's programs and their own positions.
 */
export const SPECIALTIES: readonly Specialty[] = [
  {
    code: 'IM',
    share: 0.245,
    averageSize: 16,
    track: 'categorical',
    demand: 1.0,
    siblings: [
      { suffix: 'P', track: 'preliminary', share: 0.3, reverts: 0.6 },
      { suffix: 'R', track: 'reserved', share: 0.05, reverts: 1 },
    ],
  },
  {
    code: 'FM',
    share: 0.124,
    averageSize: 7,
    track: 'categorical',
    demand: 0.72,
    siblings: [{ suffix: 'R', track: 'reserved', share: 0.04, reverts: 1 }],
  },
  { code: 'PD', share: 0.074, averageSize: 12, track: 'categorical', demand: 0.95, backup: 'FM' },
  { code: 'EM', share: 0.069, averageSize: 10, track: 'categorical', demand: 0.95, backup: 'FM' },
  { code: 'PSY', share: 0.053, averageSize: 8, track: 'categorical', demand: 1.1, backup: 'FM' },
  {
    code: 'GS',
    share: 0.041,
    averageSize: 6,
    track: 'categorical',
    demand: 1.35,
    backup: 'GS',
    siblings: [{ suffix: 'P', track: 'preliminary', share: 0.55, reverts: 0.3 }],
  },
  { code: 'OB', share: 0.037, averageSize: 5, track: 'categorical', demand: 1.2, backup: 'FM' },
  {
    code: 'AN',
    share: 0.036,
    averageSize: 10,
    track: 'categorical',
    demand: 1.2,
    backup: 'IM',
    siblings: [{ suffix: 'A', track: 'advanced', share: 0.35, reverts: 0.8 }],
  },
  { code: 'DR', share: 0.028, averageSize: 7, track: 'advanced', demand: 1.15, backup: 'IM' },
  {
    code: 'NEU',
    share: 0.019,
    averageSize: 6,
    track: 'categorical',
    demand: 1.0,
    backup: 'IM',
    siblings: [{ suffix: 'A', track: 'advanced', share: 0.3, reverts: 0.8 }],
  },
  { code: 'TY', share: 0.039, averageSize: 9, track: 'preliminary', demand: 0, pgy1Only: true },
  { code: 'PTH', share: 0.014, averageSize: 5, track: 'categorical', demand: 0.8 },
  { code: 'ORS', share: 0.021, averageSize: 5, track: 'categorical', demand: 1.45, backup: 'GS' },
  { code: 'MPD', share: 0.009, averageSize: 4, track: 'categorical', demand: 1.0, backup: 'IM' },
  { code: 'ENT', share: 0.009, averageSize: 3, track: 'categorical', demand: 1.4, backup: 'GS' },
  { code: 'DER', share: 0.012, averageSize: 4, track: 'advanced', demand: 1.7, backup: 'IM' },
  { code: 'PMR', share: 0.012, averageSize: 5, track: 'advanced', demand: 0.95, backup: 'IM' },
  { code: 'NS', share: 0.006, averageSize: 2, track: 'categorical', demand: 1.45, backup: 'GS' },
  { code: 'PS', share: 0.005, averageSize: 2, track: 'categorical', demand: 1.7, backup: 'GS' },
  { code: 'RO', share: 0.004, averageSize: 3, track: 'advanced', demand: 0.7, backup: 'IM' },
  { code: 'VS', share: 0.0024, averageSize: 2, track: 'categorical', demand: 1.3, backup: 'GS' },
  { code: 'TS', share: 0.0012, averageSize: 2, track: 'categorical', demand: 1.3, backup: 'GS' },
]

/** Census divisions: where programs are and where applicants would like to live. */
const REGION_WEIGHTS = [0.05, 0.16, 0.16, 0.07, 0.19, 0.06, 0.11, 0.07, 0.13]

/** Applicant types: share of ranking applicants and mean latent quality. */
const APPLICANT_TYPES = [
  { share: 0.46, meanQuality: 0.55 }, // U.S. MD seniors and graduates
  { share: 0.19, meanQuality: 0.35 }, // U.S. DO
  { share: 0.35, meanQuality: -0.75 }, // international graduates
]

type GeneratedProgram = {
  id: string
  specialty: number
  track: ProgramTrack
  capacity: number
  quality: number
  region: number
  revertTo?: string
}

type GeneratedApplicant = {
  id: string
  specialty: number
  quality: number
  region: number
  ranks: number[]
  supplemental: number[]
}

/**
 * A synthetic match instance. At national scale use `{ applicants: 45000, programs: 6400,
 * couples: 1200 }`; the positions total ≈ 0.93 × applicants.
 */
export function generateInstance(options: GenerateOptions): MatchInstance {
  const applicantCount = checkCount('applicants', options.applicants)
  const programCount = checkCount('programs', options.programs)
  const coupleCount = checkCount('couples', options.couples ?? 0)
  if (coupleCount * 2 > applicantCount) {
    throw new RangeError(`couples (${coupleCount}) need ${coupleCount * 2} applicants, only ${applicantCount}`)
  }
  if (programCount < 1) throw new RangeError('programs must be at least 1')
  const random = createRandom(options.seed ?? 1)
  const positionsPerApplicant = options.positionsPerApplicant ?? 0.93
  const meanRankLength = options.meanRankLength ?? 12
  const extraRankRate = options.extraRankRate ?? 0.03
  const dropRankRate = options.dropRankRate ?? 0.15

  const programs = buildPrograms(random, programCount, Math.max(1, Math.round(applicantCount * positionsPerApplicant)))
  const bySpecialty = groupProgramsBySpecialty(programs)
  const pgy1Programs = programs
    .map((program, index) => ({ program, index }))
    .filter(({ program }) => program.track === 'preliminary')
    .map(({ index }) => index)

  // Applicants and their individual preferences.
  const specialtyWeights = SPECIALTIES.map((s, i) => (s.pgy1Only || (bySpecialty[i]?.primary.length ?? 0) === 0 ? 0 : s.share * s.demand))
  const applicants: GeneratedApplicant[] = []
  for (let a = 0; a < applicantCount; a++) {
    const type = APPLICANT_TYPES[random.weighted(APPLICANT_TYPES.map((t) => t.share))]!
    const specialty = random.weighted(specialtyWeights)
    const applicant: GeneratedApplicant = {
      id: `A${pad(a + 1, 6)}`,
      specialty,
      quality: type.meanQuality + random.normal() * 0.8,
      region: random.weighted(REGION_WEIGHTS),
      ranks: [],
      supplemental: [],
    }
    applicants.push(applicant)
  }

  // Couples: distinct random applicants, paired in draw order.
  const coupled = new Int32Array(applicantCount).fill(-1)
  const coupleMembers: [number, number][] = []
  if (coupleCount > 0) {
    const order = random.shuffle(Array.from({ length: applicantCount }, (_, i) => i))
    for (let c = 0; c < coupleCount; c++) {
      const first = order[2 * c]!
      const second = order[2 * c + 1]!
      coupled[first] = c
      coupled[second] = c
      // Partners usually share a home region.
      applicants[second]!.region = applicants[first]!.region
      coupleMembers.push(first < second ? [first, second] : [second, first])
    }
  }

  const utilities = new Map<number, number>()
  for (let a = 0; a < applicantCount; a++) {
    const applicant = applicants[a]!
    const isCoupled = coupled[a]! >= 0
    const target = rankLength(random, meanRankLength)
    const list = chooseRanks(random, applicant, bySpecialty[applicant.specialty]!.primary, programs, target, isCoupled ? utilities : null, a)
    // A safety net: some applicants to competitive specialties add programs of a backup one.
    const backupCode = SPECIALTIES[applicant.specialty]!.backup
    if (backupCode && !isCoupled && random.next() < 0.22) {
      const backup = specialtyIndex(backupCode)
      const pool = backupCode === 'GS' && applicant.specialty === specialtyIndex('GS') ? bySpecialty[backup]!.pgy1 : bySpecialty[backup]!.primary
      const extra = chooseRanks(random, applicant, pool, programs, 2 + random.int(4), null, a)
      for (const p of extra) if (!list.includes(p)) list.push(p)
    }
    applicant.ranks = list
    if (list.some((p) => programs[p]!.track === 'advanced')) {
      applicant.supplemental = chooseRanks(random, applicant, pgy1Programs, programs, 3 + random.int(6), null, a)
    }
  }

  // Joint lists.
  const couples: { id: string; members: [number, number]; lines: [number | null, number | null][] }[] = []
  for (let c = 0; c < coupleMembers.length; c++) {
    const [first, second] = coupleMembers[c]!
    const lines = jointLines(random, applicants[first]!, applicants[second]!, programs, utilities, first, second)
    const couple = { id: `C${pad(c + 1, 5)}`, members: [first, second] as [number, number], lines }
    couples.push(couple)
    // The partners' individual lists were only the raw material of the joint list; a partner
    // keeps a supplemental list only if the joint list names an advanced program.
    for (const member of couple.members) {
      if (advancedInLines(couple, member, programs).length === 0) applicants[member]!.supplemental = []
    }
  }

  // Who ranked each program (individually, on a supplemental list, or jointly).
  const rankedBy: number[][] = programs.map(() => [])
  for (let a = 0; a < applicantCount; a++) {
    if (coupled[a]! >= 0) continue
    const applicant = applicants[a]!
    for (const p of applicant.ranks) rankedBy[p]!.push(a)
    for (const p of applicant.supplemental) rankedBy[p]!.push(a)
  }
  for (const couple of couples) {
    const seen = [new Set<number>(), new Set<number>()]
    for (const line of couple.lines) {
      for (let side = 0; side < 2; side++) {
        const p = line[side]
        if (p === null || p === undefined || seen[side]!.has(p)) continue
        seen[side]!.add(p)
        rankedBy[p]!.push(couple.members[side]!)
      }
    }
    for (const member of couple.members) {
      for (const p of applicants[member]!.supplemental) rankedBy[p]!.push(member)
    }
  }

  const specialtyApplicants: number[][] = SPECIALTIES.map(() => [])
  for (let a = 0; a < applicantCount; a++) specialtyApplicants[applicants[a]!.specialty]!.push(a)

  const programRanks: number[][] = []
  for (let p = 0; p < programs.length; p++) {
    const program = programs[p]!
    const names = new Set<number>()
    for (const a of rankedBy[p]!) if (random.next() >= dropRankRate) names.add(a)
    // A few applicants who did not rank the program (it interviewed them; they ranked others).
    const pool = specialtyApplicants[program.specialty]!
    const extras = pool.length === 0 ? 0 : Math.round(rankedBy[p]!.length * extraRankRate * 2 * random.next())
    for (let k = 0; k < extras; k++) names.add(pool[random.int(pool.length)]!)
    const scored = [...names].map((a) => ({ a, score: applicants[a]!.quality + 0.8 * random.normal() }))
    scored.sort((x, y) => y.score - x.score || x.a - y.a)
    programRanks.push(scored.map((s) => s.a))
  }

  const programInputs: ProgramInput[] = programs.map((program, p) => {
    const input: ProgramInput = {
      id: program.id,
      capacity: program.capacity,
      ranks: programRanks[p]!.map((a) => applicants[a]!.id),
    }
    if (program.track !== 'categorical') input.track = program.track
    if (program.revertTo !== undefined) input.revertTo = program.revertTo
    return input
  })
  const applicantInputs: ApplicantInput[] = applicants.map((applicant, a) => {
    const input: ApplicantInput = {
      id: applicant.id,
      ranks: coupled[a]! >= 0 ? [] : applicant.ranks.map((p) => programs[p]!.id),
    }
    if (applicant.supplemental.length > 0) {
      const advanced = coupled[a]! >= 0 ? advancedInLines(couples[coupled[a]!]!, a, programs) : applicant.ranks.filter((p) => programs[p]!.track === 'advanced')
      if (advanced.length > 0) {
        input.supplemental = [{ for: advanced.map((p) => programs[p]!.id), ranks: applicant.supplemental.map((p) => programs[p]!.id) }]
      }
    }
    return input
  })
  const coupleInputs: CoupleInput[] = couples.map((couple) => ({
    id: couple.id,
    members: [applicants[couple.members[0]]!.id, applicants[couple.members[1]]!.id],
    ranks: couple.lines.map(([x, y]): CoupleRankLine => [x === null ? null : programs[x]!.id, y === null ? null : programs[y]!.id]),
  }))

  const instance: MatchInstance = { programs: programInputs, applicants: applicantInputs }
  if (coupleInputs.length > 0) instance.couples = coupleInputs
  return instance
}

function checkCount(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`)
  return value
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function specialtyIndex(code: string): number {
  const index = SPECIALTIES.findIndex((s) => s.code === code)
  if (index < 0) throw new Error(`unknown specialty ${code}`)
  return index
}

/** Target list length: log-normal around the mean, between 1 and 40. */
function rankLength(random: Random, mean: number): number {
  const value = Math.round(mean * Math.exp(0.45 * random.normal() - 0.1))
  return Math.min(40, Math.max(1, value))
}

function buildPrograms(random: Random, programCount: number, positions: number): GeneratedProgram[] {
  // Programs per specialty ∝ positions / average size, counting sibling tracks as programs.
  // Small instances keep only the specialties that would get at least three programs (always
  // internal medicine), so every specialty has a market of its own.
  const tracksPer = SPECIALTIES.map((s) => 1 + (s.siblings ?? []).reduce((n, x) => n + x.share, 0))
  const raw = SPECIALTIES.map((s, i) => (s.share / s.averageSize) * tracksPer[i]!)
  const fullTotal = raw.reduce((n, x) => n + x, 0)
  const active = SPECIALTIES.map((s, i) => s.code === 'IM' || (raw[i]! / fullTotal) * programCount >= 3)
  const rawTotal = raw.reduce((n, x, i) => n + (active[i] ? x : 0), 0)
  const baseCounts = SPECIALTIES.map((_, i) => (active[i] ? Math.max(1, Math.round(((raw[i]! / rawTotal) * programCount) / tracksPer[i]!)) : 0))
  const programs: GeneratedProgram[] = []
  const weights: number[] = []
  for (let si = 0; si < SPECIALTIES.length; si++) {
    const specialty = SPECIALTIES[si]!
    for (let k = 0; k < baseCounts[si]!; k++) {
      const id = `${specialty.code}-${pad(k + 1, 4)}`
      const quality = random.normal()
      const region = random.weighted(REGION_WEIGHTS)
      // Log-normal sizes; better programs are a little larger.
      const size = Math.exp(0.6 * random.normal() + 0.15 * quality)
      programs.push({ id, specialty: si, track: specialty.track, capacity: 0, quality, region })
      weights.push(size)
      for (const sibling of specialty.siblings ?? []) {
        if (random.next() >= sibling.share) continue
        const program: GeneratedProgram = {
          id: `${id}${sibling.suffix}`,
          specialty: si,
          track: sibling.track,
          capacity: 0,
          quality: quality + 0.3 * random.normal(),
          region,
        }
        if (random.next() < sibling.reverts) program.revertTo = id
        programs.push(program)
        weights.push(size * (sibling.track === 'reserved' ? 0.3 : 0.5))
      }
    }
  }
  // Capacities: each specialty's share of the positions, split by size weight (at least 1).
  const bySpecialtyWeight = SPECIALTIES.map(() => 0)
  programs.forEach((p, i) => {
    bySpecialtyWeight[p.specialty]! += weights[i]!
  })
  const shareTotal = SPECIALTIES.reduce((n, s, i) => n + (baseCounts[i]! > 0 ? s.share : 0), 0)
  programs.forEach((p, i) => {
    const specialtyPositions = (SPECIALTIES[p.specialty]!.share / shareTotal) * positions
    const exact = (weights[i]! / bySpecialtyWeight[p.specialty]!) * specialtyPositions
    // Stochastic rounding keeps the expected total right at every scale.
    const floor = Math.floor(exact)
    p.capacity = Math.max(1, floor + (random.next() < exact - floor ? 1 : 0))
  })
  return programs
}

type SpecialtyPrograms = { primary: number[]; pgy1: number[] }

function groupProgramsBySpecialty(programs: GeneratedProgram[]): SpecialtyPrograms[] {
  const groups: SpecialtyPrograms[] = SPECIALTIES.map(() => ({ primary: [], pgy1: [] }))
  programs.forEach((program, index) => {
    const group = groups[program.specialty]!
    if (program.track === 'preliminary') group.pgy1.push(index)
    else group.primary.push(index)
  })
  return groups
}

/**
 * An applicant's ranks among `pool`: apply to a sample, get interviews by quality, rank the
 * interviews by utility. Utilities of coupled applicants are recorded for the joint list.
 */
function chooseRanks(
  random: Random,
  applicant: GeneratedApplicant,
  pool: readonly number[],
  programs: readonly GeneratedProgram[],
  target: number,
  utilities: Map<number, number> | null,
  applicantIndex: number,
): number[] {
  if (pool.length === 0) return []
  const applications = Math.min(pool.length, Math.ceil(target * 2.2) + 2)
  const chosen = new Set<number>()
  if (applications >= pool.length) {
    for (const p of pool) chosen.add(p)
  } else {
    // Sample without replacement, weighted towards larger programs.
    let guard = applications * 20
    while (chosen.size < applications && guard-- > 0) {
      const p = pool[random.int(pool.length)]!
      if (chosen.has(p)) continue
      if (random.next() < Math.min(1, 0.35 + programs[p]!.capacity / 12)) chosen.add(p)
    }
  }
  const ranked: { p: number; u: number }[] = []
  for (const p of chosen) {
    const program = programs[p]!
    const interview = 1 / (1 + Math.exp(-(2 * (applicant.quality - program.quality) + 1.5)))
    if (random.next() >= interview) continue
    const u = 0.5 * program.quality + (program.region === applicant.region ? 0.8 : 0) + random.normal()
    ranked.push({ p, u })
  }
  ranked.sort((x, y) => y.u - x.u || x.p - y.p)
  const list = ranked.slice(0, target)
  if (utilities) for (const { p, u } of list) utilities.set(applicantIndex * 1_000_000 + p, u)
  return list.map((r) => r.p)
}

function jointLines(
  random: Random,
  first: GeneratedApplicant,
  second: GeneratedApplicant,
  programs: readonly GeneratedProgram[],
  utilities: Map<number, number>,
  firstIndex: number,
  secondIndex: number,
): [number | null, number | null][] {
  const utility = (a: number, p: number): number => utilities.get(a * 1_000_000 + p) ?? 0
  const pairs: { x: number; y: number; u: number }[] = []
  for (const x of first.ranks) {
    for (const y of second.ranks) {
      if (x === y && programs[x]!.capacity < 2) continue
      const sameRegion = programs[x]!.region === programs[y]!.region
      pairs.push({ x, y, u: utility(firstIndex, x) + utility(secondIndex, y) + (sameRegion ? 2.5 : 0) })
    }
  }
  pairs.sort((a, b) => b.u - a.u || a.x - b.x || a.y - b.y)
  const length = Math.min(pairs.length, 12 + random.int(25))
  const lines: [number | null, number | null][] = pairs.slice(0, length).map(({ x, y }) => [x, y])
  // Some couples accept that one partner goes unmatched rather than live apart.
  if (random.next() < 0.5 && first.ranks.length > 0) lines.push([first.ranks[0]!, null])
  if (random.next() < 0.5 && second.ranks.length > 0) lines.push([null, second.ranks[0]!])
  if (random.next() < 0.2 && first.ranks.length > 1) lines.push([first.ranks[1]!, null])
  return lines
}

function advancedInLines(
  couple: { members: [number, number]; lines: [number | null, number | null][] },
  applicant: number,
  programs: readonly GeneratedProgram[],
): number[] {
  const side = couple.members[0] === applicant ? 0 : 1
  const seen = new Set<number>()
  for (const line of couple.lines) {
    const p = line[side]
    if (p !== null && p !== undefined && programs[p]!.track === 'advanced') seen.add(p)
  }
  return [...seen]
}
