import { NavLink } from 'react-router'

const PLAN_LINKS = [
  { to: '/advising', label: 'Advising board' },
  { to: '/residency/list-builder', label: 'List builder' },
  { to: '/residency/rank-list', label: 'Rank order list' },
  { to: '/letters', label: 'Letters' },
] as const

/**
 * A student's own plan pages, linked to each other: the board says who advises them, the list
 * builder where to apply, the rank list where they hope to match, and the letters that support it.
 * Shown on the student's own pages only; staff reach a student's pages from My students.
 */
export function YourPlanLinks() {
  return (
    <nav aria-label="Your plan" className="plan-links">
      <span className="plan-links-label" aria-hidden="true">
        Your plan:
      </span>
      <ul>
        {PLAN_LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
