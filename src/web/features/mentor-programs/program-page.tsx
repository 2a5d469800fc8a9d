import { useState, type FormEvent } from 'react'
import { Link, useLocation, useParams } from 'react-router'
import { CLASS_YEAR_LABELS, MENTOR_KIND_LABELS } from '#shared/enums.ts'
import type { DraftPair, ImportConflictsResponse, MentorProgramStatus, MentorProgramView } from '#shared/contracts/mentor-programs.ts'
import { errorMessage } from '../../api/client.ts'
import { useSession } from '../../api/identity.ts'
import { Dialog } from '../../components/dialog.tsx'
import { LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { TextAreaField } from '../../components/fields.tsx'
import { usePageTitle } from '../../components/page-title.ts'
import { PageError, PageLoading } from '../../components/status-pages.tsx'
import { hasRole } from '../identity/roles.ts'
import { useArchive, useDeleteConflict, useDraft, useImportConflicts, useOpenRanking, useProgram, usePublish, useRunPairing } from './api.ts'
import { DraftTable } from './draft-table.tsx'
import { EditPairDialog } from './edit-pair-dialog.tsx'
import { formatDay, formatFit, methodLabel, nextStep, statusLabel } from './program-format.ts'
import './mentor-programs.css'

const STEPS: { status: MentorProgramStatus; label: string }[] = [
  { status: 'draft', label: 'Draft' },
  { status: 'ranking', label: 'Students rank' },
  { status: 'review', label: 'Review pairs' },
  { status: 'published', label: 'Published' },
]

function Steps({ program }: { program: MentorProgramView }) {
  const steps = STEPS.filter((s) => s.status !== 'ranking' || program.pairingMethod === 'student-ranks')
  const current = steps.findIndex((s) => s.status === program.status)
  return (
    <ol className="program-steps" aria-label="Steps of this program">
      {steps.map((s, i) => (
        <li key={s.status} aria-current={i === current ? 'step' : undefined} className={current > i || program.status === 'archived' ? 'is-done' : undefined}>
          {current > i || program.status === 'archived' ? <span aria-hidden="true">✓ </span> : null}
          {s.label}
          {current > i ? <span className="visually-hidden"> (done)</span> : null}
        </li>
      ))}
    </ol>
  )
}

/** One program: its participants and conflicts, the pairing run, the draft review and publishing. */
export function MentorProgramPage() {
  const { mentorProgramId = '' } = useParams()
  const location = useLocation()
  const session = useSession()
  const isAdmin = hasRole(session.data, 'admin')
  const program = useProgram(mentorProgramId)
  const hasDraft = program.data?.pairedAt != null
  const draft = useDraft(mentorProgramId, hasDraft)
  const run = useRunPairing(mentorProgramId)
  const openRanking = useOpenRanking(mentorProgramId)
  const publish = usePublish(mentorProgramId)
  const archive = useArchive(mentorProgramId)
  const [status, setStatus] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null)
  const [actionError, setActionError] = useState<string | null>(null)
  const [editing, setEditing] = useState<DraftPair | null>(null)
  const [confirming, setConfirming] = useState(false)
  usePageTitle(program.data?.name ?? 'Mentor program')

  if (program.isPending) return <PageLoading title="Mentor program" />
  if (program.isError) {
    return (
      <PageError
        title="Mentor program"
        error={program.error}
        onRetry={() => void program.refetch()}
        back={{ to: '/admin/programs', label: 'Go to mentor programs' }}
      />
    )
  }
  const p = program.data
  const editable = isAdmin && (p.status === 'draft' || p.status === 'ranking' || p.status === 'review')
  const canRun = isAdmin && (p.status === 'review' || (p.pairingMethod === 'max-fit' ? p.status === 'draft' : p.status === 'ranking'))

  const act = async (work: () => Promise<string>) => {
    setActionError(null)
    setStatus(null)
    try {
      setStatus(await work())
    } catch (cause) {
      setActionError(errorMessage(cause))
    }
  }

  const paired = draft.data?.pairs.filter((x) => x.mentor).length ?? 0
  const mentorsPaired = new Set(draft.data?.pairs.filter((x) => x.mentor).map((x) => x.mentor?.id)).size

  return (
    <div className="page">
      <p>
        <Link to="/admin/programs" className="back-link">
          ← All programs
        </Link>
      </p>
      <div className="page-header page-header-actions">
        <div>
          <h1 tabIndex={-1}>{p.name}</h1>
          <p>
            <span className={`tag program-status program-status-${p.status}`}>{statusLabel(p.status)}</span> {methodLabel(p.pairingMethod)}
          </p>
        </div>
        {editable ? (
          <Link to={`/admin/programs/${p.id}/edit`} className="button button-secondary">
            Edit program
          </Link>
        ) : null}
      </div>
      <Steps program={p} />
      <p className="lead">{isAdmin ? nextStep(p.status, p.pairingMethod) : 'You can read this program and its draft pairs; its admins change them.'}</p>
      {p.description ? <p className="prose">{p.description}</p> : null}
      <LiveStatus message={status} />
      {actionError ? (
        <div role="alert" className="notice notice-error">
          <p>{actionError}</p>
        </div>
      ) : null}

      {isAdmin ? (
        <div className="program-actions">
          {p.status === 'draft' && p.pairingMethod === 'student-ranks' ? (
            <button
              type="button"
              className="button"
              disabled={openRanking.isPending}
              onClick={() =>
                void act(async () => {
                  await openRanking.mutateAsync(undefined)
                  return `Ranking is open. ${p.studentCount} students were e-mailed a link to rank their mentors.`
                })
              }
            >
              {openRanking.isPending ? 'Opening…' : 'Open ranking to students'}
            </button>
          ) : null}
          {canRun ? (
            <button
              type="button"
              className={p.status === 'review' ? 'button button-secondary' : 'button'}
              disabled={run.isPending}
              onClick={() =>
                void act(async () => {
                  const d = await run.mutateAsync(undefined)
                  const n = d.pairs.filter((x) => x.mentor).length
                  return `Pairing done: ${n} of ${d.pairs.length} students paired. Review the pairs below.`
                })
              }
            >
              {run.isPending ? 'Pairing…' : p.status === 'review' ? 'Run the pairing again' : 'Run pairing'}
            </button>
          ) : null}
          {p.status === 'review' ? (
            <button type="button" className="button" onClick={() => setConfirming(true)} disabled={publish.isPending}>
              Publish pairs…
            </button>
          ) : null}
          {p.status === 'published' ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={archive.isPending}
              onClick={() =>
                void act(async () => {
                  await archive.mutateAsync(undefined)
                  return 'Program archived.'
                })
              }
            >
              Archive program
            </button>
          ) : null}
        </div>
      ) : null}
      {run.isPending ? (
        <div className="program-progress">
          <Loading label={`Pairing ${p.studentCount} students with ${p.mentorCount} mentors… This takes a few seconds for a large class.`} />
        </div>
      ) : null}

      {hasDraft ? (
        <section className="program-section" aria-labelledby="draft-title">
          <h2 id="draft-title">{p.status === 'published' ? 'Published pairs' : 'Draft pairs'}</h2>
          {draft.isPending ? <Loading label="Loading the pairs…" /> : null}
          {draft.isError ? <QueryError error={draft.error} onRetry={() => void draft.refetch()} /> : null}
          {draft.data ? (
            <>
              <dl className="draft-summary">
                <div>
                  <dt>Paired</dt>
                  <dd>
                    {paired} of {draft.data.pairs.length} students
                  </dd>
                </div>
                <div>
                  <dt>Unpaired</dt>
                  <dd>{draft.data.pairs.length - paired}</dd>
                </div>
                <div>
                  <dt>Total fit</dt>
                  <dd>{formatFit(draft.data.totalFit)}</dd>
                </div>
                {draft.data.pairingMethod === 'max-fit' ? (
                  <div>
                    <dt>Optimal</dt>
                    <dd>{draft.data.provenOptimal ? 'Yes, proven' : 'Changed by hand'}</dd>
                  </div>
                ) : null}
              </dl>
              <p className="muted">
                Fit adds up what a pair shares: the student’s specialty interests, the help they asked for, their stage, site and research words. Sort by a
                column; unpaired students come first and say why.
              </p>
              <DraftTable draft={draft.data} canEdit={isAdmin && p.status === 'review'} onEdit={setEditing} />
              <EditPairDialog
                programId={p.id}
                draft={draft.data}
                pair={editing}
                onClose={() => setEditing(null)}
                onSaved={(message) => {
                  setEditing(null)
                  setStatus(message)
                }}
              />
            </>
          ) : null}
        </section>
      ) : null}

      <Dialog open={confirming} title="Publish these pairs?" onClose={() => setConfirming(false)}>
        <p>
          This starts {paired} mentorship{paired === 1 ? '' : 's'} and e-mails {paired} student{paired === 1 ? '' : 's'} and {mentorsPaired} mentor
          {mentorsPaired === 1 ? '' : 's'}.
          {draft.data && draft.data.pairs.length > paired
            ? ` ${draft.data.pairs.length - paired} student${draft.data.pairs.length - paired === 1 ? ' stays' : 's stay'} unpaired.`
            : ''}{' '}
          A program is published once; it cannot be undone here.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button"
            disabled={publish.isPending}
            onClick={() =>
              void act(async () => {
                const r = await publish.mutateAsync(undefined)
                setConfirming(false)
                return `Published: ${r.mentorshipsCreated} mentorship${r.mentorshipsCreated === 1 ? '' : 's'} started, ${r.emailsQueued} e-mails queued.`
              }).then(() => setConfirming(false))
            }
          >
            {publish.isPending ? 'Publishing…' : 'Publish'}
          </button>
          <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </Dialog>

      <ProgramDetails program={p} />
      {isAdmin ? <Conflicts program={p} editable={editable} /> : <ConflictList program={p} editable={false} />}
    </div>
  )
}

