/**
 * Pure builders for a person's rows — `people`, `person_roles` and the profile tables — with
 * realistic defaults. The demo school and the test factories both build people through here,
 * so a factory-made mentor looks like a demo mentor and both pass the profile contracts.
 */
import type {
  AcademicRank,
  ClassYear,
  IdentityAttribute,
  IdentityVisibility,
  MentorKind,
  MentorOffering,
  PersonStatus,
  Role,
  StudentTrack,
} from '#shared/enums.ts'
import { SPECIALTIES, findDepartment, findSpecialty } from '#shared/reference/specialties.ts'
import type { advisorProfiles, mentorProfiles, people, personRoles, studentProfiles } from '../schema/index.ts'
import { NAME_GROUPS, NEUTRAL_GIVEN_NAMES, type NameGroup } from './content/names.ts'
import { ALUMNI_CITIES, ALUMNI_WORKPLACES, SCHOOL_HOME, SITES, TRAINING_CITIES } from './content/places.ts'
import { alumniBio, careerGoals, spokenSpecialty, facultyBio, fellowBio, nearPeerBio, residentBio, STUDENT_HIGHLIGHTS } from './content/prose.ts'
import { BASIC_SCIENCE_CONTENT, SPECIALTY_CONTENT, type SpecialtyContent } from './content/specialty-content.ts'
import type { Random } from './random.ts'

export type PersonRow = typeof people.$inferSelect
export type PersonRoleRow = typeof personRoles.$inferSelect
export type StudentProfileRow = typeof studentProfiles.$inferSelect
export type MentorProfileRow = typeof mentorProfiles.$inferSelect
export type AdvisorProfileRow = typeof advisorProfiles.$inferSelect

/** The roster's enrollment and house default to enrolled and none. */
export type StudentProfileFields = Omit<StudentProfileRow, 'personId' | 'updatedAt' | 'enrollment' | 'house'> &
  Partial<Pick<StudentProfileRow, 'enrollment' | 'house'>>
export type MentorProfileFields = Omit<MentorProfileRow, 'personId' | 'updatedAt'>
export type AdvisorProfileFields = Omit<AdvisorProfileRow, 'personId' | 'updatedAt'>

/** The rows of one person, ready to insert; profiles are null for roles the person lacks. */
export type BuiltPerson = {
  person: PersonRow
  roles: PersonRoleRow[]
  student: StudentProfileRow | null
  mentor: MentorProfileRow | null
  advisor: AdvisorProfileRow | null
}

// ---------------------------------------------------------------------------------------------
// Names

export type DrawnName = { given: string; family: string; name: string; group: NameGroup; pronouns: string | null }

export function drawName(random: Random): DrawnName {
  const group = random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const))
  const style = random.weighted([
    ['feminine', 48],
    ['masculine', 47],
    ['neutral', 5],
  ] as const)
  const givenPool = style === 'feminine' ? group.feminine : style === 'masculine' ? group.masculine : NEUTRAL_GIVEN_NAMES
  const given = random.pick(givenPool)
  // American class lists mix traditions: marriages, adoption, anglicised given names.
  const familyGroup = random.chance(0.15) ? random.weighted(NAME_GROUPS.map((g) => [g, g.weight] as const)) : group
  const family = random.pick(familyGroup.family)
  const usual = style === 'feminine' ? 'she/her' : style === 'masculine' ? 'he/him' : 'they/them'
  const pronouns = random.chance(0.3) ? null : random.chance(0.03) ? 'they/them' : usual
  return { given, family, name: `${given} ${family}`, group, pronouns }
}

/** `Ana Lucía` `Dela Cruz` → `analucia.delacruz`: ASCII, lower case, no spaces or hyphens. */
export function emailLocalPart(given: string, family: string): string {
  const clean = (part: string) =>
    part
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
  return `${clean(given)}.${clean(family)}`
}

function nameParts(name: string): { given: string; family: string } {
  const words = name.trim().split(/\s+/)
  if (words.length <= 1) return { given: words[0] ?? 'person', family: 'person' }
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] ?? '' }
}

// ---------------------------------------------------------------------------------------------
// Calendar

/** The academic year starts in July: in March 2026 the year that started is 2025. */
export function academicYearStart(now: Date): number {
  return now.getUTCMonth() >= 6 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
}

