import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { RolloverPreview, RolloverResult, RosterImportReport } from '#shared/contracts/roster.ts'
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
