import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import type { Role } from '#shared/enums.ts'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { ForbiddenPage } from '../../components/status-pages.tsx'
import { hasAnyRole } from './roles.ts'

/** Sends a signed-out visitor to sign in, and brings them back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession()
  const location = useLocation()
  if (session.isPending) {
    return (
      <div className="page-loading">
        <Loading label="Checking your session…" />
      </div>
    )
  }
  if (session.isError) {
    return (
      <main id="main" className="page-loading">
        <h1>Preceptor is not answering</h1>
        <QueryError error={session.error} onRetry={() => void session.refetch()} />
      </main>
    )
  }
  if (!session.data) {
    const here = `${location.pathname}${location.search}${location.hash}`
    const to = here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`
    return <Navigate to={to} replace />
  }
  return children
}

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { data: session } = useSession()
  if (!hasAnyRole(session, roles)) return <ForbiddenPage pageRoles={roles} />
  return children
}
