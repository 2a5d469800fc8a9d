import { Link, useParams } from 'react-router'
import { useSession } from '../../api/identity.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useOpportunity } from './api.ts'
import { deadlineReminder } from './deadline-reminder.ts'
import { SaveButton } from './save-button.tsx'
import { useSavedOpportunities } from './saved-api.ts'
import { ApplyForm } from './apply-form.tsx'
import { OpportunityRequirements } from './opportunity-requirements.tsx'
import { ShadowingDays } from './shadowing-days.tsx'
import { SlotManager } from './slot-manager.tsx'
import { TIME_COMMITMENT_LABELS } from '#shared/reference/time-commitments.ts'
import { classYearsLabel, datesLabel, deadlineLabel, kindLabel, placesLabel, specialtyLabel } from './opportunity-format.ts'
import './opportunities.css'

/** One opportunity: what it asks and offers and what it requires; Apply (or book a shadowing day) for students; edit, applicants and days for its poster. */
export function OpportunityPage() {
  const { opportunityId = '' } = useParams()
  const opportunity = useOpportunity(opportunityId)
  const session = useSession()
  usePageTitle(opportunity.data?.title ?? 'Opportunity')
  const isStudent = session.data?.person.roles.includes('student') ?? false
  const o = opportunity.data
  const canSave = isStudent && o !== undefined && !o.isMine
  const saved = useSavedOpportunities(canSave)
  const isSaved = saved.data?.saved.some((s) => s.id === opportunityId) ?? false
  const open = o ? o.status === 'published' && (o.applyBy === null || Date.parse(o.applyBy) > Date.now()) : false
  const facts: [string, string][] = o
    ? [
        ['Posted by', o.posterName],
        ['Specialty', specialtyLabel(o.specialtyId)],
        ['For', classYearsLabel(o)],
        ['When', datesLabel(o) ?? 'To be agreed'],
        [
          'Time',
          o.timeCommitment ? `${o.timeCommitment} (on the board: ${TIME_COMMITMENT_LABELS[o.commitment].toLowerCase()})` : TIME_COMMITMENT_LABELS[o.commitment],
        ],
        ['Where', [o.site, o.remote ? 'Remote' : ''].filter(Boolean).join(', ')],
        ['Research question', o.researchQuestion],
        ['Methods', o.methods],
        ['Skills wanted', o.skillsWanted],
        ['Expected output', o.expectedOutput],
        ['Dress code', o.dressCode],
        ['What to bring', o.whatToBring],
        ['Deadline', deadlineLabel(o)],
        ['Places', placesLabel(o)],
      ]
    : []
  return (
    <div className="page page-narrow">
      <p>
        <Link to={o?.isMine ? '/opportunities/posted' : '/opportunities'} className="back-link">
          ← {o?.isMine ? 'My postings' : 'All opportunities'}
        </Link>
      </p>
      {opportunity.isPending ? <Loading /> : null}
      {opportunity.isError ? <QueryError error={opportunity.error} onRetry={() => void opportunity.refetch()} /> : null}
      {o ? (
        <>
          <div className="page-header">
            <p className="opportunity-kind">{kindLabel(o)}</p>
            <h1 tabIndex={-1}>{o.title}</h1>
            {o.status !== 'published' ? (
              <p className="notice notice-warning">{o.status === 'draft' ? 'A draft: only you can see it.' : 'Closed: it takes no more applications.'}</p>
            ) : null}
            {canSave && saved.data ? (
              <div className="save-row">
                <SaveButton opportunityId={o.id} saved={isSaved} />
                {isSaved ? <span className="deadline-reminder">{deadlineReminder(o.applyBy, open, new Date()).text}</span> : null}
              </div>
            ) : null}
          </div>
          <div className="card">
            <p className="prose">{o.description}</p>
            <dl className="opportunity-facts">
              {facts
                .filter(([, value]) => value)
                .map(([term, value]) => (
                  <div key={term}>
                    <dt>{term}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
            </dl>
          </div>
          <OpportunityRequirements opportunityId={o.id} isStudent={isStudent && !o.isMine} />
          {o.isMine && o.kind === 'shadowing' ? <SlotManager opportunityId={o.id} /> : null}
          {!o.isMine && o.kind === 'shadowing' ? (
            <ShadowingDays opportunityId={o.id} isStudent={isStudent} withoutDays={isStudent ? <ApplyForm opportunity={o} /> : null} />
          ) : null}
          {o.isMine ? (
            <div className="button-row">
              <Link to={`/opportunities/${o.id}/applicants`} className="button">
                See applicants
              </Link>
              <Link to={`/opportunities/${o.id}/edit`} className="button button-secondary">
                Edit
              </Link>
            </div>
          ) : isStudent && o.kind !== 'shadowing' ? (
            <ApplyForm opportunity={o} />
          ) : null}
        </>
      ) : null}
    </div>
  )
}
