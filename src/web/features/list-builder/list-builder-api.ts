import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ChanceTier,
  AddProgramsResponse,
  AddProgramsToList,
  ApplicationProfileInput,
  ApplicationProfileView,
  ListBuilderResponse,
  ProgramChances,
  ProgramListResponse,
  UpdateProgramListItem,
} from '#shared/contracts/list-builder.ts'
import type { ProfileResponse } from '#shared/contracts/profiles.ts'
import { api } from '../../api/client.ts'
import { profileKeys } from '../../api/profiles.ts'
import { studentVoice, type StudentVoice } from '../../components/voice.ts'

export const listBuilderKeys = {
  all: ['list-builder'] as const,
  profile: (studentId: string | null) => ['list-builder', 'profile', studentId ?? 'me'] as const,
  chances: (studentId: string | null, specialty: string | null, target: number | null) =>
    ['list-builder', 'chances', studentId ?? 'me', specialty ?? '', target ?? ''] as const,
  programs: (studentId: string | null) => ['list-builder', 'programs', studentId ?? 'me'] as const,
}

const studentPath = (studentId: string, what: string) => `/api/list-builder/students/${encodeURIComponent(studentId)}/${what}`

/** The signed-in student's profile, or (for an assigned advisor) a student's. */
export function useApplicationProfile(studentId: string | null = null) {
  return useQuery({
    queryKey: listBuilderKeys.profile(studentId),
    queryFn: ({ signal }) => api<ApplicationProfileView>(studentId ? studentPath(studentId, 'profile') : '/api/list-builder/profile', { signal }),
  })
}

export function useSaveApplicationProfile() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: ApplicationProfileInput) => api<ApplicationProfileView>('/api/list-builder/profile', { method: 'PUT', json: input }),
    onSuccess: (view) => {
      client.setQueryData(listBuilderKeys.profile(null), view)
      void client.invalidateQueries({ queryKey: ['list-builder', 'chances'] })
      void client.invalidateQueries({ queryKey: ['list-builder', 'programs'] })
    },
  })
}

/** The filters of the list builder's programs; the server pages what passes them. */
export type ProgramFilters = { tier: ChanceTier | null; region: string | null; fitsOnly: boolean }

/**
 * The list builder, a page of programs at a time: the first page carries the advice (count,
 * curve, signals, backup plan) and the counts; "Show more" fetches the next page of programs.
 */
export function useListBuilder(studentId: string | null, specialty: string | null, filters: ProgramFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...listBuilderKeys.chances(studentId, specialty, null), filters.tier ?? '', filters.region ?? '', filters.fitsOnly] as const,
    queryFn: ({ signal, pageParam }) =>
      api<ListBuilderResponse>(studentId ? studentPath(studentId, 'chances') : '/api/list-builder/chances', {
        signal,
        query: { specialty, tier: filters.tier, region: filters.region, fits: filters.fitsOnly ? 'true' : null, offset: pageParam || null },
      }),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.programPage.offset + last.programPage.limit
      return next < last.programPage.matching ? next : undefined
    },
    enabled,
    // Changing a filter keeps the advice on screen while the new first page loads.
    placeholderData: keepPreviousData,
    // The figures change only when the profile or list does; both invalidate this.
    staleTime: 60_000,
  })
}

export function useProgramList(studentId: string | null = null) {
  return useQuery({
    queryKey: listBuilderKeys.programs(studentId),
    queryFn: ({ signal }) => api<ProgramListResponse>(studentId ? studentPath(studentId, 'programs') : '/api/list-builder/my-programs', { signal }),
  })
}

export function useAddPrograms() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: AddProgramsToList) => api<AddProgramsResponse>('/api/list-builder/my-programs', { method: 'POST', json: input }),
    onSuccess: (result) => {
      client.setQueryData(listBuilderKeys.programs(null), result.list)
      void client.invalidateQueries({ queryKey: ['list-builder', 'chances'] })
    },
  })
}

export function useUpdateProgramListItem() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ programId, change }: { programId: string; change: UpdateProgramListItem }) =>
      api<ProgramListResponse>(`/api/list-builder/my-programs/${encodeURIComponent(programId)}`, { method: 'PATCH', json: change }),
    onSuccess: (list) => {
      client.setQueryData(listBuilderKeys.programs(null), list)
      void client.invalidateQueries({ queryKey: ['list-builder', 'chances'] })
    },
  })
}

/** One program's chances with their factors, fetched when the student opens "Why these chances". */
export function useProgramChances(studentId: string | null, programId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['list-builder', 'chances', 'one', studentId ?? 'me', programId] as const,
    queryFn: ({ signal }) =>
      api<ProgramChances>(
        studentId
          ? `/api/list-builder/students/${encodeURIComponent(studentId)}/chances/${encodeURIComponent(programId)}`
          : `/api/list-builder/chances/${encodeURIComponent(programId)}`,
        { signal },
      ),
    enabled,
    staleTime: 60_000,
  })
}

/**
 * How the list builder's pages speak of their student: "you" on the student's own, the student's
 * first name on an advisor's view (the name from their profile, shared with the profile page's cache).
 */
export function useStudentVoice(studentId: string | null): StudentVoice {
  const person = useQuery({
    queryKey: profileKeys.person(studentId ?? ''),
    queryFn: ({ signal }) => api<ProfileResponse>(`/api/profiles/${encodeURIComponent(studentId ?? '')}`, { signal }),
    enabled: studentId !== null,
  })
  return studentId === null ? studentVoice({ ownPage: true }) : studentVoice({ ownPage: false, studentName: person.data?.person.name })
}
