import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { usePosted } from './api.ts'
import { OpportunityCard } from './opportunity-card.tsx'
import './opportunities.css'

/** What the caller posted, with how many applied and wait for an answer. */
export function PostedPage() {
  usePageTitle('My postings')
  const posted = usePosted()
  const list = posted.data?.opportunities ?? []
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>My postings</h1>
        <p className="lead">Research projects, shadowing days and programs you offer students. Open one to read the applications and answer them.</p>
        <p>
          <Link to="/opportunities/new" className="button">
            Post an opportunity
          </Link>
        </p>
      </div>
      {posted.isPending ? <Loading /> : null}
      {posted.isError ? <QueryError error={posted.error} onRetry={() => void posted.refetch()} /> : null}
      {posted.data && list.length === 0 ? <p className="empty-state">You have not posted an opportunity yet.</p> : null}
      <ul className="opportunity-list">
        {list.map((o) => {
          const waiting = (o.applicationCounts.submitted ?? 0) + (o.applicationCounts.shortlisted ?? 0)
          return (
            <li key={o.id}>
              <OpportunityCard opportunity={o} headingLevel={2} />
              <p className="opportunity-applicants-link">
                <Link to={`/opportunities/${o.id}/applicants`}>
                  {waiting === 0 ? 'Applicants' : `${waiting} ${waiting === 1 ? 'application' : 'applications'} to answer`}
                  <span className="visually-hidden"> for {o.title}</span>
                </Link>
              </p>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
