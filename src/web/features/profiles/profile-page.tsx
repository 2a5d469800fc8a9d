import type { ReactNode } from 'react'
import { Link, useParams } from 'react-router'
import type { ProfileResponse } from '#shared/contracts/profiles.ts'
import {
  ACADEMIC_RANK_LABELS,
  CLASS_YEAR_LABELS,
  IDENTITY_ATTRIBUTE_LABELS,
  IDENTITY_VISIBILITY_LABELS,
  MENTOR_KIND_LABELS,
  MENTOR_OFFERING_LABELS,
  ROLE_LABELS,
  ROLES,
  STUDENT_TRACK_LABELS,
} from '#shared/enums.ts'
import { useSession } from '../../api/identity.ts'
import { useMyProfile, useProfile } from '../../api/profiles.ts'
import { Avatar } from '../../components/avatar.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { departmentName, photoVersion, specialtyName } from './labels.ts'

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

const notSet = <span className="muted">Not set</span>

function Tags({ items }: { items: readonly string[] }) {
  if (items.length === 0) return notSet
  return (
    <ul className="tags">
      {items.map((item) => (
        <li key={item} className="tag">
          {item}
        </li>
      ))}
    </ul>
  )
}

function Paragraphs({ text }: { text: string | undefined }) {
  if (!text?.trim()) return notSet
  return <p className="prose">{text}</p>
}

