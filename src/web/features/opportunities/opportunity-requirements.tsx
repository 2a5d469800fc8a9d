import { Link } from 'react-router'
import { useOpportunityRequirements } from './shadowing-api.ts'
import { REQUIREMENT_STATE_LABELS, requirementDetail } from './shadowing-format.ts'

/** What an opportunity demands before applying or booking; a student sees where they stand on each. */
export function OpportunityRequirements({ opportunityId, isStudent }: { opportunityId: string; isStudent: boolean }) {
  const requirements = useOpportunityRequirements(opportunityId)
  const list = requirements.data?.requirements ?? []
  if (list.length === 0) return null
  return (
    <section className="card" aria-labelledby="opportunity-requirements">
      <h2 id="opportunity-requirements">Requirements</h2>
      <p>
        {isStudent
          ? 'You need each of these, still valid on the day, to apply or book.'
          : 'Students need each of these, still valid on the day, to apply or book.'}
      </p>
      <ul className="requirement-list">
        {list.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong>
            {isStudent ? <span className={`tag requirement-${r.state}`}>{REQUIREMENT_STATE_LABELS[r.state]}</span> : null}
            {isStudent ? <p>{r.problem ?? requirementDetail(r)}</p> : r.description ? <p>{r.description}</p> : null}
          </li>
        ))}
      </ul>
      {isStudent && list.some((r) => r.state !== 'met') ? (
        <p>
          <Link to="/opportunities/applications#my-requirements">Record them on My requirements</Link>
        </p>
      ) : null}
    </section>
  )
}
