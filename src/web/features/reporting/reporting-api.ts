import { useQuery } from '@tanstack/react-query'
import type { MentorListResponse, MentorMeasure, SchoolDashboard, StudentListResponse, StudentMeasure } from '#shared/contracts/reporting.ts'
import type { ClassYear, MentorKind } from '#shared/enums.ts'
import { api, withQuery } from '../../api/client.ts'

export const reportingKeys = {
  dashboard: ['reports', 'school'] as const,
  students: (measure: StudentMeasure, classYear: ClassYear | '') => ['reports', 'school', 'students', measure, classYear] as const,
  mentors: (measure: MentorMeasure, kind: MentorKind | '') => ['reports', 'school', 'mentors', measure, kind] as const,
}

export function useSchoolDashboard() {
  return useQuery({ queryKey: reportingKeys.dashboard, queryFn: ({ signal }) => api<SchoolDashboard>('/api/reports/school', { signal }) })
}

export function useStudentsBehind(measure: StudentMeasure, classYear: ClassYear | '') {
  return useQuery({
    queryKey: reportingKeys.students(measure, classYear),
    queryFn: ({ signal }) => api<StudentListResponse>('/api/reports/school/students', { query: { measure, classYear }, signal }),
  })
}

export function useMentorsBehind(measure: MentorMeasure, kind: MentorKind | '') {
  return useQuery({
    queryKey: reportingKeys.mentors(measure, kind),
    queryFn: ({ signal }) => api<MentorListResponse>('/api/reports/school/mentors', { query: { measure, kind }, signal }),
  })
}

/** Where the browser downloads a drill-down as CSV (the session cookie goes along). */
export const studentsCsvUrl = (measure: StudentMeasure, classYear: ClassYear | '') => withQuery('/api/reports/school/students.csv', { measure, classYear })
export const mentorsCsvUrl = (measure: MentorMeasure, kind: MentorKind | '') => withQuery('/api/reports/school/mentors.csv', { measure, kind })

/** The drill-down pages' addresses, shared by the dashboard's links. */
export const studentsPage = (measure: StudentMeasure, classYear: ClassYear | null) =>
  withQuery('/reports/school/students', { measure, classYear: classYear ?? '' })
export const mentorsPage = (measure: MentorMeasure, kind: MentorKind | null) => withQuery('/reports/school/mentors', { measure, kind: kind ?? '' })
