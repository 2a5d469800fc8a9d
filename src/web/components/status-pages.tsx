import { Link, isRouteErrorResponse, useLocation, useRouteError } from 'react-router'
import type { Role } from '#shared/enums.ts'
import { errorMessage, isAppError } from '../api/client.ts'
import { useSession } from '../api/identity.ts'
import { hasAnyRole } from '../features/identity/roles.ts'
import { Loading } from './feedback.tsx'
import { usePageTitle } from './page-title.ts'

export function NotFoundPage() {
  usePageTitle('Page not found')
  return (
    <section className="status-page">
      <h1 tabIndex={-1}>We can’t find that page</h1>
      <p>The link may be old, or the address may have a typo. Nothing you entered was lost.</p>
      <p>
        <Link className="button" to="/">
          Go to your home page
        </Link>
      </p>
    </section>
  )
}

/** Where staff see, for a student, what a student-only page shows the student themselves. */
const STAFF_VIEW_OF_STUDENT_PAGE: Record<string, { to: string; label: string }> = {
  '/advising': { to: '/advising/students', label: 'Open My students to see each student’s advising board' },
  '/residency/rank-list': { to: '/residency/rank-lists', label: 'Open Rank lists to review' },
  '/residency/list-builder': { to: '/advising/students', label: 'Open My students, then a student’s list builder' },
  '/letters': { to: '/people?role=student', label: 'Find a student to see their letters' },
}

/**
 * A page for other roles. Staff who open a student's own page (a dean opening /advising) are told
 * where they see it for their students, not sent to the office they are part of.
 */
export function ForbiddenPage({ pageRoles = [] }: { pageRoles?: readonly Role[] }) {
  usePageTitle('No access')
  const { data: session } = useSession()
  const { pathname } = useLocation()
  const isStaff = hasAnyRole(session, ['advisor', 'admin'])
  const forStudentsOnly = pageRoles.length > 0 && pageRoles.every((role) => role === 'student')
  if (isStaff && forStudentsOnly) {
    const staffView = STAFF_VIEW_OF_STUDENT_PAGE[pathname] ?? { to: '/people?role=student', label: 'Find a student' }
    return (
      <section className="status-page">
        <h1 tabIndex={-1}>This page is a student’s own</h1>
        <p>Students use this page for their own plan. As staff, you see the same information for each of your students.</p>
        <p className="button-row">
          <Link className="button" to={staffView.to}>
            {staffView.label}
          </Link>
          <Link className="button button-secondary" to="/">
            Go to your home page
          </Link>
        </p>
      </section>
    )
  }
  return (
    <section className="status-page">
      <h1 tabIndex={-1}>You don’t have access to this page</h1>
      <p>
        This page is for other roles.
        {isStaff ? ' An administrator can add a role to your account in Manage people.' : ' If you think you should see it, ask the Office of Student Affairs.'}
      </p>
      <p>
        <Link className="button" to="/">
          Go to your home page
        </Link>
      </p>
    </section>
  )
}

type PageStatusProps = {
  /** The page's own heading, kept while it loads or fails, so the reader knows where they are. */
  title: string
  /** Where to go instead when the thing asked for does not exist or is not theirs. */
  back?: { to: string; label: string }
}

/** A page still loading: its heading first, then the spinner. */
export function PageLoading({ title, label }: PageStatusProps & { label?: string }) {
  return (
    <div className="page page-status">
      <h1 tabIndex={-1}>{title}</h1>
      <Loading {...(label ? { label } : {})} />
    </div>
  )
}

/**
 * A page whose data did not load: its heading, what happened, and what to do — go back when the
 * thing is missing or not theirs, try again when the failure may pass.
 */
export function PageError({ title, error, onRetry, back }: PageStatusProps & { error: unknown; onRetry?: () => void }) {
  // A malformed id in the address reads as a bad field to the API; to the reader it is a link that leads nowhere.
  const badLink = isAppError(error, 'VALIDATION_FAILED')
  const missing = badLink || isAppError(error, 'NOT_FOUND') || isAppError(error, 'FORBIDDEN')
  return (
    <div className="page page-status">
      <h1 tabIndex={-1}>{title}</h1>
      <div role="alert" className="notice notice-error">
        <p>{badLink ? 'We can’t find this: the link may be mistyped or old.' : errorMessage(error)}</p>
        <p>
          {missing
            ? 'It may have been removed, or it is not open to you. Nothing you entered was lost.'
            : 'This may pass: try again in a moment. Nothing you entered was lost.'}
        </p>
      </div>
      <p className="button-row">
        {!missing && onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
        <Link className={!missing && onRetry ? 'button button-secondary' : 'button'} to={back?.to ?? '/'}>
          {back?.label ?? 'Go to your home page'}
        </Link>
      </p>
    </div>
  )
}

/** Shown when a page throws while rendering: calm words, a way out, no stack trace. */
export function ErrorPage() {
  const error = useRouteError()
  usePageTitle('Something went wrong')
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />
  return (
    <section className="status-page" role="alert">
      <h1 tabIndex={-1}>Something went wrong</h1>
      <p>This page ran into a problem. Your saved work is safe. Reloading usually fixes it.</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
        <a className="button button-secondary" href="/">
          Go to your home page
        </a>
      </p>
    </section>
  )
}
