import type { Tx } from '../client.ts'
import { mentorProgramMentors, mentorPrograms, mentorProgramStudents } from '../schema/index.ts'
import { DEMO_ACCOUNT_EMAILS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'
import { MS_PER_DAY } from '#shared/time.ts'

type DemoProgram = {
  program: typeof mentorPrograms.$inferInsert & { id: string }
  students: string[]
  mentors: string[]
}

/**
 * Two formal mentor programs for the demo school, so the programs pages are not empty: the M1
 * near-peer program with ranking open (the near-peer demo account mentors in it), and an M3
 * specialty program still a draft, paired by fit, with the demo student and demo mentor in it.
 * Nothing is paired or published, so no demo account's mentorships change until someone
 * publishes a program in the app.
 */
export function generateDemoMentorPrograms(rows: DemoSchoolRows, now: Date): DemoProgram[] {
  const active = new Set(rows.people.filter((p) => p.status === 'active').map((p) => p.id))
  const demo = new Set(rows.people.filter((p) => DEMO_ACCOUNT_EMAILS.includes(p.email)).map((p) => p.id))
  const account = (email: string) => rows.people.filter((p) => p.email === email).map((p) => p.id)
  const nearPeerAccount = account('near-peer@demo.example.edu')[0]
  const studentsOf = (year: string) =>
    rows.studentProfiles.filter((s) => s.classYear === year && active.has(s.personId) && !demo.has(s.personId)).map((s) => s.personId)
  const mentorsOf = (kinds: readonly string[], n: number) =>
    rows.mentorProfiles
      .filter((m) => kinds.includes(m.kind) && active.has(m.personId) && !demo.has(m.personId))
      .map((m) => m.personId)
      .slice(0, n)
  const m1 = studentsOf('M1')
  const m3 = [...account('student@demo.example.edu'), ...studentsOf('M3').slice(0, 23)]
  const nearPeers = [...(nearPeerAccount ? [nearPeerAccount] : []), ...mentorsOf(['near-peer', 'resident'], Math.ceil(m1.length / 3) + 2)]
  const faculty = [...account('mentor@demo.example.edu'), ...mentorsOf(['faculty', 'fellow'], 13)]
  const created = new Date(now.getTime() - 10 * MS_PER_DAY)
  return [
    {
      program: {
        id: '6d1f6a5e-1b7e-4c55-9a0e-2f7f0d3b1a01',
        name: 'M1 near-peer mentoring 2027',
        description:
          'Every first-year student is paired with an older student or a resident for the year: a coffee a month, questions about courses, Step 1 and finding your way in clinic.',
        classYears: ['M1'],
        pairingMethod: 'student-ranks',
        maxPerMentor: 3,
        rankingDeadline: new Date(now.getTime() + 14 * MS_PER_DAY),
        status: 'ranking',
        createdAt: created,
        updatedAt: created,
      },
      students: m1,
      mentors: nearPeers,
    },
    {
      program: {
        id: '6d1f6a5e-1b7e-4c55-9a0e-2f7f0d3b1a02',
        name: 'M3 specialty mentoring 2026',
        description: 'Third-year students are paired with a faculty member or fellow in a specialty they are considering, before they choose where to apply.',
        classYears: [],
        pairingMethod: 'max-fit',
        maxPerMentor: 2,
        rankingDeadline: null,
        status: 'draft',
        createdAt: created,
        updatedAt: created,
      },
      students: m3,
      mentors: faculty,
    },
  ]
}

export async function insertDemoMentorPrograms(tx: Tx, programs: readonly DemoProgram[]): Promise<void> {
  for (const p of programs) {
    await tx.insert(mentorPrograms).values(p.program)
    const source = p.program.classYears && p.program.classYears.length > 0 ? 'class-year' : 'listed'
    if (p.students.length > 0)
      await tx.insert(mentorProgramStudents).values(p.students.map((studentId) => ({ programId: p.program.id, studentId, source }) as const))
    if (p.mentors.length > 0)
      await tx.insert(mentorProgramMentors).values([...new Set(p.mentors)].map((mentorId) => ({ programId: p.program.id, mentorId, capacity: null })))
  }
}
