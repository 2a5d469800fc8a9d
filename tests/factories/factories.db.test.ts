import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '#server/db/client.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'
import { mentorProfiles, people, personRoles, studentProfiles } from '#server/db/schema/index.ts'
import { buildMentor, buildStudent, createRandom, insertAdmin, insertAdvisor, insertBuiltPerson, insertMentor, insertPerson, insertStudent } from './index.ts'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createTestDatabase()
})

afterAll(async () => {
  await handle?.close()
})

describe('insert factories', () => {
  it('insert a student and return it with its roles and profile', async () => {
    const student = await insertStudent(handle.db, { student: { classYear: 'M2' } })
    expect(student.roles).toEqual(['student'])
    expect(student.student?.classYear).toBe('M2')
    expect(student.mentor).toBeNull()
    const [stored] = await handle.db.select().from(studentProfiles).where(eq(studentProfiles.personId, student.id))
    expect(stored?.careerGoals).toBe(student.student?.careerGoals)
  })

  it('insert mentors of each kind, whose departments and specialties exist', async () => {
    for (const kind of ['faculty', 'resident', 'fellow', 'alumni'] as const) {
      const mentor = await insertMentor(handle.db, { mentor: { kind } })
      expect(mentor.roles).toEqual(['mentor'])
      expect(mentor.mentor?.kind).toBe(kind)
    }
    const nearPeer = await insertMentor(handle.db, { mentor: { kind: 'near-peer' } })
    expect(nearPeer.roles.sort()).toEqual(['mentor', 'student'])
    expect(nearPeer.student).not.toBeNull()
    expect(nearPeer.mentor?.kind).toBe('near-peer')
  })

  it('insert advisors, admins and any combination of roles', async () => {
    const advisor = await insertAdvisor(handle.db, { advisor: { advisesSpecialtyId: 'pediatrics' } })
    expect(advisor.advisor?.advisesSpecialtyId).toBe('pediatrics')
    const admin = await insertAdmin(handle.db, { passwordHash: 'hash' })
    expect(admin.roles).toEqual(['admin'])
    expect(admin.passwordHash).toBe('hash')
    const everything = await insertPerson(handle.db, { roles: ['mentor', 'advisor', 'admin'] })
    expect(everything.roles.sort()).toEqual(['admin', 'advisor', 'mentor'])
    expect(everything.advisor?.advisesSpecialtyId).toBe(everything.mentor?.specialtyId)
    const roles = await handle.db.select().from(personRoles).where(eq(personRoles.personId, everything.id))
    expect(roles).toHaveLength(3)
  })

  it('write nothing when part of a person fails to insert', async () => {
    const built = buildStudent({ random: createRandom(9) })
    const mentor = buildMentor().mentor
    if (!mentor) throw new Error('A built mentor has a mentor profile.')
    const broken = { ...built, mentor: { ...mentor, personId: built.person.id, specialtyId: 'no-such-specialty' } }
    await expect(insertBuiltPerson(handle.db, broken)).rejects.toThrow()
    expect(await handle.db.select().from(people).where(eq(people.id, built.person.id))).toHaveLength(0)
    expect(await handle.db.select().from(mentorProfiles).where(eq(mentorProfiles.personId, built.person.id))).toHaveLength(0)
  })
})
