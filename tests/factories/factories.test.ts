import { describe, expect, it } from 'vitest'
import { AdvisorProfile, MentorProfile, StudentProfile } from '#shared/contracts/profiles.ts'
import { MENTOR_KINDS } from '#shared/enums.ts'
import { buildAdmin, buildAdvisor, buildMentor, buildPerson, buildStudent, createRandom } from './index.ts'

const now = new Date('2026-03-15T12:00:00Z')

describe('build factories', () => {
  it('are deterministic given a seeded random source', () => {
    expect(buildStudent({ random: createRandom(4), now })).toEqual(buildStudent({ random: createRandom(4), now }))
    expect(buildMentor({ random: createRandom(4), now })).toEqual(buildMentor({ random: createRandom(4), now }))
    expect(buildStudent({ random: createRandom(4), now })).not.toEqual(buildStudent({ random: createRandom(5), now }))
  })

  it('make unique e-mails by default', () => {
    const emails = Array.from({ length: 300 }, () => buildStudent().person.email)
    expect(new Set(emails).size).toBe(emails.length)
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@test\.example\.edu$/)
  })

  it('build rows for people, roles and the profile of each role', () => {
    const student = buildStudent({ now })
    expect(student.roles.map((r) => r.role)).toEqual(['student'])
    expect(student.student?.personId).toBe(student.person.id)
    expect(student.mentor).toBeNull()
    expect(student.advisor).toBeNull()
    expect(student.person.status).toBe('active')
    expect(student.person.passwordHash).toBeNull()

    expect(buildAdmin().roles.map((r) => r.role)).toEqual(['admin'])
    const advisor = buildAdvisor()
    expect(advisor.advisor?.advisesSpecialtyId).toBeNull()
    expect(buildAdvisor({ advisor: { advisesSpecialtyId: 'urology' } }).advisor?.title).toMatch(/Urology/)
  })

  it('produce profiles that pass the contracts, for every mentor kind and class year', () => {
    const random = createRandom(11)
    for (let i = 0; i < 40; i++) {
      for (const classYear of ['M1', 'M2', 'M3', 'M4', 'research'] as const) {
        const built = buildStudent({ random, now, student: { classYear } })
        expect(StudentProfile.safeParse(built.student).error).toBeUndefined()
      }
      for (const kind of MENTOR_KINDS) {
        const built = buildMentor({ random, now, mentor: { kind } })
        expect(built.mentor?.kind).toBe(kind)
        expect(MentorProfile.safeParse(built.mentor).error).toBeUndefined()
      }
      const both = buildPerson({ random, now, roles: ['mentor', 'advisor'] })
      expect(AdvisorProfile.safeParse(both.advisor).error).toBeUndefined()
      expect(both.advisor?.advisesSpecialtyId).toBe(both.mentor?.specialtyId)
    }
  })

  it('respect overrides', () => {
    const mentor = buildMentor({ name: 'Grace Hopper', email: 'Grace@Example.edu', mentor: { specialtyId: 'dermatology', capacity: 0, accepting: false } })
    expect(mentor.person.name).toBe('Grace Hopper')
    expect(mentor.person.email).toBe('grace@example.edu')
    expect(mentor.mentor).toMatchObject({ kind: 'faculty', departmentId: 'dermatology', specialtyId: 'dermatology', capacity: 0, accepting: false })
    const basicScience = buildMentor({ mentor: { departmentId: 'physiology' } })
    expect(basicScience.mentor?.specialtyId).toBeNull()
    const student = buildStudent({ directoryHold: true, student: { classYear: 'M1', specialtyInterests: [] } })
    expect(student.person.directoryHold).toBe(true)
    expect(student.student?.specialtyInterests).toEqual([])
  })

  it('make near-peer mentors M3 or M4 students with both profiles', () => {
    for (let i = 0; i < 20; i++) {
      const nearPeer = buildMentor({ mentor: { kind: 'near-peer' } })
      expect(nearPeer.roles.map((r) => r.role).sort()).toEqual(['mentor', 'student'])
      expect(['M3', 'M4']).toContain(nearPeer.student?.classYear)
      expect(nearPeer.mentor?.identity).toEqual(nearPeer.student?.identity)
    }
    expect(buildPerson({ roles: ['student', 'mentor'] }).mentor?.kind).toBe('near-peer')
  })
})
