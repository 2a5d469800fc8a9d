import { Link } from 'react-router'
import type { MentorTeamResponse, MentorTeamStage, TeamStage } from '#shared/contracts/recommendations.ts'
import { MENTOR_KIND_LABELS } from '#shared/enums.ts'
import { Avatar } from '../../components/avatar.tsx'
import { backState } from '../directory/back-link.ts'
import { answersText } from '../directory/mentor-card.tsx'

const FILLED_WORDS: Record<TeamStage, string> = {
  'specialty-faculty': 'faculty in your specialty',
  'resident-or-fellow': 'a resident or fellow',
  alumni: 'a graduate of the school',
  'near-peer': 'a student a year or two ahead',
  research: 'a research mentor',
  'identity-aligned': 'identity-based mentorship',
}

const firstName = (name: string): string => name.split(/\s+/)[0] ?? name

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** One stage of the team: its suggested mentor with the reason and the request link, or why nobody. */
function StageCard({ stage }: { stage: MentorTeamStage }) {
  const headingId = `team-stage-${stage.stage}`
  const { mentor } = stage
  return (
    <article className={`team-stage${mentor ? '' : ' team-stage-empty'}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="team-stage-label">
        {stage.label}
      </h3>
      {mentor ? (
        <div className="team-stage-body">
          <Avatar personId={mentor.id} name={mentor.name} hasPhoto={mentor.hasPhoto} size="sm" />
          <div className="team-stage-text">
            <p className="team-stage-name">
              <Link to={`/mentors/${mentor.id}`} state={backState('/mentors/for-you', 'Mentors for you')}>
                {mentor.name}
              </Link>
              {mentor.pronouns ? <span className="mentor-pronouns"> ({mentor.pronouns})</span> : null}
              <span className="team-stage-kind">
                {' · '}
                {MENTOR_KIND_LABELS[mentor.kind]}
                {mentor.specialtyName ? `, ${mentor.specialtyName}` : ''}
              </span>
            </p>
            <p className="recommendation-reasons">
              <span className="visually-hidden">Why: </span>
              {stage.reason}.
            </p>
            <p className="mentor-places mentor-places-open">
              {mentor.openPlaces} {mentor.openPlaces === 1 ? 'place' : 'places'} open
              {mentor.responsiveness ? <span className="mentor-card-meta"> · {answersText(mentor.responsiveness)}</span> : null}
            </p>
            <p>
              <Link className="button button-secondary button-small" to={`/mentors/${mentor.id}#mentor-contact`}>
                Ask {firstName(mentor.name)} to mentor you
                <span className="visually-hidden"> ({stage.label.toLowerCase()})</span>
              </Link>
            </p>
          </div>
        </div>
      ) : (
        <p className="team-stage-nobody">{stage.reason}</p>
      )}
    </article>
  )
}

/**
 * "Your mentor team": for each career stage the student has nobody for yet, one suggested mentor
 * (or, in words, why there is none), then what is already covered.
 */
export function MentorTeamSection({ team }: { team: Pick<MentorTeamResponse, 'stages' | 'filledStages'> }) {
  return (
    <section className="team-section" aria-labelledby="team-heading">
      <h2 id="team-heading">Your mentor team</h2>
      <p>
        Most students do best with several mentors at different stages: faculty in the specialty you are aiming for, a resident or fellow, a graduate, a student
        a little ahead of you and a research mentor. Here is one person with a place for each you do not have yet.
      </p>
      {team.stages.length === 0 ? (
        <p className="notice notice-success">Every stage of your team has someone. The list below has more mentors if you want them.</p>
      ) : (
        <ul className="team-stages" aria-label="Your mentor team, one suggestion per stage">
          {team.stages.map((stage) => (
            <li key={stage.stage}>
              <StageCard stage={stage} />
            </li>
          ))}
        </ul>
      )}
      {team.filledStages.length > 0 && team.stages.length > 0 ? (
        <p>
          Already on your team: {listWords(team.filledStages.map((s) => FILLED_WORDS[s]))}. <Link to="/advising">See your advising board</Link>
        </p>
      ) : null}
    </section>
  )
}
