import { useRef, useState } from 'react'
import { MAX_PACKET_DOCUMENT_BYTES, type LetterRequestView } from '#shared/contracts/letters.ts'
import type { LetterPacketDocument } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { letterUrl, packetUrl, useStudentLetterAction, useUploadLink, useUploadPacketDocument } from '../../api/letters.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { formatDateTime } from '../../components/format.ts'
import { Fact, LetterFacts, LetterStatusTag } from './letter-facts.tsx'
import { fileSize, isDoneStatus, isOpenStatus, packetNoun } from './letter-format.ts'
import { PacketFromDocuments } from './packet-from-documents.tsx'
import { PdfFileField } from './pdf-file-field.tsx'

const DOCUMENT_LABELS: Record<LetterPacketDocument, string> = { cv: 'CV', 'personal-statement': 'Personal statement' }

function PacketDocument({ request, document }: { request: LetterRequestView; document: LetterPacketDocument }) {
  const upload = useUploadPacketDocument()
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const stored = document === 'cv' ? request.packet?.cv : request.packet?.personalStatement
  const label = DOCUMENT_LABELS[document]
  const id = `packet-${request.id}-${document}`

  const onUpload = () => {
    if (!file) return setError(`Choose your ${packetNoun(label)} as a PDF first.`)
    setSaved(null)
    upload.mutate(
      { id: request.id, document, file },
      {
        onSuccess: () => {
          setFile(null)
          if (input.current) input.current.value = ''
          setSaved(`${label} saved. ${request.writer.name} can download it now.`)
        },
        onError: (failure) => setError(errorMessage(failure)),
      },
    )
  }

  return (
    <div className="packet-document">
      <p>
        <strong>{label}: </strong>
        {stored ? (
          <a href={packetUrl(request.id, document)} download>
            Download your {packetNoun(label)}
            <span className="visually-hidden"> for {request.writer.name}</span> ({fileSize(stored.sizeBytes)})
          </a>
        ) : (
          'not added'
        )}
      </p>
      {isOpenStatus(request.status) ? (
        <div className="packet-upload">
          <PdfFileField
            ref={input}
            id={id}
            label={stored ? `Replace your ${packetNoun(label)}` : `Add your ${packetNoun(label)}`}
            hint="PDF, up to 5 MB."
            maxBytes={MAX_PACKET_DOCUMENT_BYTES}
            error={error}
            onChoose={(chosen, problem) => {
              setFile(chosen)
              setError(problem)
            }}
          />
          {file ? (
            <button type="button" className="button button-secondary" onClick={onUpload} disabled={upload.isPending}>
              {upload.isPending ? 'Uploading…' : `Upload ${packetNoun(label)}`}
            </button>
          ) : null}
          <LiveStatus message={saved} />
          <PacketFromDocuments
            request={request}
            document={document}
            label={label}
            onSaved={(message) => {
              setError(null)
              setSaved(message)
            }}
          />
        </div>
      ) : null}
    </div>
  )
}

