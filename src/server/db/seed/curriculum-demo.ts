import type { Tx } from '../client.ts'
import { curriculumCompletions, curriculumMilestones } from '../schema/index.ts'
import type { CimPhase, CompletionRule, CurriculumYear } from '#shared/contracts/curriculum.ts'
import { MS_PER_DAY } from '#shared/time.ts'
import { dueDateFor } from '../../modules/curriculum/domain/due-dates.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

type Plan = {
  title: string
  year: CurriculumYear
  phase: CimPhase
  dueMonth: number
  required?: false
  why: string
  links?: string[]
  /** Demo events (events-demo.ts) whose attendance counts. */
  eventIds?: string[]
  rule?: CompletionRule
}

const CIM = 'https://www.aamc.org/cim'
const EVENT = (n: number) => `7e2f1c90-5a3b-4d7e-8f10-0c1d2e3f4a0${n}`

/** The four-year curriculum of issue #15, as a real school describes it, by the AAMC's Careers in Medicine phases. */
const PLANS: readonly Plan[] = [
  {
    title: 'Introduction to career and professional development',
    year: 'year-1',
    phase: 'understand-yourself',
    dueMonth: 9,
    why: 'Meet the Office of Student Affairs and see the four years ahead.',
  },
  {
    title: 'Get to know your advisory dean',
    year: 'year-1',
    phase: 'understand-yourself',
    dueMonth: 10,
    why: 'Your dean follows you all four years and writes your MSPE.',
    rule: 'advisory-dean-assigned',
  },
  {
    title: 'Careers in Medicine primer and milestones',
    year: 'year-1',
    phase: 'understand-yourself',
    dueMonth: 11,
    why: 'How choosing a specialty works, and what each year asks of you.',
    links: [CIM],
  },
  {
    title: 'Summer experiences panel',
    year: 'year-1',
    phase: 'explore-options',
    dueMonth: 2,
    required: false,
    why: 'Students who did research, shadowing and service last summer say how they found it.',
  },
  {
    title: 'Go to the specialty exploration fair',
    year: 'year-1',
    phase: 'explore-options',
    dueMonth: 3,
    why: 'Twenty departments and their interest groups in one afternoon.',
    eventIds: [EVENT(8)],
  },
  {
    title: 'Specialty lunch-and-learns',
    year: 'year-1',
    phase: 'explore-options',
    dueMonth: 4,
    required: false,
    why: 'An hour with a specialty over lunch: go to the ones you wonder about.',
    eventIds: [EVENT(5)],
  },
  {
    title: 'Do the Careers in Medicine self-assessments',
    year: 'year-1',
    phase: 'understand-yourself',
    dueMonth: 6,
    why: 'Your interests, values and skills, before you compare specialties.',
    links: [CIM],
  },
  {
    title: 'Go to a specialty panel',
    year: 'year-2',
    phase: 'explore-options',
    dueMonth: 11,
    why: 'Residents and faculty on what the work and the training are really like.',
    eventIds: [EVENT(4)],
  },
  {
    title: 'Join a specialty interest group',
    year: 'year-2',
    phase: 'explore-options',
    dueMonth: 12,
    required: false,
    why: 'Student-run groups bring speakers, shadowing and mentors.',
  },
  {
    title: 'Plan your clerkship electives',
    year: 'year-2',
    phase: 'explore-options',
    dueMonth: 2,
    why: 'Electives are how you try a specialty before you choose it.',
  },
  {
    title: 'Career fair with program directors',
    year: 'year-2',
    phase: 'explore-options',
    dueMonth: 3,
    required: false,
    why: 'Ask program directors what they look for, early.',
  },
  {
    title: 'Name the specialties you are curious about',
    year: 'year-2',
    phase: 'choose-specialty',
    dueMonth: 5,
    why: 'Your advisors and the mentors suggested to you follow it.',
    rule: 'specialty-declared',
  },
  {
    title: 'Alumni session in a specialty you consider',
    year: 'year-2',
    phase: 'explore-options',
    dueMonth: 6,
    required: false,
    why: 'Alumni on how they chose, and where it led.',
    eventIds: [EVENT(7)],
  },
  {
    title: 'Residency application overview',
    year: 'year-3',
    phase: 'choose-specialty',
    dueMonth: 9,
    why: 'ERAS, letters, the MSPE and the match calendar, in one session.',
    links: ['https://www.aamc.org/services/eras-for-applicants'],
  },
  {
    title: 'Have a specialty advisor on your advising board',
    year: 'year-3',
    phase: 'choose-specialty',
    dueMonth: 10,
    why: 'One designated advisor per clinical department guides your application.',
    rule: 'specialty-advisor-on-board',
  },
  {
    title: 'Plan your final year',
    year: 'year-3',
    phase: 'choose-specialty',
    dueMonth: 1,
    why: 'Away rotations, sub-internships and when to take Step 2.',
    eventIds: [EVENT(6)],
  },
  {
    title: 'Scholarly year or early match: optional session',
    year: 'year-3',
    phase: 'choose-specialty',
    dueMonth: 2,
    required: false,
    why: 'For those weighing a research year, or an early-match specialty.',
  },
  {
    title: 'Prepare for your MSPE meeting',
    year: 'year-3',
    phase: 'prepare-for-residency',
    dueMonth: 3,
    why: 'Your dean drafts the MSPE from what you bring to this meeting.',
  },
  {
    title: 'A residency information session',
    year: 'year-3',
    phase: 'prepare-for-residency',
    dueMonth: 4,
    required: false,
    why: 'Programs present themselves each spring; ask what matters to you.',
    eventIds: [EVENT(3)],
  },
  {
    title: 'Ask for three letters of recommendation',
    year: 'year-3',
    phase: 'prepare-for-residency',
    dueMonth: 6,
    why: 'Writers need about four weeks; ask before the summer.',
    rule: 'three-letters-requested',
  },
  {
    title: 'Complete your application profile',
    year: 'year-3',
    phase: 'prepare-for-residency',
    dueMonth: 6,
    why: 'The list builder needs it to estimate your chances.',
    rule: 'application-profile-complete',
  },
  {
    title: 'Plan your research or scholarly year with your dean',
    year: 'research',
    phase: 'explore-options',
    dueMonth: 8,
    why: 'What you will do, with whom, and how it fits your application.',
  },
  {
    title: 'Present or publish your work',
    year: 'research',
    phase: 'prepare-for-residency',
    dueMonth: 5,
    required: false,
    why: 'An abstract, poster or paper from your year belongs on your ERAS application.',
  },
  {
    title: 'Residency planning meeting',
    year: 'year-4',
    phase: 'prepare-for-residency',
    dueMonth: 7,
    why: 'Your list of programs and your letters, with your advisory dean.',
  },
  {
    title: 'Personal statement workshop and draft',
    year: 'year-4',
    phase: 'prepare-for-residency',
    dueMonth: 8,
    why: 'A draft a mentor has read, before ERAS opens.',
    eventIds: [EVENT(2)],
  },
  {
    title: 'Professional headshot',
    year: 'year-4',
    phase: 'prepare-for-residency',
    dueMonth: 8,
    required: false,
    why: 'For your ERAS photo.',
    eventIds: [EVENT(1)],
  },
  {
    title: 'Save your program list',
    year: 'year-4',
    phase: 'prepare-for-residency',
    dueMonth: 9,
    why: 'The programs you will apply to, with your advisor’s eye on them.',
    rule: 'program-list-saved',
  },
  { title: 'Do a mock interview', year: 'year-4', phase: 'prepare-for-residency', dueMonth: 10, why: 'Practice with feedback before the first real one.' },
  {
    title: 'Organise your rank order list',
    year: 'year-4',
    phase: 'prepare-for-residency',
    dueMonth: 1,
    why: 'Signed off by your advisor before the NRMP deadline.',
    rule: 'rank-order-list-signed-off',
    links: ['https://www.nrmp.org/'],
  },
]

