import type { Tx } from '../client.ts'
import { communityAnswers, communityFollows, communityQuestions, communityReports, communityVotes } from '../schema/index.ts'
import type { IdentityAttribute, MentorKind } from '#shared/enums.ts'
import { MS_PER_HOUR } from '#shared/time.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

/**
 * Who writes a demo post: a demo account by e-mail, the n-th listed student or mentor of a kind,
 * or, on a members-only board, the n-th student or mentor whose profile lists its identity.
 */
type Author = { email: string } | { student: number } | { mentor: MentorKind; n: number; specialty?: string } | { member: IdentityAttribute; n: number }

type PlannedAnswer = { author: Author; body: string; anonymous?: boolean; hoursLater: number; votes: number; accepted?: boolean }

type PlannedQuestion = {
  id: string
  board: string
  title: string
  body: string
  author: Author
  anonymous?: boolean
  /** Hours before now it was asked. */
  hoursAgo: number
  answers: PlannedAnswer[]
}

const PLAN: readonly PlannedQuestion[] = [
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e01',
    board: 'topic:money-and-debt',
    title: 'How did you pay for away rotations?',
    body: 'I am planning two away rotations in Emergency Medicine next summer. Housing and travel look like about $4,000 and I have no savings left. Did anyone get help from the school or the department?',
    author: { email: 'student@demo.example.edu' },
    hoursAgo: 96,
    answers: [
      {
        author: { mentor: 'resident', n: 0, specialty: 'emergency-medicine' },
        body: 'Ask the Office of Student Affairs about the visiting-student travel fund first — it covered half of mine. Several EM programs also list housing stipends for underrepresented students on VSLO; apply for those early.',
        hoursLater: 5,
        votes: 7,
        accepted: true,
      },
      {
        author: { student: 3 },
        body: 'I stayed with a resident through the program’s housing list. It cut the cost to almost nothing. Email the coordinator once you are accepted.',
        hoursLater: 20,
        votes: 3,
      },
    ],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e02',
    board: 'topic:wellbeing',
    title: 'Is it normal to feel like quitting in second year?',
    body: 'Some weeks I wonder whether I should leave medicine. I passed everything, but I feel flat and I dread Step 1. I have not told anyone.',
    author: { student: 11 },
    anonymous: true,
    hoursAgo: 60,
    answers: [
      {
        author: { mentor: 'faculty', n: 2 },
        body: 'Yes — many of us felt this in second year, and it passed. Please also talk to someone: the student counseling service is confidential and separate from your grades, and you can book without a referral.',
        hoursLater: 3,
        votes: 12,
      },
      {
        author: { student: 40 },
        body: 'Same here last year. What helped was taking one evening a week completely off and telling one friend. You are not alone.',
        anonymous: true,
        hoursLater: 9,
        votes: 6,
      },
    ],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e03',
    board: 'specialty:emergency-medicine',
    title: 'EM or Internal Medicine for someone who likes variety?',
    body: 'I love the first hour of a new patient and procedures, but I also like following people over time. How did you choose?',
    author: { student: 5 },
    hoursAgo: 40,
    answers: [
      {
        author: { mentor: 'resident', n: 1, specialty: 'emergency-medicine' },
        body: 'Ask yourself which you miss on a day off: the puzzle of the undifferentiated patient, or knowing how Mrs. K did after discharge. I chose EM for the first; friends in IM chose it for the second. Do a shift in each in the same month.',
        hoursLater: 2,
        votes: 5,
      },
      {
        author: { email: 'mentor@demo.example.edu' },
        body: 'Internal Medicine has more variety than people think — hospital medicine, cardiology, critical care after fellowship. Come to the IM interest group on Thursday and ask the residents.',
        hoursLater: 6,
        votes: 4,
      },
    ],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e04',
    board: 'topic:parenthood-and-family',
    title: 'Having a baby during residency: when did you tell your program?',
    body: 'My partner and I would like a child in the next few years. Is it better to wait until after intern year? How do programs handle parental leave?',
    author: { student: 17 },
    anonymous: true,
    hoursAgo: 30,
    answers: [
      {
        author: { mentor: 'alumni', n: 0 },
        body: 'I had my first in PGY-2. ACGME now requires six weeks of paid leave at least once, and most boards allow it without extending training. I told my program director at 14 weeks; she was supportive. Ask about leave policies on interview day — it is a fair question.',
        hoursLater: 4,
        votes: 9,
      },
    ],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e05',
    board: 'topic:application-strategy',
    title: 'How many programs should I apply to in Pediatrics?',
    body: 'My Step 2 is about average and I have one publication. Classmates say 15 is enough, an advisor said 25. What did you do?',
    author: { email: 'near-peer@demo.example.edu' },
    hoursAgo: 20,
    answers: [
      {
        author: { mentor: 'faculty', n: 5 },
        body: 'Use the residency list builder: it puts your own profile against each program. For an average applicant in Pediatrics, 15–20 well-chosen programs is usually enough; add more if you need a particular region.',
        hoursLater: 3,
        votes: 2,
      },
    ],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e06',
    board: 'topic:identity-in-medicine',
    title: 'First-generation: how do you handle "what do your parents do?" on interviews',
    body: 'It comes up in small talk and I never know how much to say.',
    author: { student: 23 },
    anonymous: true,
    hoursAgo: 12,
    answers: [],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e07',
    board: 'topic:research',
    title: 'Finding a research mentor as a first-year',
    body: 'I am interested in cardiology outcomes research. Is it too early to email faculty, and what should I send?',
    author: { student: 2 },
    hoursAgo: 6,
    answers: [
      {
        author: { email: 'mentor@demo.example.edu' },
        body: 'Not too early. Send three sentences: what you are curious about, how many hours a week you have, and when you are free to meet. Attach nothing. I answer those emails.',
        hoursLater: 1,
        votes: 1,
      },
    ],
  },
  {
    id: '4c1e7a20-9b3d-4f6e-8a11-6d2c3b4a5e08',
    board: 'identity:first-generation',
    title: 'Nobody at home understands what the Match is',
    body: 'My parents keep asking why I am "still applying" after four years. How did you explain interviews, the rank list and Match Day to your family, and how did you handle the costs without asking them?',
    author: { member: 'first-generation', n: 0 },
    anonymous: true,
    hoursAgo: 30,
    answers: [
      {
        author: { member: 'first-generation', n: 1 },
        body: 'I drew it as a timeline on the fridge: applications in September, interviews in winter, one day in March when everyone finds out at noon. Once they saw the dates they stopped asking and started counting down with me.',
        hoursLater: 3,
        votes: 0,
      },
      {
        author: { member: 'first-generation', n: 2 },
        body: 'For costs, ask the financial aid office about the residency relocation loan and keep every receipt: several of my interview trips were virtual, which saved more than I expected.',
        hoursLater: 8,
        votes: 0,
      },
    ],
  },
]

