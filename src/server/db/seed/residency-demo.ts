/**
 * The demo school's residency data: programs for every core specialty (with preliminary,
 * transitional-year and advanced programs, so supplemental lists can be shown) and the school's
 * past outcomes for its last five match years. Pure: the same seed and `now` give the same rows.
 *
 * Counts follow `shared/data/residency-facts.md`: first-year positions per specialty are the
 * 2025 figures where the facts file gives one (orthopaedics 929, general surgery 1,778, internal
 * medicine 11,750, family medicine 5,357, …) and are marked [M] (our estimate) otherwise; the
 * PGY-1 total comes to about 38,300 against the NRMP's 40,041. Competitiveness and Step 2 CK
 * ranges come from the list builder's own generator (`generatePrograms`), with each specialty's
 * typical Step 2 CK taken from the facts file where it gives one. Institutions are fictional,
 * named after real American cities.
 */
import {
  DEFAULT_PRIORS,
  drawOutcomes,
  generateApplicants,
  generatePrograms,
  type ApplicantProfile,
  type ProgramSetting,
  type ProgramTrack,
  type Region,
  type ResidencyProgram,
  type SmartPickPriors,
} from '#engines/smart-pick/index.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import type { Tx } from '../client.ts'
import { pastApplicantDetails, pastApplicants, pastApplications, residencyPrograms } from '../schema/index.ts'
import { ALUMNI_CITIES, SCHOOL_HOME, SITES } from './content/places.ts'
import { createRandom, type Random } from './random.ts'
import { MS_PER_DAY } from '#shared/time.ts'

type ProgramInsert = typeof residencyPrograms.$inferInsert
type PastApplicantInsert = typeof pastApplicants.$inferInsert
type PastApplicationInsert = typeof pastApplications.$inferInsert
type PastApplicantDetailsInsert = typeof pastApplicantDetails.$inferInsert

/** Programs and first-year positions of one track: [programs, positions]. */
type TrackSize = readonly [programs: number, positions: number]

type SpecialtyPlan = {
  id: string
  /** NRMP-style three-digit specialty code, used in program ids. */
  code: string
  /** Typical Step 2 CK of matched applicants. */
  step2: number
  /** Accredited length of the categorical program in years. */
  years: number
  categorical?: TrackSize
  preliminary?: TrackSize
  advanced?: TrackSize
  /** Share of the school's graduates who apply in the specialty (U.S. MD seniors' choices, [M]). */
  graduateShare: number
}

/**
 * Where figures are not in the facts file they are [M]: rounded from public match summaries,
 * good enough for a demo and for the list builder's reach / target / likely spread.
 */
