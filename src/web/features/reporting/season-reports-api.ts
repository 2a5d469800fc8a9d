import { useQuery } from '@tanstack/react-query'
import type {
  LetterListResponse,
  LetterMeasure,
  LettersDashboard,
  SeasonDashboard,
  SeasonListResponse,
  SeasonMeasure,
} from '#shared/contracts/season-reports.ts'
import type { ClassYear } from '#shared/enums.ts'
import { api, withQuery } from '../../api/client.ts'

export const seasonReportKeys = {
  letters: ['reports', 'letters'] as const,
  letterItems: (measure: LetterMeasure, writer: string) => ['reports', 'letters', 'items', measure, writer] as const,
  season: ['reports', 'season'] as const,
  seasonStudents: (measure: SeasonMeasure, classYear: ClassYear | '') => ['reports', 'season', 'students', measure, classYear] as const,
}

export function useLettersDashboard() {
  return useQuery({ queryKey: seasonReportKeys.letters, queryFn: ({ signal }) => api<LettersDashboard>('/api/reports/letters', { signal }) })
}

export function useLettersBehind(measure: LetterMeasure, writer: string) {
  return useQuery({
    queryKey: seasonReportKeys.letterItems(measure, writer),
    queryFn: ({ signal }) => api<LetterListResponse>('/api/reports/letters/items', { query: { measure, writer }, signal }),
  })
}

export function useSeasonDashboard() {
  return useQuery({ queryKey: seasonReportKeys.season, queryFn: ({ signal }) => api<SeasonDashboard>('/api/reports/season', { signal }) })
}

export function useSeasonStudents(measure: SeasonMeasure, classYear: ClassYear | '') {
  return useQuery({
    queryKey: seasonReportKeys.seasonStudents(measure, classYear),
    queryFn: ({ signal }) => api<SeasonListResponse>('/api/reports/season/students', { query: { measure, classYear }, signal }),
  })
}

export const lettersCsvUrl = (measure: LetterMeasure, writer: string) => withQuery('/api/reports/letters/items.csv', { measure, writer })
export const seasonCsvUrl = (measure: SeasonMeasure, classYear: ClassYear | '') => withQuery('/api/reports/season/students.csv', { measure, classYear })
export const lettersPage = (measure: LetterMeasure, writer: string | null = null) => withQuery('/reports/letters/items', { measure, writer: writer ?? '' })
export const seasonPage = (measure: SeasonMeasure, classYear: ClassYear | null) =>
  withQuery('/reports/season/students', { measure, classYear: classYear ?? '' })
