import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AdminSummaryResponse,
  AuditChainCheck,
  AuditChainChecksResponse,
  AuditPage,
  InvitePersonRequest,
  OutboxPage,
  PeoplePage,
  StudentsSummaryResponse,
  UpdateRolesRequest,
  SetClassYearRequest,
  SetEnrollmentRequest,
  UpdateSchoolWideRequest,
} from '#shared/contracts/admin.ts'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import type { PersonStatus, Role } from '#shared/enums.ts'
import { api } from './client.ts'

export type PeopleFilters = { q?: string; role?: Role; status?: PersonStatus; page?: number; pageSize?: number }

/** `scope` picks the advisor directory or the admin list; both answer the same query. */
export function usePeople(filters: PeopleFilters, scope: 'directory' | 'admin' = 'directory', enabled = true) {
  const path = scope === 'admin' ? '/api/admin/people' : '/api/people'
  return useQuery({
    queryKey: ['people', scope, filters],
    queryFn: ({ signal }) => api<PeoplePage>(path, { signal, query: filters }),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function useStudentsSummary() {
  return useQuery({
    queryKey: ['people', 'students-summary'],
    queryFn: ({ signal }) => api<StudentsSummaryResponse>('/api/people/students-summary', { signal }),
  })
}

export function useAdminSummary(enabled = true) {
  return useQuery({
    queryKey: ['admin', 'summary'],
    queryFn: ({ signal }) => api<AdminSummaryResponse>('/api/admin/summary', { signal }),
    enabled,
  })
}

export function useAuditLog(filters: { page?: number } & Partial<Record<'action' | 'actor' | 'subject' | 'from' | 'to', string>>) {
  return useQuery({
    queryKey: ['admin', 'audit', filters],
    queryFn: ({ signal }) => api<AuditPage>('/api/admin/audit-log', { signal, query: filters }),
    placeholderData: keepPreviousData,
  })
}

export function useAuditChainChecks() {
  return useQuery({
    queryKey: ['admin', 'audit-chain-checks'],
    queryFn: ({ signal }) => api<AuditChainChecksResponse>('/api/admin/audit-log/chain-checks', { signal }),
  })
}

export function useCheckAuditChain() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api<AuditChainCheck>('/api/admin/audit-log/chain-checks', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['admin'] }),
  })
}

export function useOutbox(page: number, q = '') {
  return useQuery({
    queryKey: ['admin', 'outbox', page, q],
    queryFn: ({ signal }) => api<OutboxPage>('/api/admin/outbox', { signal, query: q ? { page, q } : { page } }),
    placeholderData: keepPreviousData,
  })
}

function useAdminMutation<TInput, TOutput>(request: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: request,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['people'] })
      void queryClient.invalidateQueries({ queryKey: ['admin'] })
      void queryClient.invalidateQueries({ queryKey: ['profiles'] })
    },
  })
}

const personPath = (personId: string, action: string) => `/api/admin/people/${encodeURIComponent(personId)}/${action}`

export const useInvitePerson = () => useAdminMutation((input: InvitePersonRequest) => api<PersonSummary>('/api/admin/people', { method: 'POST', json: input }))
export const useUpdateRoles = () =>
  useAdminMutation(({ personId, ...input }: UpdateRolesRequest & { personId: string }) =>
    api<PersonSummary>(personPath(personId, 'roles'), { method: 'PUT', json: input }),
  )
export const useSetSchoolWide = () =>
  useAdminMutation(({ personId, ...input }: UpdateSchoolWideRequest & { personId: string }) =>
    api<PersonSummary>(personPath(personId, 'school-wide'), { method: 'PUT', json: input }),
  )
export const useSetClassYear = () =>
  useAdminMutation(({ personId, ...input }: SetClassYearRequest & { personId: string }) =>
    api<unknown>(personPath(personId, 'class-year'), { method: 'PUT', json: input }),
  )
export const useSetEnrollment = () =>
  useAdminMutation(({ personId, ...input }: SetEnrollmentRequest & { personId: string }) =>
    api<unknown>(personPath(personId, 'enrollment'), { method: 'PUT', json: input }),
  )
export const useDisablePerson = () => useAdminMutation((personId: string) => api<unknown>(personPath(personId, 'disable'), { method: 'POST' }))
export const useEnablePerson = () => useAdminMutation((personId: string) => api<unknown>(personPath(personId, 'enable'), { method: 'POST' }))
export const useResendInvite = () => useAdminMutation((personId: string) => api<unknown>(personPath(personId, 'resend-invite'), { method: 'POST' }))
