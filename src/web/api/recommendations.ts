import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { MentorTeamResponse, RecommendationWeightsResponse, RecommendedMentorsResponse } from '#shared/contracts/recommendations.ts'
import { api } from './client.ts'

/** "Mentors for you" for the signed-in student, best first; `challenge` prefers mentors who hold high expectations. */
export function useRecommendedMentors(limit: number, enabled = true, challenge = false) {
  return useQuery({
    queryKey: ['recommendations', 'mentors', limit, challenge],
    queryFn: ({ signal }) =>
      api<RecommendedMentorsResponse>('/api/recommendations/mentors', { query: { limit, challenge: challenge ? 'true' : undefined }, signal }),
    enabled,
    // The list stays while the "challenge me" choice reloads it; the status line says so.
    placeholderData: keepPreviousData,
  })
}

/** The signed-in student's mentor team (one mentor per stage they lack) and opportunities that fit. */
export function useMentorTeam(challenge: boolean) {
  return useQuery({
    queryKey: ['recommendations', 'team', challenge],
    queryFn: ({ signal }) => api<MentorTeamResponse>('/api/recommendations/team', { query: { challenge: challenge ? 'true' : undefined }, signal }),
    placeholderData: keepPreviousData,
  })
}

export function useRecommendationWeights() {
  return useQuery({
    queryKey: ['recommendations', 'weights'],
    queryFn: ({ signal }) => api<RecommendationWeightsResponse>('/api/admin/recommendation-weights', { signal }),
  })
}
