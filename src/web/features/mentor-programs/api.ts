import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreateMentorProgram,
  DraftView,
  EditPair,
  ImportConflictsResponse,
  MentorProgramList,
  MentorProgramView,
  MyMentorPrograms,
  PublishResponse,
  SaveRanking,
  SetContinuation,
  StudentRankingView,
  UpdateMentorProgram,
} from '#shared/contracts/mentor-programs.ts'
import { api } from '../../api/client.ts'

export const programKeys = {
  all: ['mentor-programs'] as const,
  list: ['mentor-programs', 'list'] as const,
  mine: ['mentor-programs', 'mine'] as const,
  one: (id: string) => ['mentor-programs', 'one', id] as const,
  draft: (id: string) => ['mentor-programs', 'draft', id] as const,
  ranking: (id: string) => ['mentor-programs', 'ranking', id] as const,
}

const programPath = (id: string, action = '') => `/api/mentor-programs/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

export function usePrograms() {
  return useQuery({ queryKey: programKeys.list, queryFn: ({ signal }) => api<MentorProgramList>('/api/mentor-programs', { signal }) })
}

export function useProgram(id: string, enabled = true) {
  return useQuery({ queryKey: programKeys.one(id), queryFn: ({ signal }) => api<MentorProgramView>(programPath(id), { signal }), enabled })
}

export function useDraft(id: string, enabled = true) {
  return useQuery({ queryKey: programKeys.draft(id), queryFn: ({ signal }) => api<DraftView>(programPath(id, 'draft'), { signal }), enabled })
}

export function useMyPrograms() {
  return useQuery({ queryKey: programKeys.mine, queryFn: ({ signal }) => api<MyMentorPrograms>('/api/mentor-programs/mine', { signal }) })
}

export function useMyRanking(id: string) {
  return useQuery({ queryKey: programKeys.ranking(id), queryFn: ({ signal }) => api<StudentRankingView>(programPath(id, 'ranking'), { signal }) })
}

/** Every change to a program refreshes what is cached about programs. */
function useProgramMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => client.invalidateQueries({ queryKey: programKeys.all }),
  })
}

export const useCreateProgram = () =>
  useProgramMutation((input: CreateMentorProgram) => api<MentorProgramView>('/api/mentor-programs', { method: 'POST', json: input }))
export const useUpdateProgram = (id: string) =>
  useProgramMutation((input: UpdateMentorProgram) => api<MentorProgramView>(programPath(id), { method: 'PATCH', json: input }))
export const useImportConflicts = (id: string) =>
  useProgramMutation((lines: string) => api<ImportConflictsResponse>(programPath(id, 'conflicts'), { method: 'POST', json: { lines } }))
export const useDeleteConflict = (id: string) =>
  useProgramMutation((conflictId: string) => api<MentorProgramView>(programPath(id, `conflicts/${encodeURIComponent(conflictId)}`), { method: 'DELETE' }))
export const useOpenRanking = (id: string) => useProgramMutation(() => api<MentorProgramView>(programPath(id, 'open-ranking'), { method: 'POST' }))
export const useRunPairing = (id: string) => useProgramMutation(() => api<DraftView>(programPath(id, 'run'), { method: 'POST' }))
export const useEditPair = (id: string) => useProgramMutation((input: EditPair) => api<DraftView>(programPath(id, 'pairs'), { method: 'POST', json: input }))
export const usePublish = (id: string) => useProgramMutation(() => api<PublishResponse>(programPath(id, 'publish'), { method: 'POST' }))
export const useArchive = (id: string) => useProgramMutation(() => api<MentorProgramView>(programPath(id, 'archive'), { method: 'POST' }))
export const useSaveRanking = (id: string) =>
  useProgramMutation((input: SaveRanking) => api<StudentRankingView>(programPath(id, 'ranking'), { method: 'PUT', json: input }))
export const useSetContinuation = (id: string) =>
  useProgramMutation((input: SetContinuation) => api<{ ok: true }>(programPath(id, 'continuation'), { method: 'PUT', json: input }))
