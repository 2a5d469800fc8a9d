import { describe, expect, it } from 'vitest'
import type { RosterRow } from './roster-csv.ts'
import { defaultGraduationYear, planRoster, type KnownPerson, type RosterPlanInput, type StudentRecord } from './roster-plan.ts'

const row = (over: Partial<RosterRow>): RosterRow => ({
  row: 2,
  schoolId: null,
  name: 'Ana Ruiz',
  email: 'ana@s.edu',
  classYear: 'M2',
  expectedGraduation: null,
  track: null,
  house: null,
  enrollment: null,
  ...over,
})
const person = (over: Partial<KnownPerson>): KnownPerson => ({
  id: 'p1',
  name: 'Ana Ruiz',
  email: 'ana@s.edu',
  schoolId: null,
  status: 'active',
  roles: ['student'],
  ...over,
})
const record: StudentRecord = { classYear: 'M2', graduationYear: 2028, track: 'MD', house: 'Osler', enrollment: 'enrolled' }
const plan = (over: Partial<RosterPlanInput>) =>
  planRoster({ rows: [], people: [], students: new Map(), roster: [], academicEndYear: 2026, columns: { schoolId: 'school_id', email: 'email' }, ...over })

describe('planRoster', () => {
  it('invites a stranger with the defaults a roster leaves out', () => {
    const { invites } = plan({ rows: [row({ classYear: 'M1' })] })
    expect(invites).toEqual([
      {
        row: 2,
        name: 'Ana Ruiz',
        email: 'ana@s.edu',
        schoolId: null,
        student: { classYear: 'M1', graduationYear: 2029, track: 'MD', house: '', enrollment: 'enrolled' },
      },
    ])
  })

  it('changes only what differs, keeps what the file does not say, and counts a row that changes nothing as unchanged', () => {
    const students = new Map([['p1', record]])
    const same = plan({ rows: [row({})], people: [person({})], students })
    expect(same).toMatchObject({ invites: [], changes: [], unchanged: 1 })
    const moved = plan({ rows: [row({ classYear: 'M3', schoolId: 'S9' })], people: [person({})], students })
    expect(moved.changes).toEqual([
      {
        row: 2,
        personId: 'p1',
        name: 'Ana Ruiz',
        changes: [
          { field: 'schoolId', before: '(none)', after: 'S9' },
          { field: 'classYear', before: 'Year 2 (M2)', after: 'Year 3 (M3)' },
        ],
        person: { schoolId: 'S9' },
        student: { ...record, classYear: 'M3' },
      },
    ])
  })

  it('matches on school id before e-mail, so a new e-mail is a change and not a second person', () => {
    const result = plan({ rows: [row({ schoolId: 'S1', email: 'ana.new@s.edu' })], people: [person({ schoolId: 's1' })], students: new Map([['p1', record]]) })
    expect(result.invites).toEqual([])
    expect(result.changes[0]?.person).toEqual({ email: 'ana.new@s.edu' })
  })

  it('refuses contradictions instead of guessing: two people, another school id, a disabled account, a non-student, a graduate', () => {
    const other = person({ id: 'p2', name: 'Ben Ode', email: 'ben@s.edu', schoolId: 'S2' })
    const cases: [RosterRow, KnownPerson[], RegExp][] = [
      [row({ schoolId: 'S2' }), [person({}), other], /ana@s.edu belongs to Ana Ruiz, but school id S2 is Ben Ode’s/],
      [row({ schoolId: 'S7' }), [person({ schoolId: 'S1' })], /whose school id is S1, not S7/],
      [row({}), [person({ status: 'disabled' })], /account is disabled/],
      [row({}), [person({ roles: ['mentor'] })], /not a student here/],
    ]
    for (const [r, people, message] of cases) {
      const result = plan({ rows: [r], people })
      expect(result.problems.map((p) => p.message).join()).toMatch(message)
      expect(result.changes.length + result.invites.length).toBe(0)
    }
    const graduate = plan({ rows: [row({})], people: [person({ roles: ['mentor'] })], students: new Map([['p1', { ...record, enrollment: 'graduated' }]]) })
    expect(graduate.problems[0]?.message).toMatch(/has graduated/)
  })

  it('lists the students on record the file does not name, by name', () => {
    const roster = [
      { id: 'p3', name: 'Zed', email: 'z@s.edu', schoolId: null, classYear: 'M1' as const },
      { id: 'p1', name: 'Ana Ruiz', email: 'ana@s.edu', schoolId: null, classYear: 'M2' as const },
      { id: 'p4', name: 'Bo', email: 'b@s.edu', schoolId: null, classYear: null },
    ]
    expect(plan({ rows: [row({})], people: [person({})], roster }).missing.map((m) => m.id)).toEqual(['p4', 'p3'])
  })

  it('puts a new student’s graduation in the June after their last year', () => {
    expect([defaultGraduationYear('M4', 2026), defaultGraduationYear('M1', 2026), defaultGraduationYear('research', 2026)]).toEqual([2026, 2029, 2027])
  })
})