export type DemoCurriculum = {
  milestones: (typeof curriculumMilestones.$inferInsert & { id: string })[]
  ticks: { milestoneId: string; studentId: string; completedAt: Date }[]
}

/** A fixed id per milestone, so the demo's links and tests can name one. */
const idOf = (index: number) => `8c3a6b20-1d4e-4f5a-9b6c-${String(index + 1).padStart(12, '0')}`

/**
 * The demo school's curriculum, and the demo student's ticks: of the milestones due before today
 * that no rule or attended event completes, every one is ticked but the two latest required ones
 * without events, which stay late, so the timeline has done, late, due and upcoming milestones
 * whenever the demo is seeded.
 */
export function generateDemoCurriculum(rows: DemoSchoolRows, now: Date): DemoCurriculum {
  const creator = rows.people.find((p) => p.email === 'advisor@demo.example.edu')?.id ?? null
  const createdAt = new Date(now.getTime() - 400 * MS_PER_DAY)
  const milestones = PLANS.map((plan, index) => ({
    id: idOf(index),
    title: plan.title,
    year: plan.year,
    phase: plan.phase,
    dueMonth: plan.dueMonth,
    required: plan.required ?? true,
    why: plan.why,
    links: plan.links ?? [],
    eventIds: plan.eventIds ?? [],
    rule: plan.rule ?? null,
    position: index,
    createdById: creator,
    createdAt,
    updatedAt: createdAt,
  }))
  const studentId = rows.people.find((p) => p.email === 'student@demo.example.edu')?.id
  const profile = rows.studentProfiles.find((s) => s.personId === studentId)
  if (!studentId || !profile) return { milestones, ticks: [] }
  const today = now.toISOString().slice(0, 10)
  const past = milestones
    // A rule completes its milestone by itself, and the demo student went to the alumni session.
    .filter((m) => m.year !== 'research' && m.rule === null && !m.eventIds.includes(EVENT(7)))
    .map((m) => ({ m, due: dueDateFor(m.year, m.dueMonth, profile.graduationYear) }))
    .filter(({ due }) => due < today)
    .sort((a, b) => a.due.localeCompare(b.due))
  const leftLate = new Set(
    past
      .filter(({ m }) => m.required && m.eventIds.length === 0)
      .slice(-2)
      .map(({ m }) => m.id),
  )
  const ticks = past
    .filter(({ m }) => !leftLate.has(m.id))
    .map(({ m, due }) => ({ milestoneId: m.id, studentId, completedAt: new Date(Date.parse(`${due}T15:00:00Z`) - 9 * MS_PER_DAY) }))
  return { milestones, ticks: [...ticks, ...classmatesTicks(milestones, rows, studentId, today)] }
}

