import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { HouseAdvisorsResponse, RolloverPreview, RolloverResult, RosterImportReport } from '#shared/contracts/roster.ts'
import { api } from '../../api/client.ts'

const rolloverKey = ['roster', 'rollover'] as const

/** Checks (dryRun) or applies a roster CSV, sent as text in JSON. */
export function useImportRoster() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      api<RosterImportReport>('/api/admin/roster/import', { method: 'POST', json: { csv, dryRun } }),
    onSuccess: (report) => {
      // An applied roster changes who is in each class: the rollover preview and people lists are stale.
      if (report.applied) void client.invalidateQueries()
    },
  })
}

/** The rollover preview, loaded only when asked for. */
export function useRolloverPreview(enabled: boolean) {
  return useQuery({ queryKey: rolloverKey, queryFn: ({ signal }) => api<RolloverPreview>('/api/admin/roster/rollover', { signal }), enabled })
}

export function useRunRollover() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (academicYear: string) => api<RolloverResult>('/api/admin/roster/rollover', { method: 'POST', json: { academicYear } }),
    onSettled: () => void client.invalidateQueries(),
  })
}

/** The houses, their students and their advisory deans (decision 030). */
export function useHouseAdvisors() {
  return useQuery({ queryKey: ['roster', 'houses'], queryFn: ({ signal }) => api<HouseAdvisorsResponse>('/api/admin/roster/houses', { signal }) })
}

export function useSetHouseAdvisor() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: { house: string; advisorId: string | null }) => api<HouseAdvisorsResponse>('/api/admin/roster/houses', { method: 'PUT', json: input }),
    onSuccess: (data) => client.setQueryData(['roster', 'houses'], data),
  })
}
