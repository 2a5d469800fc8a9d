import { useEffect } from 'react'
import { Link, useLocation } from 'react-router'
import { useUnreadCount } from './unread-count.ts'

/** "Notifications, 3 unread": the bell's name says the count, so the badge itself is hidden from screen readers. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'
}

/**
 * The header's bell: a link to the notification centre with the unread count. Only the count is
 * loaded here; the list is a page of its own, loaded when opened.
 */
export function NotificationBell({ signedIn }: { signedIn: boolean }) {
  const count = useUnreadCount(signedIn)
  const { pathname } = useLocation()
  const { refetch, isStale } = count
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again when the page changes (unless asked a moment ago)
  useEffect(() => {
    if (signedIn && isStale) void refetch()
  }, [pathname])
  const unread = count.data?.unread ?? 0
  return (
    <Link to="/notifications" className="bell" aria-label={bellLabel(unread)} aria-current={pathname === '/notifications' ? 'page' : undefined}>
      <svg className="bell-icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Zm-2 1H7v-6a5 5 0 0 1 10 0v6Z"
        />
      </svg>
      {unread > 0 ? (
        <span className="bell-count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  )
}