/**
 * Every other student ticked most of the milestones due before today that no rule completes —
 * about four in five, fixed per student and milestone — so each class's progress page shows
 * some done and some students behind, on every year's milestones.
 */
function classmatesTicks(milestones: DemoCurriculum['milestones'], rows: DemoSchoolRows, demoStudentId: string, today: string): DemoCurriculum['ticks'] {
  return rows.studentProfiles.flatMap((profile, s) => {
    if (profile.personId === demoStudentId || profile.graduationYear == null) return []
    const research = profile.classYear === 'research'
    return milestones.flatMap((m, k) => {
      if (m.rule !== null || (m.year === 'research' && !research) || (s * 7 + k * 13) % 10 >= 8) return []
      const due = dueDateFor(m.year, m.dueMonth, profile.graduationYear, research)
      return due < today
        ? [{ milestoneId: m.id, studentId: profile.personId, completedAt: new Date(Date.parse(`${due}T15:00:00Z`) - ((s + k) % 20) * MS_PER_DAY) }]
        : []
    })
  })
}

export async function insertDemoCurriculum(tx: Tx, curriculum: DemoCurriculum): Promise<void> {
  await tx.insert(curriculumMilestones).values(curriculum.milestones)
  for (let i = 0; i < curriculum.ticks.length; i += 2_000) await tx.insert(curriculumCompletions).values(curriculum.ticks.slice(i, i + 2_000))
}