/**
 * The May a student graduates in. Research-year students have finished M3 and still have M4 to
 * do, so they graduate a year after this year's M4s.
 */
export function graduationYearFor(classYear: ClassYear, now: Date): number {
  const offset: Record<ClassYear, number> = { M4: 1, research: 2, M3: 2, M2: 3, M1: 4 }
  return academicYearStart(now) + offset[classYear]
}

// ---------------------------------------------------------------------------------------------
// Shared picks

const IDENTITY_WEIGHTS: readonly (readonly [IdentityAttribute, number])[] = [
  ['first-generation', 30],
  ['underrepresented-in-medicine', 26],
  ['rural-background', 13],
  ['lgbtq', 12],
  ['international', 6],
  ['parent-or-caregiver', 6],
  ['disability', 5],
  ['veteran', 3],
]

const VISIBILITY_WEIGHTS: readonly (readonly [IdentityVisibility, number])[] = [
  ['private', 55],
  ['advisors', 18],
  ['mentors-and-advisors', 18],
  ['everyone', 9],
]

function drawIdentity(
  random: Random,
  share: number,
  also: IdentityAttribute[] = [],
): { identity: IdentityAttribute[]; identityVisibility: IdentityVisibility } {
  const identity = new Set<IdentityAttribute>(also)
  if (random.chance(share)) {
    identity.add(random.weighted(IDENTITY_WEIGHTS))
    if (random.chance(0.3)) identity.add(random.weighted(IDENTITY_WEIGHTS))
  }
  if (identity.size === 0) return { identity: [], identityVisibility: 'private' }
  return { identity: [...identity], identityVisibility: random.weighted(VISIBILITY_WEIGHTS) }
}

function drawLanguages(random: Random, group: NameGroup | null, share: number): string[] {
  const languages = ['English']
  if (group && group.languages.length > 0 && random.chance(share)) languages.push(random.pick(group.languages))
  // Medical Spanish is common well beyond native speakers.
  if (!languages.includes('Spanish') && random.chance(0.08)) languages.push('Spanish')
  if (random.chance(0.02)) {
    const extra = random.pick(['French', 'American Sign Language', 'Portuguese', 'German', 'Russian', 'Arabic'])
    if (!languages.includes(extra)) languages.push(extra)
  }
  return languages
}

function specialtyName(id: string | null | undefined): string {
  return spokenSpecialty((id && findSpecialty(id)?.name) || '')
}

function contentFor(specialtyId: string): SpecialtyContent {
  const content = SPECIALTY_CONTENT[specialtyId]
  if (!content) throw new Error(`No demo content for specialty "${specialtyId}".`)
  return content
}

/** Specialties students can name as an interest (not the transitional year). */
const INTEREST_WEIGHTS = SPECIALTIES.filter((s) => contentFor(s.id).studentInterest > 0).map((s) => [s.id, contentFor(s.id).studentInterest] as const)

const INTEREST_CLUSTERS: readonly (readonly string[])[] = [
  ['internal-medicine', 'family-medicine', 'pediatrics', 'internal-medicine-pediatrics', 'psychiatry', 'obstetrics-gynecology'],
  ['emergency-medicine', 'anesthesiology', 'general-surgery', 'internal-medicine'],
  [
    'general-surgery',
    'orthopaedic-surgery',
    'plastic-surgery',
    'urology',
    'otolaryngology',
    'neurological-surgery',
    'thoracic-surgery',
    'vascular-surgery',
    'ophthalmology',
  ],
  ['neurology', 'psychiatry', 'neurological-surgery', 'child-neurology', 'physical-medicine-rehabilitation'],
  ['diagnostic-radiology', 'interventional-radiology', 'pathology', 'radiation-oncology', 'dermatology'],
]

const COMPETITIVE_SURGICAL = new Set([
  'orthopaedic-surgery',
  'plastic-surgery',
  'neurological-surgery',
  'otolaryngology',
  'urology',
  'thoracic-surgery',
  'vascular-surgery',
])

