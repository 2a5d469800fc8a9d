import fc from 'fast-check'
import { CLASS_YEARS, IDENTITY_ATTRIBUTES, MENTOR_KINDS, MENTOR_OFFERINGS } from '#shared/enums.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import type { RecommendContext, RecommendMentor, RecommendStudent } from '../types.ts'

export function buildStudent(overrides: Partial<RecommendStudent> = {}): RecommendStudent {
  return {
    id: 'student-1',
    classYear: 'M3',
    specialtyInterests: [],
    careerGoals: '',
    helpWanted: [],
    identity: [],
    wantsIdentityAlignedMentor: false,
    ...overrides,
  }
}

export function buildMentor(overrides: Partial<RecommendMentor> = {}): RecommendMentor {
  return {
    id: 'mentor-1',
    kind: 'faculty',
    departmentId: null,
    specialtyId: null,
    subspecialty: '',
    clinicalSite: '',
    state: '',
    researchInterests: '',
    offers: [],
    capacity: 2,
    accepting: true,
    languages: ['English'],
    identity: [],
    ...overrides,
  }
}

const specialtyIds = SPECIALTIES.slice(0, 6).map((s) => s.id)
const sites = ['University Hospital', 'Veterans Medical Center', 'Children’s Hospital']
const states = ['OH', 'MI', 'CA', 'NY', '']
const words = ['oncology', 'global', 'outcomes', 'rural', 'immunology', 'education', 'trauma', 'genetics', 'health', 'policy']

export const studentArbitrary: fc.Arbitrary<RecommendStudent> = fc.record({
  id: fc.constantFrom('s-1', 's-2', 's-3'),
  classYear: fc.constantFrom(...CLASS_YEARS),
  specialtyInterests: fc.shuffledSubarray(specialtyIds, { maxLength: 3 }),
  careerGoals: fc.array(fc.constantFrom(...words), { maxLength: 5 }).map((w) => `I want to work in ${w.join(' and ')} with Spanish speakers`),
  helpWanted: fc.shuffledSubarray([...MENTOR_OFFERINGS], { maxLength: 4 }),
  identity: fc.shuffledSubarray([...IDENTITY_ATTRIBUTES], { maxLength: 3 }),
  wantsIdentityAlignedMentor: fc.boolean(),
})

export const mentorsArbitrary: fc.Arbitrary<RecommendMentor[]> = fc.uniqueArray(
  fc.record({
    id: fc.integer({ min: 0, max: 60 }).map((i) => `m-${i}`),
    kind: fc.constantFrom(...MENTOR_KINDS),
    departmentId: fc.option(fc.constantFrom('surgery', 'medicine', 'dermatology', 'pediatrics')),
    specialtyId: fc.option(fc.constantFrom(...specialtyIds)),
    subspecialty: fc.constantFrom('', 'surgical oncology', 'global health'),
    clinicalSite: fc.constantFrom(...sites),
    state: fc.constantFrom(...states),
    researchInterests: fc.array(fc.constantFrom(...words), { maxLength: 4 }).map((w) => w.join(', ')),
    offers: fc.shuffledSubarray([...MENTOR_OFFERINGS], { maxLength: 5 }),
    capacity: fc.integer({ min: 0, max: 4 }),
    accepting: fc.integer({ min: 0, max: 4 }).map((i) => i > 0),
    languages: fc.shuffledSubarray(['English', 'Spanish', 'Mandarin'], { minLength: 1 }),
    identity: fc.shuffledSubarray([...IDENTITY_ATTRIBUTES], { maxLength: 3 }),
  }),
  { maxLength: 25, selector: (m) => m.id },
)

/** Context over mentor ids m-0 … m-60. */
export const contextArbitrary: fc.Arbitrary<RecommendContext> = fc.record({
  openPlaces: fc.dictionary(
    fc.integer({ min: 0, max: 60 }).map((i) => `m-${i}`),
    fc.integer({ min: 0, max: 3 }),
  ),
  demand: fc.dictionary(
    fc.integer({ min: 0, max: 60 }).map((i) => `m-${i}`),
    fc.integer({ min: 0, max: 30 }),
  ),
  responseStats: fc.dictionary(
    fc.integer({ min: 0, max: 60 }).map((i) => `m-${i}`),
    fc.record({
      medianHoursToAnswer: fc.option(fc.integer({ min: 1, max: 400 })),
      unansweredShare: fc.double({ min: 0, max: 1, noNaN: true }),
      requests: fc.integer({ min: 0, max: 20 }),
    }),
  ),
  declined: fc.array(
    fc.integer({ min: 0, max: 60 }).map((i) => `m-${i}`),
    { maxLength: 5 },
  ),
  studentSite: fc.constantFrom(...sites, ''),
  studentState: fc.constantFrom(...states),
  rotation: fc.constantFrom('', '2026-W07'),
})
