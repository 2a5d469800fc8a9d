import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ApplicantList,
  ApplyInput,
  ConfirmExperienceInput,
  DecisionInput,
  ErasDraftProposal,
  ErasDraftRequest,
  ErasDraftSaved,
  ExperienceInput,
  ExperienceList,
  ExperienceView,
  MyApplicationList,
  OpportunityBoard,
  OpportunityInput,
  OpportunityView,
  PostedOpportunityList,
  ResearchOutputInput,
} from '#shared/contracts/opportunities.ts'
import { api } from '../../api/client.ts'

export const opportunityKeys = {
  all: ['opportunities'] as const,
  board: (query: Record<string, string>) => ['opportunities', 'board', query] as const,
  posted: ['opportunities', 'posted'] as const,
  mine: ['opportunities', 'mine'] as const,
  one: (id: string) => ['opportunities', 'one', id] as const,
  applicants: (id: string) => ['opportunities', 'applicants', id] as const,
  experiences: ['experiences', 'mine'] as const,
}

const path = (id: string, action = '') => `/api/opportunities/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

/** The board for these filters; the last results stay on screen (flagged as placeholder) while the next load. */
export function useBoard(query: Record<string, string>) {
  return useQuery({
    queryKey: opportunityKeys.board(query),
    queryFn: ({ signal }) => api<OpportunityBoard>('/api/opportunities', { query, signal }),
    placeholderData: keepPreviousData,
  })
}

export const useOpportunity = (id: string, enabled = true) =>
  useQuery({ queryKey: opportunityKeys.one(id), queryFn: ({ signal }) => api<OpportunityView>(path(id), { signal }), enabled })
export const usePosted = (enabled = true) =>
  useQuery({ queryKey: opportunityKeys.posted, queryFn: ({ signal }) => api<PostedOpportunityList>('/api/opportunities/posted', { signal }), enabled })
export const useMyApplications = () =>
  useQuery({ queryKey: opportunityKeys.mine, queryFn: ({ signal }) => api<MyApplicationList>('/api/opportunity-applications/mine', { signal }) })
export const useApplicants = (id: string) =>
  useQuery({ queryKey: opportunityKeys.applicants(id), queryFn: ({ signal }) => api<ApplicantList>(path(id, 'applications'), { signal }) })
export const useExperiences = () =>
  useQuery({ queryKey: opportunityKeys.experiences, queryFn: ({ signal }) => api<ExperienceList>('/api/experiences/mine', { signal }) })

/** Every change refreshes what is cached about opportunities and experiences (places and records move together). */
function useOpportunityMutation<TInput, TResult>(request: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: opportunityKeys.all }), client.invalidateQueries({ queryKey: ['experiences'] })]),
  })
}

export const useCreateOpportunity = () =>
  useOpportunityMutation((input: OpportunityInput) => api<OpportunityView>('/api/opportunities', { method: 'POST', json: input }))
export const useUpdateOpportunity = (id: string) =>
  useOpportunityMutation((input: OpportunityInput) => api<OpportunityView>(path(id), { method: 'PUT', json: input }))
export const useApply = (id: string) =>
  useOpportunityMutation((input: ApplyInput) => api<OpportunityView>(path(id, 'applications'), { method: 'POST', json: input }))
export const useWithdraw = () =>
  useOpportunityMutation((applicationId: string) =>
    api<OpportunityView>(`/api/opportunity-applications/${encodeURIComponent(applicationId)}/withdraw`, { method: 'POST', json: {} }),
  )
export const useDecide = () =>
  useOpportunityMutation(({ applicationId, ...input }: DecisionInput & { applicationId: string }) =>
    api<ApplicantList>(`/api/opportunity-applications/${encodeURIComponent(applicationId)}/decision`, { method: 'POST', json: input }),
  )
export const useAddExperience = () =>
  useOpportunityMutation((input: ExperienceInput) => api<ExperienceView>('/api/experiences', { method: 'POST', json: input }))
export const useConfirmExperience = () =>
  useOpportunityMutation(({ experienceId, ...input }: ConfirmExperienceInput & { experienceId: string }) =>
    api<ExperienceView>(`/api/experiences/${encodeURIComponent(experienceId)}/confirm`, { method: 'POST', json: input }),
  )
export const useAddResearchOutput = () =>
  useOpportunityMutation(({ experienceId, ...input }: ResearchOutputInput & { experienceId: string }) =>
    api<ExperienceView>(`/api/experiences/${encodeURIComponent(experienceId)}/outputs`, { method: 'POST', json: input }),
  )
export const useRemoveResearchOutput = () =>
  useOpportunityMutation((outputId: string) => api<ExperienceView>(`/api/research-outputs/${encodeURIComponent(outputId)}`, { method: 'DELETE' }))

export const useErasDraft = () =>
  useQuery({
    queryKey: ['experiences', 'eras-draft'] as const,
    queryFn: ({ signal }) => api<ErasDraftProposal>('/api/experiences/mine/eras-draft', { signal }),
    // The student edits the proposal on the page: a refetch on focus would throw their edits away.
    refetchOnWindowFocus: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
export const useSaveErasDraft = () => {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ErasDraftRequest) => api<ErasDraftSaved>('/api/experiences/mine/eras-draft', { method: 'POST', json: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['materials'] }),
  })
}
