import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { SavedOpportunityList, SavedState } from '#shared/contracts/saved-opportunities.ts'
import { api } from '../../api/client.ts'

export const savedKey = ['opportunities', 'saved'] as const

/** The student's saved opportunities (students only: others would get 403). */
export const useSavedOpportunities = (enabled: boolean) =>
  useQuery({ queryKey: savedKey, queryFn: ({ signal }) => api<SavedOpportunityList>('/api/saved-opportunities', { signal }), enabled })

/** Saves or unsaves one; the saved list (and with it each card's button) is read again. */
export function useToggleSaved(opportunityId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (save: boolean) => api<SavedState>(`/api/saved-opportunities/${encodeURIComponent(opportunityId)}`, { method: save ? 'PUT' : 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: savedKey }),
  })
}