/** Ranked interests, related to each other the way students' usually are. */
export function drawSpecialtyInterests(random: Random, classYear: ClassYear): string[] {
  const counts: Record<ClassYear, readonly (readonly [number, number])[]> = {
    M1: [
      [0, 35],
      [1, 33],
      [2, 22],
      [3, 10],
    ],
    M2: [
      [0, 14],
      [1, 34],
      [2, 36],
      [3, 16],
    ],
    M3: [
      [1, 46],
      [2, 40],
      [3, 14],
    ],
    M4: [[1, 1]],
    research: [
      [1, 70],
      [2, 30],
    ],
  }
  const count = random.weighted(counts[classYear])
  if (count === 0) return []
  const first = random.weighted(INTEREST_WEIGHTS)
  const interests = [first]
  if (classYear === 'M4') {
    const specialty = findSpecialty(first)
    if (specialty?.hasAdvancedPrograms && random.chance(0.35)) interests.push(random.pick(['transitional-year', 'internal-medicine']))
    else if (COMPETITIVE_SURGICAL.has(first) && random.chance(0.2)) interests.push('general-surgery')
    return interests
  }
  while (interests.length < count) {
    const cluster = INTEREST_CLUSTERS.find((c) => c.includes(first))
    const candidates = cluster && random.chance(0.6) ? cluster.filter((id) => !interests.includes(id)) : []
    const next = candidates.length > 0 ? random.pick(candidates) : random.weighted(INTEREST_WEIGHTS)
    if (!interests.includes(next)) interests.push(next)
  }
  return interests
}

const HELP_BY_YEAR: Record<ClassYear, readonly MentorOffering[]> = {
  M1: ['career-advice', 'shadowing', 'research', 'wellness'],
  M2: ['research', 'career-advice', 'shadowing', 'wellness', 'cv-review'],
  M3: ['career-advice', 'letters', 'cv-review', 'research', 'wellness'],
  M4: ['mock-interviews', 'personal-statement-review', 'letters', 'cv-review', 'career-advice'],
  research: ['research', 'cv-review', 'letters', 'career-advice'],
}

const TRACK_WEIGHTS: readonly (readonly [StudentTrack, number])[] = [
  ['MD', 80],
  ['MD-PhD', 5],
  ['MD-MPH', 5],
  ['primary-care-scholars', 4],
  ['MD-MBA', 3],
  ['rural-health', 3],
]

// ---------------------------------------------------------------------------------------------
// Profiles

export type StudentProfileOptions = { classYear: ClassYear; now: Date; track?: StudentTrack; specialtyInterests?: string[] }

export function makeStudentProfile(random: Random, options: StudentProfileOptions): StudentProfileFields {
  const { classYear, now } = options
  const track =
    options.track ??
    (classYear === 'research'
      ? random.weighted([
          ['MD', 70],
          ['MD-PhD', 15],
          ['MD-MPH', 15],
        ] as const)
      : random.weighted(TRACK_WEIGHTS))
  let specialtyInterests = options.specialtyInterests ?? drawSpecialtyInterests(random, classYear)
  if (track === 'primary-care-scholars' && !options.specialtyInterests && classYear !== 'M1') {
    const primary = random.pick(['family-medicine', 'internal-medicine', 'pediatrics'])
    specialtyInterests = [primary, ...specialtyInterests.filter((id) => id !== primary)].slice(0, classYear === 'M4' ? 1 : 3)
  }
  const { identity, identityVisibility } = drawIdentity(random, 0.34, track === 'rural-health' ? ['rural-background'] : [])
  const wantsIdentityAlignedMentor = identity.length > 0 && random.chance(0.35)
  const help = random.sample(HELP_BY_YEAR[classYear], random.between(1, 3))
  if (wantsIdentityAlignedMentor) help.push('identity-based-mentorship')
  return {
    classYear,
    graduationYear: graduationYearFor(classYear, now),
    track,
    specialtyInterests,
    careerGoals: careerGoals(random, { classYear, interests: specialtyInterests.map(specialtyName), track }),
    helpWanted: help,
    identity,
    identityVisibility,
    wantsIdentityAlignedMentor,
  }
}

const RANK_WEIGHTS: readonly (readonly [AcademicRank, number])[] = [
  ['assistant-professor', 40],
  ['associate-professor', 24],
  ['professor', 17],
  ['clinical-faculty', 12],
  ['instructor', 7],
]

const RANK_PHRASES: Record<AcademicRank, string> = {
  instructor: 'instructor',
  'assistant-professor': 'assistant professor',
  'associate-professor': 'associate professor',
  professor: 'professor',
  'clinical-faculty': 'member of the clinical faculty',
}

