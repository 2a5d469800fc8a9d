import { useState } from 'react'
import { Link, useParams } from 'react-router'
import { PROGRAM_LIST_STATUS_LABELS, type ProgramListItem, type UpdateProgramListItem } from '#shared/contracts/list-builder.ts'
import { AppError } from '#shared/errors.ts'
import { SPECIALTIES } from '#shared/reference/specialties.ts'
import { errorMessage } from '../../api/client.ts'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { useProgramList, useStudentVoice, useUpdateProgramListItem } from './list-builder-api.ts'
import { STATUS_ORDER } from './list-builder-format.ts'
import './list-builder.css'
import { ResidencyNav } from './residency-nav.tsx'

const specialtyName = (id: string) => SPECIALTIES.find((s) => s.id === id)?.name ?? id

function ProgramRow({ item, readOnly, onSaved }: { item: ProgramListItem; readOnly: boolean; onSaved: (message: string) => void }) {
  const update = useUpdateProgramListItem()
  const [note, setNote] = useState(item.note)
  const [error, setError] = useState<string | null>(null)
  const base = `prog-${item.programId.replace(/[^A-Za-z0-9_-]/g, '_')}`

  const save = async (change: UpdateProgramListItem, message: string) => {
    setError(null)
    try {
      await update.mutateAsync({ programId: item.programId, change })
      onSaved(message)
    } catch (cause) {
      const fields = cause instanceof AppError ? cause.fields : undefined
      setError(fields ? Object.values(fields).join(' ') : errorMessage(cause))
    }
  }

  return (
    <li className="card lb-list-item">
      <h3 className="lb-program-name">{item.name}</h3>
      <p className="muted">
        {specialtyName(item.specialtyId)} · {[item.city, item.state].filter(Boolean).join(', ')}
      </p>
      {readOnly ? (
        <p>
          Status: <strong>{PROGRAM_LIST_STATUS_LABELS[item.status]}</strong>
          {item.signalled ? ' · signalled' : ''}
          {item.note ? ` · note: ${item.note}` : ''}
        </p>
      ) : (
        <div className="lb-item-controls">
          <div className="field">
            <label htmlFor={`${base}-status`}>
              Status<span className="visually-hidden"> of {item.name}</span>
            </label>
            <select
              id={`${base}-status`}
              value={item.status}
              disabled={update.isPending}
              onChange={(e) => {
                const status = e.currentTarget.value as ProgramListItem['status']
                void save({ status }, `${item.name}: status is now ${PROGRAM_LIST_STATUS_LABELS[status].toLowerCase()}.`)
              }}
            >
              {STATUS_ORDER.map((s) => (
                <option key={s} value={s}>
                  {PROGRAM_LIST_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="choice" htmlFor={`${base}-signal`}>
              <input
                id={`${base}-signal`}
                type="checkbox"
                checked={item.signalled}
                disabled={update.isPending}
                aria-describedby={error ? `${base}-error` : undefined}
                onChange={(e) => {
                  const signalled = e.currentTarget.checked
                  void save({ signalled }, signalled ? `${item.name}: signalled.` : `${item.name}: signal removed.`)
                }}
              />
              <span>
                Signalled<span className="visually-hidden"> {item.name}</span>
              </span>
            </label>
          </div>
          <form
            className="lb-note-form"
            onSubmit={(e) => {
              e.preventDefault()
              void save({ note }, `${item.name}: note saved.`)
            }}
          >
            <div className="field">
              <label htmlFor={`${base}-note`}>
                Note<span className="visually-hidden"> on {item.name}</span>
              </label>
              <input id={`${base}-note`} type="text" maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            </div>
            <button type="submit" className="button button-secondary button-small" disabled={update.isPending || note === item.note}>
              Save note<span className="visually-hidden"> on {item.name}</span>
            </button>
          </form>
        </div>
      )}
      {error ? (
        <p id={`${base}-error`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  )
}

/**
 * The programs a student keeps, with where each stands (considering → applying → applied →
 * interview offered → interviewed, or withdrawn / rejected), signals and notes.
 */
export function ResidencyProgramListPage() {
  const { personId } = useParams()
  const studentId = personId ?? null
  const voice = useStudentVoice(studentId)
  usePageTitle(studentId ? `${voice.Whose} programs` : 'My programs')
  const list = useProgramList(studentId)
  const [message, setMessage] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const items = (list.data?.items ?? []).filter((i) => !status || i.status === status)
  const counts = new Map<string, number>()
  for (const i of list.data?.items ?? []) counts.set(i.status, (counts.get(i.status) ?? 0) + 1)

  return (
    <div className="page page-narrow">
      {studentId ? null : <ResidencyNav />}
      <div className="page-header">
        <h1 tabIndex={-1}>{studentId ? `${voice.Whose} programs` : 'My programs'}</h1>
        <p className="lead">
          {studentId
            ? `The programs ${voice.who} is considering and applying to, and where each stands. Your viewing is recorded in the audit log.`
            : 'The programs you are considering and applying to. Mark where each stands as the season goes; programs marked applying or later count toward your list chance in the list builder.'}
        </p>
      </div>
      {studentId ? (
        <p>
          <Link to={`/residency/students/${encodeURIComponent(studentId)}/list-builder`}>{voice.Whose} list builder</Link>
        </p>
      ) : null}
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <LiveStatus message={message} />
      {list.data ? (
        <>
          <p>
            Signals: {list.data.signalsUsed} of {list.data.signalsAvailable} used.
            {list.data.signalsAvailable === 0 && !studentId ? (
              <>
                {' '}
                Enter the signals you have in your <Link to="/residency/profile">application profile</Link>.
              </>
            ) : null}
          </p>
          {list.data.items.length === 0 ? (
            <p className="empty-state">
              {studentId ? (
                'No programs on the list yet.'
              ) : (
                <>
                  No programs yet. Add them from the <Link to="/residency/list-builder">list builder</Link>.
                </>
              )}
            </p>
          ) : (
            <>
              <div className="field lb-status-filter">
                <label htmlFor="lb-list-status">Show</label>
                <select id="lb-list-status" value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
                  <option value="">All ({list.data.items.length})</option>
                  {STATUS_ORDER.filter((s) => counts.has(s)).map((s) => (
                    <option key={s} value={s}>
                      {PROGRAM_LIST_STATUS_LABELS[s]} ({counts.get(s)})
                    </option>
                  ))}
                </select>
              </div>
              <ul className="lb-program-list">
                {items.map((item) => (
                  <ProgramRow key={item.programId} item={item} readOnly={studentId !== null} onSaved={setMessage} />
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </div>
  )
}
