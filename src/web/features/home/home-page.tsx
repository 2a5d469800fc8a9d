import { lazy, Suspense } from 'react'
import { Link, useLocation } from 'react-router'
import type { ProfileResponse } from '#shared/contracts/profiles.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, MENTOR_OFFERING_LABELS, ROLE_LABELS, ROLES, type Role } from '#shared/enums.ts'
import { useAdminSummary, useStudentsSummary } from '../../api/admin.ts'
import { useSession } from '../../api/identity.ts'
import { useMyProfile } from '../../api/profiles.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { hasRole } from '../identity/roles.ts'
import { NoRoleNotice } from '../roster/no-role-notice.tsx'
import { MentorLettersLine, StudentLettersLine } from '../letters/home-letters.tsx'
import { MentorshipsLine } from '../mentorships/home-mentorships.tsx'
import { HomeMentorsForYou } from '../recommendations/home-mentors-for-you.tsx'
import { plural } from '../../components/format.ts'
import { NeedsYouNow } from './needs-you-now.tsx'
import { HomeTimeline } from '../curriculum/home-timeline.tsx'
import { ReviewsLine } from '../materials/home-reviews.tsx'
import './home.css'
import { greeting } from './greeting.ts'

// Loaded after the page: the board's view is the largest card's code, and the sign-in page and a
// student's home share a first-load JavaScript budget (scripts/web-build-plugins.ts).
const HomeAdvisingBoard = lazy(() => import('../advising/home-advising-board.tsx').then((m) => ({ default: m.HomeAdvisingBoard })))

type ChecklistItem = { id: string; done: boolean; todo: string; doneText: string; to: string }

