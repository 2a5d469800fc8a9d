import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { EmailPreferences, EmailPreferencesInput, NotificationPage, NotificationView } from '#shared/contracts/notifications.ts'
import { api } from '../../api/client.ts'
import { notificationsKey } from './unread-count.ts'

const listKey = [...notificationsKey, 'list'] as const
const preferencesKey = ['email-preferences'] as const

/** My notifications, newest first, thirty at a time. */
export function useNotifications() {
  return useInfiniteQuery({
    queryKey: listKey,
    queryFn: ({ pageParam, signal }) => api<NotificationPage>('/api/notifications', { query: { before: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    staleTime: 0,
  })
}

export function useMarkRead() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => api<NotificationView>(`/api/notifications/${id}/read`, { method: 'POST', json: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationsKey }),
  })
}

export function useMarkAllRead() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/api/notifications/read-all', { method: 'POST', json: {} }),
    onSettled: () => client.invalidateQueries({ queryKey: notificationsKey }),
  })
}

export function useEmailPreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: ({ signal }) => api<EmailPreferences>('/api/notifications/email-preferences', { signal }) })
}

export function useSaveEmailPreferences() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: EmailPreferencesInput) => api<EmailPreferences>('/api/notifications/email-preferences', { method: 'PUT', json: input }),
    onSuccess: (saved) => client.setQueryData(preferencesKey, saved),
  })
}
