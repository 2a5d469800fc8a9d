/**
 * The demo school, generated: pure (no database, no clock, no `Math.random`), so the same seed
 * and `now` always give the same rows, ids included. `seed-demo-school.ts` inserts them.
 */
import { CLASS_YEARS, MENTOR_KINDS, type ClassYear, type MentorKind, type Role } from '#shared/enums.ts'
import { DEPARTMENTS, SPECIALTIES } from '#shared/reference/specialties.ts'
import { ALUMNI_CITIES, SCHOOL_HOME, SITES } from './content/places.ts'
import { DEMO_ACCOUNTS, type DemoAccountKey } from './demo-accounts.ts'
import {
  drawName,
  emailLocalPart,
  graduationYearFor,
  makeAlumniProfile,
  makeFacultyProfile,
  makeFellowProfile,
  makeNearPeerProfile,
  makeResidentProfile,
  makeSpecialtyAdvisorProfile,
  makeStudentAffairsAdvisorProfile,
  makeStudentProfile,
  type AdvisorProfileFields,
  type AdvisorProfileRow,
  type BuiltPerson,
  type DrawnName,
  type MentorProfileFields,
  type MentorProfileRow,
  type PersonRoleRow,
  type PersonRow,
  type StudentProfileFields,
  type StudentProfileRow,
} from './people.ts'
import { createRandom, type Random } from './random.ts'

export const DEFAULT_DEMO_SEED = 1
export const DEMO_EMAIL_DOMAIN = 'demo.example.edu'

/** How many of each kind of person the demo school has (before the demo accounts). */
export const DEMO_SCHOOL_SIZE = {
  studentsByClass: { M1: 105, M2: 106, M3: 104, M4: 103, research: 7 } satisfies Record<ClassYear, number>,
  directoryHolds: 5,
  nearPeers: { M3: 28, M4: 32 },
  /** Faculty per department: the large clinical departments first. */
  facultyByDepartment: {
    medicine: 200,
    pediatrics: 80,
    surgery: 70,
    anesthesiology: 45,
    'family-medicine': 40,
    psychiatry: 40,
    radiology: 40,
    'emergency-medicine': 35,
    'obstetrics-gynecology': 35,
    neurology: 30,
    pathology: 25,
    'orthopaedic-surgery': 25,
    ophthalmology: 15,
    otolaryngology: 15,
    urology: 12,
    dermatology: 12,
    neurosurgery: 10,
    'physical-medicine-rehabilitation': 10,
    'radiation-oncology': 10,
    'cardiothoracic-surgery': 8,
    anatomy: 8,
    biochemistry: 10,
    microbiology: 10,
    pharmacology: 8,
    physiology: 8,
    'population-health': 12,
    'medical-education': 10,
  } satisfies Record<string, number>,
  residents: 170,
  fellows: 70,
  alumni: 220,
  /** Specialties with a second specialty advisor, for their size. */
  twoAdvisors: ['internal-medicine', 'general-surgery', 'pediatrics', 'emergency-medicine'],
  /** Share of specialty advisors drawn from the faculty mentors (they hold both roles). */
  advisorsFromFaculty: 0.75,
  studentAffairsTitles: [
    'Assistant Dean for Student Affairs',
    'Director of Career Advising',
    'Career Advisor, Office of Student Affairs',
    'Career Advisor, Office of Student Affairs',
    'Director of Student Wellness',
    'Assistant Dean for Medical Student Research',
    'Learning Specialist',
  ],
  admins: 1,
} as const

export type DemoSchoolRows = {
  people: PersonRow[]
  personRoles: PersonRoleRow[]
  studentProfiles: StudentProfileRow[]
  mentorProfiles: MentorProfileRow[]
  advisorProfiles: AdvisorProfileRow[]
}

export type DemoSchoolSummary = {
  seed: number
  people: number
  students: { total: number } & Record<ClassYear, number>
  mentors: { total: number } & Record<MentorKind, number>
  advisors: { total: number; specialty: number; studentAffairs: number }
  admins: number
  multiRole: number
  directoryHolds: number
  departmentsWithFaculty: number
  alumniStates: number
  demoAccounts: number
}

export type GenerateDemoSchoolOptions = {
  seed?: number
  now: Date
  /** Set on the demo accounts only; null leaves them sign-in-by-link like everyone else. */
  demoPasswordHash?: string | null
}

/** Hands out unique names and `first.last@demo.example.edu` e-mails, numbered on collision. */
class NameRegistry {
  private readonly names = new Set<string>()
  private readonly emails = new Set<string>()

  reserve(name: string, email: string): void {
    this.names.add(name)
    this.emails.add(email)
  }

