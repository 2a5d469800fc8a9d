import { Link } from 'react-router'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import { ROLE_LABELS, ROLES, type Role } from '#shared/enums.ts'
import { Avatar } from '../../components/avatar.tsx'
import { photoVersion } from '../profiles/labels.ts'

const roleNames = (roles: readonly Role[]) =>
  ROLES.filter((role) => roles.includes(role))
    .map((role) => ROLE_LABELS[role])
    .join(', ')

const STATUS_LABELS = { active: 'Active', invited: 'Invited', disabled: 'Disabled' } as const

export function StatusTag({ status }: { status: PersonSummary['status'] }) {
  return <span className={`tag tag-status-${status}`}>{STATUS_LABELS[status]}</span>
}

/** Advisors and admins follow a student's letter requests (statuses only) from here. */
function StudentLettersLink({ person }: { person: PersonSummary }) {
  if (!person.roles.includes('student')) return null
  return (
    <span className="people-letters-link">
      <Link to={`/letters/students/${person.id}`}>
        Letters<span className="visually-hidden"> of {person.name}</span>
      </Link>
    </span>
  )
}

type Props = {
  people: readonly PersonSummary[]
  caption: string
  onManage?: ((person: PersonSummary) => void) | undefined
}

/** A table where there is room for one, a list of cards on a phone. */
export function PeopleList({ people, caption, onManage }: Props) {
  if (people.length === 0) {
    return <p className="empty-state">No one matches. Try fewer words or clear the filters.</p>
  }
  return (
    <>
      <div className="table-wrap wide-only">
        <table className="table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Roles</th>
              <th scope="col">Status</th>
              {onManage ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>
                  <span className="person-cell">
                    <Avatar personId={person.id} name={person.name} hasPhoto={person.hasPhoto} size="sm" version={photoVersion(person.id)} />
                    <Link to={`/people/${person.id}`}>{person.name}</Link>
                  </span>
                </td>
                <td className="cell-email">{person.email}</td>
                <td>
                  {roleNames(person.roles)}
                  <StudentLettersLink person={person} />
                </td>
                <td>
                  <StatusTag status={person.status} />
                </td>
                {onManage ? (
                  <td className="cell-actions">
                    <button type="button" className="button button-secondary button-small" onClick={() => onManage(person)}>
                      Manage<span className="visually-hidden"> {person.name}</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="person-cards narrow-only" aria-label={caption}>
        {people.map((person) => (
          <li key={person.id} className="person-card">
            <Avatar personId={person.id} name={person.name} hasPhoto={person.hasPhoto} size="md" version={photoVersion(person.id)} />
            <div className="person-card-body">
              <Link to={`/people/${person.id}`} className="person-card-name">
                {person.name}
              </Link>
              <p className="person-card-email">{person.email}</p>
              <p className="person-card-meta">
                {roleNames(person.roles)} <StatusTag status={person.status} />
                <StudentLettersLink person={person} />
              </p>
              {onManage ? (
                <button type="button" className="button button-secondary button-small" onClick={() => onManage(person)}>
                  Manage<span className="visually-hidden"> {person.name}</span>
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </>
  )
}
