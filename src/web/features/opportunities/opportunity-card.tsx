import { Link } from 'react-router'
import type { OpportunitySummary } from '#shared/contracts/opportunities.ts'
import { APPLICATION_STATUS_LABELS, datesLabel, deadlineLabel, kindLabel, placesLabel, specialtyLabel } from './opportunity-format.ts'

/** One opportunity in a list: what, who posts it, when, and places left; the title links to it. */
export function OpportunityCard({ opportunity: o, headingLevel = 3 }: { opportunity: OpportunitySummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const dates = datesLabel(o)
  return (
    <article className="card opportunity-card">
      <p className="opportunity-kind">
        {kindLabel(o)}
        {o.specialtyId ? ` · ${specialtyLabel(o.specialtyId)}` : ''}
        {o.remote ? ' · Remote' : ''}
      </p>
      <Heading>
        <Link to={`/opportunities/${o.id}`}>{o.title}</Link>
      </Heading>
      <p className="opportunity-meta">
        {o.posterName}
        {o.site ? ` · ${o.site}` : ''}
        {o.timeCommitment ? ` · ${o.timeCommitment}` : ''}
      </p>
      <p className="opportunity-meta">
        {[dates, deadlineLabel(o), placesLabel(o)].filter(Boolean).join(' · ')}
        {o.status !== 'published' ? ` · ${o.status === 'draft' ? 'Draft' : 'Closed'}` : ''}
      </p>
      {o.myApplicationStatus ? <p className={`tag application-${o.myApplicationStatus}`}>{APPLICATION_STATUS_LABELS[o.myApplicationStatus]}</p> : null}
    </article>
  )
}
