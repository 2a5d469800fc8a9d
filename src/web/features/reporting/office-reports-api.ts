import { useQuery } from '@tanstack/react-query'
import type { EquityReport, OutcomesReport, ParticipationReport } from '#shared/contracts/office-reports.ts'
import { api } from '../../api/client.ts'

export const officeReportKeys = {
  equity: ['reports', 'equity'] as const,
  outcomes: ['reports', 'outcomes'] as const,
  participation: ['reports', 'participation'] as const,
}

export function useEquityReport() {
  return useQuery({ queryKey: officeReportKeys.equity, queryFn: ({ signal }) => api<EquityReport>('/api/reports/equity', { signal }) })
}

export function useOutcomesReport() {
  return useQuery({ queryKey: officeReportKeys.outcomes, queryFn: ({ signal }) => api<OutcomesReport>('/api/reports/outcomes', { signal }) })
}

export function useParticipationReport() {
  return useQuery({ queryKey: officeReportKeys.participation, queryFn: ({ signal }) => api<ParticipationReport>('/api/reports/participation', { signal }) })
}

/** Where the browser downloads each report as CSV (the session cookie goes along). */
export const officeReportCsv = {
  equity: '/api/reports/equity.csv',
  outcomes: '/api/reports/outcomes.csv',
  participation: '/api/reports/participation.csv',
} as const
