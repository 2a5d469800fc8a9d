import type { ReactNode } from 'react'
import type { LetterRequestView } from '#shared/contracts/letters.ts'
import { LETTER_TYPE_LABELS, type LetterStatus } from '#shared/enums.ts'
import { dueText, purposeText, statusLabel } from './letter-format.ts'

export function LetterStatusTag({ status, late = false }: { status: LetterStatus; late?: boolean }) {
  return (
    <span className="letter-tags">
      <span className={`tag letter-status letter-status-${status}`}>{statusLabel(status)}</span>
      {late ? <span className="tag letter-status letter-status-late">Late</span> : null}
    </span>
  )
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}

/** What every viewer may see of a request: never its content. */
export function LetterFacts({ request, children }: { request: LetterRequestView; children?: ReactNode }) {
  return (
    <dl className="letter-facts">
      <Fact term="For">{purposeText(request)}</Fact>
      <Fact term="Type">{LETTER_TYPE_LABELS[request.letterType]}</Fact>
      <Fact term="Due">{dueText(request.dueDate)}</Fact>
      {request.erasLetterId ? <Fact term="ERAS Letter ID">{request.erasLetterId}</Fact> : null}
      {children}
    </dl>
  )
}

/**
 * The table cells every list of requests shows — writer, purpose and type, due date, status —
 * for the admin queue and an advisor's view of a student. Status only, never content.
 */
export function LetterSummaryCells({ request }: { request: LetterRequestView }) {
  return (
    <>
      <td data-label="Writer">
        <div>
          {request.writer.name}
          {request.writer.outside ? <span className="muted"> (outside)</span> : null}
          {/* Only the Office's view carries the address: whoever delivers a letter sees where it came from. */}
          {request.writer.email ? <span className="cell-sub">{request.writer.email}</span> : null}
        </div>
      </td>
      <td data-label="For">
        <div>
          {purposeText(request)}
          <span className="cell-sub">{LETTER_TYPE_LABELS[request.letterType]}</span>
        </div>
      </td>
      <td data-label="Due">{dueText(request.dueDate)}</td>
      <td data-label="Status">
        <LetterStatusTag status={request.status} late={request.isLate} />
      </td>
    </>
  )
}