function offersFor(random: Random, kind: MentorKind, identityShared: boolean, researchHeavy: boolean): MentorOffering[] {
  const chances: Record<MentorKind, Partial<Record<MentorOffering, number>>> = {
    faculty: {
      'career-advice': 0.92,
      research: researchHeavy ? 0.85 : 0.4,
      shadowing: 0.55,
      letters: 0.6,
      'mock-interviews': 0.35,
      'cv-review': 0.45,
      'personal-statement-review': 0.4,
      wellness: 0.2,
    },
    resident: { 'career-advice': 0.9, shadowing: 0.5, 'mock-interviews': 0.45, 'cv-review': 0.5, 'personal-statement-review': 0.35, wellness: 0.45 },
    fellow: { 'career-advice': 0.85, research: 0.7, 'cv-review': 0.45, 'mock-interviews': 0.3, wellness: 0.25 },
    alumni: { 'career-advice': 0.95, 'mock-interviews': 0.55, 'personal-statement-review': 0.5, 'cv-review': 0.4, shadowing: 0.2 },
    'near-peer': { 'career-advice': 0.8, wellness: 0.7, 'cv-review': 0.35, research: 0.2 },
  }
  const offers = (Object.entries(chances[kind]) as [MentorOffering, number][]).filter(([, p]) => random.chance(p)).map(([offer]) => offer)
  if (identityShared && random.chance(0.7)) offers.push('identity-based-mentorship')
  if (offers.length === 0) offers.push('career-advice')
  // Those who both run mock interviews and review CVs say they hold high expectations. Decided
  // from the offers already drawn, so the random stream (and the rest of the school) is unchanged.
  if (offers.includes('mock-interviews') && offers.includes('cv-review')) offers.push('high-expectations')
  return offers
}

function capacityFor(random: Random, kind: MentorKind): { capacity: number; accepting: boolean } {
  const weights: Record<MentorKind, readonly (readonly [number, number])[]> = {
    faculty: [
      [0, 4],
      [1, 8],
      [2, 22],
      [3, 26],
      [4, 20],
      [5, 11],
      [6, 9],
    ],
    resident: [
      [0, 5],
      [1, 30],
      [2, 40],
      [3, 25],
    ],
    fellow: [
      [0, 6],
      [1, 38],
      [2, 40],
      [3, 16],
    ],
    alumni: [
      [0, 8],
      [1, 30],
      [2, 34],
      [3, 18],
      [4, 10],
    ],
    'near-peer': [
      [1, 45],
      [2, 40],
      [3, 15],
    ],
  }
  const capacity = random.weighted(weights[kind])
  return { capacity, accepting: capacity > 0 && random.chance(0.88) }
}

function siteKey(random: Random, content: SpecialtyContent): keyof typeof SITES {
  const [primary, ...others] = content.sites
  if (!primary) return 'university'
  return others.length > 0 && random.chance(0.35) ? random.pick(others) : primary
}

export type MentorProfileOptions = {
  now: Date
  /** The person's naming tradition, to give some of them a second language. */
  group?: NameGroup | null
  departmentId?: string | null
  specialtyId?: string | null
  subspecialty?: string
}

function mentorIdentity(random: Random, share: number) {
  const drawn = drawIdentity(random, share)
  return { ...drawn, shared: drawn.identity.length > 0 && drawn.identityVisibility !== 'private' }
}

/** Picks a clinical specialty of a department, weighted by its faculty share. */
function specialtyOfDepartment(random: Random, departmentId: string): string | null {
  const options = SPECIALTIES.filter((s) => s.departmentId === departmentId && contentFor(s.id).facultyShare > 0)
  if (options.length === 0) return null
  return random.weighted(options.map((s) => [s.id, contentFor(s.id).facultyShare] as const))
}

