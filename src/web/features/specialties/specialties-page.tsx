import { Link } from 'react-router'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { usePageTitle } from '../../components/page-title.ts'
import '../interest-groups/interest-groups.css'

/** Every specialty, each a link to its page. */
export function SpecialtiesPage() {
  usePageTitle('Explore specialties')
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Explore specialties</h1>
        <p className="lead">
          What each specialty is and how long it trains, its interest group, who advises on it, events, mentors and where our graduates matched. Student groups
          are on <Link to="/interest-groups">Interest groups</Link>.
        </p>
      </div>
      <ul className="specialty-index">
        {SPECIALTIES_BY_NAME.map((s) => (
          <li key={s.id}>
            <Link to={`/specialties/${s.id}`}>{s.name}</Link>
          </li>
        ))}
      </ul>
    </div>
  )
}
