import { describe, expect, it } from 'vitest'
import { AdvisorProfile, MentorProfile, StudentProfile } from '#shared/contracts/profiles.ts'
import { MENTOR_KINDS } from '#shared/enums.ts'
import { DEPARTMENTS, SPECIALTIES, findSpecialty } from '#shared/reference/specialties.ts'
import { SPECIALTY_CONTENT } from './content/specialty-content.ts'
import { DEMO_ACCOUNTS } from './demo-accounts.ts'
import { generateDemoSchool } from './generate-demo-school.ts'
import { academicYearStart } from './people.ts'

const now = new Date('2026-03-15T12:00:00Z')
const { rows, summary } = generateDemoSchool({ seed: 1, now, demoPasswordHash: 'demo-hash' })
const rolesOf = new Map<string, string[]>()
for (const r of rows.personRoles) rolesOf.set(r.personId, [...(rolesOf.get(r.personId) ?? []), r.role])
const studentOf = new Map(rows.studentProfiles.map((s) => [s.personId, s]))
const mentorOf = new Map(rows.mentorProfiles.map((m) => [m.personId, m]))

describe('generateDemoSchool', () => {
  it('is deterministic: the same seed and date give identical rows', () => {
    expect(generateDemoSchool({ seed: 1, now, demoPasswordHash: 'demo-hash' }).rows).toEqual(rows)
    const other = generateDemoSchool({ seed: 2, now }).rows
    expect(other.people.map((p) => p.email)).not.toEqual(rows.people.map((p) => p.email))
  })

  it('has at least 400 students across the four classes, plus research years', () => {
    expect(summary.students.total).toBeGreaterThanOrEqual(400)
    for (const year of ['M1', 'M2', 'M3', 'M4'] as const) {
      expect(summary.students[year]).toBeGreaterThanOrEqual(95)
      expect(summary.students[year]).toBeLessThanOrEqual(115)
    }
    expect(summary.students.research).toBeGreaterThan(0)
  })

  it('sets graduation years from the class year and an academic year starting in July', () => {
    expect(academicYearStart(new Date('2026-06-30T12:00:00Z'))).toBe(2025)
    expect(academicYearStart(new Date('2026-07-01T12:00:00Z'))).toBe(2026)
    const expected = { M4: 2026, research: 2027, M3: 2027, M2: 2028, M1: 2029 }
    for (const student of rows.studentProfiles) expect(student.graduationYear).toBe(expected[student.classYear])
  })

  it('gives M1s fewer interests than M4s, and every M4 one clear specialty', () => {
    const mean = (year: string) => {
      const list = rows.studentProfiles.filter((s) => s.classYear === year)
      return list.reduce((n, s) => n + s.specialtyInterests.length, 0) / list.length
    }
    expect(mean('M1')).toBeLessThan(mean('M3'))
    const undecidedM1 = rows.studentProfiles.filter((s) => s.classYear === 'M1' && s.specialtyInterests.length === 0).length
    expect(undecidedM1).toBeGreaterThan(20)
    for (const s of rows.studentProfiles.filter((p) => p.classYear === 'M4')) {
      expect(s.specialtyInterests.length).toBeGreaterThanOrEqual(1)
      expect(s.specialtyInterests.length).toBeLessThanOrEqual(2)
    }
  })

  it('has at least 1,200 mentors of all five kinds', () => {
    expect(summary.mentors.total).toBeGreaterThanOrEqual(1200)
    for (const kind of MENTOR_KINDS) expect(summary.mentors[kind]).toBeGreaterThan(0)
  })

  it('has faculty in every department, in subspecialties of their specialty', () => {
    const faculty = rows.mentorProfiles.filter((m) => m.kind === 'faculty')
    expect(new Set(faculty.map((m) => m.departmentId)).size).toBe(DEPARTMENTS.length)
    expect(summary.departmentsWithFaculty).toBeGreaterThanOrEqual(25)
    for (const m of faculty) {
      expect(m.academicRank).not.toBeNull()
      if (!m.specialtyId) continue
      expect(findSpecialty(m.specialtyId)?.departmentId).toBe(m.departmentId)
      expect(SPECIALTY_CONTENT[m.specialtyId]?.subspecialties).toContain(m.subspecialty)
    }
    expect(new Set(faculty.map((m) => m.clinicalSite)).size).toBeGreaterThanOrEqual(5)
    const cardiology = faculty.filter((m) => m.subspecialty === 'Cardiology')
    expect(cardiology.length).toBeGreaterThan(0)
    for (const m of cardiology) expect(m.specialtyId).toBe('internal-medicine')
  })

  it('spreads alumni over at least 30 states, and residents and fellows give their PGY level', () => {
    expect(summary.alumniStates).toBeGreaterThanOrEqual(30)
    for (const m of rows.mentorProfiles.filter((p) => p.kind === 'alumni')) {
      expect(m.city).not.toBe('')
      expect(m.graduationYear).not.toBeNull()
    }
    for (const m of rows.mentorProfiles.filter((p) => p.kind === 'resident' || p.kind === 'fellow')) expect(m.bio).toMatch(/PGY-\d/)
  })

  it('makes near-peer mentors M3 and M4 students with both roles and both profiles', () => {
    const nearPeers = rows.mentorProfiles.filter((m) => m.kind === 'near-peer')
    expect(nearPeers.length).toBeGreaterThanOrEqual(30)
    for (const m of nearPeers) {
      expect(rolesOf.get(m.personId)?.sort()).toEqual(['mentor', 'student'])
      expect(['M3', 'M4']).toContain(studentOf.get(m.personId)?.classYear)
    }
    expect(summary.multiRole).toBeGreaterThan(nearPeers.length)
  })

  it('has a specialty advisor for every specialty and every department that houses one', () => {
    const advised = new Set(rows.advisorProfiles.map((a) => a.advisesSpecialtyId))
    for (const specialty of SPECIALTIES) expect(advised, specialty.id).toContain(specialty.id)
    for (const department of DEPARTMENTS.filter((d) => SPECIALTIES.some((s) => s.departmentId === d.id))) {
      expect(
        rows.advisorProfiles.some((a) => findSpecialty(a.advisesSpecialtyId ?? '')?.departmentId === department.id),
        department.id,
      ).toBe(true)
    }
    const alsoFaculty = rows.advisorProfiles.filter((a) => a.advisesSpecialtyId && mentorOf.get(a.personId)?.kind === 'faculty')
    expect(alsoFaculty.length).toBeGreaterThan(SPECIALTIES.length / 2)
    for (const a of alsoFaculty) expect(findSpecialty(a.advisesSpecialtyId ?? '')?.departmentId).toBe(mentorOf.get(a.personId)?.departmentId)
    expect(rows.advisorProfiles.map((a) => a.title)).toContain('Associate Dean for Student Affairs')
    expect(rows.advisorProfiles.map((a) => a.title)).toContain('Director of Career Advising')
    expect(summary.admins).toBe(2)
  })

  it('gives everyone a unique e-mail and full name, demo-domain style', () => {
    const emails = rows.people.map((p) => p.email)
    expect(new Set(emails).size).toBe(emails.length)
    expect(new Set(rows.people.map((p) => p.name)).size).toBeGreaterThan(rows.people.length * 0.99)
    for (const email of emails) expect(email).toMatch(/^[a-z0-9-]+(\.[a-z0-9]+)?@demo\.example\.edu$/)
    expect(new Set(rows.people.map((p) => p.name.split(' ')[0])).size).toBeGreaterThan(250)
    expect(new Set(rows.people.map((p) => p.name.split(' ').at(-1))).size).toBeGreaterThan(200)
  })

  it('creates the demo accounts with the password hash; nobody else has one', () => {
    for (const account of DEMO_ACCOUNTS) {
      const person = rows.people.find((p) => p.email === account.email)
      expect(person?.name).toBe(account.name)
      expect(person?.passwordHash).toBe('demo-hash')
      expect(rolesOf.get(person?.id ?? '')?.sort()).toEqual([...account.roles].sort())
    }
    expect(rows.people.filter((p) => p.passwordHash !== null)).toHaveLength(DEMO_ACCOUNTS.length)
    const nearPeer = rows.people.find((p) => p.email === 'near-peer@demo.example.edu')
    expect(studentOf.get(nearPeer?.id ?? '')?.classYear).toBe('M4')
    expect(mentorOf.get(nearPeer?.id ?? '')?.kind).toBe('near-peer')
  })

  it('keeps identity optional and mostly private, with a few directory holds', () => {
    const withIdentity = [...rows.studentProfiles, ...rows.mentorProfiles].filter((p) => p.identity.length > 0)
    expect(withIdentity.length).toBeGreaterThan(100)
    const visibilities = new Set(withIdentity.map((p) => p.identityVisibility))
    expect(visibilities.size).toBe(4)
    expect(withIdentity.filter((p) => p.identityVisibility === 'private').length).toBeGreaterThan(withIdentity.length * 0.4)
    expect(summary.directoryHolds).toBeGreaterThanOrEqual(3)
    for (const p of rows.people.filter((x) => x.directoryHold)) expect(rolesOf.get(p.id)).toContain('student')
    expect(rows.people.every((p) => p.status === 'active')).toBe(true)
  })

  it('writes varied bios and offers languages beyond English', () => {
    const bios = rows.mentorProfiles.map((m) => m.bio)
    expect(new Set(bios).size).toBeGreaterThan(bios.length * 0.98)
    const languages = new Set(rows.mentorProfiles.flatMap((m) => m.languages))
    for (const language of ['English', 'Spanish', 'Mandarin', 'Hindi', 'Vietnamese', 'Arabic']) expect(languages).toContain(language)
    for (const m of rows.mentorProfiles) {
      expect(m.capacity).toBeGreaterThanOrEqual(0)
      expect(m.capacity).toBeLessThanOrEqual(6)
      if (m.capacity === 0) expect(m.accepting).toBe(false)
    }
    expect(rows.mentorProfiles.filter((m) => m.accepting).length).toBeGreaterThan(rows.mentorProfiles.length * 0.75)
  })

  it('produces only profiles that pass the profile contracts', () => {
    for (const s of rows.studentProfiles) expect(StudentProfile.safeParse(s).error).toBeUndefined()
    for (const m of rows.mentorProfiles) expect(MentorProfile.safeParse(m).error).toBeUndefined()
    for (const a of rows.advisorProfiles) expect(AdvisorProfile.safeParse(a).error).toBeUndefined()
  })
})

describe('demo prose', () => {
  // "a Emergency Medicine", "an Pediatrics": the article must follow the sound of the next word.
  // Words starting with a vowel letter but a consonant sound ("a urology", "a one-year") are allowed.
  const wrongA = /\ba (?!u(?:[nr]i|s[eu]|ro)|one\b|once\b)[aeiou]\w*/gi
  const wrongAn = /\ban (?![aeiou]|honou?r|hour|heir|MD\b|M\d|MS\b|NIH\b|RN\b)[a-z]\w*/gi
  const texts = [...rows.mentorProfiles.flatMap((m) => [m.bio, m.researchInterests]), ...rows.studentProfiles.map((s) => s.careerGoals)]

  it('uses "a" and "an" as the next word sounds, in every bio and goal', () => {
    const wrong = texts.flatMap((text) => [...(text.match(wrongA) ?? []), ...(text.match(wrongAn) ?? [])])
    expect(wrong).toEqual([])
  })
})
