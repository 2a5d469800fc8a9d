import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AcceptedResponse,
  AcceptInviteRequest,
  ChangePasswordRequest,
  ClockPreferences,
  CompletePasswordResetRequest,
  DemoAccountsResponse,
  EmailOnlyRequest,
  SessionResponse,
  SessionStateResponse,
  SignInRequest,
  TokenRequest,
} from '#shared/contracts/identity.ts'
import type { SsoPublicConfig } from '#shared/contracts/sso.ts'
import { setHourCycle } from '../components/format.ts'
import { api } from './client.ts'

export const sessionKey = ['session'] as const

/** The signed-in session, or null when signed out (the server answers `{ person: null }`). */
export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async ({ signal }): Promise<SessionResponse | null> => {
      const state = await api<SessionStateResponse>('/api/auth/session', { signal })
      if (state.person === null) return null
      adoptClock(state as SessionResponse)
      return state as SessionResponse
    },
    staleTime: 60_000,
    retry: false,
  })
}

/**
 * A 12- or 24-hour clock saved on the person's account applies in every browser they sign in to
 * (this browser's own choice stays when they never saved one).
 */
function adoptClock(session: SessionResponse): void {
  if (session.clock.hourCycle) setHourCycle(session.clock.hourCycle)
}

/** Saves how the person reads times, on the account: every page, every browser and the e-mails. */
export function useSaveClock() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: ClockPreferences) => api<ClockPreferences>('/api/auth/clock', { method: 'PUT', json: input }),
    onSuccess: (clock) => {
      setHourCycle(clock.hourCycle)
      queryClient.setQueryData<SessionResponse | null>(sessionKey, (session) => (session ? { ...session, clock } : session))
    },
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

/** The school's single sign-on, for the sign-in page's button (null fields when not set up). */
export function useSsoConfig() {
  return useQuery({
    queryKey: ['sso-config'],
    queryFn: ({ signal }) => api<SsoPublicConfig>('/api/auth/sso', { signal }),
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
      adoptClock(session)
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
