import { useQuery } from '@tanstack/react-query'
import type { RecommendationWeightsResponse, RecommendedMentorsResponse } from '#shared/contracts/recommendations.ts'
import { api } from './client.ts'

/** "Mentors for you" for the signed-in student, best first. */
export function useRecommendedMentors(limit: number, enabled = true) {
  return useQuery({
    queryKey: ['recommendations', 'mentors', limit],
    queryFn: ({ signal }) => api<RecommendedMentorsResponse>('/api/recommendations/mentors', { query: { limit }, signal }),
    enabled,
  })
}

export function useRecommendationWeights() {
  return useQuery({
    queryKey: ['recommendations', 'weights'],
    queryFn: ({ signal }) => api<RecommendationWeightsResponse>('/api/admin/recommendation-weights', { signal }),
  })
}
