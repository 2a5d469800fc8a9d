import { type FormEvent, useEffect, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import type { DocumentView } from '#shared/contracts/materials.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { MATERIAL_KIND_LABELS } from '#shared/reference/application-limits.ts'
import { SelectField } from '../../components/fields.tsx'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { problemFrom } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { dueText } from '../letters/letter-format.ts'
import { useDocument, useSaveVersion, useVersion } from './api.ts'
import { DocumentEditor } from './document-editor.tsx'
import { ImportWordForm } from './import-word-form.tsx'
import { ShareForm } from './share-form.tsx'
import './materials.css'

/** One document: edit and save the next version, see every version, share one, compare two. */
export function DocumentPage() {
  const { documentId = '' } = useParams()
  const document = useDocument(documentId)
  usePageTitle(document.data?.title ?? 'Document')
  if (document.isPending) return <Loading />
  if (document.isError) return <QueryError error={document.error} onRetry={() => document.refetch()} />
  const doc = document.data
  return (
    <div className="page">
      <p>
        <Link to="/materials" className="back-link">
          ← Application documents
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{doc.title}</h1>
        <p className="lead">
          {MATERIAL_KIND_LABELS[doc.kind]}
          {doc.target ? ` for ${doc.target}` : ''} · version {doc.latestVersion.number} is the newest.
        </p>
      </div>
      <Editor doc={doc} />
      <section className="card" aria-labelledby="import-heading">
        <h2 id="import-heading">Import from Word</h2>
        <ImportWordForm doc={doc} />
      </section>
      <Versions doc={doc} />
      <section className="card" aria-labelledby="share-heading">
        <h2 id="share-heading">Ask for a review of version {doc.latestVersion.number}</h2>
        <ShareForm doc={doc} />
      </section>
      <Reviews doc={doc} />
    </div>
  )
}

function Editor({ doc }: { doc: DocumentView }) {
  const latest = useVersion(doc.latestVersion.id)
  const save = useSaveVersion(doc.id)
  const [body, setBody] = useState<string | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const [basedOn, setBasedOn] = useState(doc.latestVersion.id)
  // The text box starts from the newest version once it has loaded; edits stay until saved.
  useEffect(() => {
    if (latest.data && body === null) {
      setBody(latest.data.body)
      setBasedOn(latest.data.id)
    }
  }, [latest.data, body])

  if (latest.isPending || body === null) return <Loading label="Loading the newest version…" />
  if (latest.isError) return <QueryError error={latest.error} onRetry={() => latest.refetch()} />

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    save.mutateAsync({ body, basedOnVersionId: basedOn }).then(
      (view) => {
        setErrors({})
        setMessage(null)
        setBasedOn(view.latestVersion.id)
        setSaved(`Saved as version ${view.latestVersion.number}.`)
      },
      (cause: unknown) => {
        const problem = problemFrom(cause, ['body', 'basedOnVersionId'])
        setErrors(problem.fields)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      },
    )
  }

  return (
    <section className="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading">Edit</h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorSummary message={message} fields={errors} idFor={() => 'document-body'} labels={{ body: 'Text', basedOnVersionId: 'Text' }} attempt={attempt} />
        <DocumentEditor id="document-body" label="Text" kind={doc.kind} value={body} error={errors.body ?? errors.basedOnVersionId} onChange={setBody} />
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save as a new version'}
        </button>
        <LiveStatus message={saved} />
      </form>
    </section>
  )
}

function Versions({ doc }: { doc: DocumentView }) {
  const navigate = useNavigate()
  const options = doc.versions.map((v) => ({ value: v.id, label: `Version ${v.number} (${formatDateTime(v.createdAt)})` }))
  const [from, setFrom] = useState(doc.versions[1]?.id ?? doc.versions[0]?.id ?? '')
  const [to, setTo] = useState(doc.versions[0]?.id ?? '')
  const onCompare = (event: FormEvent) => {
    event.preventDefault()
    navigate(`/materials/documents/${doc.id}/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
  }
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">Versions</h2>
      <ol className="materials-versions" reversed>
        {doc.versions.map((v) => (
          <li key={v.id}>
            <Link to={`/materials/versions/${v.id}`}>Version {v.number}</Link> — {v.note}, {formatDateTime(v.createdAt)}, {v.characters.toLocaleString('en-US')}{' '}
            characters ·{' '}
            <a href={`/api/materials/versions/${v.id}/pdf`} download>
              Download PDF<span className="visually-hidden"> of version {v.number}</span>
            </a>
          </li>
        ))}
      </ol>
      {doc.versions.length > 1 ? (
        <form className="materials-compare-form" onSubmit={onCompare}>
          <SelectField id="compare-from" label="Compare" options={options} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
          <SelectField id="compare-to" label="with" options={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          <button type="submit" className="button button-secondary">
            Compare versions
          </button>
        </form>
      ) : null}
    </section>
  )
}

function Reviews({ doc }: { doc: DocumentView }) {
  return (
    <section className="card" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Reviews asked for</h2>
      {doc.reviews.length === 0 ? (
        <p>You have not shared a version yet.</p>
      ) : (
        <ul className="materials-reviews">
          {doc.reviews.map((r) => (
            <li key={r.id}>
              <strong>{r.reviewer.name}</strong>, <Link to={`/materials/versions/${r.versionId}`}>version {r.versionNumber}</Link>, due {dueText(r.dueDate)}
              {r.finishedAt ? ' — done' : ''}. <q>{r.question}</q>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
