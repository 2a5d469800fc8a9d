import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ProfileResponse,
  ReferenceDataResponse,
  UpdateAdvisorProfileRequest,
  UpdateMentorProfileRequest,
  UpdatePersonRequest,
  UpdateStudentProfileRequest,
} from '#shared/contracts/profiles.ts'
import { api } from './client.ts'

export const profileKeys = {
  all: ['profiles'] as const,
  me: ['profiles', 'me'] as const,
  person: (personId: string) => ['profiles', personId] as const,
}

export function useMyProfile() {
  return useQuery({
    queryKey: profileKeys.me,
    queryFn: ({ signal }) => api<ProfileResponse>('/api/profiles/me', { signal }),
  })
}

export function useProfile(personId: string) {
  return useQuery({
    queryKey: profileKeys.person(personId),
    queryFn: ({ signal }) => api<ProfileResponse>(`/api/profiles/${encodeURIComponent(personId)}`, { signal }),
  })
}

export function useReferenceData() {
  return useQuery({
    queryKey: ['reference'],
    queryFn: ({ signal }) => api<ReferenceDataResponse>('/api/reference', { signal }),
    staleTime: Infinity,
  })
}

function useProfileMutation<TInput>(request: (input: TInput) => Promise<ProfileResponse>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: (profile) => {
      queryClient.setQueryData(profileKeys.me, profile)
      void queryClient.invalidateQueries({ queryKey: profileKeys.person(profile.person.id) })
      // A new name or photo shows in the header and in people lists too.
      void queryClient.invalidateQueries({ queryKey: ['session'] })
      void queryClient.invalidateQueries({ queryKey: ['people'] })
    },
  })
}

export const useUpdatePerson = () =>
  useProfileMutation((input: UpdatePersonRequest) => api<ProfileResponse>('/api/profiles/me', { method: 'PATCH', json: input }))
export const useUpdateStudentProfile = () =>
  useProfileMutation((input: UpdateStudentProfileRequest) => api<ProfileResponse>('/api/profiles/me/student', { method: 'PATCH', json: input }))
export const useUpdateMentorProfile = () =>
  useProfileMutation((input: UpdateMentorProfileRequest) => api<ProfileResponse>('/api/profiles/me/mentor', { method: 'PATCH', json: input }))
export const useUpdateAdvisorProfile = () =>
  useProfileMutation((input: UpdateAdvisorProfileRequest) => api<ProfileResponse>('/api/profiles/me/advisor', { method: 'PATCH', json: input }))
export const useUploadPhoto = () => useProfileMutation((file: Blob) => api<ProfileResponse>('/api/profiles/me/photo', { method: 'PUT', raw: file }))
export const useRemovePhoto = () => useProfileMutation(() => api<ProfileResponse>('/api/profiles/me/photo', { method: 'DELETE' }))

/** Photos are cached by the browser; a version in the URL shows a new one at once. */
export function photoUrl(personId: string, version?: string | number): string {
  const base = `/api/people/${encodeURIComponent(personId)}/photo`
  return version === undefined ? base : `${base}?v=${encodeURIComponent(String(version))}`
}