  allocate(random: Random): { drawn: DrawnName; email: string } {
    let drawn = drawName(random)
    // Duplicate full names happen at real schools, but they make a demo directory confusing.
    for (let attempt = 0; attempt < 8 && this.names.has(drawn.name); attempt++) drawn = drawName(random)
    const local = emailLocalPart(drawn.given, drawn.family)
    let email = `${local}@${DEMO_EMAIL_DOMAIN}`
    for (let n = 2; this.emails.has(email); n++) email = `${local}${n}@${DEMO_EMAIL_DOMAIN}`
    this.reserve(drawn.name, email)
    return { drawn, email }
  }
}

type PersonExtras = {
  passwordHash?: string | null
  schoolWideRecords?: boolean
  directoryHold?: boolean
  student?: StudentProfileFields
  mentor?: MentorProfileFields
  advisor?: AdvisorProfileFields
}

function assemble(id: string, name: string, email: string, pronouns: string | null, roles: readonly Role[], now: Date, extras: PersonExtras): BuiltPerson {
  return {
    person: {
      id,
      email,
      name,
      pronouns,
      status: 'active',
      passwordHash: extras.passwordHash ?? null,
      directoryHold: extras.directoryHold ?? false,
      schoolId: null,
      photo: null,
      timeZone: null,
      hourCycle: null,
      photoType: null,
      createdAt: now,
      updatedAt: now,
      lastSignInAt: null,
      schoolWideRecords: extras.schoolWideRecords ?? false,
    },
    roles: roles.map((role) => ({ personId: id, role, grantedAt: now })),
    student: extras.student ? { enrollment: 'enrolled', house: '', ...extras.student, personId: id, updatedAt: now } : null,
    mentor: extras.mentor ? { ...extras.mentor, personId: id, updatedAt: now } : null,
    advisor: extras.advisor ? { ...extras.advisor, personId: id, updatedAt: now } : null,
  }
}

function demoAccountPeople(random: Random, now: Date, passwordHash: string | null): Map<DemoAccountKey, BuiltPerson> {
  const built = new Map<DemoAccountKey, BuiltPerson>()
  for (const account of DEMO_ACCOUNTS) {
    const id = random.uuid()
    const make = (extras: PersonExtras) => assemble(id, account.name, account.email, account.pronouns, account.roles, now, { passwordHash, ...extras })
    switch (account.key) {
      case 'student':
        built.set(
          account.key,
          make({
            student: {
              classYear: 'M3',
              graduationYear: graduationYearFor('M3', now),
              track: 'MD',
              specialtyInterests: ['emergency-medicine', 'internal-medicine', 'anesthesiology'],
              careerGoals:
                'Emergency medicine has been my favorite rotation: I like not knowing who comes through the door next. I want to train at a busy county program, keep teaching, and eventually work on emergency care for people without a regular doctor.',
              helpWanted: ['career-advice', 'letters', 'cv-review', 'research', 'identity-based-mentorship'],
              identity: ['first-generation'],
              identityVisibility: 'mentors-and-advisors',
              wantsIdentityAlignedMentor: true,
            },
          }),
        )
        break
      case 'mentor':
        built.set(
          account.key,
          make({
            mentor: {
              kind: 'faculty',
              departmentId: 'medicine',
              specialtyId: 'internal-medicine',
              subspecialty: 'Cardiology',
              academicRank: 'associate-professor',
              clinicalSite: SITES.university,
              city: SCHOOL_HOME.city,
              state: SCHOOL_HOME.state,
              researchInterests: 'heart failure in underserved communities; cardio-oncology; clinical reasoning and feedback in medical education',
              bio: 'I am an associate professor of medicine in the Division of Cardiology and direct the heart failure clinic at University Hospital. I grew up in Houston as the son of Nigerian immigrants and was the first in my family to go to medical school. My research looks at why heart failure outcomes differ so much between neighborhoods a few miles apart. I have mentored more than forty students into internal medicine and its subspecialties and I read every draft I am sent.',
              offers: ['career-advice', 'research', 'shadowing', 'letters', 'mock-interviews', 'cv-review', 'identity-based-mentorship'],
              capacity: 5,
              accepting: true,
              languages: ['English', 'Igbo'],
              identity: ['first-generation', 'underrepresented-in-medicine'],
              identityVisibility: 'everyone',
              graduationYear: null,
            },
          }),
        )
        break
      case 'advisor':
        built.set(
          account.key,
          make({
            advisor: makeStudentAffairsAdvisorProfile(random, 'Associate Dean for Student Affairs'),
            // The associate dean reads every student's record (decision 015), as the office's dean does.
            schoolWideRecords: true,
          }),
        )
        break
      case 'admin':
        built.set(account.key, make({}))
        break
      case 'near-peer':
        built.set(
          account.key,
          make({
            student: {
              classYear: 'M4',
              graduationYear: graduationYearFor('M4', now),
              track: 'MD',
              specialtyInterests: ['pediatrics'],
              careerGoals:
                "I'm applying in Pediatrics this cycle and hope to match at a program with a strong community health track. Long term I want to be a general pediatrician who also teaches.",
              helpWanted: ['mock-interviews', 'personal-statement-review'],
              identity: [],
              identityVisibility: 'private',
              wantsIdentityAlignedMentor: false,
            },
            mentor: {
              kind: 'near-peer',
              departmentId: null,
              specialtyId: 'pediatrics',
              subspecialty: '',
              academicRank: null,
              clinicalSite: '',
              city: SCHOOL_HOME.city,
              state: SCHOOL_HOME.state,
              researchInterests: 'early childhood literacy in primary care',
              bio: 'I am a fourth-year student applying in Pediatrics. I tutored anatomy for two years and remember exactly how overwhelming first year felt. I am happy to talk about study plans for Step 1, picking a clerkship order, finding research and keeping a life outside school.',
              offers: ['career-advice', 'wellness', 'cv-review'],
              capacity: 3,
              accepting: true,
              languages: ['English', 'Korean'],
              identity: [],
              identityVisibility: 'private',
              graduationYear: null,
            },
          }),
        )
        break
    }
  }
  return built
}

