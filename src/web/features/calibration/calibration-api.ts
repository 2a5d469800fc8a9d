import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CalibrationList,
  CalibrationView,
  CreateCalibrationRequest,
  ImportPastOutcomesResponse,
  PastOutcomesSummary,
} from '#shared/contracts/calibration.ts'
import { api } from '../../api/client.ts'

export const calibrationKeys = {
  all: ['calibration'] as const,
  pastOutcomes: ['calibration', 'past-outcomes'] as const,
  list: ['calibration', 'list'] as const,
  one: (id: string) => ['calibration', 'one', id] as const,
}

export function usePastOutcomes() {
  return useQuery({ queryKey: calibrationKeys.pastOutcomes, queryFn: ({ signal }) => api<PastOutcomesSummary>('/api/calibration/past-outcomes', { signal }) })
}

export function useCalibrations() {
  return useQuery({ queryKey: calibrationKeys.list, queryFn: ({ signal }) => api<CalibrationList>('/api/calibrations', { signal }) })
}

export function useCalibration(id: string | null) {
  return useQuery({
    queryKey: calibrationKeys.one(id ?? 'none'),
    queryFn: ({ signal }) => api<CalibrationView>(`/api/calibrations/${encodeURIComponent(id as string)}`, { signal }),
    enabled: id !== null,
  })
}

/** Checks (dryRun) or imports a past-outcomes CSV, sent as text in JSON. */
export function useImportPastOutcomes() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      api<ImportPastOutcomesResponse>('/api/calibration/past-outcomes/import', { method: 'POST', json: { csv, dryRun } }),
    onSuccess: (report) => {
      if (report.imported) void client.invalidateQueries({ queryKey: calibrationKeys.all })
    },
  })
}

export function useCreateCalibration() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateCalibrationRequest) => api<CalibrationView>('/api/calibrations', { method: 'POST', json: input }),
    onSuccess: (view) => {
      client.setQueryData(calibrationKeys.one(view.id), view)
      void client.invalidateQueries({ queryKey: calibrationKeys.list })
    },
  })
}

export function useSetCalibrationActive() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      api<CalibrationView>(`/api/calibrations/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`, { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: calibrationKeys.all })
      // The list builder reads the active calibration.
      void client.invalidateQueries({ queryKey: ['list-builder'] })
    },
  })
}
