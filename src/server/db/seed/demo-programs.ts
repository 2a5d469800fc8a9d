/**
 * The demo school's residency programs: every core specialty's categorical, preliminary and
 * advanced programs at fictional institutions named after real American cities. Pure: the same
 * seed and `now` give the same rows, and `now` moves only the interview days (a season's days
 * still to come), never what the model reads — so `preceptor list-builder` gives the same advice
 * on any day. Kept apart from the past outcomes (residency-demo.ts) so
 * that the command line can read the programs without the database layer.
 *
 * Counts follow `docs/data/residency-facts.md`: first-year positions per specialty are the
 * 2025 figures where the facts file gives one and [M] (our estimate) otherwise. Each program
 * looks like its specialty's real programs: dermatology, plastic surgery, neurosurgery and the
 * other small surgical and radiological specialties sit at academic centres (a few at
 * university-affiliated hospitals) with few positions each; community clinics host only the
 * specialties they train (a family health center only family medicine). A program's
 * competitiveness is its place among its own specialty's programs (0 the easiest, 1 the
 * hardest); how hard the specialty itself is comes from its published match rate
 * (docs/smart-pick.md, "Specialties").
 */
import {
  DEFAULT_PRIORS,
  generatePrograms,
  type ProgramSetting,
  type ProgramTrack,
  type Region,
  type ResidencyProgram,
  type SmartPickPriors,
} from '#engines/smart-pick/index.ts'
import type { ProgramForCsv } from '#server/modules/residency-programs/domain/programs-csv.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { ALUMNI_CITIES, SCHOOL_HOME, SITES } from './content/places.ts'
import type { Random } from './random.ts'

/**
 * One demo program row as the `residency_programs` table takes it: the programs CSV's row (the
 * import and export format, one type for both) marked as demo data.
 */
export type DemoProgramRow = ProgramForCsv & { source: 'demo' }

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

/** What kind of place an institution is: its name says so, and only some specialties train there. */
type InstitutionKind = 'academic' | 'affiliated' | 'community-hospital' | 'community-clinic' | 'family-health'

type Institution = { code: string; name: string; city: string; state: string; setting: ProgramSetting; kind: InstitutionKind }

/**
 * Where each specialty's programs are ([M], from how the real ones are spread): small and
 * research-heavy specialties only at academic centres, or also at university-affiliated
 * hospitals; community clinics for the primary-care specialties; family health centers for
 * family medicine alone. Others: any hospital, but not a clinic.
 */
const ACADEMIC_ONLY = new Set([
  'dermatology',
  'plastic-surgery',
  'neurological-surgery',
  'interventional-radiology',
  'radiation-oncology',
  'thoracic-surgery',
  'vascular-surgery',
  'nuclear-medicine',
  'child-neurology',
])
const ACADEMIC_OR_AFFILIATED = new Set([
  'otolaryngology',
  'orthopaedic-surgery',
  'urology',
  'ophthalmology',
  'diagnostic-radiology',
  'pathology',
  'radiation-oncology',
  'physical-medicine-rehabilitation',
  'internal-medicine-pediatrics',
])
const CLINIC_SPECIALTIES = new Set(['family-medicine', 'internal-medicine', 'pediatrics', 'psychiatry', 'obstetrics-gynecology'])

/** The kinds of institution a specialty's programs may be at. */
export function institutionKindsFor(specialtyId: string): readonly InstitutionKind[] {
  if (ACADEMIC_ONLY.has(specialtyId)) return ['academic']
  if (ACADEMIC_OR_AFFILIATED.has(specialtyId)) return ['academic', 'affiliated']
  if (specialtyId === 'family-medicine') return ['academic', 'affiliated', 'community-hospital', 'community-clinic', 'family-health']
  if (CLINIC_SPECIALTIES.has(specialtyId)) return ['academic', 'affiliated', 'community-hospital', 'community-clinic']
  return ['academic', 'affiliated', 'community-hospital']
}

const KIND_SETTING: Record<InstitutionKind, ProgramSetting> = {
  academic: 'academic',
  affiliated: 'university-affiliated',
  'community-hospital': 'community',
  'community-clinic': 'community',
  'family-health': 'community',
}