function Checklist({ items, label }: { items: ChecklistItem[]; label: string }) {
  const done = items.filter((item) => item.done).length
  return (
    <div className="checklist-block">
      <p className="checklist-progress">
        <span>
          {done} of {items.length} done
        </span>
        <span className="progress-track" aria-hidden="true">
          <span className="progress-fill" style={{ width: `${(done / items.length) * 100}%` }} />
        </span>
      </p>
      <ul className="checklist" aria-label={label}>
        {items.map((item) => (
          <li key={item.id} className={item.done ? 'checklist-item is-done' : 'checklist-item'}>
            <span className="checklist-mark" aria-hidden="true">
              {item.done ? '✓' : ''}
            </span>
            {item.done ? (
              <span>
                <span className="visually-hidden">Done: </span>
                {item.doneText}
              </span>
            ) : (
              <Link to={item.to}>
                <span className="visually-hidden">To do: </span>
                {item.todo}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

function studentChecklist(profile: ProfileResponse): ChecklistItem[] {
  const student = profile.student
  return [
    { id: 'class-year', done: Boolean(student?.classYear), todo: 'Set your class year', doneText: 'Class year set', to: '/profile/edit#student-classYear' },
    {
      id: 'interests',
      done: (student?.specialtyInterests.length ?? 0) > 0,
      todo: 'Add the specialties you’re curious about',
      doneText: 'Specialty interests added',
      to: '/profile/edit#student-specialtyInterests',
    },
    {
      id: 'help',
      done: (student?.helpWanted.length ?? 0) > 0,
      todo: 'Say what help you’d like from a mentor',
      doneText: 'Help wanted chosen',
      to: '/profile/edit#student-helpWanted',
    },
    {
      id: 'goals',
      done: (student?.careerGoals.trim().length ?? 0) > 0,
      todo: 'Write a few lines about your career goals',
      doneText: 'Career goals written',
      to: '/profile/edit#student-careerGoals',
    },
    { id: 'photo', done: profile.person.hasPhoto, todo: 'Add a photo so mentors recognize you', doneText: 'Photo added', to: '/profile/edit#photo' },
  ]
}

function StudentSection({ profile }: { profile: ProfileResponse }) {
  const items = studentChecklist(profile)
  const left = items.filter((item) => !item.done).length
  return (
    <section className="card home-section" aria-labelledby="home-student">
      <h2 id="home-student">As a student</h2>
      {left === 0 ? (
        <p>Your profile is complete. Mentors and advisors can see what you’re looking for.</p>
      ) : (
        <details className="home-checklist">
          <summary>Finish your profile ({plural(left, 'step', 'steps')} left): it helps mentors and advisors understand what you need</summary>
          <Checklist items={items} label="Student profile checklist" />
        </details>
      )}
      <MentorshipsLine as="student" />
      <StudentLettersLine />
    </section>
  )
}

function MentorSection({ profile }: { profile: ProfileResponse }) {
  const mentor = profile.mentor ?? {}
  const offers = mentor.offers ?? []
  const items: ChecklistItem[] = [
    {
      id: 'capacity',
      done: (mentor.capacity ?? 0) > 0,
      todo: 'Say how many mentees you can take',
      doneText: `Capacity set to ${mentor.capacity ?? 0}`,
      to: '/profile/edit#mentor-capacity',
    },
    { id: 'bio', done: (mentor.bio?.trim().length ?? 0) > 0, todo: 'Write a short bio', doneText: 'Bio written', to: '/profile/edit#mentor-bio' },
    {
      id: 'offers',
      done: offers.length > 0,
      todo: 'Choose what you offer students',
      doneText: 'Offers chosen',
      to: '/profile/edit#mentor-offers',
    },
    { id: 'photo', done: profile.person.hasPhoto, todo: 'Add a photo', doneText: 'Photo added', to: '/profile/edit#photo' },
  ]
  return (
    <section className="card home-section" aria-labelledby="home-mentor">
      <h2 id="home-mentor">As a mentor</h2>
      <dl className="facts">
        <div>
          <dt>New mentees</dt>
          <dd>{mentor.accepting ? `Accepting, up to ${mentor.capacity ?? 0} at a time` : 'Not accepting new mentees right now'}</dd>
        </div>
        <div>
          <dt>You offer</dt>
          <dd>{offers.length ? offers.map((o) => MENTOR_OFFERING_LABELS[o]).join(', ') : 'Nothing chosen yet'}</dd>
        </div>
      </dl>
      {items.some((item) => !item.done) ? (
        <details className="home-checklist">
          <summary>Finish your mentor profile ({plural(items.filter((item) => !item.done).length, 'step', 'steps')} left)</summary>
          <Checklist items={items} label="Mentor profile checklist" />
        </details>
      ) : null}
      <MentorshipsLine as="mentor" />
      <MentorLettersLine />
      <ReviewsLine />
      <p className="home-role-footer">
        <Link to="/profile/edit#mentor">Update your mentor profile</Link>
      </p>
    </section>
  )
}

function AdvisorSection() {
  const summary = useStudentsSummary()
  // Students late in the curriculum without a specialty are the ones an advisor should reach first.
  const undecidedSeniors = summary.data ? summary.data.withoutSpecialtyInterest.M3 + summary.data.withoutSpecialtyInterest.M4 : 0
  return (
    <section className="card home-section" aria-labelledby="home-advisor">
      <h2 id="home-advisor">As an advisor</h2>
      {summary.isPending ? <Loading /> : null}
      {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.data ? (
        <>
          <p className="stat-line">
            <span className="stat-number">{summary.data.total}</span> active students
          </p>
          <dl className="stat-grid">
            {CLASS_YEARS.map((year) => (
              <div key={year}>
                <dt>{CLASS_YEAR_LABELS[year]}</dt>
                <dd>
                  {summary.data.byClassYear[year]}
                  {summary.data.withoutSpecialtyInterest[year] > 0 ? (
                    <span className="stat-note"> ({summary.data.withoutSpecialtyInterest[year]} without a specialty interest)</span>
                  ) : null}
                </dd>
              </div>
            ))}
          </dl>
          {undecidedSeniors > 0 ? (
            <p>
              <strong>Next:</strong> {undecidedSeniors} third- and fourth-year {undecidedSeniors === 1 ? 'student has' : 'students have'} not named a specialty
              interest yet. Reach out before application season.
            </p>
          ) : (
            <p>Every third- and fourth-year student has named a specialty interest.</p>
          )}
        </>
      ) : null}
      <ReviewsLine />
      <p>
        <Link className="button button-secondary" to="/people?role=student">
          Find a student
        </Link>{' '}
        <Link className="button button-quiet" to="/advising/students">
          My students’ advising boards
        </Link>
      </p>
    </section>
  )
}

function AdminSection() {
  const summary = useAdminSummary()
  return (
    <section className="card home-section" aria-labelledby="home-admin">
      <h2 id="home-admin">As an administrator</h2>
      {summary.isPending ? <Loading /> : null}
      {summary.isError ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.data ? (
        <>
          <dl className="stat-grid">
            <div>
              <dt>People</dt>
              <dd>{summary.data.people.total}</dd>
            </div>
            {ROLES.map((role) => (
              <div key={role}>
                <dt>{ROLE_LABELS[role]}s</dt>
                <dd>{summary.data.people.byRole[role] ?? 0}</dd>
              </div>
            ))}
            <div>
              <dt>Invitations pending</dt>
              <dd>
                <Link to="/admin/people?status=invited">{summary.data.people.invited}</Link>
              </dd>
            </div>
            <div>
              <dt>Disabled</dt>
              <dd>{summary.data.people.disabled}</dd>
            </div>
            <div>
              <dt>E-mails in the outbox</dt>
              <dd>
                <Link to="/admin/outbox">{summary.data.outboxPending}</Link>
              </dd>
            </div>
          </dl>
          <ul className="link-list link-list-inline">
            <li>
              <Link to="/admin/people">Invite or manage people</Link>
            </li>
            <li>
              <Link to="/admin/audit">Read the audit log</Link>
            </li>
            <li>
              <Link to="/admin/outbox">Read the outbox</Link>
            </li>
          </ul>
        </>
      ) : null}
    </section>
  )
}

/** "a student", "an advisor": the role as it reads in a sentence (the role names are fixed words). */
function roleWithArticle(role: Role): string {
  const label = ROLE_LABELS[role].toLowerCase()
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`
}

export function HomePage() {
  usePageTitle('Home')
  const { data: session } = useSession()
  const profile = useMyProfile()
  const location = useLocation()
  const state = location.state as { welcome?: boolean; passwordChanged?: boolean } | null
  const firstName = session?.person.name.split(/\s+/)[0] ?? ''
  const roles: Role[] = ROLES.filter((role) => session?.person.roles.includes(role))
  const needsProfile = hasRole(session, 'student') || hasRole(session, 'mentor')

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>
          {greeting(new Date())}, {firstName}
        </h1>
        <p className="lead">{roles.length > 0 ? `You’re signed in as ${roles.map(roleWithArticle).join(' and ')}.` : null} What needs you comes first.</p>
      </div>
      <LiveStatus
        message={
          state?.welcome
            ? 'Welcome! Your account is ready and you are signed in.'
            : state?.passwordChanged
              ? 'Your new password is saved and you are signed in.'
              : null
        }
      />
      {roles.length === 0 ? <NoRoleNotice /> : null}
      {needsProfile && profile.isPending ? <Loading label="Loading your profile…" /> : null}
      {needsProfile && profile.isError ? <QueryError error={profile.error} onRetry={() => void profile.refetch()} /> : null}
      {roles.length > 0 && session ? <NeedsYouNow roles={roles} personId={session.person.id} /> : null}
      {/* The career timeline is the centre of a student's home: right after what needs them now. */}
      {hasRole(session, 'student') ? <HomeTimeline /> : null}
      <div className="home-grid">
        {/* The student's short cards share a column beside the tall "Mentors for you", leaving no hole under them. */}
        {hasRole(session, 'student') ? (
          <div className="home-column">
            {profile.data ? <StudentSection profile={profile.data} /> : null}
            <Suspense fallback={<Loading label="Loading your advising board…" />}>
              <HomeAdvisingBoard />
            </Suspense>
          </div>
        ) : null}
        {hasRole(session, 'student') ? <HomeMentorsForYou /> : null}
        {hasRole(session, 'mentor') && profile.data ? <MentorSection profile={profile.data} /> : null}
        {hasRole(session, 'advisor') ? <AdvisorSection /> : null}
        {hasRole(session, 'admin') ? <AdminSection /> : null}
      </div>
    </div>
  )
}
