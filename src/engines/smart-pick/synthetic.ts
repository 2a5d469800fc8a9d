/**
 * Seeded synthetic data for the demo, the tests and the benchmark: programs of one specialty,
 * applicant profiles, and past outcomes drawn from a known model (for calibration recovery).
 * Not real programs or people. Pure: the output depends only on the options.
 */
import { createRandom, type Random } from '#engines/match/random.ts'
import { cloglogInverse, dot, interviewLogit, logistic, specialtyStep2 } from './chance.ts'
import { MATCH_FEATURE_COUNT, matchFeatures, prepareApplicant } from './features.ts'
import { CITED_FIGURES, type SmartPickPriors } from './priors.ts'
import type { PastOutcome } from './calibration.ts'
import type { ApplicantProfile, ApplicantType, ProgramSetting, Region, ResidencyProgram } from './types.ts'

/** States by census region, with rough weights for where programs are. */
const STATES: readonly { state: string; region: Region; weight: number }[] = [
  ...'NY:8 PA:5 MA:4 NJ:3 CT:2 RI:1 NH:0.5 VT:0.3 ME:0.5'.split(' ').map((s) => entry(s, 'northeast')),
  ...'IL:5 OH:5 MI:4 WI:2 MN:2 MO:3 IN:2 IA:1 KS:1 NE:1 ND:0.3 SD:0.3'.split(' ').map((s) => entry(s, 'midwest')),
  ...'TX:7 FL:6 NC:3 GA:3 VA:3 MD:3 TN:3 AL:2 KY:2 LA:2 SC:2 OK:1 AR:1 MS:1 WV:1 DC:1 DE:0.5 PR:1'.split(' ').map((s) => entry(s, 'south')),
  ...'CA:9 WA:2 AZ:2 CO:2 OR:1 UT:1 NV:1 NM:0.5 HI:0.5 ID:0.3 MT:0.3 WY:0.2 AK:0.2'.split(' ').map((s) => entry(s, 'west')),
]

function entry(text: string, region: Region): { state: string; region: Region; weight: number } {
  const [state, weight] = text.split(':')
  return { state: state as string, region, weight: Number(weight) }
}

const SETTINGS: readonly ProgramSetting[] = ['academic', 'community', 'university-affiliated']

/**
 * `count` programs of `specialty`: competitiveness uniform-ish on [0, 1]; Step 2 CK midpoint
 * = the specialty's typical score + 16 × (competitiveness − 0.5) + N(0, 3), range ± 5–8;
 * academic programs emphasise research more; about 60 % sponsor visas; log-normal sizes.
 */
export function generatePrograms(options: { specialty: string; count: number; seed?: number | string; priors: SmartPickPriors }): ResidencyProgram[] {
  const random = createRandom(options.seed ?? 1)
  const typical = specialtyStep2(options.priors, options.specialty)
  const weights = STATES.map((s) => s.weight)
  const programs: ResidencyProgram[] = []
  for (let i = 0; i < options.count; i++) {
    const place = STATES[random.weighted(weights)] as (typeof STATES)[number]
    const competitiveness = round((i + random.next()) / options.count, 3)
    const setting = SETTINGS[random.weighted([0.3, 0.45, 0.25])] as ProgramSetting
    const mid = typical + 16 * (competitiveness - 0.5) + 3 * random.normal()
    const half = 5 + random.int(4)
    programs.push({
      id: `${options.specialty}-${String(i + 1).padStart(4, '0')}`,
      name: `${place.state} ${setting === 'community' ? 'Community' : 'University'} Program ${i + 1}`,
      specialty: options.specialty,
      track: 'categorical',
      state: place.state,
      region: place.region,
      positions: Math.max(2, Math.round(Math.exp(2.3 + 0.6 * random.normal()))),
      setting,
      sponsorsVisa: random.next() < 0.6,
      step2Range: { p25: Math.round(mid - half), p75: Math.round(mid + half) },
      researchEmphasis: round(
        Math.min(1, Math.max(0, (setting === 'academic' ? 0.6 : setting === 'university-affiliated' ? 0.4 : 0.15) + 0.2 * random.normal())),
        2,
      ),
      competitiveness,
    })
  }
  // Shuffle so that ids do not encode competitiveness order in tests that slice.
  return random.shuffle(programs)
}

