import { Link } from 'react-router'
import type { DirectoryMentor, MentorResponsiveness } from '#shared/contracts/directory.ts'
import { ACADEMIC_RANK_LABELS, IDENTITY_ATTRIBUTE_LABELS, MENTOR_KIND_LABELS, MENTOR_OFFERING_LABELS } from '#shared/enums.ts'
import { Avatar } from '../../components/avatar.tsx'
import { backState } from './back-link.ts'

export function mentorHeadline(mentor: DirectoryMentor): string {
  const field = [mentor.specialtyName ?? mentor.departmentName, mentor.subspecialty].filter(Boolean).join(' · ')
  return [MENTOR_KIND_LABELS[mentor.kind], field].filter(Boolean).join(', ')
}

export function placesText(mentor: DirectoryMentor): string {
  if (!mentor.accepting) return 'Not taking new mentees now'
  if (mentor.openPlaces <= 0) return 'No places open'
  return `${mentor.openPlaces} ${mentor.openPlaces === 1 ? 'place' : 'places'} open`
}

/** "Usually answers within 2 days", from the last 12 months of requests. */
export function answersText(r: MentorResponsiveness): string {
  const waiting = `${r.waiting} ${r.waiting === 1 ? 'request' : 'requests'} waiting for an answer`
  if (r.requests === 0) return r.waiting > 0 ? `New here — ${waiting}` : 'New here — no requests yet'
  if (r.medianHours === null) return `Has not answered recent requests (${r.requests} in the last year)`
  const days = Math.max(1, Math.ceil(r.medianHours / 24))
  const within = days === 1 ? 'Usually answers within a day' : `Usually answers within ${days} days`
  const share = r.answeredShare ?? 1
  return share < 1 ? `${within} · answers ${Math.round(share * 100)}% of requests` : within
}

export function MentorCard({ mentor, search }: { mentor: DirectoryMentor; search: string }) {
  const where = [mentor.clinicalSite, [mentor.city, mentor.state].filter(Boolean).join(', ')].filter(Boolean).join(' — ')
  return (
    <article className="mentor-card" aria-labelledby={`mentor-${mentor.id}`}>
      <Avatar personId={mentor.id} name={mentor.name} hasPhoto={mentor.hasPhoto} />
      <div className="mentor-card-body">
        <h3 id={`mentor-${mentor.id}`} className="mentor-card-name">
          <Link to={`/mentors/${mentor.id}`} state={backState(search ? `/mentors?${search}` : '/mentors', 'your search')}>
            {mentor.name}
          </Link>
          {mentor.pronouns ? <span className="mentor-pronouns"> ({mentor.pronouns})</span> : null}
        </h3>
        <p className="mentor-card-headline">
          {mentorHeadline(mentor)}
          {mentor.academicRank ? ` · ${ACADEMIC_RANK_LABELS[mentor.academicRank]}` : ''}
        </p>
        {where ? <p className="mentor-card-where">{where}</p> : null}
        <p className={`mentor-places${mentor.accepting && mentor.openPlaces > 0 ? ' mentor-places-open' : ''}`}>{placesText(mentor)}</p>
        <p className="mentor-card-meta">{answersText(mentor.responsiveness)}</p>
        {mentor.fitReasons && mentor.fitReasons.length > 0 ? (
          <p>
            <strong>Fits you:</strong> {mentor.fitReasons.slice(0, 3).join(' · ')}
          </p>
        ) : null}
        {mentor.bioSnippet ? <p className="mentor-card-bio">{mentor.bioSnippet}</p> : null}
        {mentor.offers.length > 0 ? (
          <ul className="tags" aria-label="Offers">
            {mentor.offers.map((offer) => (
              <li key={offer} className="tag">
                {MENTOR_OFFERING_LABELS[offer]}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="mentor-card-meta">
          Speaks {mentor.languages.join(', ') || 'English'}
          {mentor.identity && mentor.identity.length > 0 ? ` · ${mentor.identity.map((i) => IDENTITY_ATTRIBUTE_LABELS[i]).join(', ')}` : ''}
        </p>
      </div>
    </article>
  )
}
