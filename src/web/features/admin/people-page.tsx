import { useState, type FormEvent } from 'react'
import { useSearchParams } from 'react-router'
import type { PersonSummary } from '#shared/contracts/profiles.ts'
import { PERSON_STATUSES, ROLE_LABELS, ROLES, type PersonStatus, type Role } from '#shared/enums.ts'
import { usePeople, type PeopleFilters } from '../../api/admin.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { SelectField, TextField, optionsFrom } from '../../components/fields.tsx'
import { Pagination } from '../../components/pagination.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { InvitePersonForm } from './invite-person-form.tsx'
import { ManagePersonDialog } from './manage-person-dialog.tsx'
import { PeopleList } from './people-list.tsx'

const PAGE_SIZE = 25
const STATUS_LABELS: Record<PersonStatus, string> = { active: 'Active', invited: 'Invited', disabled: 'Disabled' }

function readFilters(params: URLSearchParams): PeopleFilters {
  const role = params.get('role')
  const status = params.get('status')
  const page = Number(params.get('page') ?? '1')
  return {
    q: params.get('q') ?? undefined,
    role: role && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    status: status && (PERSON_STATUSES as readonly string[]).includes(status) ? (status as PersonStatus) : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  }
}

export function PeoplePage({ mode }: { mode: 'directory' | 'admin' }) {
  const title = mode === 'admin' ? 'Manage people' : 'People'
  usePageTitle(title)
  const [params, setParams] = useSearchParams()
  const filters = readFilters(params)
  const people = usePeople(filters, mode)
  const [q, setQ] = useState(filters.q ?? '')
  const [role, setRole] = useState<string>(filters.role ?? '')
  const [status, setStatus] = useState<string>(filters.status ?? '')
  const [managing, setManaging] = useState<PersonSummary | null>(null)

  const update = (next: Record<string, string | undefined>) => {
    const merged = new URLSearchParams(params)
    for (const [key, value] of Object.entries(next)) {
      if (value) merged.set(key, value)
      else merged.delete(key)
    }
    setParams(merged)
  }

  const onSearch = (event: FormEvent) => {
    event.preventDefault()
    update({ q: q.trim() || undefined, role: role || undefined, status: status || undefined, page: undefined })
  }

  const onClear = () => {
    setQ('')
    setRole('')
    setStatus('')
    setParams(new URLSearchParams())
  }

  const filtered = Boolean(filters.q || filters.role || filters.status)
  const current = managing ? (people.data?.items.find((person) => person.id === managing.id) ?? managing) : null

  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>{title}</h1>
        <p className="lead">
          {mode === 'admin'
            ? 'Invite people, change their roles, and disable or enable accounts.'
            : 'Students, mentors and staff at the school. Open a profile to see more.'}
        </p>
      </div>

      {mode === 'admin' ? <InvitePersonForm /> : null}

      <section className="card" aria-labelledby="people-results">
        <h2 id="people-results">{mode === 'admin' ? 'Everyone' : 'Find people'}</h2>
        <form role="search" aria-label="People" className="filters" onSubmit={onSearch}>
          <TextField id="people-q" label="Name or e-mail" type="search" className="filters-query" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <SelectField
            id="people-role"
            label="Role"
            placeholder="All roles"
            options={optionsFrom(ROLES, ROLE_LABELS)}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
          />
          <SelectField
            id="people-status"
            label="Status"
            placeholder="Any status"
            options={optionsFrom(PERSON_STATUSES, STATUS_LABELS)}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
          />
          <div className="filters-actions">
            {/* In the admin's view the page's one primary action is the invitation; searching is secondary there. */}
            <button type="submit" className={mode === 'admin' ? 'button button-secondary' : 'button'}>
              Search
            </button>
            {filtered ? (
              <button type="button" className="button button-ghost" onClick={onClear}>
                Clear
              </button>
            ) : null}
          </div>
        </form>

        <div role="status" className="results-status">
          {people.isPlaceholderData
            ? 'Searching…'
            : people.data
              ? `${people.data.total} ${people.data.total === 1 ? 'person' : 'people'}${filtered ? ' match' : ''}`
              : ''}
        </div>
        {people.isPending ? <Loading /> : null}
        {people.isError ? <QueryError error={people.error} onRetry={() => void people.refetch()} /> : null}
        {people.data ? (
          // Not dimmed while the next page loads: faded text fails contrast; the status says it.
          <div aria-busy={people.isPlaceholderData}>
            <PeopleList people={people.data.items} caption={`${title}, page ${people.data.page}`} onManage={mode === 'admin' ? setManaging : undefined} />
            <Pagination
              page={people.data.page}
              pageSize={people.data.pageSize}
              total={people.data.total}
              noun={['person', 'people']}
              onPage={(page) => update({ page: page > 1 ? String(page) : undefined })}
            />
          </div>
        ) : null}
      </section>

      {mode === 'admin' ? <ManagePersonDialog person={current} onClose={() => setManaging(null)} /> : null}
    </div>
  )
}