export const DEMO_SPECIALTY_PLANS: readonly SpecialtyPlan[] = [
  { id: 'anesthesiology', code: '040', step2: 247, years: 4, categorical: [150, 1300], advanced: [70, 500], graduateShare: 6 },
  { id: 'child-neurology', code: '185', step2: 243, years: 5, categorical: [75, 180], graduateShare: 1 },
  { id: 'dermatology', code: '080', step2: 255, years: 4, categorical: [40, 150], advanced: [110, 400], graduateShare: 2.5 },
  { id: 'diagnostic-radiology', code: '420', step2: 250, years: 5, categorical: [80, 450], advanced: [170, 850], graduateShare: 5 },
  { id: 'emergency-medicine', code: '110', step2: 243, years: 3, categorical: [290, 3000], graduateShare: 7 },
  // Family medicine 5,357 positions [S]; matched median around 230 [S].
  { id: 'family-medicine', code: '120', step2: 232, years: 3, categorical: [780, 5357], graduateShare: 8 },
  // Internal medicine 11,750 positions [S], categorical and preliminary together.
  { id: 'internal-medicine', code: '140', step2: 245, years: 3, categorical: [620, 10100], preliminary: [280, 1650], graduateShare: 20 },
  { id: 'internal-medicine-pediatrics', code: '700', step2: 246, years: 4, categorical: [78, 400], graduateShare: 2 },
  { id: 'interventional-radiology', code: '415', step2: 254, years: 6, categorical: [30, 35], advanced: [80, 110], graduateShare: 1 },
  // Neurological surgery 268 positions [S]; matched median around 250+ [S].
  { id: 'neurological-surgery', code: '160', step2: 253, years: 7, categorical: [117, 268], graduateShare: 1 },
  { id: 'neurology', code: '180', step2: 243, years: 4, categorical: [170, 900], advanced: [60, 200], graduateShare: 3 },
  { id: 'nuclear-medicine', code: '200', step2: 238, years: 3, advanced: [10, 15], graduateShare: 0 },
  // Obstetrics and gynecology 1,587 positions [S].
  { id: 'obstetrics-gynecology', code: '220', step2: 248, years: 4, categorical: [300, 1587], graduateShare: 6 },
  { id: 'ophthalmology', code: '240', step2: 253, years: 4, categorical: [30, 130], advanced: [95, 400], graduateShare: 2.5 },
  // Orthopaedic surgery 929 positions [S]; matched mean 257 [P].
  { id: 'orthopaedic-surgery', code: '260', step2: 257, years: 5, categorical: [210, 929], graduateShare: 4 },
  // Otolaryngology 394 positions [S].
  { id: 'otolaryngology', code: '280', step2: 254, years: 5, categorical: [125, 394], graduateShare: 1.5 },
  { id: 'pathology', code: '300', step2: 238, years: 4, categorical: [140, 620], graduateShare: 1.5 },
  // Pediatrics about 3,190 positions [S].
  { id: 'pediatrics', code: '320', step2: 240, years: 3, categorical: [210, 3190], graduateShare: 9 },
  { id: 'physical-medicine-rehabilitation', code: '340', step2: 240, years: 4, categorical: [60, 250], advanced: [60, 200], graduateShare: 1.5 },
  // Plastic surgery (integrated) 221 positions [S]; matched median around 250+ [S].
  { id: 'plastic-surgery', code: '362', step2: 256, years: 6, categorical: [90, 221], graduateShare: 1.5 },
  // Psychiatry: matched median around 230 [S].
  { id: 'psychiatry', code: '400', step2: 235, years: 4, categorical: [330, 2200], graduateShare: 7 },
  { id: 'radiation-oncology', code: '430', step2: 245, years: 5, advanced: [85, 190], graduateShare: 0.5 },
  // General surgery 1,778 categorical positions [S]; preliminary surgery [M].
  { id: 'general-surgery', code: '440', step2: 250, years: 5, categorical: [350, 1778], preliminary: [230, 1000], graduateShare: 6 },
  // Thoracic 54 [S], vascular 102 [S].
  { id: 'thoracic-surgery', code: '460', step2: 253, years: 6, categorical: [35, 54], graduateShare: 0.5 },
  { id: 'urology', code: '480', step2: 252, years: 5, categorical: [145, 360], graduateShare: 1.5 },
  { id: 'vascular-surgery', code: '450', step2: 250, years: 5, categorical: [75, 102], graduateShare: 0.5 },
  { id: 'transitional-year', code: '999', step2: 245, years: 1, preliminary: [200, 1700], graduateShare: 0 },
]

/** Extra cities so every state the generator draws has somewhere to put a program. */
const EXTRA_CITIES: readonly { state: string; cities: readonly string[] }[] = [
  { state: 'ND', cities: ['Fargo', 'Grand Forks', 'Bismarck'] },
  { state: 'SD', cities: ['Sioux Falls', 'Rapid City'] },
  { state: 'DE', cities: ['Wilmington', 'Dover'] },
  { state: 'PR', cities: ['San Juan', 'Ponce', 'Mayagüez'] },
  { state: 'WY', cities: ['Casper', 'Cheyenne'] },
  { state: 'NY', cities: ['Brooklyn', 'Bronx', 'Stony Brook', 'Valhalla'] },
  { state: 'CA', cities: ['Orange', 'Loma Linda', 'Palo Alto', 'Riverside'] },
  { state: 'TX', cities: ['Galveston', 'Lubbock', 'Temple', 'Fort Worth'] },
  { state: 'PA', cities: ['Danville', 'Scranton', 'Bethlehem'] },
  { state: 'MI', cities: ['Royal Oak', 'Flint', 'Kalamazoo'] },
  { state: 'OH', cities: ['Youngstown', 'Canton'] },
  { state: 'FL', cities: ['Tallahassee', 'Fort Lauderdale'] },
  { state: 'NJ', cities: ['Paterson', 'Hackensack'] },
  { state: 'MA', cities: ['Cambridge', 'Pittsfield'] },
  { state: 'IL', cities: ['Oak Lawn', 'Rockford'] },
]

