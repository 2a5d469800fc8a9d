import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AcceptedResponse,
  AcceptInviteRequest,
  ChangePasswordRequest,
  CompletePasswordResetRequest,
  DemoAccountsResponse,
  EmailOnlyRequest,
  SessionResponse,
  SessionStateResponse,
  SignInRequest,
  TokenRequest,
} from '#shared/contracts/identity.ts'
import { api } from './client.ts'

export const sessionKey = ['session'] as const

/** The signed-in session, or null when signed out (the server answers `{ person: null }`). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<SessionResponse | null> => {
      const state = await api<SessionStateResponse>('/api/auth/session', { signal })
      return state.person === null ? null : (state as SessionResponse)
    },
    staleTime: 60_000,
    retry: false,
  })
}

/** Demo accounts exist only in demo mode; `accounts: null` means "not a demo", so the panel stays hidden. */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: ({ signal }) => api<DemoAccountsResponse>('/api/demo-accounts', { signal }),
    staleTime: Infinity,
    retry: false,
  })
}

/** Every way of signing in ends the same: a fresh session, and nothing cached from before. */
function useSessionMutation<TInput>(path: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: TInput) => api<SessionResponse>(path, { method: 'POST', json: input }),
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'demo-accounts' })
      queryClient.setQueryData(sessionKey, session)
    },
  })
}

export const useSignIn = () => useSessionMutation<SignInRequest>('/api/auth/sign-in')
export const useConsumeMagicLink = () => useSessionMutation<TokenRequest>('/api/auth/magic-link/consume')
export const useCompletePasswordReset = () => useSessionMutation<CompletePasswordResetRequest>('/api/auth/password-reset/complete')
export const useAcceptInvite = () => useSessionMutation<AcceptInviteRequest>('/api/auth/invite/accept')

export function useRequestMagicLink() {
  return useMutation({
    mutationFn: (input: EmailOnlyRequest) => api<AcceptedResponse>('/api/auth/magic-link', { method: 'POST', json: input }),
  })
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: EmailOnlyRequest) => api<AcceptedResponse>('/api/auth/password-reset', { method: 'POST', json: input }),
  })
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: ChangePasswordRequest) => api<{ ok: true }>('/api/auth/change-password', { method: 'POST', json: input }),
  })
}

export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/api/auth/sign-out', { method: 'POST' }),
    // Signed out locally even if the server call failed: the person asked to leave.
    onSettled: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'demo-accounts' })
      queryClient.setQueryData(sessionKey, null)
    },
  })
}
