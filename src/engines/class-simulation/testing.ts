/**
 * A synthetic class for tests and the benchmark: programs of several specialties (from the list
 * builder's generator), students with profiles and rank order lists of programs near their
 * level, one couple and one supplemental list.
 */
import { createRandom } from '#engines/match/random.ts'
import { DEFAULT_PRIORS, generateApplicants, generatePrograms, type ResidencyProgram } from '#engines/smart-pick/index.ts'
import type { ClassSimulationInput, ClassStudent } from './types.ts'

export type SyntheticClassOptions = {
  students: number
  /** Programs per specialty; the keys are specialty ids. */
  programs: Readonly<Record<string, number>>
  runs: number
  seed?: number
  markets?: number
  /** Mean rank list length. Default 11. */
  meanListLength?: number
}

/** Programs of the largest specialties, about national counts (NRMP 2025 programs, rounded). */
export const NATIONAL_PROGRAM_COUNTS: Readonly<Record<string, number>> = {
  'internal-medicine': 560,
  'family-medicine': 740,
  pediatrics: 220,
  'emergency-medicine': 290,
  psychiatry: 330,
  'general-surgery': 350,
  'obstetrics-gynecology': 300,
  anesthesiology: 170,
  'diagnostic-radiology': 200,
  neurology: 170,
  'orthopaedic-surgery': 210,
  'transitional-year': 150,
}

export function syntheticClass(options: SyntheticClassOptions): ClassSimulationInput {
  const seed = options.seed ?? 1
  const random = createRandom(seed)
  const programs: ResidencyProgram[] = []
  const bySpecialty = new Map<string, ResidencyProgram[]>()
  for (const [specialty, count] of Object.entries(options.programs)) {
    const list = generatePrograms({ specialty, count, seed: `${seed}:${specialty}`, priors: DEFAULT_PRIORS }).map((p) =>
      specialty === 'transitional-year' ? { ...p, track: 'preliminary' as const } : p,
    )
    programs.push(...list)
    bySpecialty.set(specialty, list)
  }
  // The one advanced program: the first radiology program, if radiology is simulated.
  const advanced = bySpecialty.get('diagnostic-radiology')?.[0]
  if (advanced) {
    const index = programs.indexOf(advanced)
    programs[index] = { ...advanced, track: 'advanced' }
  }
  const specialties = [...bySpecialty.keys()].filter((s) => s !== 'transitional-year')
  const students: ClassStudent[] = []
  const mean = options.meanListLength ?? 11
  for (let i = 0; i < options.students; i++) {
    const specialty = specialties[i % specialties.length] as string
    const [profile] = generateApplicants({ specialty, count: 1, seed: `${seed}:student:${i}` })
    if (!profile) throw new Error('no applicant generated')
    const pool = bySpecialty.get(specialty) as ResidencyProgram[]
    const length = Math.max(1, Math.min(pool.length, Math.round(mean + 4 * random.normal())))
    // Programs near the student's level: competitiveness within reach of their Step 2 CK.
    const level = Math.min(0.95, Math.max(0.05, 0.5 + ((profile.step2 ?? 245) - 245) / 40))
    const chosen = [...pool]
      .map((p) => ({ p, key: Math.abs(p.competitiveness - level) + 0.15 * random.next() }))
      .sort((a, b) => a.key - b.key)
      .slice(0, length)
      .map((c) => c.p)
      .sort((a, b) => b.competitiveness - a.competitiveness)
    students.push({ id: `student-${String(i).padStart(4, '0')}`, profile, primary: chosen.map((p) => p.id), supplemental: [] })
  }
  const radiologyStudent = students.find((s) => advanced && bySpecialty.get('diagnostic-radiology')?.some((p) => p.id === s.primary[0]))
  const transitional = bySpecialty.get('transitional-year')
  if (advanced && radiologyStudent && transitional) {
    radiologyStudent.primary = [advanced.id, ...radiologyStudent.primary.filter((id) => id !== advanced.id)]
    radiologyStudent.supplemental = [{ advanced: advanced.id, ranks: transitional.slice(0, 6).map((p) => p.id) }]
  }
  return {
    students,
    couples: students.length >= 4 ? [{ members: [(students[0] as ClassStudent).id, (students[1] as ClassStudent).id] }] : [],
    programs,
    options: { runs: options.runs, seed, markets: options.markets },
  }
}