const SAINTS = [
  "St. Mary's",
  "St. Joseph's",
  "St. Luke's",
  "St. Vincent's",
  'St. Francis',
  'Good Samaritan',
  'Providence',
  'Baptist',
  'Methodist',
  'Presbyterian',
  'Lutheran',
  'Mercy',
]

type Institution = { code: string; name: string; city: string; state: string; setting: ProgramSetting }

/** Region of a state as the list builder's generator counts it (Puerto Rico in the South). */
function regionOf(state: string): Region {
  for (const [region, states] of Object.entries(REGION_STATES) as [Region, readonly string[]][]) if (states.includes(state)) return region
  return 'south'
}

const REGION_STATES: Record<Region, readonly string[]> = {
  northeast: ['CT', 'ME', 'MA', 'NH', 'RI', 'VT', 'NJ', 'NY', 'PA'],
  midwest: ['IL', 'IN', 'MI', 'OH', 'WI', 'IA', 'KS', 'MN', 'MO', 'NE', 'ND', 'SD'],
  south: ['DE', 'DC', 'FL', 'GA', 'MD', 'NC', 'SC', 'VA', 'WV', 'AL', 'KY', 'MS', 'TN', 'AR', 'LA', 'OK', 'TX', 'PR'],
  west: ['AZ', 'CO', 'ID', 'MT', 'NV', 'NM', 'UT', 'WY', 'AK', 'CA', 'HI', 'OR', 'WA'],
}

/** Several fictional institutions per city: one or two academic, some affiliated, some community. */
function buildInstitutions(random: Random): Institution[] {
  const byState = new Map<string, string[]>()
  for (const { state, cities } of [...ALUMNI_CITIES, ...EXTRA_CITIES]) byState.set(state, [...new Set([...(byState.get(state) ?? []), ...cities])])
  const out: Institution[] = []
  const add = (name: string, city: string, state: string, setting: ProgramSetting) => out.push({ code: String(1000 + out.length), name, city, state, setting })
  for (const [state, cities] of byState) {
    cities.forEach((city, i) => {
      if (city === SCHOOL_HOME.city && state === SCHOOL_HOME.state) add(SITES.university, city, state, 'academic')
      else add(i === 0 ? `${city} University Medical Center` : `${city} Academic Health Center`, city, state, 'academic')
      add(`${city} Regional Medical Center`, city, state, 'university-affiliated')
      add(`${random.pick(SAINTS)} Hospital of ${city}`, city, state, 'university-affiliated')
      add(`${city} General Hospital`, city, state, 'community')
      add(`${random.pick(SAINTS)} Medical Center, ${city}`, city, state, 'community')
      add(`${city} Community Health Partners`, city, state, 'community')
      add(`${city} Family Health Center`, city, state, 'community')
    })
  }
  return out
}

const TRACK_LETTER: Record<ProgramTrack, string> = { categorical: 'C', preliminary: 'P', advanced: 'A', reserved: 'R' }
const TRACK_SUFFIX: Record<ProgramTrack, string> = { categorical: '', preliminary: ' (Preliminary)', advanced: ' (Advanced)', reserved: ' (Reserved)' }

/** Splits `total` positions over programs in proportion to `weights`, at least 1 each (largest remainder). */
function apportion(total: number, weights: readonly number[]): number[] {
  const floor = weights.map(() => 1)
  const rest = Math.max(0, total - weights.length)
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * rest)
  const out = exact.map((x, i) => (floor[i] as number) + Math.floor(x))
  let left = total - out.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0])
  for (let k = 0; left > 0 && k < order.length; k++, left--) {
    const at = (order[k] as readonly [number, number])[1]
    out[at] = (out[at] ?? 0) + 1
  }
  return out
}

/**
 * Interview days of a season: two to five weekdays between October and January before `matchYear`,
 * and, while the season is under way, after `now` — a student looking at the demo in December
 * sees days still to come, not days already gone. Once the season is over (February to Match Day)
 * the days are the ones that were held, as they would be.
 */
