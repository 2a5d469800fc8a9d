import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AcceptAnswer,
  AddWordFilterTerm,
  AskQuestion,
  BoardList,
  ModerateAnswer,
  ModerateQuestion,
  ModerationQueue,
  MyCommunity,
  PersonActivity,
  PostAnswer,
  QuestionPage,
  QuestionView,
  WordFilterList,
} from '#shared/contracts/community.ts'
import { api } from '../../api/client.ts'

export const communityKeys = {
  all: ['community'] as const,
  boards: ['community', 'boards'] as const,
  search: (board: string, q: string, page: number) => ['community', 'questions', board, q, page] as const,
  question: (id: string) => ['community', 'question', id] as const,
  mine: ['community', 'mine'] as const,
  queue: ['community', 'moderation'] as const,
  wordFilter: ['community', 'word-filter'] as const,
  person: (id: string) => ['community', 'person', id] as const,
}

const questionPath = (id: string, action = '') => `/api/community/questions/${encodeURIComponent(id)}${action ? `/${action}` : ''}`
const answerPath = (id: string, action: string) => `/api/community/answers/${encodeURIComponent(id)}/${action}`

export function useBoards() {
  return useQuery({ queryKey: communityKeys.boards, queryFn: ({ signal }) => api<BoardList>('/api/community/boards', { signal }) })
}

/** A board's questions or a search; the last page stays on screen (not dimmed) while the next loads. */
export function useQuestions(board: string, q: string, page: number) {
  return useQuery({
    queryKey: communityKeys.search(board, q, page),
    queryFn: ({ signal }) =>
      api<QuestionPage>('/api/community/questions', { signal, query: { board: board || undefined, q: q || undefined, page: page > 1 ? page : undefined } }),
    placeholderData: keepPreviousData,
  })
}

export function useQuestion(id: string) {
  return useQuery({ queryKey: communityKeys.question(id), queryFn: ({ signal }) => api<QuestionView>(questionPath(id), { signal }) })
}

export function useMyCommunity(enabled = true) {
  return useQuery({ queryKey: communityKeys.mine, queryFn: ({ signal }) => api<MyCommunity>('/api/community/mine', { signal }), enabled })
}

/** A person's named community activity: the same for every caller. */
export function usePersonActivity(personId: string, enabled = true) {
  return useQuery({
    queryKey: communityKeys.person(personId),
    queryFn: ({ signal }) => api<PersonActivity>(`/api/community/people/${encodeURIComponent(personId)}`, { signal }),
    enabled: enabled && personId !== '',
  })
}

export function useModerationQueue() {
  return useQuery({ queryKey: communityKeys.queue, queryFn: ({ signal }) => api<ModerationQueue>('/api/community/moderation/reports', { signal }) })
}

/** Every change returns the question as the caller now sees it; lists are refreshed behind it. */
function useQuestionMutation<TInput>(request: (input: TInput) => Promise<QuestionView>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      client.setQueryData(communityKeys.question(view.id), view)
      return client.invalidateQueries({ queryKey: communityKeys.all, predicate: (query) => query.queryKey[1] !== 'question' })
    },
  })
}

export const useAskQuestion = () => useQuestionMutation((input: AskQuestion) => api<QuestionView>('/api/community/questions', { method: 'POST', json: input }))
export const usePostAnswer = (id: string) =>
  useQuestionMutation((input: PostAnswer) => api<QuestionView>(questionPath(id, 'answers'), { method: 'POST', json: input }))
export const useAcceptAnswer = (id: string) =>
  useQuestionMutation((input: AcceptAnswer) => api<QuestionView>(questionPath(id, 'accept'), { method: 'POST', json: input }))
export const useFollow = (id: string) =>
  useQuestionMutation((follow: boolean) => api<QuestionView>(questionPath(id, 'follow'), { method: follow ? 'PUT' : 'DELETE' }))
export const useVote = () =>
  useQuestionMutation(({ answerId, vote }: { answerId: string; vote: boolean }) =>
    api<QuestionView>(answerPath(answerId, 'vote'), { method: vote ? 'PUT' : 'DELETE' }),
  )
export const useModerateQuestion = (id: string) =>
  useQuestionMutation((input: ModerateQuestion) =>
    api<QuestionView>(`/api/community/moderation/questions/${encodeURIComponent(id)}`, { method: 'POST', json: input }),
  )
export const useModerateAnswer = () =>
  useQuestionMutation(({ answerId, ...input }: ModerateAnswer & { answerId: string }) =>
    api<QuestionView>(`/api/community/moderation/answers/${encodeURIComponent(answerId)}`, { method: 'POST', json: input }),
  )

export function useReport() {
  return useMutation({
    mutationFn: ({ kind, id, reason }: { kind: 'question' | 'answer'; id: string; reason: string }) =>
      api<{ ok: true }>(kind === 'question' ? questionPath(id, 'report') : answerPath(id, 'report'), { method: 'POST', json: { reason } }),
  })
}

export function useDismissReport() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ reportId, note }: { reportId: string; note: string }) =>
      api<{ ok: true }>(`/api/community/moderation/reports/${encodeURIComponent(reportId)}/dismiss`, { method: 'POST', json: { note } }),
    onSuccess: () => client.invalidateQueries({ queryKey: communityKeys.queue }),
  })
}

export function useWordFilter() {
  return useQuery({ queryKey: communityKeys.wordFilter, queryFn: ({ signal }) => api<WordFilterList>('/api/community/moderation/word-filter', { signal }) })
}

/** Adds or removes a term; the answer is the whole list, put straight into the cache. */
export function useChangeWordFilter() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (change: { add: AddWordFilterTerm } | { removeId: string }) =>
      'add' in change
        ? api<WordFilterList>('/api/community/moderation/word-filter', { method: 'POST', json: change.add })
        : api<WordFilterList>(`/api/community/moderation/word-filter/${encodeURIComponent(change.removeId)}`, { method: 'DELETE' }),
    onSuccess: (list) => client.setQueryData(communityKeys.wordFilter, list),
  })
}