export function makeFacultyProfile(random: Random, options: MentorProfileOptions): MentorProfileFields {
  const departmentId = options.departmentId ?? (options.specialtyId ? (findSpecialty(options.specialtyId)?.departmentId ?? null) : 'medicine')
  if (!departmentId) throw new Error('A faculty mentor needs a department.')
  const department = findDepartment(departmentId)
  if (!department) throw new Error(`Unknown department "${departmentId}".`)
  const specialtyId = options.specialtyId !== undefined ? options.specialtyId : specialtyOfDepartment(random, departmentId)
  const rank = random.weighted(RANK_WEIGHTS)
  const { identity, identityVisibility, shared } = mentorIdentity(random, 0.22)
  const yearsOnFaculty = rank === 'professor' ? random.between(14, 32) : rank === 'associate-professor' ? random.between(7, 16) : random.between(1, 8)

  if (!specialtyId) {
    const content = BASIC_SCIENCE_CONTENT[departmentId] ?? { subspecialties: [department.name], research: ['medical education'] }
    const subspecialty = options.subspecialty ?? random.pick(content.subspecialties)
    const research = random.sample(content.research, random.between(2, 3))
    const academicRank = rank === 'clinical-faculty' ? 'assistant-professor' : rank
    return {
      kind: 'faculty',
      departmentId,
      specialtyId: null,
      subspecialty,
      academicRank,
      clinicalSite: SITES.research,
      city: SCHOOL_HOME.city,
      state: SCHOOL_HOME.state,
      researchInterests: research.join('; '),
      bio: facultyBio(random, {
        rankPhrase: RANK_PHRASES[academicRank],
        departmentName: department.name,
        subspecialty,
        site: `the ${SITES.research}`,
        focus: [],
        research,
        trainingCity: random.pick(TRAINING_CITIES),
        yearsOnFaculty,
        basicScience: true,
      }),
      offers: offersFor(random, 'faculty', shared, true).filter((o) => o !== 'shadowing'),
      ...capacityFor(random, 'faculty'),
      languages: drawLanguages(random, options.group ?? null, 0.3),
      identity,
      identityVisibility,
      graduationYear: null,
    }
  }

  const content = contentFor(specialtyId)
  const subspecialty = options.subspecialty ?? (random.chance(0.35) ? (content.subspecialties[0] ?? '') : random.pick(content.subspecialties))
  const focus = random.sample(content.clinicalFocus, 2)
  const research = random.sample(content.research, random.between(1, 3))
  const site = SITES[rank === 'clinical-faculty' && random.chance(0.5) ? random.pick(['eastside', 'westside', 'county'] as const) : siteKey(random, content)]
  return {
    kind: 'faculty',
    departmentId,
    specialtyId,
    subspecialty,
    academicRank: rank,
    clinicalSite: site,
    city: SCHOOL_HOME.city,
    state: SCHOOL_HOME.state,
    researchInterests: rank === 'clinical-faculty' && random.chance(0.5) ? '' : research.join('; '),
    bio: facultyBio(random, {
      rankPhrase: RANK_PHRASES[rank],
      departmentName: department.name,
      subspecialty,
      site,
      focus,
      research: rank === 'clinical-faculty' ? [] : research,
      trainingCity: random.pick(TRAINING_CITIES),
      yearsOnFaculty,
      basicScience: false,
    }),
    offers: offersFor(random, 'faculty', shared, rank === 'professor' || rank === 'associate-professor'),
    ...capacityFor(random, 'faculty'),
    languages: drawLanguages(random, options.group ?? null, 0.3),
    identity,
    identityVisibility,
    graduationYear: null,
  }
}

/** Specialties with a residency of their own at the school (not the one-year transitional). */
const RESIDENCY_SPECIALTIES = SPECIALTIES.filter((s) => s.id !== 'transitional-year' && contentFor(s.id).facultyShare > 0)
const RESIDENT_WEIGHTS = RESIDENCY_SPECIALTIES.map((s) => [s.id, Math.max(0.5, contentFor(s.id).studentInterest)] as const)

