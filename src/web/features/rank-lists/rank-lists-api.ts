import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AdvisedRankListsResponse, CoupleResponse, RankListProgramSearchResponse, RankListView, ReplaceRankList } from '#shared/contracts/rank-lists.ts'
import { api } from '../../api/client.ts'

export const rankListKeys = {
  all: ['rank-lists'] as const,
  mine: ['rank-lists', 'mine'] as const,
  student: (id: string) => ['rank-lists', 'student', id] as const,
  advised: ['rank-lists', 'advised'] as const,
  search: (q: string) => ['rank-lists', 'search', q] as const,
}

const studentPath = (id: string, action = '') => `/api/rank-lists/students/${encodeURIComponent(id)}${action ? `/${action}` : ''}`
export const exportCsvUrl = (studentId: string) => studentPath(studentId, 'export.csv')

export function useMyRankList() {
  return useQuery({ queryKey: rankListKeys.mine, queryFn: ({ signal }) => api<RankListView>('/api/rank-lists/me', { signal }) })
}

export function useStudentRankList(studentId: string) {
  return useQuery({ queryKey: rankListKeys.student(studentId), queryFn: ({ signal }) => api<RankListView>(studentPath(studentId), { signal }) })
}

export function useAdvisedRankLists() {
  return useQuery({ queryKey: rankListKeys.advised, queryFn: ({ signal }) => api<AdvisedRankListsResponse>('/api/rank-lists/students', { signal }) })
}

export function useProgramSearch(q: string) {
  return useQuery({
    queryKey: rankListKeys.search(q),
    queryFn: ({ signal }) => api<RankListProgramSearchResponse>('/api/rank-lists/programs', { signal, query: { q } }),
    enabled: q.trim().length >= 2,
  })
}

/** Saves the whole list; the caller chains saves so each sends the version the last one returned. */
export function saveRankList(input: ReplaceRankList): Promise<RankListView> {
  return api<RankListView>('/api/rank-lists/me', { method: 'PUT', json: input })
}

function useListMutation<T>(fn: (input: T) => Promise<RankListView>, key: (view: RankListView) => readonly unknown[]) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      client.setQueryData(key(view), view)
      void client.invalidateQueries({ queryKey: rankListKeys.advised })
    },
  })
}

export function useSubmitRankList() {
  return useListMutation(
    (expectedVersion: number) => api<RankListView>('/api/rank-lists/me/submit', { method: 'POST', json: { expectedVersion } }),
    () => rankListKeys.mine,
  )
}

export function useAddComment(studentId: string, mine: boolean) {
  return useListMutation(
    (body: string) => api<RankListView>(studentPath(studentId, 'comments'), { method: 'POST', json: { body } }),
    () => (mine ? rankListKeys.mine : rankListKeys.student(studentId)),
  )
}

export function useSignOff(studentId: string) {
  return useListMutation(
    (version: number) => api<RankListView>(studentPath(studentId, 'sign-off'), { method: 'POST', json: { version } }),
    () => rankListKeys.student(studentId),
  )
}

function useCoupleMutation<T>(fn: (input: T) => Promise<CoupleResponse>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: rankListKeys.mine }) })
}

export const useInvitePartner = () =>
  useCoupleMutation((partnerEmail: string) => api<CoupleResponse>('/api/rank-lists/me/couple', { method: 'POST', json: { partnerEmail } }))
export const useConfirmCouple = () => useCoupleMutation(() => api<CoupleResponse>('/api/rank-lists/me/couple/confirm', { method: 'POST' }))
export const useUnlinkCouple = () => useCoupleMutation(() => api<CoupleResponse>('/api/rank-lists/me/couple', { method: 'DELETE' }))
