import { type FormEvent, useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { CreateDocument, MATERIALS_LIMITS } from '#shared/contracts/materials.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { MATERIAL_KIND_LABELS, MATERIAL_KINDS, type MaterialKind } from '#shared/reference/application-limits.ts'
import { optionsFrom, SelectField, TextField } from '../../components/fields.tsx'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { formatDateTime, plural } from '../../components/format.ts'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { useCreateDocument, useMyDocuments } from './api.ts'
import { DocumentEditor } from './document-editor.tsx'
import './materials.css'

const FIELDS = ['kind', 'title', 'target', 'body'] as const
const LABELS = { kind: 'Kind of document', title: 'Title', target: 'For a specialty or program (optional)', body: 'Text' }
const idFor = (field: string) => `new-document-${field}`

/** A student's application documents, and the form that starts a new one. */
export function DocumentsPage() {
  usePageTitle('Application documents')
  const documents = useMyDocuments()
  return (
    <div className="page">
      <div className="page-header">
        <h1 tabIndex={-1}>Application documents</h1>
        <p className="lead">
          Your CV, personal statements, ERAS experiences and other documents. Every save is kept as a version; share a version with a mentor or advisor for
          comments. Only you, and the people you share a version with, can read it.
        </p>
      </div>
      <section aria-labelledby="documents-heading" className="card">
        <h2 id="documents-heading">Your documents</h2>
        {documents.isPending ? (
          <Loading />
        ) : documents.isError ? (
          <QueryError error={documents.error} onRetry={() => documents.refetch()} />
        ) : documents.data.items.length === 0 ? (
          <p>No documents yet. Start one below.</p>
        ) : (
          <ul className="materials-documents">
            {documents.data.items.map((d) => (
              <li key={d.id}>
                <Link to={`/materials/documents/${d.id}`}>{d.title}</Link>
                <span>
                  {MATERIAL_KIND_LABELS[d.kind]}
                  {d.target ? ` · ${d.target}` : ''} · version {d.latestVersion.number} · {d.latestVersion.characters.toLocaleString('en-US')} characters
                  {d.openThreads > 0 ? ` · ${plural(d.openThreads, 'open comment', 'open comments')}` : ''} · saved {formatDateTime(d.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <NewDocument />
    </div>
  )
}

function NewDocument() {
  const navigate = useNavigate()
  const create = useCreateDocument()
  const [kind, setKind] = useState<MaterialKind>('personal-statement')
  const [title, setTitle] = useState('')
  const [target, setTarget] = useState('')
  const [body, setBody] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [message, setMessage] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const checked = validate(CreateDocument, { kind, title, target, body })
    if (!checked.ok) {
      setErrors(checked.errors)
      setMessage(null)
      setAttempt((n) => n + 1)
      return
    }
    create.mutateAsync(checked.data).then(
      (view) => navigate(`/materials/documents/${view.id}`),
      (cause: unknown) => {
        const problem = problemFrom(cause, FIELDS)
        setErrors(problem.fields)
        setMessage(problem.message)
        setAttempt((n) => n + 1)
      },
    )
  }

  return (
    <section aria-labelledby="new-document-heading" className="card">
      <h2 id="new-document-heading">Start a document</h2>
      <form className="form" noValidate onSubmit={onSubmit}>
        <ErrorSummary message={message} fields={errors} idFor={idFor} labels={LABELS} attempt={attempt} />
        <SelectField
          id={idFor('kind')}
          label={LABELS.kind}
          options={optionsFrom(MATERIAL_KINDS, MATERIAL_KIND_LABELS)}
          value={kind}
          error={errors.kind}
          onChange={(e) => setKind(e.currentTarget.value as MaterialKind)}
        />
        <TextField
          id={idFor('title')}
          label={LABELS.title}
          hint="For you: “Statement for internal medicine”, “CV, autumn”."
          value={title}
          maxLength={MATERIALS_LIMITS.title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <TextField
          id={idFor('target')}
          label={LABELS.target}
          hint="Leave empty for a general statement."
          value={target}
          maxLength={MATERIALS_LIMITS.target}
          error={errors.target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
        <DocumentEditor id={idFor('body')} label={LABELS.body} kind={kind} value={body} error={errors.body} onChange={setBody} />
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Save the first version'}
        </button>
      </form>
    </section>
  )
}