export function makeResidentProfile(random: Random, options: MentorProfileOptions): MentorProfileFields {
  const specialtyId = options.specialtyId ?? random.weighted(RESIDENT_WEIGHTS)
  const specialty = findSpecialty(specialtyId)
  const content = contentFor(specialtyId)
  const pgy = random.between(1, content.residencyYears)
  const fromThisSchool = random.chance(0.3)
  const interests = random.sample(content.research, 2)
  const plan =
    content.fellowships.length > 0 && random.chance(0.55)
      ? `I am planning to apply for fellowship in ${random.pick(content.fellowships)}`
      : random.pick(['I hope to stay in academic medicine', 'I plan to go into practice in the community', 'I am still deciding what comes after residency'])
  const { identity, identityVisibility, shared } = mentorIdentity(random, 0.25)
  return {
    kind: 'resident',
    departmentId: options.departmentId ?? specialty?.departmentId ?? null,
    specialtyId,
    subspecialty: options.subspecialty ?? '',
    academicRank: null,
    clinicalSite: SITES[content.sites.includes('children') && specialtyId === 'pediatrics' ? 'children' : 'university'],
    city: SCHOOL_HOME.city,
    state: SCHOOL_HOME.state,
    researchInterests: random.chance(0.6) ? interests.join('; ') : '',
    bio: residentBio(random, {
      pgy,
      specialtyName: specialtyName(specialtyId),
      medicalSchoolCity: random.pick(TRAINING_CITIES),
      fromThisSchool,
      interests,
      plan,
    }),
    offers: offersFor(random, 'resident', shared, false),
    ...capacityFor(random, 'resident'),
    languages: drawLanguages(random, options.group ?? null, 0.35),
    identity,
    identityVisibility,
    graduationYear: null,
  }
}

const FELLOWSHIP_SPECIALTIES = RESIDENCY_SPECIALTIES.filter((s) => contentFor(s.id).fellowships.length > 0)

export function makeFellowProfile(random: Random, options: MentorProfileOptions): MentorProfileFields {
  const specialtyId =
    options.specialtyId ??
    random.weighted(FELLOWSHIP_SPECIALTIES.map((s) => [s.id, contentFor(s.id).facultyShare * (s.id === 'internal-medicine' ? 4 : 1)] as const))
  const specialty = findSpecialty(specialtyId)
  const content = contentFor(specialtyId)
  const fellowship = options.subspecialty || random.pick(content.fellowships.length > 0 ? content.fellowships : content.subspecialties)
  const pgy = content.residencyYears + random.between(1, 3)
  const interests = random.sample(content.research, 1)
  const { identity, identityVisibility, shared } = mentorIdentity(random, 0.22)
  return {
    kind: 'fellow',
    departmentId: options.departmentId ?? specialty?.departmentId ?? null,
    specialtyId,
    subspecialty: fellowship,
    academicRank: null,
    clinicalSite: SITES[siteKey(random, content)],
    city: SCHOOL_HOME.city,
    state: SCHOOL_HOME.state,
    researchInterests: interests.join('; '),
    bio: fellowBio(random, {
      pgy,
      specialtyName: specialtyName(specialtyId),
      fellowship,
      medicalSchoolCity: random.pick(TRAINING_CITIES),
      fromThisSchool: false,
      interests,
      plan: '',
    }),
    offers: offersFor(random, 'fellow', shared, true),
    ...capacityFor(random, 'fellow'),
    languages: drawLanguages(random, options.group ?? null, 0.35),
    identity,
    identityVisibility,
    graduationYear: null,
  }
}

export type AlumniProfileOptions = MentorProfileOptions & { state?: string; city?: string }

export function makeAlumniProfile(random: Random, options: AlumniProfileOptions): MentorProfileFields {
  const specialtyId = options.specialtyId ?? random.weighted(RESIDENT_WEIGHTS)
  const content = contentFor(specialtyId)
  const place = options.state
    ? (ALUMNI_CITIES.find((c) => c.state === options.state) ?? null)
    : random.weighted(ALUMNI_CITIES.map((c) => [c, c.weight] as const))
  const state = place?.state ?? options.state ?? SCHOOL_HOME.state
  const city = options.city ?? (place ? random.pick(place.cities) : SCHOOL_HOME.city)
  const graduationYear = academicYearStart(options.now) - random.between(4, 34)
  const workplace = random.pick(ALUMNI_WORKPLACES)(city)
  const subspecialty = options.subspecialty ?? (random.chance(0.4) ? random.pick(content.subspecialties) : '')
  const focus = random.pick(content.clinicalFocus)
  const { identity, identityVisibility, shared } = mentorIdentity(random, 0.22)
  return {
    kind: 'alumni',
    departmentId: null,
    specialtyId,
    subspecialty,
    academicRank: null,
    clinicalSite: workplace,
    city,
    state,
    researchInterests: random.chance(0.3) ? random.pick(content.research) : '',
    bio: alumniBio(random, {
      graduationYear,
      specialtyName: specialtyName(specialtyId),
      trainingCity: random.pick(TRAINING_CITIES),
      workplace,
      city,
      state,
      focus,
    }),
    offers: offersFor(random, 'alumni', shared, false),
    ...capacityFor(random, 'alumni'),
    languages: drawLanguages(random, options.group ?? null, 0.3),
    identity,
    identityVisibility,
    graduationYear,
  }
}

