import type { Tx } from '../client.ts'
import { experienceEntries, opportunities, opportunityApplications, savedOpportunities } from '../schema/index.ts'
import type { ClassYear, ExperienceKind, OpportunityApplicationStatus, OpportunityKind } from '#shared/enums.ts'
import { USUAL_TIME_COMMITMENT } from '#shared/reference/time-commitments.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

type Plan = {
  kind: OpportunityKind
  title: string
  description: string
  specialtyId: string | null
  /** Who posts it: a demo account by e-mail, or a faculty mentor of this specialty. */
  poster: string
  classYears: ClassYear[]
  remote?: boolean
  places: number
  /** Days from now the applications close (null: open until filled), and the days it starts and ends. */
  applyIn: number | null
  startIn: number | null
  endIn: number | null
  timeCommitment: string
  researchQuestion?: string
  methods?: string
  skillsWanted?: string
  expectedOutput?: string
  site?: string
  dressCode?: string
  whatToBring?: string
  /** Applications by students (not demo accounts), and the demo student's own. */
  applications?: OpportunityApplicationStatus[]
  demoStudent?: OpportunityApplicationStatus
  /** Saved by the demo student, to come back to. */
  savedByDemoStudent?: true
}

const ADVISOR = 'advisor@demo.example.edu'
const MENTOR = 'mentor@demo.example.edu'

