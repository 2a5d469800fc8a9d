import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Link, Outlet, useLocation, useNavigate } from 'react-router'
import { useSession, useSignOut } from '../api/identity.ts'
import { hasAnyRole } from '../features/identity/roles.ts'
import { NotificationBell } from '../features/notifications/notification-bell.tsx'
import { MainNav } from './main-nav.tsx'
import { SkipLink } from './skip-link.tsx'

export function AppShell({ children }: { children?: ReactNode }) {
  const { data: session } = useSession()
  const signOut = useSignOut()
  const navigate = useNavigate()
  const location = useLocation()
  const [menuOpen, setMenuOpen] = useState(false)
  const menuButton = useRef<HTMLButtonElement>(null)
  const navId = useId()

  // biome-ignore lint/correctness/useExhaustiveDependencies: the menu closes when the page changes
  useEffect(() => setMenuOpen(false), [location.pathname])

  const onSignOut = () => {
    signOut.mutate(undefined, {
      onSettled: () => void navigate('/sign-in', { replace: true, state: { signedOut: true } }),
    })
  }

  return (
    <div className="app">
      <SkipLink />
      {session?.demoMode ? (
        <p className="demo-banner">
          Demo school: everyone here is fictional, and e-mails are not sent
          {hasAnyRole(session, ['admin']) ? ' (read them in the Outbox)' : ''}.
        </p>
      ) : null}
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            Preceptor
          </Link>
          <NotificationBell signedIn={Boolean(session)} />
          <button
            ref={menuButton}
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls={navId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            <span className="menu-icon" aria-hidden="true" />
            Menu
          </button>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the open menu closes it (the keys reach it from the links inside) */}
          <div
            id={navId}
            className={`site-nav${menuOpen ? ' site-nav-open' : ''}`}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && menuOpen) {
                setMenuOpen(false)
                menuButton.current?.focus()
              }
            }}
          >
            <MainNav roles={session?.person.roles ?? []} />
            <div className="account">
              <span className="account-name">
                <span className="visually-hidden">Signed in as </span>
                {session?.person.name}
              </span>
              <button type="button" className="button button-secondary button-small" onClick={onSignOut} disabled={signOut.isPending}>
                Sign out
              </button>
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <p>Preceptor · Office of Student Affairs</p>
      </footer>
    </div>
  )
}

/** Frame for the pages a signed-out visitor sees: sign in, links from e-mails. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  return (
    <div className="app app-public">
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/sign-in" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            Preceptor
          </Link>
        </div>
      </header>
      <main id="main" className="site-main public-main" tabIndex={-1}>
        {children ?? <Outlet />}
      </main>
      <footer className="site-footer">
        <p>Preceptor · Office of Student Affairs</p>
      </footer>
    </div>
  )
}
