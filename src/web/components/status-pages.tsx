import { Link, isRouteErrorResponse, useRouteError } from 'react-router'
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

export function ForbiddenPage() {
  usePageTitle('No access')
  return (
    <section className="status-page">
      <h1 tabIndex={-1}>You don’t have access to this page</h1>
      <p>This page is for other roles. If you think you should see it, ask the Office of Student Affairs.</p>
      <p>
        <Link className="button" to="/">
          Go to your home page
        </Link>
      </p>
    </section>
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
