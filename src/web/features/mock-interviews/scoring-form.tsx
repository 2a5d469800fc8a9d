import { useState, type FormEvent } from 'react'
import type { BookingView } from '#shared/contracts/mock-interviews.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { ErrorSummary, LiveStatus } from '../../components/feedback.tsx'
import { RadioGroup, TextAreaField } from '../../components/fields.tsx'
import { useSaveScores } from './api.ts'

const idFor = (field: string) => (field === 'feedback' ? 'mock-feedback' : `mock-score-${field.replace(/^scores\./, '')}`)

/**
 * The interviewer scores each competency against its anchored levels and writes feedback, on a
 * phone as well as a desk: native radio groups (arrow keys move between levels), one column.
 */
export function ScoringForm({ booking }: { booking: BookingView }) {
  const save = useSaveScores(booking.id)
  const [scores, setScores] = useState<Record<string, string>>(() => Object.fromEntries(booking.scores.map((s) => [s.competencyId, String(s.score)])))
  const [feedback, setFeedback] = useState(booking.feedback)
  const [problem, setProblem] = useState<{ message: string | null; fields: Record<string, string> }>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setSaved(null)
    const fields: Record<string, string> = {}
    for (const c of booking.rubric) if (!scores[c.id]) fields[`scores.${c.id}`] = 'Choose a level.'
    if (!feedback.trim()) fields.feedback = 'Write a few words of feedback for the student.'
    if (Object.keys(fields).length) {
      setProblem({ message: null, fields })
      setAttempt((n) => n + 1)
      return
    }
    try {
      await save.mutateAsync({ scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, Number(v)])), feedback })
      setProblem({ message: null, fields: {} })
      setSaved(`Saved. ${booking.student.name} can read your scores and feedback now.`)
    } catch (cause) {
      setProblem(cause instanceof AppError && cause.fields ? { message: null, fields: cause.fields } : { message: errorMessage(cause), fields: {} })
      setAttempt((n) => n + 1)
    }
  }

  const labels = Object.fromEntries(booking.rubric.map((c) => [`scores.${c.id}`, c.name]))
  return (
    <>
      <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={{ ...labels, feedback: 'Feedback' }} attempt={attempt} />
      <form noValidate className="form card mock-scoring" onSubmit={(e) => void onSubmit(e)}>
        {booking.rubric.map((c) => (
          <RadioGroup
            key={c.id}
            id={idFor(c.id)}
            name={`score-${c.id}`}
            label={c.name}
            hint={c.description || undefined}
            options={c.levels.map((l) => ({ value: String(l.score), label: `${l.score} · ${l.label}`, description: l.anchor }))}
            value={scores[c.id] ?? ''}
            onChange={(value) => setScores((current) => ({ ...current, [c.id]: value }))}
            error={problem.fields[`scores.${c.id}`]}
          />
        ))}
        <TextAreaField
          id={idFor('feedback')}
          label="Feedback for the student"
          hint="What went well, and one or two things to change next time. Only the student, you and the student's advisors read it."
          rows={6}
          maxLength={6000}
          value={feedback}
          onChange={(e) => setFeedback(e.currentTarget.value)}
          error={problem.fields.feedback}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : booking.scoredAt ? 'Save changes' : 'Save scores and feedback'}
          </button>
        </div>
        <LiveStatus message={saved} />
      </form>
    </>
  )
}