/** Generates every row of the demo school. */
export function generateDemoSchool(options: GenerateDemoSchoolOptions): { rows: DemoSchoolRows; summary: DemoSchoolSummary } {
  const seed = options.seed ?? DEFAULT_DEMO_SEED
  const now = options.now
  const root = createRandom(seed)
  // One stream per population, so that resizing one part leaves the others as they were.
  const streams = {
    demo: root.fork('demo-accounts'),
    students: root.fork('students'),
    faculty: root.fork('faculty'),
    trainees: root.fork('residents-and-fellows'),
    alumni: root.fork('alumni'),
    advisors: root.fork('advisors'),
    staff: root.fork('staff'),
  }
  const registry = new NameRegistry()
  for (const account of DEMO_ACCOUNTS) registry.reserve(account.name, account.email)
  const everyone: BuiltPerson[] = []

  const demo = demoAccountPeople(streams.demo, now, options.demoPasswordHash ?? null)
  everyone.push(...demo.values())

  // Students, and the M3s and M4s among them who are near-peer mentors.
  {
    const random = streams.students
    const students: { built: BuiltPerson; drawn: DrawnName }[] = []
    for (const classYear of CLASS_YEARS) {
      for (let i = 0; i < DEMO_SCHOOL_SIZE.studentsByClass[classYear]; i++) {
        const { drawn, email } = registry.allocate(random)
        const student = makeStudentProfile(random, { classYear, now })
        const built = assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['student'], now, { student })
        students.push({ built, drawn })
      }
    }
    for (const { built } of random.sample(students, DEMO_SCHOOL_SIZE.directoryHolds)) built.person.directoryHold = true
    for (const classYear of ['M3', 'M4'] as const) {
      const pool = students.filter((s) => s.built.student?.classYear === classYear && !s.built.person.directoryHold)
      for (const { built, drawn } of random.sample(pool, DEMO_SCHOOL_SIZE.nearPeers[classYear])) {
        const student = built.student
        if (!student) continue
        const mentor = makeNearPeerProfile(random, {
          now,
          classYear,
          group: drawn.group,
          specialtyId: student.specialtyInterests[0] ?? null,
          student: { identity: student.identity, identityVisibility: student.identityVisibility },
        })
        built.roles.push({ personId: built.person.id, role: 'mentor', grantedAt: now })
        built.mentor = { ...mentor, personId: built.person.id, updatedAt: now }
      }
    }
    everyone.push(...students.map((s) => s.built))
  }

  // Faculty in every department.
  const faculty: BuiltPerson[] = []
  {
    const random = streams.faculty
    for (const department of DEPARTMENTS) {
      const count = (DEMO_SCHOOL_SIZE.facultyByDepartment as Record<string, number>)[department.id] ?? 0
      for (let i = 0; i < count; i++) {
        const { drawn, email } = registry.allocate(random)
        const mentor = makeFacultyProfile(random, { now, group: drawn.group, departmentId: department.id })
        faculty.push(assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['mentor'], now, { mentor }))
      }
    }
    everyone.push(...faculty)
  }

  // Residents and fellows of the school's own programs.
  {
    const random = streams.trainees
    for (let i = 0; i < DEMO_SCHOOL_SIZE.residents + DEMO_SCHOOL_SIZE.fellows; i++) {
      const { drawn, email } = registry.allocate(random)
      const options = { now, group: drawn.group }
      const mentor = i < DEMO_SCHOOL_SIZE.residents ? makeResidentProfile(random, options) : makeFellowProfile(random, options)
      everyone.push(assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['mentor'], now, { mentor }))
    }
  }

  // Alumni across the country: every listed state once, then where physicians cluster.
  {
    const random = streams.alumni
    for (let i = 0; i < DEMO_SCHOOL_SIZE.alumni; i++) {
      const { drawn, email } = registry.allocate(random)
      const place = ALUMNI_CITIES[i]
      const mentor = makeAlumniProfile(random, { now, group: drawn.group, ...(place ? { state: place.state } : {}) })
      everyone.push(assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['mentor'], now, { mentor }))
    }
  }

  // Specialty advisors for every specialty (hence every clinical department), most of them
  // faculty mentors in that specialty as well.
  {
    const random = streams.advisors
    const taken = new Set<string>()
    for (const specialty of SPECIALTIES) {
      const count = (DEMO_SCHOOL_SIZE.twoAdvisors as readonly string[]).includes(specialty.id) ? 2 : 1
      for (let n = 0; n < count; n++) {
        const advisor = makeSpecialtyAdvisorProfile(random, specialty.id)
        const candidates = faculty.filter(
          (f) =>
            !taken.has(f.person.id) &&
            f.mentor?.departmentId === specialty.departmentId &&
            (f.mentor.specialtyId === specialty.id || specialty.id === 'transitional-year') &&
            (f.mentor.academicRank === 'associate-professor' || f.mentor.academicRank === 'professor'),
        )
        if (candidates.length > 0 && random.chance(DEMO_SCHOOL_SIZE.advisorsFromFaculty)) {
          const chosen = random.pick(candidates)
          taken.add(chosen.person.id)
          chosen.roles.push({ personId: chosen.person.id, role: 'advisor', grantedAt: now })
          chosen.advisor = { ...advisor, personId: chosen.person.id, updatedAt: now }
        } else {
          const { drawn, email } = registry.allocate(random)
          everyone.push(assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['advisor'], now, { advisor }))
        }
      }
    }
  }

  // The Office of Student Affairs and the administrators.
  {
    const random = streams.staff
    for (const title of DEMO_SCHOOL_SIZE.studentAffairsTitles) {
      const { drawn, email } = registry.allocate(random)
      everyone.push(assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['advisor'], now, { advisor: makeStudentAffairsAdvisorProfile(random, title) }))
    }
    for (let i = 0; i < DEMO_SCHOOL_SIZE.admins; i++) {
      const { drawn, email } = registry.allocate(random)
      everyone.push(assemble(random.uuid(), drawn.name, email, drawn.pronouns, ['admin'], now, {}))
    }
  }

  const rows: DemoSchoolRows = {
    people: everyone.map((p) => p.person),
    personRoles: everyone.flatMap((p) => p.roles),
    studentProfiles: everyone.flatMap((p) => (p.student ? [p.student] : [])),
    mentorProfiles: everyone.flatMap((p) => (p.mentor ? [p.mentor] : [])),
    advisorProfiles: everyone.flatMap((p) => (p.advisor ? [p.advisor] : [])),
  }
  return { rows, summary: summarizeDemoSchool(seed, rows) }
}

