import { Link } from 'react-router'
import type { FactorContribution, RecommendedMentor, RecommendedMentorsResponse } from '#shared/contracts/recommendations.ts'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { Avatar } from '../../components/avatar.tsx'
import { backState, type BackTo } from '../directory/back-link.ts'
import { answersText } from '../directory/mentor-card.tsx'

const FACTOR_LABELS: Record<FactorContribution['factor'], string> = {
  specialty: 'Specialty',
  help: 'Help you asked for',
  stage: 'Fits your year',
  site: 'Site',
  research: 'Research words in common',
  language: 'Language',
  identity: 'Identity (you asked for it)',
  responsiveness: 'Slow or no answers (subtracts)',
  load: 'In demand: many students see or ask them (subtracts)',
}

const MISSING_TEXT: Record<RecommendedMentorsResponse['missing'][number], string> = {
  specialtyInterests: 'the specialties you’re curious about',
  helpWanted: 'the help you’d like',
  careerGoals: 'a few lines about your goals',
}

const points = (x: number): string => (Math.round(x * 10) / 10).toFixed(1)

/** "Dermatology faculty; offers mock interviews." — a reason list as one sentence, capitalised. */
export function reasonsSentence(reasons: readonly string[]): string {
  if (reasons.length === 0) return ''
  const text = reasons.join('; ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

function headline(mentor: RecommendedMentor['mentor']): string {
  return [MENTOR_KIND_LABELS[mentor.kind], mentor.specialtyName ?? mentor.departmentName].filter(Boolean).join(', ')
}

/** What to add to one's profile for better suggestions, linked to the field. */
export function MissingProfileHint({ missing }: { missing: RecommendedMentorsResponse['missing'] }) {
  if (missing.length === 0) return null
  const items = missing.map((m) => MISSING_TEXT[m])
  const list = items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
  return (
    <p className="notice notice-info">
      Suggestions get better when your profile names {list}. <Link to="/profile/edit#student">Update your profile</Link>
    </p>
  )
}

/** The factor contributions behind one score, as a small table. */
function FactorTable({ recommendation }: { recommendation: RecommendedMentor }) {
  const shown = recommendation.factors.filter((f) => f.contribution !== 0)
  return (
    <table className="table factor-table">
      <caption className="visually-hidden">How {recommendation.mentor.name}’s score adds up</caption>
      <thead>
        <tr>
          <th scope="col">Factor</th>
          <th scope="col" className="numeric">
            Points
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((f) => (
          <tr key={f.factor}>
            <th scope="row">{FACTOR_LABELS[f.factor]}</th>
            <td className="numeric">
              {f.contribution > 0 ? '+' : '−'}
              {points(Math.abs(f.contribution))}
              <span className="factor-of"> of {f.weight}</span>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="numeric">{points(recommendation.score)}</td>
        </tr>
      </tfoot>
    </table>
  )
}

/**
 * One suggested mentor: who, why in plain words, and a link to their directory profile. With
 * `explain`, the points behind the order are under a "Why this order?" disclosure.
 */
const FOR_YOU: BackTo = { to: '/mentors/for-you', label: 'Mentors for you' }

export function RecommendationCard({
  recommendation,
  explain = false,
  headingLevel = 3,
  backTo = FOR_YOU,
}: {
  recommendation: RecommendedMentor
  explain?: boolean
  headingLevel?: 2 | 3
  /** Where the mentor's page leads back to. */
  backTo?: BackTo
}) {
  const { mentor } = recommendation
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const headingId = `for-you-${mentor.id}`
  return (
    <article className="mentor-card recommendation-card" aria-labelledby={headingId}>
      <Avatar personId={mentor.id} name={mentor.name} hasPhoto={mentor.hasPhoto} />
      <div className="mentor-card-body">
        <Heading id={headingId} className="mentor-card-name">
          <Link to={`/mentors/${mentor.id}`} state={backState(backTo.to, backTo.label)}>
            {mentor.name}
          </Link>
          {mentor.pronouns ? <span className="mentor-pronouns"> ({mentor.pronouns})</span> : null}
        </Heading>
        <p className="mentor-card-headline">
          {headline(mentor)}
          {mentor.clinicalSite ? <span className="mentor-card-where"> · {mentor.clinicalSite}</span> : null}
        </p>
        {recommendation.reasons.length > 0 ? (
          <p className="recommendation-reasons">
            <span className="visually-hidden">Why we suggest them: </span>
            {reasonsSentence(recommendation.reasons)}
          </p>
        ) : null}
        <p className="mentor-places mentor-places-open">
          {mentor.openPlaces} {mentor.openPlaces === 1 ? 'place' : 'places'} open
        </p>
        {mentor.responsiveness ? <p className="mentor-card-meta">{answersText(mentor.responsiveness)}</p> : null}
        {explain ? (
          <details className="why-order">
            <summary>Why this order?</summary>
            <FactorTable recommendation={recommendation} />
          </details>
        ) : null}
      </div>
    </article>
  )
}
