import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ClassSimulationList,
  ClassSimulationPreview,
  ClassSimulationSummary,
  ClassSimulationView,
  StartClassSimulation,
} from '#shared/contracts/class-simulation.ts'
import type { ClassYear } from '#shared/enums.ts'
import { api } from '../../api/client.ts'

export const simulationKeys = {
  all: ['class-simulations'] as const,
  list: ['class-simulations', 'list'] as const,
  one: (id: string) => ['class-simulations', 'one', id] as const,
  preview: (classYear: string) => ['class-simulations', 'preview', classYear] as const,
}

const isActive = (status: ClassSimulationSummary['status'] | undefined) => status === 'queued' || status === 'running'

export function useSimulations() {
  return useQuery({
    queryKey: simulationKeys.list,
    queryFn: ({ signal }) => api<ClassSimulationList>('/api/class-simulations', { signal }),
    // While one runs, keep the list's progress fresh.
    refetchInterval: (query) => (query.state.data?.simulations.some((s) => isActive(s.status)) ? 2000 : false),
  })
}

/** One simulation; polled every second while it is queued or running, then left alone. */
export function useSimulation(id: string) {
  return useQuery({
    queryKey: simulationKeys.one(id),
    queryFn: ({ signal }) => api<ClassSimulationView>(`/api/class-simulations/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (isActive(query.state.data?.status) ? 1000 : false),
    // Finished results do not change; do not re-read (each read is audited) on every focus.
    staleTime: (query) => (isActive(query.state.data?.status) ? 0 : Infinity),
    refetchOnWindowFocus: false,
  })
}

export function usePreview(classYear: ClassYear | '') {
  return useQuery({
    queryKey: simulationKeys.preview(classYear),
    queryFn: ({ signal }) => api<ClassSimulationPreview>('/api/class-simulations/preview', { signal, query: { classYear } }),
  })
}

export function useStartSimulation() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: StartClassSimulation) => api<ClassSimulationSummary>('/api/class-simulations', { method: 'POST', json: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: simulationKeys.list }),
  })
}

export function useCancelSimulation(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api<ClassSimulationSummary>(`/api/class-simulations/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: simulationKeys.one(id) })
      void client.invalidateQueries({ queryKey: simulationKeys.list })
    },
  })
}