/** The setting the model reads for a program at an institution of this kind when the generator drew `drawn`. */
function settingFor(kinds: readonly InstitutionKind[], drawn: ProgramSetting): ProgramSetting {
  if (kinds.length === 1) return 'academic'
  if (!kinds.includes('community-hospital') && drawn === 'community') return 'university-affiliated'
  return drawn
}

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
  const add = (name: string, city: string, state: string, setting: ProgramSetting, kind: InstitutionKind) =>
    out.push({ code: String(1000 + out.length), name, city, state, setting, kind })
  for (const [state, cities] of byState) {
    cities.forEach((city, i) => {
      if (city === SCHOOL_HOME.city && state === SCHOOL_HOME.state) add(SITES.university, city, state, 'academic', 'academic')
      else add(i === 0 ? `${city} University Medical Center` : `${city} Academic Health Center`, city, state, 'academic', 'academic')
      add(`${city} Regional Medical Center`, city, state, 'university-affiliated', 'affiliated')
      add(`${random.pick(SAINTS)} Hospital of ${city}`, city, state, 'university-affiliated', 'affiliated')
      add(`${city} General Hospital`, city, state, 'community', 'community-hospital')
      add(`${random.pick(SAINTS)} Medical Center, ${city}`, city, state, 'community', 'community-hospital')
      add(`${city} Community Health Partners`, city, state, 'community', 'community-clinic')
      add(`${city} Family Health Center`, city, state, 'community', 'family-health')
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

export type DemoPrograms = {
  programs: DemoProgramRow[]
  /** Each specialty's programs as the model reads them (preliminary years left out). */
  modelPrograms: Map<string, ResidencyProgram[]>
  /** The school's own hospital. */
  home: { name: string; state: string }
}

/**
 * The demo programs, drawn from `random` (the seed's 'residency' stream: the past outcomes
 * continue from the same stream, so the order of draws here is part of the demo's identity).
 */
export function generateDemoPrograms(random: Random, options: { seed: number; now: Date; onlySpecialty?: string }): DemoPrograms {
  const institutions = buildInstitutions(random.fork('institutions'))
  const matchYear = lastMatchYear(options.now)
  const upcomingMatch = matchYear + 1
  const programs: DemoProgramRow[] = []
  const modelPrograms = new Map<string, ResidencyProgram[]>()
  const usedIds = new Set<string>()
  const byStateKind = new Map<string, Institution[]>()
  for (const inst of institutions) {
    const key = `${inst.state}:${inst.kind}`
    byStateKind.set(key, [...(byStateKind.get(key) ?? []), inst])
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
      // Every track's stream is forked, wanted or not, so one specialty's programs come out as in the whole school.
      if (options.onlySpecialty !== undefined && options.onlySpecialty !== plan.id) {
        random.fork(`${plan.id}:${track}`)
        continue
      }
      const generated = generatePrograms({ specialty: plan.id, count, seed: `${options.seed}:${plan.id}:${track}`, priors })
      // Small specialties' programs are all small: sizes compressed so none dwarfs the rest.
      const seats = apportion(
        positions,
        generated.map((p) => (ACADEMIC_ONLY.has(plan.id) ? Math.sqrt(p.positions) : p.positions)),
      )
      const r = random.fork(`${plan.id}:${track}`)
      const kinds = institutionKindsFor(plan.id)
      const anywhere = institutions.filter((i) => kinds.includes(i.kind))
      generated.forEach((model, index) => {
        // The school's own hospital has a categorical program in every specialty that has one.
        const setting = settingFor(kinds, model.setting)
        const candidates = kinds.filter((k) => KIND_SETTING[k] === setting).flatMap((k) => byStateKind.get(`${model.state}:${k}`) ?? [])
        let inst: Institution | undefined = index === 0 && track === 'categorical' ? home : undefined
        let id = ''
        for (let attempt = 0; attempt < 12 && !inst; attempt++) {
          const pick = candidates.length > 0 ? r.pick(candidates) : r.pick(anywhere)
          if (!usedIds.has(`${pick.code}${plan.code}${TRACK_LETTER[track]}0`)) inst = pick
        }
        inst ??= r.pick(anywhere)
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
          // From a stream of their own: the days follow the clock, and the programs after this one must not.
          interviewDates: interviewDates(r.fork('interview-dates'), upcomingMatch, options.now),
          website: '',
          source: 'demo',
        })
        if (track !== 'preliminary') modelPrograms.set(plan.id, [...(modelPrograms.get(plan.id) ?? []), program])
      })
    }
  }

  return { programs, modelPrograms, home: { name: home.name, state: home.state } }
}
