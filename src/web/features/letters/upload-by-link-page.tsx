import { useRef, useState, type FormEvent } from 'react'
import { useParams } from 'react-router'
import { MAX_LETTER_BYTES } from '#shared/contracts/letters.ts'
import { LETTER_TYPE_LABELS } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage, isAppError } from '../../api/client.ts'
import { uploadLinkPacketUrl, useDeclineByLink, useUploadLetterByLink, useUploadLinkSummary } from '../../api/letters.ts'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { TextAreaField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { usePageTitle } from '../../components/page-title.ts'
import { Fact } from './letter-facts.tsx'
import { dueText, purposeText } from './letter-format.ts'
import { PdfFileField } from './pdf-file-field.tsx'

function LinkNotUsable({ reason }: { reason: string }) {
  return (
    <section className="card auth-card upload-card" aria-labelledby="upload-title">
      <h1 id="upload-title" tabIndex={-1}>
        This upload link can’t be used
      </h1>
      <p>{reason}</p>
      <p>
        Links work once, until a week after the letter’s due date. They stop working when a letter has been uploaded with them, when the request was declined,
        when the student sends a newer link, or when the request is withdrawn. If you still need to upload a letter, ask the student to send you a new link from
        Preceptor.
      </p>
    </section>
  )
}

export function UploadByLinkPage() {
  const { token = '' } = useParams()
  const summary = useUploadLinkSummary(token)
  const upload = useUploadLetterByLink(token)
  const decline = useDeclineByLink(token)
  const [declineMessage, setDeclineMessage] = useState('')
  const [declineError, setDeclineError] = useState<string | null>(null)
  const [declined, setDeclined] = useState(false)
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)
  const [gone, setGone] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const unusable = gone !== null || (summary.isError && (isAppError(summary.error, 'NOT_FOUND') || isAppError(summary.error, 'VALIDATION_FAILED')))
  usePageTitle(done ? 'Letter received' : declined ? 'Request declined' : unusable ? 'This upload link can’t be used' : 'Upload a letter of recommendation')

  if (summary.isPending)
    return (
      <section className="card auth-card upload-card">
        <h1 tabIndex={-1}>Upload a letter of recommendation</h1>
        <Loading label="Checking your link…" />
      </section>
    )
  if (gone) return <LinkNotUsable reason={gone} />
  if (summary.isError) {
    if (isAppError(summary.error, 'NOT_FOUND') || isAppError(summary.error, 'VALIDATION_FAILED')) return <LinkNotUsable reason={errorMessage(summary.error)} />
    return (
      <section className="card auth-card upload-card">
        <h1 tabIndex={-1}>Upload a letter of recommendation</h1>
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      </section>
    )
  }
  const s = summary.data

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setError(error ?? 'Choose the letter as a PDF file.')
      input.current?.focus()
      return
    }
    upload.mutate(file, {
      onSuccess: () => {
        setDone(true)
        requestAnimationFrame(() => heading.current?.focus())
      },
      onError: (failure) => {
        // A link used, revoked or expired in the meantime is not the file's fault.
        if (isAppError(failure, 'NOT_FOUND')) return setGone(errorMessage(failure))
        const fieldText = failure instanceof AppError && failure.fields ? Object.values(failure.fields).find((t) => t.trim()) : undefined
        setError(fieldText ?? errorMessage(failure))
        input.current?.focus()
      },
    })
  }

  const onDecline = () => {
    setDeclineError(null)
    decline.mutate(declineMessage, {
      onSuccess: () => {
        setDeclined(true)
        requestAnimationFrame(() => heading.current?.focus())
      },
      onError: (failure) => {
        if (isAppError(failure, 'NOT_FOUND')) return setGone(errorMessage(failure))
        const fieldText = failure instanceof AppError && failure.fields ? Object.values(failure.fields).find((t) => t.trim()) : undefined
        setDeclineError(fieldText ?? errorMessage(failure))
      },
    })
  }

  if (declined) {
    return (
      <section className="card auth-card upload-card" aria-labelledby="upload-title">
        <h1 id="upload-title" ref={heading} tabIndex={-1}>
          You declined the request
        </h1>
        <div role="status" className="notice notice-success">
          <p>
            {s.studentName} has been told{declineMessage.trim() ? ', with your message' : ''}, and can ask someone else in time. Thank you for letting them
            know.
          </p>
        </div>
        <p>This link no longer works. You can close this page.</p>
      </section>
    )
  }

  if (done) {
    return (
      <section className="card auth-card upload-card" aria-labelledby="upload-title">
        <h1 id="upload-title" ref={heading} tabIndex={-1}>
          Thank you — your letter is received
        </h1>
        <div role="status" className="notice notice-success">
          <p>
            Your letter for {s.studentName} is safely stored. {s.studentName} has been told it was submitted
            {s.waivedRightOfAccess ? ', and cannot read it' : ''}. The Office of Student Affairs delivers it to the programs.
          </p>
        </div>
        <p>This link has now been used and no longer works. You can close this page.</p>
      </section>
    )
  }

  return (
    <section className="card auth-card upload-card" aria-labelledby="upload-title">
      <h1 id="upload-title" tabIndex={-1}>
        Upload a letter of recommendation
      </h1>
      <p className="lead">
        Dear {s.writerName}, {s.studentName} asked you for a letter. Thank you for writing it. No account is needed: upload the PDF below.
      </p>
      <dl className="letter-facts">
        <Fact term="Student">{s.studentName}</Fact>
        <Fact term="For">{purposeText(s)}</Fact>
        <Fact term="Type">{LETTER_TYPE_LABELS[s.letterType]}</Fact>
        <Fact term="Due">{dueText(s.dueDate)}</Fact>
        {s.erasLetterId ? <Fact term="ERAS Letter ID">{s.erasLetterId}</Fact> : null}
        <Fact term="This link works until">{formatDateTime(s.expiresAt)}</Fact>
      </dl>
      <p className="letter-waiver">
        {s.waivedRightOfAccess
          ? `${s.studentName} waived the right to read this letter: it is confidential, read only by you and the Office of Student Affairs, which delivers it.`
          : `${s.studentName} did not waive the right to read this letter and may read it once you upload it.`}
      </p>

      <h2>{s.studentName}’s packet</h2>
      <ul className="link-list">
        {s.packet.cv ? (
          <li>
            <a href={uploadLinkPacketUrl(token, 'cv')} download>
              Download the CV (PDF)
            </a>
          </li>
        ) : (
          <li className="muted">No CV was added.</li>
        )}
        {s.packet.personalStatement ? (
          <li>
            <a href={uploadLinkPacketUrl(token, 'personal-statement')} download>
              Download the personal statement (PDF)
            </a>
          </li>
        ) : (
          <li className="muted">No personal statement was added.</li>
        )}
      </ul>
      {s.talkingPoints ? (
        <>
          <h3>Talking points</h3>
          <p className="prose">{s.talkingPoints}</p>
        </>
      ) : null}

      <h2>Your letter</h2>
      <form noValidate onSubmit={onSubmit} className="form">
        <PdfFileField
          ref={input}
          id="upload-letter"
          label="Letter (PDF)"
          hint="One PDF, up to 10 MB, without a password. You can upload once with this link."
          maxBytes={MAX_LETTER_BYTES}
          error={error}
          onChoose={(chosen, problem) => {
            setFile(chosen)
            setError(problem)
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={upload.isPending}>
            {upload.isPending ? 'Uploading…' : 'Upload letter'}
          </button>
        </div>
      </form>

      <h2>Can’t write this letter?</h2>
      <p>Declining now lets {s.studentName} ask someone else in time. This link then stops working.</p>
      <div className="form">
        <TextAreaField
          id="decline-message"
          label={`Message to ${s.studentName} (optional)`}
          hint="Sent with your answer, for example why, or whom they might ask instead."
          rows={3}
          maxLength={2000}
          value={declineMessage}
          onChange={(e) => setDeclineMessage(e.currentTarget.value)}
          error={declineError ?? undefined}
        />
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onDecline} disabled={decline.isPending}>
            {decline.isPending ? 'Declining…' : 'Decline the request'}
          </button>
        </div>
      </div>
    </section>
  )
}
