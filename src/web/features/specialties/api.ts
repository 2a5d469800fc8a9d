import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { DepartmentAdvisingInput, SpecialtyPage } from '#shared/contracts/specialties.ts'
import { api } from '../../api/client.ts'

export function useSpecialtyPage(id: string) {
  return useQuery({ queryKey: ['specialties', id], queryFn: ({ signal }) => api<SpecialtyPage>(`/api/specialties/${encodeURIComponent(id)}`, { signal }) })
}

export function useSetDepartmentAdvising(departmentId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: DepartmentAdvisingInput) =>
      api<{ ok: true }>(`/api/departments/${encodeURIComponent(departmentId)}/advising`, { method: 'PUT', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['specialties'] }),
  })
}
