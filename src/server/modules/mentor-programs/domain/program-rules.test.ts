import { describe, expect, it } from 'vitest'
import {
  checkPairEdit,
  findViolations,
  pairKey,
  reasonForStaff,
  refusalFor,
  seatsOf,
  statusAfterEdit,
  unpairedReason,
  type ProgramConstraints,
} from './program-rules.ts'

const constraints: ProgramConstraints = {
  students: new Set(['ada', 'ben', 'cleo']),
  seats: new Map([
    ['ames', 1],
    ['baird', 2],
  ]),
  forbidden: new Map([[pairKey('ada', 'ames'), 'grades this student']]),
  kept: new Map([['cleo', 'baird']]),
}
const names = (id: string) => id.toUpperCase()

describe('program steps', () => {
  it.each([
    ['open-ranking', 'draft', 'student-ranks', null],
    ['open-ranking', 'draft', 'max-fit', 'Only a program whose students rank mentors opens a ranking.'],
    ['run', 'draft', 'max-fit', null],
    ['run', 'draft', 'student-ranks', 'Open the ranking first, so students can rank their mentors.'],
    ['run', 'ranking', 'student-ranks', null],
    ['run', 'review', 'max-fit', null],
    ['run', 'published', 'max-fit', 'This program is published; it cannot be paired again.'],
    ['publish', 'review', 'max-fit', null],
    ['publish', 'published', 'max-fit', 'This program is already published.'],
    ['edit-pair', 'draft', 'max-fit', 'Run the pairing first; pairs can be changed and published only while they are in review.'],
    ['edit', 'published', 'max-fit', 'This program is published; it can no longer be changed.'],
    ['rank', 'ranking', 'student-ranks', null],
    ['rank', 'review', 'student-ranks', 'Ranking has closed for this program.'],
    ['archive', 'archived', 'max-fit', 'This program is already archived.'],
  ] as const)('%s when %s (%s)', (action, status, method, expected) => {
    expect(refusalFor(action, status, method)).toBe(expected)
  })

  it('an edit in review goes back to the step before pairing', () => {
    expect(statusAfterEdit('review', 'student-ranks')).toBe('ranking')
    expect(statusAfterEdit('review', 'max-fit')).toBe('draft')
    expect(statusAfterEdit('ranking', 'max-fit')).toBe('draft')
    expect(statusAfterEdit('draft', 'student-ranks')).toBe('draft')
  })
})

describe('seats', () => {
  it.each([
    [null, 3, 2, 2],
    [null, 1, 5, 1],
    [4, 0, 3, 0],
    [1, 3, 3, 1],
    [0, 5, 3, 0],
    [null, -1, 3, 0],
  ])('override %s, open places %s, program maximum %s → %s', (override, open, max, expected) => {
    expect(seatsOf(override, open, max)).toBe(expected)
  })
})

describe('hard constraints', () => {
  it('a valid pairing breaks none', () => {
    expect(
      findViolations(
        [
          { student: 'ada', mentor: 'baird' },
          { student: 'ben', mentor: 'ames' },
          { student: 'cleo', mentor: 'baird' },
        ],
        constraints,
      ),
    ).toEqual([])
  })

  it('names each broken rule', () => {
    const problems = findViolations(
      [
        { student: 'ada', mentor: 'ames' },
        { student: 'ben', mentor: 'ames' },
        { student: 'zed', mentor: 'baird' },
      ],
      constraints,
    )
    expect(problems).toEqual([
      'ada and ames must never be paired',
      'zed is not a student of this program',
      'ames has 2 students for 1 seats',
      'cleo and baird asked to keep their pair',
    ])
  })

  it.each([
    [{ studentId: 'ada', mentorId: 'ames' }, 'mentorId', 'Conflict: grades this student. This pair must never be made.'],
    [{ studentId: 'ben', mentorId: 'ames' }, 'mentorId', 'Over capacity: AMES already has 1 of 1 seat filled.'],
    [{ studentId: 'ben', mentorId: 'nobody' }, 'mentorId', 'Not a mentor of this program.'],
    [{ studentId: 'zed', mentorId: 'baird' }, 'studentId', 'Not a student of this program.'],
    [{ studentId: 'cleo', mentorId: null }, 'mentorId', 'Kept pair: CLEO stays with BAIRD (both asked to keep it).'],
  ])('refuses %o at %s', (edit, field, message) => {
    const current = [
      { student: 'ben', mentor: 'baird' },
      { student: 'ada', mentor: 'baird' },
      { student: 'cleo', mentor: 'ames' },
    ]
    const refusal = checkPairEdit(edit, current, constraints, names)
    expect(refusal?.fields[field]).toBe(message)
  })

  it('allows a free seat, moving within the same mentor, and leaving a student unpaired', () => {
    const current = [{ student: 'ada', mentor: 'baird' }]
    expect(checkPairEdit({ studentId: 'ben', mentorId: 'baird' }, current, constraints, names)).toBeNull()
    expect(checkPairEdit({ studentId: 'ada', mentorId: 'baird' }, [...current, { student: 'ben', mentor: 'baird' }], constraints, names)).toBeNull()
    expect(checkPairEdit({ studentId: 'ben', mentorId: null }, current, constraints, names)).toBeNull()
  })
})

describe('why a student is unpaired', () => {
  const base = {
    method: 'student-ranks' as const,
    allowedMentors: ['ames', 'baird'],
    ranked: ['ames'],
    adminReason: null,
    adminName: null,
    studentCount: 3,
    totalSeats: 3,
  }
  it.each([
    [{ adminReason: 'On leave', adminName: 'Priya' }, 'Left unpaired by Priya: On leave'],
    [{ allowedMentors: [] }, 'No mentor is allowed: every mentor of the program has a conflict with this student or no seat.'],
    [{ ranked: [] }, 'Did not rank any mentor.'],
    [{ ranked: ['carter'] }, 'Every mentor they ranked is ruled out (a conflict or no seat).'],
    [{}, 'All 1 mentor they ranked filled their seats with students they fit better.'],
    [{ method: 'max-fit' as const, studentCount: 5 }, 'Not enough seats: 3 seats for 5 students.'],
  ])('%o', (change, expected) => {
    expect(unpairedReason({ ...base, ...change })).toBe(expected)
  })
})

describe('reasons as staff read them', () => {
  it.each([
    ['shares your interest in global and outcomes', 'shares the student’s interest in global and outcomes'],
    ['a resident who was recently where you are', 'a resident who was recently where the student is'],
    ['faculty who can advise you on applying', 'faculty who can advise the student on applying'],
    ['at University Hospital, your site', 'at University Hospital, the student’s site'],
    ['Dermatology faculty', 'Dermatology faculty'],
  ])('%s', (reason, expected) => {
    expect(reasonForStaff(reason)).toBe(expected)
  })
})