/** One request on the student's board: status, dates and what they can do next, never the letter if waived. */
export function StudentRequestCard({
  request,
  headingLevel = 3,
  announce,
}: {
  request: LetterRequestView
  headingLevel?: 2 | 3
  /** The page's live region: a card may move to another list once its status changes. */
  announce?: (message: string) => void
}) {
  const action = useStudentLetterAction()
  const link = useUploadLink()
  const [confirmWithdraw, setConfirmWithdraw] = useState(false)
  const [ownMessage, setOwnMessage] = useState<string | null>(null)
  const setMessage = (text: string | null) => (announce && text ? announce(text) : setOwnMessage(text))
  const [error, setError] = useState<string | null>(null)
  const open = isOpenStatus(request.status)
  const done = isDoneStatus(request.status)
  const writer = request.writer.name
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const headingId = `letter-${request.id}`

  const run = (act: 'withdraw' | 'nudge' | 'thanked', success: string) => {
    setMessage(null)
    setError(null)
    action.mutate({ id: request.id, action: act }, { onSuccess: () => setMessage(success), onError: (failure) => setError(errorMessage(failure)) })
  }
  const runLink = (revoke: boolean) => {
    setMessage(null)
    setError(null)
    link.mutate(
      { id: request.id, revoke },
      {
        onSuccess: () =>
          setMessage(revoke ? `The upload link for ${writer} no longer works.` : `A new upload link was e-mailed to ${writer}. Earlier links no longer work.`),
        onError: (failure) => setError(errorMessage(failure)),
      },
    )
  }
  // The letter section exists only when the student did not waive access (decision 008).
  const letter = 'letter' in request ? request.letter : undefined

  return (
    <article className="card letter-card" aria-labelledby={headingId}>
      <div className="letter-card-header">
        <Heading id={headingId} className="letter-card-title">
          {writer}
          {request.writer.outside ? <span className="letter-card-sub"> (outside Preceptor)</span> : null}
        </Heading>
        <LetterStatusTag status={request.status} late={request.isLate} />
      </div>
      <LetterFacts request={request}>
        <Fact term="Requested">{formatDateTime(request.createdAt)}</Fact>
        {request.submittedAt ? <Fact term="Submitted">{formatDateTime(request.submittedAt)}</Fact> : null}
        {request.deliveredAt ? <Fact term="Delivered">{formatDateTime(request.deliveredAt)}</Fact> : null}
      </LetterFacts>
      {request.writerMessage ? (
        <blockquote className="letter-message">
          <p className="letter-message-label">Message from {writer}</p>
          <p className="prose">{request.writerMessage}</p>
        </blockquote>
      ) : null}

      <p className="letter-waiver">
        {request.waivedRightOfAccess
          ? 'You waived your right to read this letter. You can always see its status here.'
          : 'You kept your right to read this letter.'}
      </p>
      {letter ? (
        <p>
          <a className="button button-secondary" href={letterUrl(request.id)} download>
            Download the letter<span className="visually-hidden"> from {writer}</span> (PDF, {fileSize(letter.sizeBytes)})
          </a>
        </p>
      ) : null}

      {request.packet ? (
        <details className="letter-packet">
          <summary>
            Your packet<span className="visually-hidden"> for {writer}</span>
          </summary>
          <PacketDocument request={request} document="cv" />
          <PacketDocument request={request} document="personal-statement" />
          {request.talkingPoints ? (
            <>
              <p>
                <strong>Talking points</strong>
              </p>
              <p className="prose">{request.talkingPoints}</p>
            </>
          ) : null}
        </details>
      ) : null}

      {request.writer.outside && open && request.uploadLink !== undefined ? (
        <div className="letter-link">
          <p>
            {request.uploadLink?.active && request.uploadLink.expiresAt
              ? `${writer}’s upload link works until ${formatDateTime(request.uploadLink.expiresAt)}.`
              : `${writer} has no working upload link.`}
          </p>
          <div className="button-row">
            <button type="button" className="button button-secondary button-small" onClick={() => runLink(false)} disabled={link.isPending}>
              {request.uploadLink?.active ? 'E-mail a new upload link' : 'E-mail an upload link'}
              <span className="visually-hidden"> to {writer}</span>
            </button>
            {request.uploadLink?.active ? (
              <button type="button" className="button button-ghost button-small" onClick={() => runLink(true)} disabled={link.isPending}>
                Revoke the upload link<span className="visually-hidden"> for {writer}</span>
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {done ? (
        request.thankedAt ? (
          <p className="letter-thanked">
            You thanked {writer} on {formatDateTime(request.thankedAt)}.
          </p>
        ) : (
          <div className="notice notice-success letter-thank">
            <p>{writer} submitted your letter. A short thank-you note, by e-mail or by hand, means a lot — and tell them where you match.</p>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => run('thanked', `Marked ${writer} as thanked.`)}
              disabled={action.isPending}
            >
              I thanked {writer}
            </button>
          </div>
        )
      ) : null}

      {open ? (
        <div className="letter-actions">
          {request.nudge?.nextNudgeAt ? (
            <p className="field-hint">
              {request.nudge.lastNudgedAt
                ? `You nudged ${writer} on ${formatDateTime(request.nudge.lastNudgedAt)}. You can nudge again after ${formatDateTime(request.nudge.nextNudgeAt)}.`
                : `Give ${writer} a week to answer. If you hear nothing, you can send a polite nudge from ${formatDateTime(request.nudge.nextNudgeAt)}.`}
            </p>
          ) : (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => run('nudge', `A polite reminder was e-mailed to ${writer}.`)}
              disabled={action.isPending}
            >
              Nudge {writer}
            </button>
          )}
          {confirmWithdraw ? null : (
            <button type="button" className="button button-danger-outline button-small" onClick={() => setConfirmWithdraw(true)}>
              Withdraw<span className="visually-hidden"> the request to {writer}</span>
            </button>
          )}
        </div>
      ) : null}
      {open && confirmWithdraw ? (
        <div className="confirm-box" role="group" aria-labelledby={`${headingId}-withdraw`}>
          <p id={`${headingId}-withdraw`}>
            <strong>Withdraw your request to {writer}?</strong> They will be told by e-mail that you no longer need this letter
            {request.writer.outside ? ', and their upload link will stop working' : ''}. To ask again later, make a new request.
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-danger"
              disabled={action.isPending}
              onClick={() => {
                setConfirmWithdraw(false)
                run('withdraw', `Your request to ${writer} was withdrawn.`)
              }}
            >
              Yes, withdraw request
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: the confirmation appears in place of the button pressed; focus goes to its safe choice */}
            <button type="button" className="button button-secondary" autoFocus onClick={() => setConfirmWithdraw(false)}>
              Keep request
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {announce ? null : <LiveStatus message={ownMessage} />}
    </article>
  )
}
