import { NavLink } from 'react-router'

/** The student's three residency-application pages, one step to another. */
export function ResidencyNav() {
  return (
    <nav aria-label="Residency application" className="lb-subnav">
      <ul>
        <li>
          <NavLink to="/residency/profile">1. Application profile</NavLink>
        </li>
        <li>
          <NavLink to="/residency/list-builder">2. List builder</NavLink>
        </li>
        <li>
          <NavLink to="/residency/my-programs">3. My programs</NavLink>
        </li>
      </ul>
    </nav>
  )
}
