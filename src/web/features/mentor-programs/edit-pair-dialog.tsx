import { useEffect, useState, type FormEvent } from 'react'
import type { DraftPair, DraftView } from '#shared/contracts/mentor-programs.ts'
import { Dialog } from '../../components/dialog.tsx'
import { ErrorSummary } from '../../components/feedback.tsx'
import { SelectField, TextAreaField } from '../../components/fields.tsx'
import { problemFrom, type FormProblem } from '../../components/form-errors.ts'
import { useEditPair } from './api.ts'

const NONE = 'none'
const FIELDS = ['mentorId', 'reason', 'studentId']
const LABELS: Record<string, string> = { mentorId: 'Mentor', reason: 'Why', studentId: 'Student' }
const idFor = (field: string) => `edit-pair-${field === 'reason' ? 'reason' : 'mentor'}`

/**
 * Pair one student with another mentor, or none, and say why. The server refuses a change that
 * breaks a hard constraint (a conflict, a full mentor, a kept pair) and names it at the field.
 */
export function EditPairDialog({
  programId,
  draft,
  pair,
  onClose,
  onSaved,
}: {
  programId: string
  draft: DraftView
  pair: DraftPair | null
  onClose: () => void
  onSaved: (message: string) => void
}) {
  const edit = useEditPair(programId)
  const [mentorId, setMentorId] = useState('')
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (pair) {
      setMentorId(pair.mentor?.id ?? NONE)
      setReason('')
      setProblem({ message: null, fields: {} })
    }
  }, [pair])

  const options = [
    { value: NONE, label: 'No mentor (leave unpaired)' },
    ...draft.mentors.map((m) => {
      const own = pair?.mentor?.id === m.id ? 1 : 0
      const left = m.seats - m.filled + own
      return { value: m.id, label: `${m.name} — ${left > 0 ? `${left} of ${m.seats} seat${m.seats === 1 ? '' : 's'} free` : 'full'}` }
    }),
  ]

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!pair) return
    const fields: Record<string, string> = {}
    if (!reason.trim()) fields.reason = 'Say why, in a few words; it is kept with the pair.'
    if (Object.keys(fields).length > 0) {
      setProblem({ message: null, fields })
      setAttempt((n) => n + 1)
      return
    }
    try {
      const next = await edit.mutateAsync({ studentId: pair.student.id, mentorId: mentorId === NONE ? null : mentorId, reason: reason.trim() })
      const now = next.pairs.find((p) => p.student.id === pair.student.id)
      onSaved(now?.mentor ? `${pair.student.name} is now paired with ${now.mentor.name}.` : `${pair.student.name} is now unpaired.`)
    } catch (cause) {
      const next = problemFrom(cause, FIELDS)
      if (next.fields.studentId) next.fields.mentorId ??= next.fields.studentId
      delete next.fields.studentId
      setProblem(next)
      setAttempt((n) => n + 1)
    }
  }

  return (
    <Dialog open={pair !== null} title={pair ? `Change the mentor of ${pair.student.name}` : 'Change a pair'} onClose={onClose}>
      {pair ? (
        <form noValidate className="form" onSubmit={(e) => void onSubmit(e)}>
          <p>
            Now: {pair.mentor ? <strong>{pair.mentor.name}</strong> : <strong>unpaired</strong>}. A pair with a conflict, or with a mentor whose seats are full,
            is refused.
          </p>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <SelectField
            id={idFor('mentorId')}
            label="Mentor"
            options={options}
            value={mentorId}
            onChange={(e) => setMentorId(e.currentTarget.value)}
            error={problem.fields.mentorId}
          />
          <TextAreaField
            id={idFor('reason')}
            label="Why"
            hint="For example “asked for pediatrics at the fair”. Kept with the pair and in the audit log."
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={problem.fields.reason}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={edit.isPending}>
              {edit.isPending ? 'Saving…' : 'Save pair'}
            </button>
            <button type="button" className="button button-ghost" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </Dialog>
  )
}