function interviewDates(random: Random, matchYear: number, now: Date): string[] {
  const seasonStart = Date.UTC(matchYear - 1, 9, 1)
  const seasonEnd = Date.UTC(matchYear, 0, 31)
  const tomorrow = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + MS_PER_DAY
  // At least two weeks of days to choose from; else the season is (nearly) over: use all of it.
  const start = seasonEnd - tomorrow >= 14 * MS_PER_DAY ? Math.max(seasonStart, tomorrow) : seasonStart
  const span = Math.round((seasonEnd - start) / MS_PER_DAY) + 1
  const count = random.between(2, 5)
  const days = new Set<string>()
  while (days.size < count) {
    const day = new Date(start + random.int(span) * MS_PER_DAY)
    // Interviews are held on weekdays.
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.add(day.toISOString().slice(0, 10))
  }
  return [...days].sort()
}

function traineeMix(random: Random, program: ResidencyProgram): { md: number; do: number; img: number } {
  // About N(0, 1): the sum of three uniforms, centred and scaled.
  const normal = () => (random.next() + random.next() + random.next() - 1.5) * 2
  const img = Math.round(Math.max(0, Math.min(80, (program.setting === 'community' ? 30 : 8) * (1.3 - program.competitiveness) + 8 * normal())))
  const doShare = Math.round(Math.max(0, Math.min(100 - img, (program.setting === 'community' ? 30 : 12) + 6 * normal())))
  return { md: 100 - img - doShare, do: doShare, img }
}

/** The match year of the last Main Residency Match held on or before `now` (Match Day is in the third week of March). */
export function lastMatchYear(now: Date): number {
  const year = now.getUTCFullYear()
  return now.getTime() >= Date.UTC(year, 2, 21) ? year : year - 1
}

export type DemoResidencyRows = {
  programs: ProgramInsert[]
  pastApplicants: PastApplicantInsert[]
  pastApplications: PastApplicationInsert[]
  /** Ties and away rotations the model drew: without them calibration cannot learn the tie effect. */
  pastApplicantDetails: PastApplicantDetailsInsert[]
}

export type AlumnusForOutcomes = { personId: string; specialtyId: string | null; graduationYear: number | null; kind: string }

