import { Link } from 'react-router'
import type { OpportunitySummary } from '#shared/contracts/opportunities.ts'
import { TIME_COMMITMENT_LABELS } from '#shared/reference/time-commitments.ts'
import { deadlineReminder } from './deadline-reminder.ts'
import { APPLICATION_STATUS_LABELS, datesLabel, deadlineLabel, kindLabel, placesLabel, specialtyLabel } from './opportunity-format.ts'
import { SaveButton } from './save-button.tsx'

type Props = {
  opportunity: OpportunitySummary
  headingLevel?: 2 | 3
  /** For a student: whether it is on their saved list (the Save toggle shows; a saved one shows its deadline reminder). */
  saved?: boolean | undefined
  /** Whether it still takes applications (the board shows only open ones). */
  open?: boolean
}

/** One opportunity in a list: what, who posts it, when, and places left; the title links to it. */
export function OpportunityCard({ opportunity: o, headingLevel = 3, saved, open = true }: Props) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const dates = datesLabel(o)
  const reminder = saved ? deadlineReminder(o.applyBy, open, new Date()) : null
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
        {` · ${o.timeCommitment || TIME_COMMITMENT_LABELS[o.commitment]}`}
      </p>
      <p className="opportunity-meta">
        {[dates, deadlineLabel(o), placesLabel(o)].filter(Boolean).join(' · ')}
        {o.status !== 'published' ? ` · ${o.status === 'draft' ? 'Draft' : 'Closed'}` : ''}
      </p>
      {reminder ? <p className={reminder.soon ? 'deadline-reminder deadline-soon' : 'deadline-reminder'}>{reminder.text}</p> : null}
      {o.myApplicationStatus ? <p className={`tag application-${o.myApplicationStatus}`}>{APPLICATION_STATUS_LABELS[o.myApplicationStatus]}</p> : null}
      {saved !== undefined ? <SaveButton opportunityId={o.id} saved={saved} title={o.title} /> : null}
    </article>
  )
}
