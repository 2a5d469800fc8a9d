import { useId, useRef, useState } from 'react'
import { MAX_LETTER_BYTES, type LetterRequestView } from '#shared/contracts/letters.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { letterUrl, packetUrl, useMarkInProgress, useUploadLetter, useWriterReply } from '../../api/letters.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { TextAreaField } from '../../components/fields.tsx'
import { formatDateTime } from '../../components/format.ts'
import { Fact, LetterFacts, LetterStatusTag } from './letter-facts.tsx'
import { fileSize, isOpenStatus } from './letter-format.ts'
import { PdfFileField } from './pdf-file-field.tsx'

/** The server names the field at fault; a letter upload has one, so any field error belongs to it. */
function uploadError(error: unknown): string {
  if (error instanceof AppError && error.fields) {
    const text = Object.values(error.fields).find((value) => value.trim())
    if (text) return text
  }
  return errorMessage(error)
}

function LetterUpload({ request, say }: { request: LetterRequestView; say: (message: string) => void }) {
  const upload = useUploadLetter()
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const id = `letter-file-${request.id}`
  const replacing = request.status === 'submitted'

  const onUpload = () => {
    if (!file) {
      // A file may be chosen but refused (not a PDF, too large): keep saying what is wrong with it.
      setError((shown) => shown ?? 'Choose the letter as a PDF first.')
      input.current?.focus()
      return
    }
    upload.mutate(
      { id: request.id, file },
      {
        onSuccess: () => {
          setFile(null)
          setError(null)
          if (input.current) input.current.value = ''
          say(`Your letter for ${request.student.name} is ${replacing ? 'replaced' : 'submitted'}. Thank you.`)
        },
        onError: (failure) => {
          setError(uploadError(failure))
          input.current?.focus()
        },
      },
    )
  }

  return (
    <div className="letter-upload">
      <PdfFileField
        ref={input}
        id={id}
        label={replacing ? `Replace the letter for ${request.student.name}` : `Upload the letter for ${request.student.name}`}
        hint="PDF, up to 10 MB, without a password. Sign it as you would on paper."
        maxBytes={MAX_LETTER_BYTES}
        error={error}
        onChoose={(chosen, problem) => {
          setFile(chosen)
          setError(problem)
        }}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={onUpload} disabled={upload.isPending}>
          {upload.isPending ? 'Uploading…' : replacing ? 'Replace letter' : 'Submit letter'}
          <span className="visually-hidden"> for {request.student.name}</span>
        </button>
      </div>
    </div>
  )
}

function ReplyForm({ request, say }: { request: LetterRequestView; say: (message: string) => void }) {
  const reply = useWriterReply()
  const [message, setMessage] = useState('')
  const [error, setError] = useState<string | null>(null)
  const id = useId()
  const answer = (accept: boolean) => {
    setError(null)
    reply.mutate(
      { id: request.id, accept, message },
      {
        onSuccess: () =>
          say(
            accept
              ? `You accepted ${request.student.name}’s request. They have been told.`
              : `You declined ${request.student.name}’s request. They have been told.`,
          ),
        onError: (failure) => setError(errorMessage(failure)),
      },
    )
  }
  return (
    <div className="letter-reply">
      <TextAreaField
        id={`reply-${id}`}
        label={`Message to ${request.student.name} (optional)`}
        hint="Sent with your answer, for example what else you need or why you cannot write this one."
        rows={3}
        maxLength={2000}
        value={message}
        onChange={(e) => setMessage(e.currentTarget.value)}
        error={error ?? undefined}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={() => answer(true)} disabled={reply.isPending}>
          Accept<span className="visually-hidden"> {request.student.name}’s request</span>
        </button>
        <button type="button" className="button button-secondary" onClick={() => answer(false)} disabled={reply.isPending}>
          Decline<span className="visually-hidden"> {request.student.name}’s request</span>
        </button>
      </div>
    </div>
  )
}

/** One request as its writer sees it: the student's packet, the deadline, and the next step. */
export function WriterRequestCard({
  request,
  headingLevel = 3,
  announce,
}: {
  request: LetterRequestView
  headingLevel?: 2 | 3
  announce?: (message: string) => void
}) {
  const start = useMarkInProgress()
  const [ownMessage, setOwnMessage] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const say = announce ?? setOwnMessage
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const headingId = `letter-${request.id}`
  const student = request.student.name
  const letter = 'letter' in request ? request.letter : undefined

  return (
    <article className="card letter-card" aria-labelledby={headingId}>
      <div className="letter-card-header">
        <Heading id={headingId} className="letter-card-title">
          {student}
        </Heading>
        <LetterStatusTag status={request.status} late={request.isLate} />
      </div>
      <LetterFacts request={request}>
        <Fact term="Asked">{formatDateTime(request.createdAt)}</Fact>
        {request.submittedAt ? <Fact term="Submitted">{formatDateTime(request.submittedAt)}</Fact> : null}
      </LetterFacts>
      <p className="letter-waiver">
        {request.waivedRightOfAccess
          ? `${student} waived the right to read this letter: it stays confidential.`
          : `${student} did not waive the right to read this letter and may read it once it is submitted.`}
      </p>
      {request.talkingPoints ? (
        <div className="letter-talking-points">
          <p className="letter-message-label">Talking points from {student}</p>
          <p className="prose">{request.talkingPoints}</p>
        </div>
      ) : null}
      {request.packet ? (
        <ul className="link-list letter-downloads" aria-label={`${student}’s packet`}>
          {request.packet.cv ? (
            <li>
              <a href={packetUrl(request.id, 'cv')} download>
                Download {student}’s CV ({fileSize(request.packet.cv.sizeBytes)})
              </a>
            </li>
          ) : (
            <li className="muted">No CV yet</li>
          )}
          {request.packet.personalStatement ? (
            <li>
              <a href={packetUrl(request.id, 'personal-statement')} download>
                Download {student}’s personal statement ({fileSize(request.packet.personalStatement.sizeBytes)})
              </a>
            </li>
          ) : (
            <li className="muted">No personal statement yet</li>
          )}
        </ul>
      ) : null}
      {request.writerMessage ? (
        <blockquote className="letter-message">
          <p className="letter-message-label">Your message to {student}</p>
          <p className="prose">{request.writerMessage}</p>
        </blockquote>
      ) : null}
      {letter ? (
        <p>
          <a href={letterUrl(request.id)} download>
            Download the letter you submitted ({fileSize(letter.sizeBytes)}, {formatDateTime(letter.uploadedAt)})
          </a>
        </p>
      ) : null}

      {request.status === 'requested' ? <ReplyForm request={request} say={say} /> : null}
      {request.status === 'accepted' ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={start.isPending}
            onClick={() =>
              start.mutate(request.id, {
                onSuccess: () => say(`${student}’s letter is marked in progress.`),
                onError: (failure) => setError(errorMessage(failure)),
              })
            }
          >
            Mark in progress<span className="visually-hidden"> for {student}</span>
          </button>
        </div>
      ) : null}
      {isOpenStatus(request.status) && request.status !== 'requested' ? <LetterUpload request={request} say={say} /> : null}
      {request.status === 'submitted' ? <LetterUpload request={request} say={say} /> : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {announce ? null : <LiveStatus message={ownMessage} />}
    </article>
  )
}
