import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AmendmentList, AmendmentRequestInput, AmendmentView, DirectoryHoldView, RecordAccessLog, RecordsExport } from '#shared/contracts/records.ts'
import { api } from '../../api/client.ts'

export const recordKeys = {
  hold: ['records', 'directory-hold'] as const,
  mine: ['records', 'mine'] as const,
  access: ['records', 'access'] as const,
  amendments: ['records', 'amendments', 'mine'] as const,
  office: ['records', 'amendments', 'office'] as const,
}

export function useDirectoryHold() {
  return useQuery({ queryKey: recordKeys.hold, queryFn: ({ signal }) => api<DirectoryHoldView>('/api/records/directory-hold', { signal }) })
}

export function useSetDirectoryHold() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (hold: boolean) => api<DirectoryHoldView>('/api/records/directory-hold', { method: 'PUT', json: { hold } }),
    onSuccess: (view) => queryClient.setQueryData(recordKeys.hold, view),
  })
}

export function useMyRecords() {
  return useQuery({ queryKey: recordKeys.mine, queryFn: ({ signal }) => api<RecordsExport>('/api/records/mine', { signal }) })
}

export function useRecordAccess() {
  return useQuery({ queryKey: recordKeys.access, queryFn: ({ signal }) => api<RecordAccessLog>('/api/records/access', { signal }) })
}

export function useMyAmendments() {
  return useQuery({ queryKey: recordKeys.amendments, queryFn: ({ signal }) => api<AmendmentList>('/api/records/amendments/mine', { signal }) })
}

export function useOfficeAmendments() {
  return useQuery({ queryKey: recordKeys.office, queryFn: ({ signal }) => api<AmendmentList>('/api/records/amendments', { signal }) })
}

export function useRequestAmendment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: AmendmentRequestInput) => api<AmendmentView>('/api/records/amendments', { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.amendments }),
  })
}

export function useDecideAmendment(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { decision: 'amended' | 'refused'; reason: string }) =>
      api<AmendmentView>(`/api/records/amendments/${encodeURIComponent(id)}/decision`, { method: 'POST', json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.office }),
  })
}

export function useAddStatement(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (statement: string) =>
      api<AmendmentView>(`/api/records/amendments/${encodeURIComponent(id)}/statement`, { method: 'POST', json: { statement } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recordKeys.amendments }),
  })
}
