import { type FormEvent, useState } from 'react'
import { Link, useParams } from 'react-router'
import { AnnouncementInput, type InterestGroupView } from '#shared/contracts/interest-groups.ts'
import { CLASS_YEAR_LABELS } from '#shared/enums.ts'
import { useSession } from '../../api/identity.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { TextAreaField, TextField } from '../../components/fields.tsx'
import { formatMoment } from '../../components/format.ts'
import { type FormProblem, problemFrom, validate } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { formatWhen, formatWhere, seatsLabel } from '../events/event-format.ts'
import { useAnnounce, useInterestGroup, useRemoveMember, useUpdateGroup } from './api.ts'
import { GroupForm } from './group-form.tsx'
import { JoinButton } from './join-button.tsx'
import './interest-groups.css'

function AnnouncementForm({ group }: { group: InterestGroupView }) {
  const announce = useAnnounce(group.id)
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [sent, setSent] = useState<string | null>(null)
  const idFor = (field: string) => `announce-${field === 'body' ? 'body' : 'subject'}`
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setAttempt((n) => n + 1)
    const result = validate(AnnouncementInput, { subject, body })
    if (!result.ok) return setProblem({ message: null, fields: result.errors })
    try {
      const view = await announce.mutateAsync(result.data)
      const n = view.announcements[0]?.recipientCount ?? 0
      setSent(`Sent to ${n} ${n === 1 ? 'member' : 'members'} by e-mail.`)
      setSubject('')
      setBody('')
      setProblem({ message: null, fields: {} })
    } catch (cause) {
      setProblem(problemFrom(cause, ['subject', 'body']))
    }
  }
  return (
    <section aria-labelledby="write-to-members" className="card">
      <h2 id="write-to-members">Write to the members</h2>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={{ subject: 'Subject', body: 'Message' }} attempt={attempt} />
      <LiveStatus message={sent} />
      <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
        <TextField
          id={idFor('subject')}
          label="Subject"
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
          error={problem.fields.subject}
          autoComplete="off"
        />
        <TextAreaField
          id={idFor('body')}
          label="Message"
          hint={`E-mailed to every member (${group.memberCount}) and kept on this page.`}
          rows={4}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={problem.fields.body}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={announce.isPending}>
            {announce.isPending ? 'Sending…' : 'Send to members'}
          </button>
        </div>
      </form>
    </section>
  )
}

/** One group: what it is, who runs it, its events and announcements; leaders write and hold events here. */
export function InterestGroupPage() {
  const { groupId = '' } = useParams()
  const group = useInterestGroup(groupId)
  const session = useSession()
  const remove = useRemoveMember(groupId)
  const update = useUpdateGroup(groupId)
  usePageTitle(group.data?.name ?? 'Interest group')
  const roles = session.data?.person.roles ?? []
  const student = roles.includes('student')
  const office = roles.includes('advisor') || roles.includes('admin')
  const g = group.data
  return (
    <div className="page page-narrow">
      <p>
        <Link to="/interest-groups" className="back-link">
          ← All interest groups
        </Link>
      </p>
      {group.isPending ? <Loading /> : null}
      {group.isError ? <QueryError error={group.error} onRetry={() => void group.refetch()} /> : null}
      {g ? (
        <>
          <div className="page-header">
            <h1 tabIndex={-1}>{g.name}</h1>
            <p className="lead">{g.description || 'A student-run interest group.'}</p>
            <p className="group-meta">
              {g.specialtyId ? (
                <>
                  <Link to={`/specialties/${g.specialtyId}`}>Explore {g.specialtyName}</Link> ·{' '}
                </>
              ) : null}
              {g.memberCount} {g.memberCount === 1 ? 'member' : 'members'}
              {g.myRole === 'leader' ? ' · You lead this group' : g.myRole === 'member' ? ' · You are a member' : ''}
            </p>
            {student ? <JoinButton group={g} /> : null}
          </div>

          <section aria-labelledby="who-runs-it">
            <h2 id="who-runs-it">Who runs it</h2>
            <p>
              Student {g.leaders.length === 1 ? 'leader' : 'leaders'}: {g.leaders.length > 0 ? g.leaders.map((l) => l.name).join(', ') : 'not named yet'}.
              <br />
              Faculty advisor: {g.facultyAdvisor ? g.facultyAdvisor.name : 'not named yet'}.
            </p>
          </section>

          <section aria-labelledby="group-events">
            <h2 id="group-events">Upcoming events</h2>
            {g.canManage ? (
              <p>
                <Link to={`/interest-groups/${g.id}/events/new`} className="button">
                  New group event
                </Link>
              </p>
            ) : null}
            {g.upcomingEvents.length === 0 ? (
              <p className="empty-state">
                {g.myRole || g.canManage
                  ? 'No upcoming events yet.'
                  : 'No upcoming events open to you: most of a group’s events are for its members, so join to be invited.'}
              </p>
            ) : null}
            <ul className="plain-list">
              {g.upcomingEvents.map((e) => (
                <li key={e.id} className="card group-card">
                  <h3>
                    <Link to={`/events/${e.id}`}>{e.title}</Link>
                  </h3>
                  <p className="group-meta">
                    {formatWhen(e)} · {formatWhere(e)} · {seatsLabel(e)}
                  </p>
                </li>
              ))}
            </ul>
          </section>

          {g.canManage ? <AnnouncementForm group={g} /> : null}

          <section aria-labelledby="announcements">
            <h2 id="announcements">Announcements</h2>
            {g.announcements.length === 0 ? <p className="empty-state">No announcements yet.</p> : null}
            {g.announcements.map((a) => (
              <article key={a.id} className="announcement" aria-labelledby={`announcement-${a.id}`}>
                <h3 id={`announcement-${a.id}`}>{a.subject}</h3>
                <p className="group-meta">
                  {a.authorName}, {formatMoment(a.createdAt, { month: 'long', day: 'numeric', year: 'numeric' })}
                </p>
                <p>{a.body}</p>
              </article>
            ))}
          </section>

          <section aria-labelledby="members">
            <h2 id="members">Members</h2>
            <ul className="member-list">
              {g.members.map((m) => (
                <li key={m.id}>
                  {m.name}
                  {m.classYear ? `, ${CLASS_YEAR_LABELS[m.classYear]}` : ''}
                  {m.role === 'leader' ? ' (leader)' : ''}
                  {g.canManage && m.role === 'member' ? (
                    <>
                      {' '}
                      <button type="button" className="button-link" disabled={remove.isPending} onClick={() => remove.mutate(m.id)}>
                        Remove {m.name}
                      </button>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            {g.privateMemberCount > 0 ? (
              <p className="group-meta">
                And {g.privateMemberCount} {g.privateMemberCount === 1 ? 'member who keeps' : 'members who keep'} their directory information private.
              </p>
            ) : null}
          </section>

          {office && g.leaderEmails ? (
            <section aria-labelledby="edit-group" className="card">
              <h2 id="edit-group">Change the group</h2>
              <GroupForm
                idPrefix="edit-group"
                initial={{
                  name: g.name,
                  specialtyId: g.specialtyId ?? '',
                  description: g.description,
                  leaderEmails: g.leaderEmails.join('\n'),
                  facultyAdvisorEmail: g.facultyAdvisorEmail ?? '',
                }}
                submitLabel="Save group"
                onSave={(input) => update.mutateAsync(input)}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
