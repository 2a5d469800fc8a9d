import { describe, expect, it } from 'vitest'
import { studentRecordReader } from './student-records.policy.ts'

const student = { personId: 's1', roles: ['student'] as const }

describe('studentRecordReader', () => {
  it('lets a student read their own record', () => {
    expect(studentRecordReader(student, 's1', false)).toBe('self')
  })
  it('refuses another student', () => {
    expect(studentRecordReader({ personId: 's2', roles: ['student'] }, 's1', false)).toBeNull()
  })
  it('lets an assigned advisor read, and only an assigned one', () => {
    expect(studentRecordReader({ personId: 'a1', roles: ['advisor'] }, 's1', true)).toBe('assigned-advisor')
    expect(studentRecordReader({ personId: 'a1', roles: ['advisor'] }, 's1', false)).toBeNull()
  })
  it('refuses admins and mentors, even when a stray assignment row names them', () => {
    expect(studentRecordReader({ personId: 'x', roles: ['admin'] }, 's1', true)).toBeNull()
    expect(studentRecordReader({ personId: 'm', roles: ['mentor'] }, 's1', true)).toBeNull()
  })
  it('lets a role the record grants read, and only that role', () => {
    expect(studentRecordReader({ personId: 'x', roles: ['admin'] }, 's1', false, ['admin'])).toBe('granted-role')
    expect(studentRecordReader({ personId: 'a2', roles: ['advisor'] }, 's1', false, ['admin'])).toBeNull()
    expect(studentRecordReader({ personId: 's2', roles: ['student'] }, 's1', false, ['admin'])).toBeNull()
  })
  it('lets an advisor with the school-wide scope read any student; the flag alone, without the role, reads nothing', () => {
    expect(studentRecordReader({ personId: 'd1', roles: ['advisor'], schoolWide: true }, 's1', false)).toBe('school-wide')
    expect(studentRecordReader({ personId: 'x', roles: ['admin'], schoolWide: true }, 's1', false)).toBeNull()
    expect(studentRecordReader({ personId: 'm', roles: ['mentor', 'student'], schoolWide: true }, 's1', false)).toBeNull()
    expect(studentRecordReader({ personId: 'a1', roles: ['advisor', 'admin'], schoolWide: false }, 's1', false)).toBeNull()
  })
})
