import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { formatMoment } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useMyApplications } from './api.ts'
import { MyRequirements } from './my-requirements.tsx'
import { MyShadowingDays } from './my-shadowing-days.tsx'
import { APPLICATION_STATUS_LABELS } from './opportunity-format.ts'
import './opportunities.css'

/** A student's applications and where each stands. */
export function MyApplicationsPage() {
  usePageTitle('My applications')
  const applications = useMyApplications()
  const list = applications.data?.applications ?? []
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/opportunities" className="back-link">
          ← All opportunities
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>My applications</h1>
        <p className="lead">Research projects, shadowing and programs you applied to. You are e-mailed when a poster answers.</p>
      </div>
      {applications.isPending ? <Loading /> : null}
      {applications.isError ? <QueryError error={applications.error} onRetry={() => void applications.refetch()} /> : null}
      {applications.data && list.length === 0 ? (
        <p className="empty-state">
          No applications yet. <Link to="/opportunities">Browse the opportunities</Link>.
        </p>
      ) : null}
      <ul className="opportunity-list">
        {list.map((a) => (
          <li key={a.id} className="card opportunity-card">
            <h2>
              <Link to={`/opportunities/${a.opportunityId}`}>{a.opportunityTitle}</Link>
            </h2>
            <p className={`tag application-${a.status}`}>{APPLICATION_STATUS_LABELS[a.status]}</p>
            <p className="opportunity-meta">Applied {formatMoment(a.createdAt, { month: 'long', day: 'numeric', year: 'numeric' })}</p>
            {a.posterMessage ? <p className="prose">“{a.posterMessage}”</p> : null}
          </li>
        ))}
      </ul>
      <MyShadowingDays />
      <MyRequirements />
    </div>
  )
}
