import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router'
import type { Role } from '#shared/enums.ts'
import { useSession, useSignOut } from '../api/identity.ts'
import { hasAnyRole } from '../features/identity/roles.ts'
import { SkipLink } from './skip-link.tsx'

type NavItem = { to: string; label: string; roles?: readonly Role[]; end?: boolean; /** Not shown to these roles. */ hiddenFor?: readonly Role[] }

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'Home', end: true },
  { to: '/mentors/for-you', label: 'Mentors for you', roles: ['student'] },
  { to: '/advising', label: 'Advising board', roles: ['student'], end: true },
  { to: '/mentors', label: 'Find a mentor', end: true },
  { to: '/mentorships', label: 'Mentorships', roles: ['student', 'mentor'] },
  { to: '/mentorships/quiet', label: 'Quiet mentorships', roles: ['advisor', 'admin'] },
  { to: '/programs', label: 'Mentor programs', roles: ['student', 'mentor'], hiddenFor: ['advisor', 'admin'] },
  { to: '/admin/programs', label: 'Mentor programs', roles: ['advisor', 'admin'] },
  { to: '/profile', label: 'My profile' },
  { to: '/people', label: 'People', roles: ['advisor', 'admin'] },
  { to: '/advising/students', label: 'My students', roles: ['advisor'] },
  { to: '/letters', label: 'Letters', roles: ['student'], end: true },
  { to: '/residency/programs', label: 'Residency programs' },
  // Profile, list builder and My programs link to each other from their pages.
  { to: '/residency/list-builder', label: 'Residency list builder', roles: ['student'] },
  { to: '/residency/rank-list', label: 'Rank order list', roles: ['student'] },
  { to: '/residency/rank-lists', label: 'Rank lists to review', roles: ['advisor'] },
  { to: '/residency/class-simulation', label: 'Class simulation', roles: ['advisor'] },
  { to: '/residency/calibration', label: 'List builder calibration', roles: ['advisor', 'admin'] },
  // A student who also mentors reaches the letters they write from their own Letters page.
  { to: '/letters/writing', label: 'Letters', roles: ['mentor'], hiddenFor: ['student'] },
  { to: '/admin/people', label: 'Manage people', roles: ['admin'] },
  { to: '/admin/advisors', label: 'Advisors of students', roles: ['admin'] },
  { to: '/admin/audit', label: 'Audit log', roles: ['admin'] },
  { to: '/admin/outbox', label: 'Outbox', roles: ['admin'] },
  { to: '/admin/letters', label: 'Letter delivery', roles: ['admin'] },
  { to: '/admin/recommendations', label: 'Recommendations', roles: ['admin'] },
  { to: '/admin/mentorships', label: 'Mentorship settings', roles: ['admin'] },
]

export function AppShell({ children }: { children?: ReactNode }) {
  const { data: session } = useSession()
  const signOut = useSignOut()
  const navigate = useNavigate()
  const location = useLocation()
  const [menuOpen, setMenuOpen] = useState(false)
  const menuButton = useRef<HTMLButtonElement>(null)
  const navId = useId()

  useEffect(() => setMenuOpen(false), [location.pathname])

  const items = NAV_ITEMS.filter((item) => (!item.roles || hasAnyRole(session, item.roles)) && !(item.hiddenFor && hasAnyRole(session, item.hiddenFor)))

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
            <span className="brand-mark" aria-hidden="true">P</span>
            Preceptor
          </Link>
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
            <nav aria-label="Main">
              <ul className="nav-list">
                {items.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end ?? false} className="nav-link">
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
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
            <span className="brand-mark" aria-hidden="true">P</span>
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
