import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ClassProgressResponse,
  CurriculumYear,
  MilestoneInput,
  MilestoneList,
  MilestoneView,
  NudgeInput,
  NudgePreview,
  NudgeResult,
  TimelineResponse,
} from '#shared/contracts/curriculum.ts'
import { api } from '../../api/client.ts'

export const curriculumKeys = {
  timeline: ['curriculum', 'timeline'] as const,
  milestones: ['curriculum', 'milestones'] as const,
}

const milestonePath = (id: string, action = '') => `/api/curriculum/milestones/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

export function useTimeline(enabled = true) {
  return useQuery({ queryKey: curriculumKeys.timeline, queryFn: ({ signal }) => api<TimelineResponse>('/api/curriculum/timeline', { signal }), enabled })
}

/** A tick (or taking one back) answers with the whole timeline, which replaces the cached one. */
export function useTick() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => api<TimelineResponse>(milestonePath(id, 'done'), { method: done ? 'POST' : 'DELETE' }),
    onSuccess: (timeline) => client.setQueryData(curriculumKeys.timeline, timeline),
  })
}

export function useMilestones() {
  return useQuery({ queryKey: curriculumKeys.milestones, queryFn: ({ signal }) => api<MilestoneList>('/api/curriculum/milestones', { signal }) })
}

function useMilestoneMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const client = useQueryClient()
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: ['curriculum'] }) })
}

export const useSaveMilestone = () =>
  useMilestoneMutation(({ id, input }: { id: string | null; input: MilestoneInput }) =>
    id
      ? api<MilestoneView>(milestonePath(id), { method: 'PUT', json: input })
      : api<MilestoneView>('/api/curriculum/milestones', { method: 'POST', json: input }),
  )
export const useDeleteMilestone = () => useMilestoneMutation((id: string) => api<{ ok: true }>(milestonePath(id), { method: 'DELETE' }))

export function useClassProgress(year: CurriculumYear) {
  return useQuery({
    queryKey: ['curriculum', 'class', year] as const,
    queryFn: ({ signal }) => api<ClassProgressResponse>(`/api/curriculum/classes/${encodeURIComponent(year)}`, { signal }),
  })
}

export const usePreviewNudge = () =>
  useMutation({
    mutationFn: ({ milestoneId, input }: { milestoneId: string; input: NudgeInput }) =>
      api<NudgePreview>(milestonePath(milestoneId, 'nudges/preview'), { method: 'POST', json: input }),
  })

export const useSendNudge = () =>
  useMutation({
    mutationFn: ({ milestoneId, input }: { milestoneId: string; input: NudgeInput }) =>
      api<NudgeResult>(milestonePath(milestoneId, 'nudges'), { method: 'POST', json: input }),
  })
