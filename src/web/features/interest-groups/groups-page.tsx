import { Link, useNavigate } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useSession } from '../../api/identity.ts'
import { useCreateGroup, useInterestGroups } from './api.ts'
import { EMPTY_GROUP, GroupForm } from './group-form.tsx'
import { JoinButton } from './join-button.tsx'
import './interest-groups.css'

/** Every interest group: students join here; the office creates groups. */
export function InterestGroupsPage() {
  usePageTitle('Interest groups')
  const session = useSession()
  const groups = useInterestGroups()
  const create = useCreateGroup()
  const navigate = useNavigate()
  const student = session.data?.person.roles.includes('student') ?? false
  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Interest groups</h1>
        <p className="lead">
          Student-run groups, most of them for one specialty: talks, skills nights and mentors. Join to get the group’s announcements by e-mail and be invited
          to its events. To read about a specialty first, go to <Link to="/specialties">Explore specialties</Link>.
        </p>
      </div>
      {groups.isPending ? <Loading /> : null}
      {groups.isError ? <QueryError error={groups.error} onRetry={() => void groups.refetch()} /> : null}
      {groups.data ? (
        <>
          {groups.data.groups.length === 0 ? <p className="empty-state">No interest groups yet.</p> : null}
          <ul className="group-list">
            {groups.data.groups.map((g) => (
              <li key={g.id} className="card group-card">
                <h2>
                  <Link to={`/interest-groups/${g.id}`}>{g.name}</Link>
                </h2>
                <p className="group-meta">
                  {g.specialtyName ?? 'Open to every interest'} · {g.memberCount} {g.memberCount === 1 ? 'member' : 'members'}
                  {g.myRole === 'leader' ? ' · You lead this group' : g.myRole === 'member' ? ' · You are a member' : ''}
                </p>
                {g.description ? <p>{g.description}</p> : null}
                {student ? <JoinButton group={g} /> : null}
              </li>
            ))}
          </ul>
          {groups.data.canCreate ? (
            <section aria-labelledby="new-group" className="card">
              <h2 id="new-group">New interest group</h2>
              <GroupForm
                idPrefix="new-group"
                initial={EMPTY_GROUP}
                submitLabel="Create group"
                onSave={async (input) => navigate(`/interest-groups/${(await create.mutateAsync(input)).id}`)}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  )
}