export function summarizeDemoSchool(seed: number, rows: DemoSchoolRows): DemoSchoolSummary {
  const count = <T>(items: readonly T[], predicate: (item: T) => boolean) => items.reduce((n, item) => (predicate(item) ? n + 1 : n), 0)
  const rolesByPerson = new Map<string, number>()
  for (const role of rows.personRoles) rolesByPerson.set(role.personId, (rolesByPerson.get(role.personId) ?? 0) + 1)
  const students = Object.fromEntries(CLASS_YEARS.map((y) => [y, count(rows.studentProfiles, (s) => s.classYear === y)])) as Record<ClassYear, number>
  const mentors = Object.fromEntries(MENTOR_KINDS.map((k) => [k, count(rows.mentorProfiles, (m) => m.kind === k)])) as Record<MentorKind, number>
  const specialtyAdvisors = count(rows.advisorProfiles, (a) => a.advisesSpecialtyId !== null)
  return {
    seed,
    people: rows.people.length,
    students: { total: rows.studentProfiles.length, ...students },
    mentors: { total: rows.mentorProfiles.length, ...mentors },
    advisors: { total: rows.advisorProfiles.length, specialty: specialtyAdvisors, studentAffairs: rows.advisorProfiles.length - specialtyAdvisors },
    admins: count(rows.personRoles, (r) => r.role === 'admin'),
    multiRole: count([...rolesByPerson.values()], (n) => n > 1),
    directoryHolds: count(rows.people, (p) => p.directoryHold),
    departmentsWithFaculty: new Set(rows.mentorProfiles.filter((m) => m.kind === 'faculty').map((m) => m.departmentId)).size,
    alumniStates: new Set(rows.mentorProfiles.filter((m) => m.kind === 'alumni').map((m) => m.state)).size,
    demoAccounts: DEMO_ACCOUNTS.length,
  }
}
