import type { Tx } from '../client.ts'
import { studentAdvisors } from '../schema/index.ts'
import { DEMO_ACCOUNTS } from './demo-accounts.ts'
import type { DemoSchoolRows } from './generate-demo-school.ts'

type StudentAdvisorRow = typeof studentAdvisors.$inferInsert

/**
 * Every student gets one Office of Student Affairs advisor (an advisor who does not advise a
 * specialty), dealt in turn. The demo advisor advises the demo student and the near-peer, so
 * the advisor's pages have a familiar face in them.
 */
export function assignDemoAdvisors(rows: DemoSchoolRows, now: Date): StudentAdvisorRow[] {
  const emailOf = new Map(rows.people.map((p) => [p.id, p.email]))
  const demoEmail = (key: string) => DEMO_ACCOUNTS.find((a) => a.key === key)?.email
  const officeAdvisors = rows.advisorProfiles.filter((a) => a.advisesSpecialtyId === null).map((a) => a.personId)
  const demoAdvisor = officeAdvisors.find((id) => emailOf.get(id) === demoEmail('advisor'))
  if (!demoAdvisor || officeAdvisors.length === 0) return []
  const demoStudents = new Set([demoEmail('student'), demoEmail('near-peer')])
  const assignments: StudentAdvisorRow[] = []
  rows.studentProfiles.forEach((student, i) => {
    const email = emailOf.get(student.personId)
    const advisorId = demoStudents.has(email) ? demoAdvisor : (officeAdvisors[i % officeAdvisors.length] as string)
    assignments.push({ studentId: student.personId, advisorId, assignedAt: now, assignedBy: null })
  })
  return assignments
}

export async function insertAdvisorAssignments(db: Tx, assignments: readonly StudentAdvisorRow[]): Promise<void> {
  for (let i = 0; i < assignments.length; i += 500) {
    await db.insert(studentAdvisors).values(assignments.slice(i, i + 500))
  }
}
