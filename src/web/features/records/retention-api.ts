import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { RetentionOverview, RetentionReport, RetentionSettingsInput, RetentionSettingsView } from '#shared/contracts/retention.ts'
import { api } from '../../api/client.ts'

const overviewKey = ['records', 'retention'] as const

export function useRetentionOverview() {
  return useQuery({ queryKey: overviewKey, queryFn: ({ signal }) => api<RetentionOverview>('/api/records/retention', { signal }) })
}

export function useSaveRetentionSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: RetentionSettingsInput) => api<RetentionSettingsView>('/api/records/retention/settings', { method: 'PUT', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: overviewKey }),
  })
}

export function useRetentionDryRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api<RetentionReport>('/api/records/retention/dry-runs', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: overviewKey }),
  })
}

export function useApplyRetention() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (dryRunId: string) => api<RetentionReport>('/api/records/retention/apply', { method: 'POST', json: { dryRunId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: overviewKey }),
  })
}