export type NearPeerProfileOptions = MentorProfileOptions & { classYear: 'M3' | 'M4'; student?: Pick<StudentProfileFields, 'identity' | 'identityVisibility'> }

export function makeNearPeerProfile(random: Random, options: NearPeerProfileOptions): MentorProfileFields {
  const specialtyId = options.specialtyId ?? null
  // A near-peer's identity is the one on the student profile: one person, one answer.
  const identity = options.student?.identity ?? []
  const identityVisibility = options.student?.identityVisibility ?? 'private'
  const shared = identity.length > 0 && identityVisibility !== 'private'
  return {
    kind: 'near-peer',
    departmentId: null,
    specialtyId,
    subspecialty: options.subspecialty ?? '',
    academicRank: null,
    clinicalSite: '',
    city: SCHOOL_HOME.city,
    state: SCHOOL_HOME.state,
    researchInterests: specialtyId && random.chance(0.4) ? random.pick(contentFor(specialtyId).research) : '',
    bio: nearPeerBio(random, {
      classYear: options.classYear,
      specialtyName: specialtyName(specialtyId) || null,
      highlights: random.sample(STUDENT_HIGHLIGHTS, 1),
    }),
    offers: offersFor(random, 'near-peer', shared, false),
    ...capacityFor(random, 'near-peer'),
    languages: drawLanguages(random, options.group ?? null, 0.35),
    identity,
    identityVisibility,
    graduationYear: null,
  }
}

export function makeMentorProfile(random: Random, kind: MentorKind, options: MentorProfileOptions & { classYear?: 'M3' | 'M4' }): MentorProfileFields {
  switch (kind) {
    case 'faculty':
      return makeFacultyProfile(random, options)
    case 'resident':
      return makeResidentProfile(random, options)
    case 'fellow':
      return makeFellowProfile(random, options)
    case 'alumni':
      return makeAlumniProfile(random, options)
    case 'near-peer':
      return makeNearPeerProfile(random, { ...options, classYear: options.classYear ?? 'M4' })
  }
}

/** Titles of specialty advisors; `{s}` is the specialty. */
const SPECIALTY_ADVISOR_TITLES: readonly string[] = [
  'Specialty Advisor for {s}',
  'Specialty Advisor for {s}',
  'Clerkship Director and Specialty Advisor, {s}',
  'Residency Program Director and Specialty Advisor, {s}',
  'Career Advisor for {s}',
]

export function makeSpecialtyAdvisorProfile(random: Random, specialtyId: string): AdvisorProfileFields {
  const specialty = findSpecialty(specialtyId)
  if (!specialty) throw new Error(`Unknown specialty "${specialtyId}".`)
  const department = findDepartment(specialty.departmentId)
  const primarySite = contentFor(specialty.id).sites[0]
  const building = primarySite && random.chance(0.6) ? SITES[primarySite] : random.pick(['Clinical Sciences Building', 'Medical Education Building'])
  return {
    title: random.pick(SPECIALTY_ADVISOR_TITLES).replace('{s}', spokenSpecialty(specialty.name)),
    office: `Department of ${department?.name ?? specialty.name}, ${building}, Room ${random.between(1, 9)}-${random.between(100, 480)}`,
    advisesSpecialtyId: specialty.id,
  }
}

export const STUDENT_AFFAIRS_TITLES: readonly string[] = [
  'Associate Dean for Student Affairs',
  'Assistant Dean for Student Affairs',
  'Director of Career Advising',
  'Career Advisor, Office of Student Affairs',
  'Director of Student Wellness',
  'Assistant Dean for Medical Student Research',
  'Learning Specialist',
]

export function makeStudentAffairsAdvisorProfile(random: Random, title?: string): AdvisorProfileFields {
  return {
    title: title ?? random.pick(STUDENT_AFFAIRS_TITLES),
    office: `Office of Student Affairs, Medical Education Building, Suite ${random.between(100, 250)}`,
    advisesSpecialtyId: null,
  }
}

// ---------------------------------------------------------------------------------------------
// A whole person

