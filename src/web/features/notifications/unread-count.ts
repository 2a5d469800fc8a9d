import { useQuery } from '@tanstack/react-query'
import type { UnreadCount } from '#shared/contracts/notifications.ts'
import { api } from '../../api/client.ts'

/** Everything the notification centre caches starts with this key, so one invalidation refreshes all. */
export const notificationsKey = ['notifications'] as const
export const unreadCountKey = [...notificationsKey, 'unread-count'] as const

/**
 * The header's unread count: one small request (an index-only count on the server), asked again
 * every minute while the page is visible, when the window regains focus, and on navigation
 * (the bell calls `refetch`). TanStack Query pauses the interval in a hidden tab.
 */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) => api<UnreadCount>('/api/notifications/unread-count', { signal }),
    enabled,
    staleTime: 10_000,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  })
}