const PLANS: readonly Plan[] = [
  {
    kind: 'research-project',
    title: 'Heart failure readmissions after discharge',
    description: 'Which patients come back within 30 days of a heart failure admission, and could a nurse phone call the week after discharge prevent it?',
    specialtyId: 'internal-medicine',
    poster: MENTOR,
    classYears: ['M1', 'M2', 'M3'],
    places: 2,
    applyIn: 21,
    startIn: 45,
    endIn: 225,
    timeCommitment: '4 hours a week',
    site: 'Heart and Vascular Center',
    researchQuestion: 'Does a structured phone call in the first week after discharge reduce 30-day readmissions?',
    methods: 'Retrospective chart review of 600 admissions, then a pilot of the call.',
    skillsWanted: 'Care with spreadsheets; REDCap is a plus.',
    expectedOutput: 'An abstract for the regional ACP meeting',
    applications: ['submitted', 'shortlisted'],
  },
  {
    kind: 'research-project',
    title: 'Point-of-care ultrasound for hip fracture nerve blocks',
    description: 'A prospective study of pain and opioid use after ultrasound-guided fascia iliaca blocks in the emergency department.',
    specialtyId: 'emergency-medicine',
    poster: 'emergency-medicine',
    classYears: ['M1', 'M2', 'M3'],
    places: 3,
    applyIn: 14,
    startIn: 30,
    endIn: 300,
    timeCommitment: '3 to 5 hours a week, some evening shifts',
    site: 'University Hospital, Adult Emergency Department',
    researchQuestion: 'Do ultrasound-guided blocks cut opioid use in the first 24 hours after a hip fracture?',
    methods: 'Prospective cohort with pain scores at fixed times.',
    skillsWanted: 'Reliability on shifts; interest in ultrasound.',
    expectedOutput: 'A poster at SAEM and a paper',
    applications: ['submitted', 'submitted'],
    demoStudent: 'shortlisted',
  },
  {
    kind: 'research-project',
    title: 'Sepsis bundle compliance on the wards',
    description: 'Audit how often the sepsis bundle is completed within three hours on medical wards, and why it is missed.',
    specialtyId: 'internal-medicine',
    poster: 'internal-medicine',
    classYears: [],
    remote: true,
    places: 4,
    applyIn: 30,
    startIn: 40,
    endIn: 160,
    timeCommitment: '2 hours a week, remote chart review',
    researchQuestion: 'Which steps of the bundle are missed, and at what times of day?',
    methods: 'Chart review with a structured form.',
    expectedOutput: 'A quality-improvement abstract',
    applications: ['submitted'],
  },
  {
    kind: 'research-project',
    title: 'Teledermatology triage accuracy',
    description: 'Compare photo triage decisions with in-person diagnoses for referrals from primary care.',
    specialtyId: 'dermatology',
    poster: 'dermatology',
    classYears: ['M1', 'M2'],
    remote: true,
    places: 2,
    applyIn: 25,
    startIn: 60,
    endIn: 240,
    timeCommitment: '3 hours a week',
    expectedOutput: 'A paper in a dermatology journal',
    applications: ['submitted', 'submitted', 'declined'],
  },
  {
    kind: 'research-project',
    title: 'Outcomes of early mobility after spine surgery',
    description: 'Follow patients who walk on the day of surgery against those who start the next day.',
    specialtyId: 'orthopaedic-surgery',
    poster: 'orthopaedic-surgery',
    classYears: ['M1', 'M2'],
    places: 2,
    applyIn: 18,
    startIn: 50,
    endIn: 400,
    timeCommitment: '4 hours a week',
    site: 'University Hospital, Spine Center',
    expectedOutput: 'An abstract and a paper',
  },
  {
    kind: 'research-project',
    title: 'Adolescent depression screening in primary care',
    description: 'Evaluate how the PHQ-A screen is used in our pediatric clinics and what happens after a positive screen.',
    specialtyId: 'pediatrics',
    poster: 'pediatrics',
    classYears: [],
    places: 2,
    applyIn: null,
    startIn: 20,
    endIn: 200,
    timeCommitment: '2 to 3 hours a week',
    site: 'Eastside Community Pediatrics',
    expectedOutput: 'A poster at the Pediatric Academic Societies meeting',
  },
  {
    kind: 'research-project',
    title: 'Stroke door-to-needle times after a new alert',
    description: 'Measure the effect of the new prehospital stroke alert on door-to-needle times.',
    specialtyId: 'neurology',
    poster: 'neurology',
    classYears: ['M1', 'M2', 'M3'],
    places: 1,
    applyIn: 10,
    startIn: 35,
    endIn: 215,
    timeCommitment: '3 hours a week',
    site: 'University Hospital, Comprehensive Stroke Center',
    expectedOutput: 'An abstract for the International Stroke Conference',
    savedByDemoStudent: true,
  },
  {
    kind: 'research-project',
    title: 'Opioid prescribing after cesarean birth',
    description: 'How many tablets do patients take at home, and how many are left over?',
    specialtyId: 'obstetrics-gynecology',
    poster: 'obstetrics-gynecology',
    classYears: ['M2', 'M3'],
    places: 2,
    applyIn: 28,
    startIn: 45,
    endIn: 270,
    timeCommitment: 'Phone surveys, 3 hours a week',
    site: 'Women’s Health Pavilion',
    expectedOutput: 'A paper',
  },
  {
    kind: 'shadowing',
    title: 'Emergency department shadowing shift',
    description: 'An afternoon shift beside an attending in the adult emergency department: triage, resuscitation bay and fast track.',
    specialtyId: 'emergency-medicine',
    poster: 'emergency-medicine',
    classYears: ['M1', 'M2'],
    places: 6,
    applyIn: 7,
    startIn: 12,
    endIn: 40,
    timeCommitment: 'One 6-hour shift',
    site: 'University Hospital, Adult Emergency Department',
    dressCode: 'Business casual with your white coat; closed-toe shoes',
    whatToBring: 'Your ID badge and a water bottle',
    applications: ['submitted', 'accepted'],
  },
  {
    kind: 'shadowing',
    title: 'Operating room day in general surgery',
    description: 'Scrub in to observe two or three cases with the acute care surgery team.',
    specialtyId: 'general-surgery',
    poster: 'general-surgery',
    classYears: ['M1', 'M2'],
    places: 4,
    applyIn: 9,
    startIn: 15,
    endIn: 45,
    timeCommitment: 'One day, 6:30 AM to 3 PM',
    site: 'University Hospital, Main Operating Rooms',
    dressCode: 'Scrubs are provided; bring comfortable shoes',
    whatToBring: 'Proof of your OR orientation',
  },
  {
    kind: 'shadowing',
    title: 'Pediatric clinic morning',
    description: 'A morning of well-child visits and sick visits in the community pediatrics clinic.',
    specialtyId: 'pediatrics',
    poster: 'pediatrics',
    classYears: [],
    places: 5,
    applyIn: 12,
    startIn: 18,
    endIn: 60,
    timeCommitment: 'One morning',
    site: 'Eastside Community Pediatrics',
    dressCode: 'Business casual; no white coat in this clinic',
    whatToBring: 'Your ID badge',
  },
  {
    kind: 'shadowing',
    title: 'Cardiology clinic and echo lab',
    description: 'Half a day in the general cardiology clinic and half in the echocardiography lab.',
    specialtyId: 'internal-medicine',
    poster: MENTOR,
    classYears: ['M1', 'M2', 'M3'],
    places: 3,
    applyIn: -20,
    startIn: -10,
    endIn: -10,
    timeCommitment: 'One day',
    site: 'Heart and Vascular Center',
    dressCode: 'Business casual with your white coat',
    whatToBring: 'Your ID badge',
    demoStudent: 'accepted',
  },
  {
    kind: 'summer-experience',
    title: 'Summer research fellowship',
    description: 'Eight paid weeks in a lab or clinical research group of your choice, with a stipend and a closing poster session.',
    specialtyId: null,
    poster: ADVISOR,
    classYears: ['M1'],
    places: 20,
    applyIn: 60,
    startIn: 180,
    endIn: 236,
    timeCommitment: 'Full time, eight weeks',
    expectedOutput: 'A poster at the closing session',
  },
  {
    kind: 'summer-experience',
    title: 'Rural health summer immersion',
    description: 'Six weeks with a family physician in a rural county, with housing provided.',
    specialtyId: 'family-medicine',
    poster: ADVISOR,
    classYears: ['M1'],
    places: 8,
    applyIn: 45,
    startIn: 185,
    endIn: 227,
    timeCommitment: 'Full time, six weeks',
    site: 'Partner practices across the state',
  },
  {
    kind: 'summer-experience',
    title: 'Global surgery summer program (external)',
    description: 'An external program run by a partner university; the office supports two applicants with travel funds.',
    specialtyId: 'general-surgery',
    poster: ADVISOR,
    classYears: ['M1'],
    remote: false,
    places: 2,
    applyIn: 35,
    startIn: 190,
    endIn: 232,
    timeCommitment: 'Full time, six weeks',
  },
  {
    kind: 'scholarly-year',
    title: 'Clinical research scholarly year in oncology',
    description: 'A funded year between the third and fourth years in the cancer center’s outcomes research group.',
    specialtyId: 'internal-medicine',
    poster: ADVISOR,
    classYears: ['M3'],
    places: 1,
    applyIn: 50,
    startIn: 200,
    endIn: 565,
    timeCommitment: 'Full time, one year',
    site: 'Cancer Center',
    researchQuestion: 'Projects on immunotherapy toxicity and survivorship care.',
    methods: 'Registry analysis and a prospective cohort.',
    expectedOutput: 'Two first-author papers',
    savedByDemoStudent: true,
  },
  {
    kind: 'shadowing',
    title: 'Night on labor and delivery',
    description: 'An evening and night with the obstetrics team on the labor floor: triage, deliveries and the operating room for cesareans.',
    specialtyId: 'obstetrics-gynecology',
    poster: 'obstetrics-gynecology',
    classYears: ['M3', 'M4'],
    places: 4,
    applyIn: null,
    startIn: 5,
    endIn: 60,
    timeCommitment: 'One 12-hour night',
    site: 'University Hospital, Labor and Delivery, 5th floor',
    dressCode: 'Scrubs are provided; closed-toe shoes',
    whatToBring: 'Your ID badge and a snack',
  },
]