function ProgramDetails({ program: p }: { program: MentorProgramView }) {
  return (
    <section className="program-section" aria-labelledby="details-title">
      <h2 id="details-title">Who takes part</h2>
      <dl className="facts">
        <div>
          <dt>Most students per mentor</dt>
          <dd>{p.maxPerMentor}</dd>
        </div>
        <div>
          <dt>Class years</dt>
          <dd>{p.classYears.length > 0 ? p.classYears.map((y) => CLASS_YEAR_LABELS[y]).join(', ') : 'None (students listed by hand)'}</dd>
        </div>
        {p.pairingMethod === 'student-ranks' ? (
          <div>
            <dt>Ranking deadline</dt>
            <dd>{formatDay(p.rankingDeadline)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Keeps pairs from</dt>
          <dd>
            {p.keepFromProgram ? `${p.keepFromProgram.name} (${p.keptPairs} pair${p.keptPairs === 1 ? '' : 's'} both asked to keep)` : 'No earlier program'}
          </dd>
        </div>
      </dl>
      <details>
        <summary>
          {p.mentors.length} mentor{p.mentors.length === 1 ? '' : 's'}, {p.mentors.reduce((s, m) => s + m.seats, 0)} seats
        </summary>
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Mentors of this program</caption>
            <thead>
              <tr>
                <th scope="col">Mentor</th>
                <th scope="col">Kind</th>
                <th scope="col">Specialty</th>
                <th scope="col">Seats</th>
              </tr>
            </thead>
            <tbody>
              {p.mentors.map((m) => (
                <tr key={m.id}>
                  <td data-label="Mentor">
                    <Link to={`/people/${m.id}`}>{m.name}</Link>
                  </td>
                  <td data-label="Kind">{m.kind ? MENTOR_KIND_LABELS[m.kind] : '—'}</td>
                  <td data-label="Specialty">{m.specialtyName ?? '—'}</td>
                  <td data-label="Seats">
                    {m.seats}
                    {m.capacity !== null ? (
                      <span className="pair-note">at most {m.capacity} in this program</span>
                    ) : (
                      <span className="pair-note">their open places</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <details>
        <summary>
          {p.students.length} student{p.students.length === 1 ? '' : 's'}
          {p.pairingMethod === 'student-ranks' ? `, ${p.students.filter((s) => s.ranked > 0).length} ranked so far` : ''}
        </summary>
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="visually-hidden">Students of this program</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Class year</th>
                {p.pairingMethod === 'student-ranks' ? <th scope="col">Mentors ranked</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.students.map((s) => (
                <tr key={s.id}>
                  <td data-label="Student">
                    <Link to={`/people/${s.id}`}>{s.name}</Link>
                  </td>
                  <td data-label="Class year">{s.classYear ?? '—'}</td>
                  {p.pairingMethod === 'student-ranks' ? <td data-label="Ranked">{s.ranked}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  )
}

function ConflictList({ program: p, editable }: { program: MentorProgramView; editable: boolean }) {
  const remove = useDeleteConflict(p.id)
  if (p.conflicts.length === 0) return <p className="empty">No conflicts entered.</p>
  return (
    <ul className="conflict-list">
      {p.conflicts.map((c) => (
        <li key={c.id}>
          <span>
            <strong>{c.mentor.name}</strong> never with <strong>{c.student.name}</strong> — {c.reason}
          </span>
          {editable ? (
            <button type="button" className="button button-ghost button-small" disabled={remove.isPending} onClick={() => remove.mutate(c.id)}>
              Remove
              <span className="visually-hidden">
                {' '}
                the conflict between {c.mentor.name} and {c.student.name}
              </span>
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

function Conflicts({ program: p, editable }: { program: MentorProgramView; editable: boolean }) {
  const add = useImportConflicts(p.id)
  const [lines, setLines] = useState('')
  const [result, setResult] = useState<ImportConflictsResponse | null>(null)
  const [error, setError] = useState<string | undefined>(undefined)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    if (!lines.trim()) return setError('Write at least one line: the student’s e-mail, the mentor’s e-mail, and a reason.')
    try {
      const r = await add.mutateAsync(lines)
      setResult(r)
      if (r.rejected.length === 0) setLines('')
    } catch (cause) {
      setError(errorMessage(cause))
    }
  }

  return (
    <section className="program-section" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">Conflicts: pairs never to make</h2>
      <p className="muted">A mentor who grades a student, supervises them, or is family is never paired with them — not by the pairing, and not by an edit.</p>
      <ConflictList program={p} editable={editable} />
      {editable ? (
        <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
          <TextAreaField
            id="conflict-lines"
            label="Add conflicts"
            hint="One a line: student e-mail, mentor e-mail, reason. For example “ada.lin@school.edu, r.ames@school.edu, grades her in the dermatology clerkship”. The reason may be left out."
            rows={3}
            value={lines}
            onChange={(e) => setLines(e.currentTarget.value)}
            error={error}
            spellCheck={false}
          />
          <div className="button-row">
            <button type="submit" className="button button-secondary" disabled={add.isPending}>
              {add.isPending ? 'Adding…' : 'Add conflicts'}
            </button>
          </div>
        </form>
      ) : null}
      <div role="status" aria-live="polite">
        {result ? (
          <div className={`notice ${result.rejected.length > 0 ? 'notice-warning' : 'notice-success'}`}>
            <p>
              {result.added} conflict{result.added === 1 ? '' : 's'} added
              {result.rejected.length > 0 ? `; ${result.rejected.length} line${result.rejected.length === 1 ? '' : 's'} refused:` : '.'}
            </p>
            {result.rejected.length > 0 ? (
              <ul>
                {result.rejected.map((r) => (
                  <li key={r.line}>
                    Line {r.line} (“{r.text}”): {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  )
}
