import { Link } from 'react-router'
import type { NotificationView } from '#shared/contracts/notifications.ts'
import { errorMessage } from '../../api/client.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime, plural } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications-api.ts'

function NotificationItem({ item }: { item: NotificationView }) {
  const markRead = useMarkRead()
  const unread = item.readAt === null
  // Opening the page it links to marks it read (the mark carries on after this page is left).
  const open = () => {
    if (unread) markRead.mutate(item.id)
  }
  return (
    <li className={`notification${unread ? ' notification-unread' : ''}`}>
      <div className="notification-head">
        {unread ? <span className="badge badge-info">New</span> : null}
        {item.link ? (
          <Link to={item.link} onClick={open} className="notification-title">
            {item.title}
          </Link>
        ) : (
          <span className="notification-title">{item.title}</span>
        )}
      </div>
      {item.summary ? <p className="notification-summary">{item.summary}</p> : null}
      <p className="notification-meta">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        {unread && !item.link ? (
          <button type="button" className="button-link" onClick={() => markRead.mutate(item.id)} disabled={markRead.isPending}>
            Mark as read<span className="visually-hidden">: {item.title}</span>
          </button>
        ) : null}
      </p>
    </li>
  )
}

/** The notification centre: everything the school e-mailed me, newest first, each opening its page. */
export function NotificationsPage() {
  usePageTitle('Notifications')
  const list = useNotifications()
  const markAll = useMarkAllRead()
  const items = list.data?.pages.flatMap((page) => page.items) ?? []
  const unread = list.data?.pages[0]?.unread ?? 0

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Notifications</h1>
        <p className="lead">
          What the school e-mailed you, kept here for 180 days. <Link to="/profile/edit#email">Choose which e-mails you get</Link>.
        </p>
      </div>
      {list.isPending ? <Loading label="Loading your notifications…" /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <>
          <div className={items.length > 0 ? 'notification-toolbar' : 'visually-hidden'}>
            <p role="status">{unread > 0 ? `${plural(unread, 'unread notification', 'unread notifications')}.` : 'All read.'}</p>
            {unread > 0 ? (
              <button type="button" className="button button-secondary button-small" onClick={() => markAll.mutate()} disabled={markAll.isPending}>
                Mark all as read
              </button>
            ) : null}
          </div>
          {markAll.isError ? <p className="notice notice-error">{errorMessage(markAll.error)}</p> : null}
          {items.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state-title">Nothing yet</p>
              <p>When someone answers a request, proposes a meeting or replies to you, it shows here.</p>
            </div>
          ) : (
            <ul className="notification-list">
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} />
              ))}
            </ul>
          )}
          {list.hasNextPage ? (
            <button type="button" className="button button-secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? 'Loading…' : 'Show older notifications'}
            </button>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