type DemoOpportunities = {
  opportunities: (typeof opportunities.$inferInsert)[]
  applications: (typeof opportunityApplications.$inferInsert)[]
  experiences: (typeof experienceEntries.$inferInsert)[]
  saved: (typeof savedOpportunities.$inferInsert)[]
}

const STATEMENTS = [
  'I worked on a chart review last year and would like to learn how a prospective study is run. I can give the hours asked every week.',
  'This question matters to me after my clinical skills sessions; I am careful with data and free most afternoons.',
  'I am exploring this specialty and would value seeing how research questions come out of the clinic.',
]

/** A stable id per plan and row (deterministic across runs, so links in screenshots and docs stay). */
const idOf = (prefix: string, n: number) => `5c1e0a7d-${prefix}-4a3b-9c2d-${String(n).padStart(12, '0')}`

/**
 * The demo school's opportunities board: research projects, shadowing days, summer programs and a
 * scholarly year, posted by faculty of each specialty, the demo mentor and the office, with a few
 * applications each. The demo student has a shortlisted application to the ultrasound project, a
 * past cardiology shadowing day confirmed in their experience record, a volunteer entry of
 * their own, and two opportunities saved (the stroke project and the oncology scholarly year);
 * the demo mentor has applicants to answer.
 */
export function generateDemoOpportunities(rows: DemoSchoolRows, now: Date): DemoOpportunities {
  const byEmail = new Map(rows.people.map((p) => [p.email, p.id]))
  const demoIds = new Set(['student@demo.example.edu', 'near-peer@demo.example.edu', MENTOR, ADVISOR, 'admin@demo.example.edu'].map((e) => byEmail.get(e)))
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const faculty = rows.mentorProfiles.filter((m) => m.kind === 'faculty' && active.has(m.personId) && !demoIds.has(m.personId))
  const posterOf = (poster: string) =>
    byEmail.get(poster) ?? faculty.find((m) => m.specialtyId === poster)?.personId ?? faculty[0]?.personId ?? byEmail.get(ADVISOR) ?? null
  const students = rows.studentProfiles.filter((s) => active.has(s.personId) && !demoIds.has(s.personId))
  const demoStudent = byEmail.get('student@demo.example.edu')
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  const day = (n: number | null) => (n === null ? null : new Date(today + n * MS_PER_DAY).toISOString().slice(0, 10))
  const result: DemoOpportunities = { opportunities: [], applications: [], experiences: [], saved: [] }
  let applicationCount = 0
  PLANS.forEach((plan, index) => {
    const id = idOf('0001', index + 1)
    const createdAt = new Date(today - (20 + index) * MS_PER_DAY)
    const posterId = posterOf(plan.poster)
    result.opportunities.push({
      id,
      kind: plan.kind,
      title: plan.title,
      description: plan.description,
      specialtyId: plan.specialtyId,
      classYears: plan.classYears,
      remote: plan.remote ?? false,
      places: plan.places,
      // Closing at 5 PM New York time (22:00 UTC).
      applyBy: plan.applyIn === null ? null : new Date(today + plan.applyIn * MS_PER_DAY + 22 * 3_600_000),
      startDate: day(plan.startIn),
      endDate: day(plan.endIn),
      timeCommitment: plan.timeCommitment,
      commitment: USUAL_TIME_COMMITMENT[plan.kind],
      researchQuestion: plan.researchQuestion ?? '',
      methods: plan.methods ?? '',
      skillsWanted: plan.skillsWanted ?? '',
      expectedOutput: plan.expectedOutput ?? '',
      site: plan.site ?? '',
      dressCode: plan.dressCode ?? '',
      whatToBring: plan.whatToBring ?? '',
      status: 'published',
      posterId,
      createdAt,
      updatedAt: createdAt,
    })
    if (plan.savedByDemoStudent && demoStudent) result.saved.push({ studentId: demoStudent, opportunityId: id, createdAt: new Date(today - 2 * MS_PER_DAY) })
    const invited = students.filter((s) => plan.classYears.length === 0 || plan.classYears.includes(s.classYear))
    const applicants = (plan.applications ?? []).map((status, i) => ({
      studentId: invited[(index * 11 + i * 5) % Math.max(1, invited.length)]?.personId,
      status,
    }))
    if (plan.demoStudent && demoStudent) applicants.push({ studentId: demoStudent, status: plan.demoStudent })
    const seen = new Set<string>()
    applicants.forEach(({ studentId, status }, i) => {
      if (!studentId || seen.has(studentId)) return
      seen.add(studentId)
      const applicationId = idOf('0002', ++applicationCount)
      const at = new Date(createdAt.getTime() + (i + 1) * MS_PER_DAY)
      const decided = status !== 'submitted'
      result.applications.push({
        id: applicationId,
        opportunityId: id,
        studentId,
        statement: STATEMENTS[i % STATEMENTS.length] ?? '',
        status,
        posterMessage:
          status === 'accepted' ? 'Welcome! Meet me at the front desk at 8 AM.' : status === 'shortlisted' ? 'Could you meet for ten minutes next week?' : '',
        createdAt: at,
        decidedAt: decided ? new Date(at.getTime() + 2 * MS_PER_DAY) : null,
        updatedAt: decided ? new Date(at.getTime() + 2 * MS_PER_DAY) : at,
      })
      if (status === 'accepted') {
        const past = plan.endIn !== null && plan.endIn < 0
        const kind: ExperienceKind = plan.kind === 'research-project' || plan.kind === 'scholarly-year' ? 'research' : 'clinical'
        result.experiences.push({
          studentId,
          kind,
          title: plan.title,
          organization: rows.people.find((p) => p.id === posterId)?.name ?? '',
          description: plan.description,
          startDate: day(plan.startIn),
          endDate: day(plan.endIn),
          hours: past ? 8 : null,
          applicationId,
          confirmedById: past ? posterId : null,
          confirmedAt: past ? new Date(today + ((plan.endIn ?? 0) + 1) * MS_PER_DAY) : null,
          createdAt: at,
          updatedAt: at,
        })
      }
    })
  })
  if (demoStudent)
    result.experiences.push({
      studentId: demoStudent,
      kind: 'volunteer',
      title: 'Student-run free clinic volunteer',
      organization: 'Eastside Free Clinic',
      description: 'Intake and blood pressure checks on Saturday mornings.',
      startDate: day(-400),
      endDate: day(-30),
      hours: 120,
      createdAt: new Date(today - 30 * MS_PER_DAY),
      updatedAt: new Date(today - 30 * MS_PER_DAY),
    })
  return result
}

export async function insertDemoOpportunities(tx: Tx, demo: DemoOpportunities): Promise<void> {
  if (demo.opportunities.length > 0) await tx.insert(opportunities).values(demo.opportunities)
  if (demo.applications.length > 0) await tx.insert(opportunityApplications).values(demo.applications)
  if (demo.experiences.length > 0) await tx.insert(experienceEntries).values(demo.experiences)
  if (demo.saved.length > 0) await tx.insert(savedOpportunities).values(demo.saved)
}