type Rows = {
  questions: (typeof communityQuestions.$inferInsert)[]
  answers: (typeof communityAnswers.$inferInsert)[]
  votes: (typeof communityVotes.$inferInsert)[]
  follows: (typeof communityFollows.$inferInsert)[]
  reports: (typeof communityReports.$inferInsert)[]
}

/**
 * A few boards' worth of real-sounding questions and answers for the demo school, some asked or
 * answered anonymously, dated from `now`. Authors are the demo accounts and students and mentors
 * picked by position, so the same seed gives the same community.
 */
export function generateDemoCommunity(rows: DemoSchoolRows, now: Date): Rows {
  const active = new Set(rows.people.filter((p) => p.status === 'active' && !DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => p.id))
  const byEmail = new Map(rows.people.map((p) => [p.email, p.id]))
  const students = rows.studentProfiles.filter((s) => active.has(s.personId)).map((s) => s.personId)
  const mentorsOf = (kind: MentorKind, specialty?: string) => {
    const pool = rows.mentorProfiles.filter((m) => m.kind === kind && active.has(m.personId))
    const matching = pool.filter((m) => m.specialtyId === specialty)
    return (matching.length > 0 ? matching : pool).map((m) => m.personId)
  }
  // Members of an identity board: students, then mentors, whose own profile lists the identity.
  const membersOf = (identity: IdentityAttribute) =>
    [...rows.studentProfiles, ...rows.mentorProfiles].filter((p) => active.has(p.personId) && p.identity?.includes(identity)).map((p) => p.personId)
  const resolve = (author: Author): string | undefined => {
    if ('email' in author) return byEmail.get(author.email)
    if ('member' in author) return [...new Set(membersOf(author.member))][author.n]
    if ('student' in author) return students[author.student % Math.max(1, students.length)]
    const pool = mentorsOf(author.mentor, author.specialty)
    return pool[author.n % Math.max(1, pool.length)]
  }
  const voters = students.slice(60, 90)
  const out: Rows = { questions: [], answers: [], votes: [], follows: [], reports: [] }
  for (const [qi, plan] of PLAN.entries()) {
    const authorId = resolve(plan.author)
    if (!authorId) continue
    const askedAt = new Date(now.getTime() - plan.hoursAgo * MS_PER_HOUR)
    let last = askedAt
    let accepted: string | null = null
    for (const [ai, answer] of plan.answers.entries()) {
      const answerer = resolve(answer.author)
      if (!answerer) continue
      const id = `4c1e7a20-9b3d-4f6e-8a11-6d2c3b4b${String(qi).padStart(2, '0')}${String(ai).padStart(2, '0')}`
      const at = new Date(askedAt.getTime() + answer.hoursLater * MS_PER_HOUR)
      if (at > last) last = at
      if (answer.accepted) accepted = id
      out.answers.push({ id, questionId: plan.id, body: answer.body, authorId: answerer, isAnonymous: answer.anonymous ?? false, createdAt: at })
      for (const voter of voters.slice(qi, qi + answer.votes)) if (voter !== answerer) out.votes.push({ answerId: id, voterId: voter, createdAt: at })
    }
    out.questions.push({
      id: plan.id,
      board: plan.board,
      title: plan.title,
      body: plan.body,
      authorId,
      isAnonymous: plan.anonymous ?? false,
      acceptedAnswerId: accepted,
      createdAt: askedAt,
      lastActivityAt: last,
    })
    out.follows.push({ questionId: plan.id, personId: authorId, createdAt: askedAt })
  }
  // One open report, so the moderators' queue shows what it is for.
  const reported = out.answers.find((a) => a.questionId === PLAN[0]?.id && !a.isAnonymous && a.authorId !== out.questions[0]?.authorId)
  const reporter = voters[0]
  if (reported?.id && reporter)
    out.reports.push({
      questionId: reported.questionId,
      answerId: reported.id,
      reporterId: reporter,
      reason: 'Suggests staying with a resident found through a private list; is that allowed?',
      createdAt: new Date(now.getTime() - 2 * MS_PER_HOUR),
    })
  return out
}

export async function insertDemoCommunity(tx: Tx, rows: Rows): Promise<void> {
  if (rows.questions.length > 0) await tx.insert(communityQuestions).values(rows.questions)
  if (rows.answers.length > 0) await tx.insert(communityAnswers).values(rows.answers)
  if (rows.votes.length > 0) await tx.insert(communityVotes).values(rows.votes).onConflictDoNothing()
  if (rows.follows.length > 0) await tx.insert(communityFollows).values(rows.follows)
  if (rows.reports.length > 0) await tx.insert(communityReports).values(rows.reports)
}
