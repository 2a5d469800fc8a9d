import { and, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.ts'
import { people, personRoles } from '#server/db/schema/index.ts'

/**
 * Whose an e-mail address is, for modules that must tell students from everyone else (letters:
 * an outside writer must not be a student). Identity owns people and roles, so the question is
 * answered here.
 */
export function createStudentAddresses(db: Database) {
  /**
   * Whether an address belongs to a student, or to the school's student domain: a domain where
   * students have addresses and nobody without the student role does (letters README, "Writers").
   * The `+tag` of the local part is ignored: `maya+x@…` is Maya's address.
   */
  async function findStudentAddressMatch(email: string): Promise<'student' | 'student-domain' | null> {
    const [local = '', domain = ''] = email.trim().toLowerCase().split('@')
    const plain = `${local.split('+')[0]}@${domain}`
    const isStudent = sql<boolean>`exists (select 1 from ${personRoles} where ${personRoles.personId} = ${people.id} and ${personRoles.role} = 'student')`
    const [owner] = await db
      .select({ id: people.id })
      .from(people)
      .where(and(sql`regexp_replace(lower(${people.email}), '[+][^@]*@', '@') = ${plain}`, isStudent))
      .limit(1)
    if (owner) return 'student'
    const [row] = await db
      .select({ students: sql<number>`count(*) filter (where ${isStudent})::int`, others: sql<number>`count(*) filter (where not ${isStudent})::int` })
      .from(people)
      .where(sql`lower(split_part(${people.email}, '@', 2)) = ${domain}`)
    return row && row.students > 0 && row.others === 0 ? 'student-domain' : null
  }

  return { findStudentAddressMatch }
}

export type StudentAddresses = ReturnType<typeof createStudentAddresses>