const TYPE_SHARES: readonly { type: ApplicantType; share: number; step2Shift: number }[] = [
  { type: 'us-md', share: 0.55, step2Shift: 2 },
  { type: 'us-do', share: 0.2, step2Shift: -3 },
  { type: 'us-img', share: 0.12, step2Shift: -4 },
  { type: 'non-us-img', share: 0.13, step2Shift: -2 },
]

/** Applicant profiles for `specialty`, Step 2 CK around Texas STAR's 245.9 with SD 15 by type. */
export function generateApplicants(options: {
  specialty: string
  count: number
  seed?: number | string
  programs?: readonly ResidencyProgram[]
}): ApplicantProfile[] {
  const random = createRandom(options.seed ?? 2)
  const out: ApplicantProfile[] = []
  for (let a = 0; a < options.count; a++) {
    const t = TYPE_SHARES[random.weighted(TYPE_SHARES.map((s) => s.share))] as (typeof TYPE_SHARES)[number]
    const home = STATES[random.weighted(STATES.map((s) => s.weight))] as (typeof STATES)[number]
    const img = t.type === 'us-img' || t.type === 'non-us-img'
    const programs = options.programs ?? []
    const away = programs.length > 0 && !img && random.next() < 0.3 ? [(random.pick(programs) as ResidencyProgram).id] : []
    const signals =
      programs.length > 0 && random.next() < 0.5 ? Array.from({ length: 1 + random.int(5) }, () => (random.pick(programs) as ResidencyProgram).id) : []
    out.push({
      applicantType: t.type,
      step2: random.next() < 0.05 ? null : Math.round(CITED_FIGURES.texasStar.step2Mean + t.step2Shift + 15 * random.normal()),
      step1: random.next() < 0.04 ? 'fail' : 'pass',
      researchItems: Math.floor(Math.exp(1.2 + 0.9 * random.normal())),
      alphaOmegaAlpha: !img && random.next() < 0.14,
      goldHumanism: !img && random.next() < 0.15,
      clerkshipHonors: img ? random.int(3) : random.int(7),
      experiences: 2 + random.int(12),
      awayRotations: away,
      preferredSpecialty: options.specialty,
      backupSpecialty: null,
      geographicPreferences: { states: [], regions: random.next() < 0.5 ? [random.pick(['northeast', 'midwest', 'south', 'west'] as const)] : [] },
      ties: img && random.next() < 0.6 ? { states: [], regions: [] } : { states: [home.state], regions: random.next() < 0.5 ? [home.region] : [] },
      settingPreferences: [],
      needsVisa: t.type === 'non-us-img' && random.next() < 0.8,
      signalsAvailable: 5,
      signalledProgramIds: [...new Set(signals)],
    })
  }
  return out
}

/**
 * Past outcomes drawn from the model `truth`: each applicant applies to 15–60 random programs,
 * gets each interview with the model's chance, and matches with P(match | k interviews) —
 * at one of the interview programs, chosen in proportion to its chance of matching there.
 */
export function drawOutcomes(options: {
  applicants: readonly ApplicantProfile[]
  programs: readonly ResidencyProgram[]
  truth: SmartPickPriors
  year: number
  seed?: number | string
}): PastOutcome[] {
  const random: Random = createRandom(options.seed ?? options.year)
  const x = new Float64Array(MATCH_FEATURE_COUNT)
  return options.applicants.map((applicant) => {
    const prepared = prepareApplicant(applicant)
    const count = Math.min(options.programs.length, 15 + random.int(46))
    const chosen = random.shuffle([...options.programs]).slice(0, count)
    const applications = chosen.map((program) => ({
      programId: program.id,
      interviewed: random.next() < logistic(interviewLogit(prepared, program, options.truth)),
    }))
    const interviews = applications.filter((a) => a.interviewed)
    let matchedProgramId: string | null = null
    if (interviews.length > 0) {
      const specialty = (chosen[0] as ResidencyProgram).specialty
      matchFeatures(prepared, null, interviews.length, specialtyStep2(options.truth, specialty), x)
      if (random.next() < cloglogInverse(dot(options.truth.match.mean, x))) {
        matchedProgramId = (interviews[random.int(interviews.length)] as { programId: string }).programId
      }
    }
    return { year: options.year, applicant, applications, matchedProgramId }
  })
}

function round(x: number, digits: number): number {
  return Math.round(x * 10 ** digits) / 10 ** digits
}