function ProfileDetails({ profile, isMe }: { profile: ProfileResponse; isMe: boolean }) {
  const { person, student, mentor, advisor } = profile
  return (
    <div className="page">
      <div className="profile-header">
        <Avatar personId={person.id} name={person.name} hasPhoto={person.hasPhoto} size="lg" version={photoVersion(person.id)} />
        <div className="profile-heading">
          <h1 tabIndex={-1}>{person.name}</h1>
          <p className="profile-meta">
            {person.pronouns ? <span>{person.pronouns}</span> : null}
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </p>
          <ul className="tags" aria-label="Roles">
            {ROLES.filter((role) => person.roles.includes(role)).map((role) => (
              <li key={role} className="tag tag-role">
                {ROLE_LABELS[role]}
              </li>
            ))}
            {person.status !== 'active' ? <li className={`tag tag-status-${person.status}`}>{person.status === 'invited' ? 'Invited' : 'Disabled'}</li> : null}
          </ul>
        </div>
        {profile.canEdit ? (
          <Link className="button profile-edit-link" to="/profile/edit">
            Edit profile
          </Link>
        ) : null}
      </div>

      {student ? (
        <section className="card" aria-labelledby="profile-student">
          <h2 id="profile-student">Student</h2>
          <dl className="facts facts-grid">
            <Fact term="Class year">{CLASS_YEAR_LABELS[student.classYear]}</Fact>
            <Fact term="Expected graduation">{student.graduationYear}</Fact>
            <Fact term="Track">{STUDENT_TRACK_LABELS[student.track]}</Fact>
          </dl>
          <dl className="facts">
            <Fact term="Specialty interests">
              {student.specialtyInterests.length ? (
                <ol className="ranked">
                  {student.specialtyInterests.map((id) => (
                    <li key={id}>{specialtyName(id)}</li>
                  ))}
                </ol>
              ) : (
                notSet
              )}
            </Fact>
            <Fact term="Career goals">
              <Paragraphs text={student.careerGoals} />
            </Fact>
            <Fact term="Help wanted">
              <Tags items={student.helpWanted.map((o) => MENTOR_OFFERING_LABELS[o])} />
            </Fact>
            {(student.identity?.length ?? 0) > 0 || isMe ? (
              <Fact term="Identity">
                <Tags items={(student.identity ?? []).map((a) => IDENTITY_ATTRIBUTE_LABELS[a])} />
                {isMe && student.identityVisibility ? <p className="field-hint">Visible to: {IDENTITY_VISIBILITY_LABELS[student.identityVisibility]}</p> : null}
              </Fact>
            ) : null}
            {student.wantsIdentityAlignedMentor ? <Fact term="Mentor preference">Would like a mentor who shares their identity</Fact> : null}
          </dl>
        </section>
      ) : null}

      {mentor ? (
        <section className="card" aria-labelledby="profile-mentor">
          <h2 id="profile-mentor">Mentor</h2>
          <dl className="facts facts-grid">
            <Fact term="Kind">{mentor.kind ? MENTOR_KIND_LABELS[mentor.kind] : notSet}</Fact>
            <Fact term="Specialty">
              {mentor.specialtyId ? specialtyName(mentor.specialtyId) : notSet}
              {mentor.subspecialty ? ` · ${mentor.subspecialty}` : ''}
            </Fact>
            <Fact term="Department">{mentor.departmentId ? departmentName(mentor.departmentId) : notSet}</Fact>
            {mentor.academicRank ? <Fact term="Academic rank">{ACADEMIC_RANK_LABELS[mentor.academicRank]}</Fact> : null}
            {mentor.clinicalSite ? <Fact term="Clinical site">{mentor.clinicalSite}</Fact> : null}
            {mentor.city || mentor.state ? <Fact term="Location">{[mentor.city, mentor.state].filter(Boolean).join(', ')}</Fact> : null}
            {mentor.graduationYear ? <Fact term="Graduated">{mentor.graduationYear}</Fact> : null}
            <Fact term="New mentees">{mentor.accepting ? `Accepting, up to ${mentor.capacity ?? 0}` : 'Not accepting right now'}</Fact>
          </dl>
          <dl className="facts">
            <Fact term="Bio">
              <Paragraphs text={mentor.bio} />
            </Fact>
            {mentor.researchInterests ? (
              <Fact term="Research interests">
                <Paragraphs text={mentor.researchInterests} />
              </Fact>
            ) : null}
            <Fact term="Offers">
              <Tags items={(mentor.offers ?? []).map((o) => MENTOR_OFFERING_LABELS[o])} />
            </Fact>
            {mentor.languages?.length ? (
              <Fact term="Languages">
                <Tags items={mentor.languages} />
              </Fact>
            ) : null}
            {mentor.identity?.length ? (
              <Fact term="Identity">
                <Tags items={mentor.identity.map((a) => IDENTITY_ATTRIBUTE_LABELS[a])} />
              </Fact>
            ) : null}
          </dl>
        </section>
      ) : null}

      {advisor ? (
        <section className="card" aria-labelledby="profile-advisor">
          <h2 id="profile-advisor">Advisor</h2>
          <dl className="facts facts-grid">
            <Fact term="Title">{advisor.title || notSet}</Fact>
            <Fact term="Office">{advisor.office || notSet}</Fact>
            <Fact term="Advises on">{advisor.advisesSpecialtyId ? specialtyName(advisor.advisesSpecialtyId) : 'All specialties'}</Fact>
          </dl>
        </section>
      ) : null}
    </div>
  )
}

function ProfileState({ title, query, isMe }: { title: string; query: ReturnType<typeof useMyProfile>; isMe: boolean }) {
  usePageTitle(query.data ? (isMe ? 'My profile' : query.data.person.name) : title)
  if (query.data) return <ProfileDetails profile={query.data} isMe={isMe} />
  if (query.isError) return <PageError title={title} error={query.error} onRetry={() => void query.refetch()} />
  return <PageLoading title={title} label="Loading profile…" />
}

export function MyProfilePage() {
  const query = useMyProfile()
  return <ProfileState title="My profile" query={query} isMe />
}

export function PersonProfilePage() {
  const { personId = '' } = useParams()
  const { data: session } = useSession()
  const query = useProfile(personId)
  return <ProfileState title="Profile" query={query} isMe={session?.person.id === personId} />
}
