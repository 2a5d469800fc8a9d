import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { DirectoryMentorProfile, DirectorySearchResponse } from '#shared/contracts/directory.ts'
import { api } from './client.ts'

/** Searches with the page's own query string, so the address bar and the request always agree. */
export function useDirectorySearch(search: string) {
  return useQuery({
    queryKey: ['directory', 'search', search],
    queryFn: ({ signal }) => api<DirectorySearchResponse>(`/api/directory/mentors${search ? `?${search}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useDirectoryMentor(personId: string) {
  return useQuery({
    queryKey: ['directory', 'mentor', personId],
    queryFn: ({ signal }) => api<DirectoryMentorProfile>(`/api/directory/mentors/${encodeURIComponent(personId)}`, { signal }),
  })
}
