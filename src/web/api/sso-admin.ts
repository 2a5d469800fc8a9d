import { useMutation, useQuery } from '@tanstack/react-query'
import type { SsoAdminConfig, SsoConfigTest } from '#shared/contracts/sso.ts'
import { api } from './client.ts'

/** The single sign-on configuration as the server read it from its settings (no secrets). */
export function useSsoAdminConfig() {
  return useQuery({
    queryKey: ['admin', 'sso'],
    queryFn: ({ signal }) => api<SsoAdminConfig>('/api/admin/sso', { signal }),
  })
}

/** Reaches the school's providers and checks what they publish. */
export function useTestSsoConfig() {
  return useMutation({ mutationFn: () => api<SsoConfigTest>('/api/admin/sso/test', { method: 'POST' }) })
}