export type PersonInput = {
  roles: readonly Role[]
  now: Date
  id?: string
  email?: string
  name?: string
  pronouns?: string | null
  status?: PersonStatus
  passwordHash?: string | null
  directoryHold?: boolean
  /** The school's id for the person (student number); none by default. */
  schoolId?: string | null
  /** Domain for generated e-mails. */
  emailDomain?: string
  student?: Partial<StudentProfileFields>
  mentor?: Partial<MentorProfileFields>
  advisor?: Partial<AdvisorProfileFields>
}

/**
 * Builds a person's rows. Fields given in `input` win; the rest are drawn from `random`. When no
 * e-mail is given one is made from the name plus a random suffix, so repeated builds from one
 * stream do not collide.
 */
export function buildPersonRows(random: Random, input: PersonInput): BuiltPerson {
  const roles = [...new Set(input.roles)]
  const drawn = drawName(random)
  const name = input.name ?? drawn.name
  const { given, family } = input.name ? nameParts(input.name) : drawn
  const group = input.name ? null : drawn.group
  const id = input.id ?? random.uuid()
  const suffix = random
    .int(36 ** 6)
    .toString(36)
    .padStart(6, '0')
  const email = (input.email ?? `${emailLocalPart(given, family)}.${suffix}@${input.emailDomain ?? 'test.example.edu'}`).toLowerCase()
  const now = input.now

  const person: PersonRow = {
    id,
    email,
    name,
    pronouns: input.pronouns !== undefined ? input.pronouns : drawn.pronouns,
    status: input.status ?? 'active',
    passwordHash: input.passwordHash ?? null,
    directoryHold: input.directoryHold ?? false,
    schoolId: input.schoolId ?? null,
    photo: null,
    timeZone: null,
    hourCycle: null,
    photoType: null,
    createdAt: now,
    updatedAt: now,
    lastSignInAt: null,
    schoolWideRecords: false,
  }

  const isStudent = roles.includes('student')
  const isMentor = roles.includes('mentor')
  const mentorKind: MentorKind = input.mentor?.kind ?? (isStudent ? 'near-peer' : 'faculty')

  let student: StudentProfileRow | null = null
  if (isStudent) {
    const classYear = input.student?.classYear ?? (isMentor ? random.pick(['M3', 'M4'] as const) : random.pick(['M1', 'M2', 'M3', 'M4'] as const))
    const base = makeStudentProfile(random, {
      classYear,
      now,
      ...(input.student?.track ? { track: input.student.track } : {}),
      ...(input.student?.specialtyInterests ? { specialtyInterests: input.student.specialtyInterests } : {}),
    })
    student = { enrollment: 'enrolled', house: '', ...base, ...input.student, personId: id, updatedAt: now }
  }

  let mentor: MentorProfileRow | null = null
  if (isMentor) {
    const classYear = student?.classYear === 'M3' || student?.classYear === 'M4' ? student.classYear : 'M4'
    const base = makeMentorProfile(random, mentorKind, {
      now,
      group,
      classYear,
      ...(input.mentor?.departmentId !== undefined ? { departmentId: input.mentor.departmentId } : {}),
      ...(input.mentor?.specialtyId !== undefined
        ? { specialtyId: input.mentor.specialtyId }
        : mentorKind === 'near-peer' && student
          ? { specialtyId: student.specialtyInterests[0] ?? null }
          : {}),
      ...(input.mentor?.subspecialty !== undefined ? { subspecialty: input.mentor.subspecialty } : {}),
      ...(student ? { student: { identity: student.identity, identityVisibility: student.identityVisibility } } : {}),
    })
    mentor = { ...base, ...input.mentor, kind: mentorKind, personId: id, updatedAt: now }
  }

  let advisor: AdvisorProfileRow | null = null
  if (roles.includes('advisor')) {
    const advisesSpecialtyId =
      input.advisor?.advisesSpecialtyId !== undefined ? input.advisor.advisesSpecialtyId : mentor?.kind === 'faculty' ? mentor.specialtyId : null
    const base = advisesSpecialtyId ? makeSpecialtyAdvisorProfile(random, advisesSpecialtyId) : makeStudentAffairsAdvisorProfile(random)
    advisor = { ...base, ...input.advisor, personId: id, updatedAt: now }
  }

  return {
    person,
    roles: roles.map((role) => ({ personId: id, role, grantedAt: now })),
    student,
    mentor,
    advisor,
  }
}