export function generateDemoResidency(options: {
  seed: number
  now: Date
  /** Mentor profiles of the demo school: alumni who graduated in a match year are linked to their outcome. */
  mentors: readonly AlumnusForOutcomes[]
  graduatesPerYear?: number
}): DemoResidencyRows {
  const random = createRandom(options.seed).fork('residency')
  const institutions = buildInstitutions(random.fork('institutions'))
  const matchYear = lastMatchYear(options.now)
  const upcomingMatch = matchYear + 1
  const programs: ProgramInsert[] = []
  const modelPrograms = new Map<string, ResidencyProgram[]>()
  const usedIds = new Set<string>()
  const byStateSetting = new Map<string, Institution[]>()
  for (const inst of institutions) {
    const key = `${inst.state}:${inst.setting}`
    byStateSetting.set(key, [...(byStateSetting.get(key) ?? []), inst])
  }
  const home = institutions.find((i) => i.name === SITES.university && i.state === SCHOOL_HOME.state) as Institution

  for (const plan of DEMO_SPECIALTY_PLANS) {
    const specialty = findSpecialty(plan.id)
    if (!specialty) continue
    const priors: SmartPickPriors = { ...DEFAULT_PRIORS, specialtyStep2: { ...DEFAULT_PRIORS.specialtyStep2, [plan.id]: plan.step2 } }
    for (const track of ['categorical', 'preliminary', 'advanced'] as const) {
      const size = plan[track]
      if (!size) continue
      const [count, positions] = size
      const generated = generatePrograms({ specialty: plan.id, count, seed: `${options.seed}:${plan.id}:${track}`, priors })
      const seats = apportion(
        positions,
        generated.map((p) => p.positions),
      )
      const r = random.fork(`${plan.id}:${track}`)
      generated.forEach((model, index) => {
        // The school's own hospital has a categorical program in every specialty that has one.
        const candidates = byStateSetting.get(`${model.state}:${model.setting}`) ?? []
        let inst: Institution | undefined = index === 0 && track === 'categorical' ? home : undefined
        let id = ''
        for (let attempt = 0; attempt < 12 && !inst; attempt++) {
          const pick = candidates.length > 0 ? r.pick(candidates) : r.pick(institutions)
          if (!usedIds.has(`${pick.code}${plan.code}${TRACK_LETTER[track]}0`)) inst = pick
        }
        inst ??= r.pick(institutions)
        for (let n = 0; n < 10 && (!id || usedIds.has(id)); n++) id = `${inst.code}${plan.code}${TRACK_LETTER[track]}${n}`
        if (usedIds.has(id)) id = `${inst.code}${plan.code}${TRACK_LETTER[track]}${programs.length}`
        usedIds.add(id)
        const program: ResidencyProgram = {
          ...model,
          id,
          name: `${inst.name} — ${specialty.name}${TRACK_SUFFIX[track]}`,
          track,
          state: inst.state,
          region: regionOf(inst.state),
          setting: inst.setting,
          positions: seats[index] as number,
          // Preliminary and transitional years are less contested than the categorical tracks.
          competitiveness: track === 'preliminary' ? Math.round(model.competitiveness * 0.7 * 1000) / 1000 : model.competitiveness,
        }
        const mix = traineeMix(r, program)
        programs.push({
          id,
          name: program.name as string,
          institution: inst.name,
          specialtyId: plan.id,
          track,
          city: inst.city,
          state: inst.state,
          region: program.region,
          positions: program.positions,
          lengthYears: track === 'preliminary' ? 1 : track === 'advanced' ? Math.max(1, plan.years - 1) : plan.years,
          setting: program.setting,
          sponsorsVisa: program.sponsorsVisa,
          step2P25: program.step2Range.p25,
          step2P75: program.step2Range.p75,
          researchEmphasis: program.researchEmphasis,
          competitiveness: program.competitiveness,
          traineesMdPercent: mix.md,
          traineesDoPercent: mix.do,
          traineesImgPercent: mix.img,
          interviewDates: interviewDates(r, upcomingMatch, options.now),
          website: '',
          source: 'demo',
        })
        if (track !== 'preliminary') modelPrograms.set(plan.id, [...(modelPrograms.get(plan.id) ?? []), program])
      })
    }
  }

  // Past outcomes: the school's graduates of the last five match years, drawn from the model.
  const homeProgramOf = new Map(
    programs.filter((p) => p.institution === home.name && p.state === home.state && p.track === 'categorical').map((p) => [p.specialtyId, p.id]),
  )
  const graduatesPerYear = options.graduatesPerYear ?? 150
  const shares = DEMO_SPECIALTY_PLANS.filter((p) => p.graduateShare > 0 && modelPrograms.has(p.id)).map((p) => [p.id, p.graduateShare] as const)
  const applicantsOut: PastApplicantInsert[] = []
  const applicationsOut: PastApplicationInsert[] = []
  const detailsOut: PastApplicantDetailsInsert[] = []
  const outcomeRandom = random.fork('outcomes')
  for (let year = matchYear - 4; year <= matchYear; year++) {
    // Alumni mentors who graduated this year keep their specialty in the cohort and are linked.
    const alumni = options.mentors.filter((m) => m.kind === 'alumni' && m.graduationYear === year && m.specialtyId && modelPrograms.has(m.specialtyId))
    const cohort: { specialtyId: string; personId: string | null }[] = alumni.map((a) => ({ specialtyId: a.specialtyId as string, personId: a.personId }))
    while (cohort.length < graduatesPerYear) cohort.push({ specialtyId: outcomeRandom.weighted(shares), personId: null })
    const bySpecialty = new Map<string, { specialtyId: string; personId: string | null }[]>()
    for (const g of cohort) bySpecialty.set(g.specialtyId, [...(bySpecialty.get(g.specialtyId) ?? []), g])
    let serial = 0
    for (const [specialtyId, graduates] of bySpecialty) {
      const pool = modelPrograms.get(specialtyId) as ResidencyProgram[]
      const applicants: ApplicantProfile[] = generateApplicants({
        specialty: specialtyId,
        count: graduates.length,
        seed: `${options.seed}:${year}:${specialtyId}`,
        programs: pool,
      }).map((a) => ({
        ...a,
        applicantType: 'us-md',
        needsVisa: false,
        alphaOmegaAlpha: a.alphaOmegaAlpha,
        // A graduate of an Ohio school often has a tie to the state.
        ties: outcomeRandom.chance(0.5) ? { states: [SCHOOL_HOME.state], regions: ['midwest'] } : a.ties,
      }))
      const outcomes = drawOutcomes({ applicants, programs: pool, truth: DEFAULT_PRIORS, year, seed: `${options.seed}:${year}:${specialtyId}:draw` })
      outcomes.forEach((outcome, i) => {
        const graduate = graduates[i] as { personId: string | null }
        let matched = outcome.matchedProgramId
        let applications = outcome.applications
        // Schools keep many of their own graduates: about one matched graduate in five stays at the home program.
        const homeProgram = homeProgramOf.get(specialtyId)
        if (matched && homeProgram && matched !== homeProgram && outcomeRandom.chance(0.2)) {
          const was = matched
          if (applications.some((a) => a.programId === homeProgram))
            applications = applications.map((a) => (a.programId === homeProgram ? { ...a, interviewed: true } : a))
          else applications = applications.map((a) => (a.programId === was ? { ...a, programId: homeProgram } : a))
          matched = homeProgram
        }
        // An alumnus in the directory practises in the specialty: they matched somewhere.
        if (graduate.personId && !matched) {
          const first = applications[0] as { programId: string }
          matched = (applications.find((a) => a.interviewed) ?? first).programId
          applications = applications.map((a) => (a.programId === matched ? { ...a, interviewed: true } : a))
        }
        const id = outcomeRandom.uuid()
        const signalled = new Set(outcome.applicant.signalledProgramIds)
        const step2 = outcome.applicant.step2 ?? null
        applicantsOut.push({
          id,
          externalId: `demo-${year}-${String(++serial).padStart(3, '0')}-${specialtyId}`,
          personId: graduate.personId,
          matchYear: year,
          applicantType: 'us-md',
          step2,
          // Step 1 became pass / fail in January 2022: the classes matching through 2023 mostly have scores.
          step1:
            year <= 2023 && step2 !== null && outcome.applicant.step1 !== 'fail'
              ? String(Math.max(200, Math.min(270, step2 - 8 + outcomeRandom.between(-6, 6))))
              : String(outcome.applicant.step1 ?? 'pass'),
          researchItems: outcome.applicant.researchItems,
          alphaOmegaAlpha: outcome.applicant.alphaOmegaAlpha,
          goldHumanism: outcome.applicant.goldHumanism,
          clerkshipHonors: outcome.applicant.clerkshipHonors,
          experiences: outcome.applicant.experiences,
          specialtyId,
          matchedProgramId: matched,
        })
        const { ties, awayRotations } = outcome.applicant
        if (ties.states.length > 0 || ties.regions.length > 0 || awayRotations.length > 0) {
          detailsOut.push({
            applicantId: id,
            tieStates: [...ties.states],
            tieRegions: [...ties.regions],
            needsVisa: false,
            awayRotationProgramIds: [...awayRotations],
          })
        }
        for (const a of applications)
          applicationsOut.push({ applicantId: id, programId: a.programId, signalled: signalled.has(a.programId), interviewed: a.interviewed })
      })
    }
  }
  return { programs, pastApplicants: applicantsOut, pastApplications: applicationsOut, pastApplicantDetails: detailsOut }
}

/** Inserts the residency rows (inside the caller's transaction), in batches under PostgreSQL's parameter limit. */
export async function insertDemoResidency(db: Tx, rows: DemoResidencyRows): Promise<void> {
  for (let i = 0; i < rows.programs.length; i += 1_000) await db.insert(residencyPrograms).values(rows.programs.slice(i, i + 1_000))
  for (let i = 0; i < rows.pastApplicants.length; i += 1_000) await db.insert(pastApplicants).values(rows.pastApplicants.slice(i, i + 1_000))
  for (let i = 0; i < rows.pastApplications.length; i += 5_000) await db.insert(pastApplications).values(rows.pastApplications.slice(i, i + 5_000))
  for (let i = 0; i < rows.pastApplicantDetails.length; i += 1_000) await db.insert(pastApplicantDetails).values(rows.pastApplicantDetails.slice(i, i + 1_000))
}
