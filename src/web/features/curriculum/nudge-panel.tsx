import { useState } from 'react'
import { type ClassMilestoneFigure, defaultNudgeMessage, type NudgePreview, type StudentBehind } from '#shared/contracts/curriculum.ts'
import { LiveStatus, QueryError } from '../../components/feedback.tsx'
import { TextAreaField } from '../../components/fields.tsx'
import { plural } from '../../components/format.ts'
import { usePreviewNudge, useSendNudge } from './api.ts'
import { nudgeReport, whySkipped } from './class-progress-filters.ts'

type Props = {
  milestone: ClassMilestoneFigure
  /** The students the list shows now. */
  shown: readonly StudentBehind[]
  /** Those of them ticked for the nudge. */
  selected: readonly StudentBehind[]
  onSelectAll: () => void
  onSelectNone: () => void
}

/**
 * The e-mail nudge about one milestone: choose students (all shown, or some), keep or rewrite
 * the message, see the exact e-mail one student would receive, then send. The server skips
 * anyone nudged about it in the last week, and the report names them.
 */
export function NudgePanel({ milestone, shown, selected, onSelectAll, onSelectNone }: Props) {
  const [message, setMessage] = useState(() => defaultNudgeMessage(milestone.title))
  const [previewed, setPreviewed] = useState<{ of: string; preview: NudgePreview } | null>(null)
  const [report, setReport] = useState<string | null>(null)
  const previewNudge = usePreviewNudge()
  const sendNudge = useSendNudge()
  const input = { studentIds: selected.map((s) => s.id), message }
  // A preview answers for the students and words it was asked about: after any change (a
  // student ticked in the list, a filter, the message) it is gone, and Send waits for a new one.
  const asked = JSON.stringify(input)
  const preview = previewed?.of === asked ? previewed.preview : null
  const stale = () => setPreviewed(null)

  return (
    <section className="card report-section nudge-panel" aria-labelledby="nudge-title">
      <h2 id="nudge-title">Nudge about “{milestone.title}”</h2>
      <p>
        {plural(selected.length, 'student', 'students')} chosen of {shown.length} shown.{' '}
        <button
          type="button"
          className="button-link"
          onClick={() => {
            onSelectAll()
            stale()
          }}
        >
          Choose all {shown.length} shown
        </button>
        {selected.length > 0 ? (
          <>
            {' · '}
            <button
              type="button"
              className="button-link"
              onClick={() => {
                onSelectNone()
                stale()
              }}
            >
              Choose none
            </button>
          </>
        ) : null}
      </p>
      <TextAreaField
        id="nudge-message"
        label="Message"
        hint="Each student’s e-mail starts with their name and ends with the milestone’s due date, a link to their timeline and your name."
        value={message}
        maxLength={2000}
        onChange={(e) => {
          setMessage(e.currentTarget.value)
          stale()
        }}
      />
      <div className="nudge-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={selected.length === 0 || previewNudge.isPending}
          onClick={() => {
            setReport(null)
            previewNudge.mutate({ milestoneId: milestone.id, input }, { onSuccess: (answer) => setPreviewed({ of: asked, preview: answer }) })
          }}
        >
          Preview the e-mail
        </button>
        <button
          type="button"
          className="button"
          disabled={!preview || preview.willNudge.length === 0 || sendNudge.isPending}
          onClick={() =>
            sendNudge.mutate(
              { milestoneId: milestone.id, input },
              {
                onSuccess: (result) => {
                  stale()
                  onSelectNone()
                  setReport(nudgeReport(result.nudged.length, result.skipped))
                },
              },
            )
          }
        >
          {preview ? `Send to ${plural(preview.willNudge.length, 'student', 'students')}` : 'Send (preview first)'}
        </button>
      </div>
      {selected.length === 0 && !report ? <p className="field-hint">Choose students in the list above to preview and send.</p> : null}
      {previewNudge.isError ? <QueryError error={previewNudge.error} /> : null}
      {sendNudge.isError ? <QueryError error={sendNudge.error} /> : null}
      <LiveStatus message={report} />
      {preview ? <PreviewOf preview={preview} /> : null}
    </section>
  )
}

function PreviewOf({ preview }: { preview: NudgePreview }) {
  return (
    <div className="nudge-preview">
      {preview.email ? (
        <>
          <h3>The e-mail {preview.email.to.name} would receive</h3>
          <dl className="nudge-email">
            <dt>To</dt>
            <dd>{preview.email.to.name}</dd>
            <dt>Subject</dt>
            <dd>{preview.email.subject}</dd>
          </dl>
          <pre className="nudge-email-text">{preview.email.text}</pre>
          <p>
            Each of the {plural(preview.willNudge.length, 'student', 'students')} gets the same e-mail with their own name and due date:{' '}
            {preview.willNudge.map((s) => s.name).join(', ')}.
          </p>
        </>
      ) : (
        <p>Nobody chosen would be nudged.</p>
      )}
      {preview.willSkip.length > 0 ? (
        <>
          <h3>Skipped</h3>
          <p>{whySkipped(preview.willSkip)}.</p>
        </>
      ) : null}
    </div>
  )
}
