import { describe, expect, it } from 'vitest'
import { engagementFigures, mentorLoadFigures, mentorsBehind, studentsBehind, type MentorStanding, type StudentStanding } from './school-dashboard.ts'

const now = new Date('2026-10-05T14:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000)

function student(id: string, overrides: Partial<StudentStanding> = {}): StudentStanding {
  return { id, name: `Student ${id}`, email: `${id}@example.edu`, classYear: 'M3', mentors: 1, emptySlots: [], lastMeetingAt: daysAgo(10), ...overrides }
}
function mentor(id: string, overrides: Partial<MentorStanding> = {}): MentorStanding {
  return { id, name: `Mentor ${id}`, kind: 'faculty', capacity: 3, activeMentorships: 1, unansweredRequests: 0, oldestUnansweredAt: null, ...overrides }
}

describe('engagement figures', () => {
  const students = [
    student('a', { mentors: 0, lastMeetingAt: null, emptySlots: ['research-mentor'] }),
    student('b', { lastMeetingAt: daysAgo(91) }),
    student('c', { lastMeetingAt: daysAgo(90) }),
    student('d', { classYear: 'M1', lastMeetingAt: null, emptySlots: ['advisory-dean', 'near-peer'] }),
    student('e', { classYear: 'M1' }),
  ]
  const figures = engagementFigures(students, now)

  it('counts each class year, every year listed in order, empty ones as zero', () => {
    expect(figures.byClassYear.map((r) => r.classYear)).toEqual(['M1', 'M2', 'M3', 'M4', 'research'])
    expect(figures.byClassYear.find((r) => r.classYear === 'M3')).toEqual({ classYear: 'M3', students: 3, noMentor: 1, emptyBoardSlots: 1, noRecentMeeting: 1 })
    expect(figures.byClassYear.find((r) => r.classYear === 'M1')).toEqual({ classYear: 'M1', students: 2, noMentor: 0, emptyBoardSlots: 1, noRecentMeeting: 1 })
    expect(figures.byClassYear.find((r) => r.classYear === 'M2')?.students).toBe(0)
  })

  it('adds up the years to the school', () => {
    expect(figures.total).toEqual({ classYear: null, students: 5, noMentor: 1, emptyBoardSlots: 2, noRecentMeeting: 2 })
    for (const key of ['students', 'noMentor', 'emptyBoardSlots', 'noRecentMeeting'] as const)
      expect(figures.byClassYear.reduce((n, r) => n + r[key], 0)).toBe(figures.total[key])
  })

  it('asks "no meeting in 90 days" only of students with a mentor, and 90 days to the day is still recent', () => {
    expect(studentsBehind(students, 'no-recent-meeting', null, now).map((s) => s.id)).toEqual(['b', 'd'])
  })

  it('lists the students behind a figure of one class year, by name', () => {
    const more = [...students, student('z', { name: 'Aaron Z', mentors: 0, classYear: 'M3' })]
    expect(studentsBehind(more, 'no-mentor', 'M3', now).map((s) => s.name)).toEqual(['Aaron Z', 'Student a'])
    expect(studentsBehind(more, 'no-mentor', 'M1', now)).toEqual([])
    expect(studentsBehind(more, 'all', 'M1', now).map((s) => s.id)).toEqual(['d', 'e'])
  })
})

describe('mentor load', () => {
  const mentors = [
    mentor('full', { capacity: 2, activeMentorships: 2 }),
    mentor('over', { capacity: 1, activeMentorships: 3, kind: 'resident' }),
    mentor('quiet', { unansweredRequests: 2, oldestUnansweredAt: daysAgo(20) }),
    mentor('paused', { capacity: 0, activeMentorships: 0 }),
    mentor('louder', { unansweredRequests: 5, oldestUnansweredAt: daysAgo(9), kind: 'alumni' }),
  ]

  it('sums capacity and load, and counts full, over-capacity and silent mentors', () => {
    const { total, byKind } = mentorLoadFigures(mentors)
    expect(total).toEqual({ kind: null, mentors: 5, capacity: 9, activeMentorships: 7, atCapacity: 1, overCapacity: 1, silent: 2 })
    expect(byKind.find((r) => r.kind === 'resident')).toMatchObject({ mentors: 1, overCapacity: 1, atCapacity: 0 })
    expect(byKind.map((r) => r.kind)).toEqual(['faculty', 'resident', 'fellow', 'alumni', 'near-peer'])
  })

  it('does not call a mentor with no places at all "full"', () => {
    expect(mentorsBehind(mentors, 'at-capacity', null).map((m) => m.id)).toEqual(['full'])
  })

  it('lists silent mentors by how many requests wait, and filters by kind', () => {
    expect(mentorsBehind(mentors, 'silent', null).map((m) => m.id)).toEqual(['louder', 'quiet'])
    expect(mentorsBehind(mentors, 'silent', 'faculty').map((m) => m.id)).toEqual(['quiet'])
    expect(mentorsBehind(mentors, 'over-capacity', null).map((m) => m.id)).toEqual(['over'])
  })
})
