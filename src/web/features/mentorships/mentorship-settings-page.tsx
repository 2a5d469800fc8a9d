import { useEffect, useState, type FormEvent } from 'react'
import { UpdateMentorshipSettings, type MentorshipSettingsView } from '#shared/contracts/mentorships.ts'
import type { FieldErrors } from '#shared/errors.ts'
import { useMentorshipSettings, useUpdateMentorshipSettings } from '../../api/mentorships.ts'
import { ErrorSummary, LiveStatus, Loading, QueryError } from '../../components/feedback.tsx'
import { TextField } from '../../components/fields.tsx'
import { problemFrom, validate, type FormProblem } from '../../components/form-errors.ts'
import { usePageTitle } from '../../components/page-title.ts'

type Key = keyof MentorshipSettingsView

const FIELDS: { key: Key; label: string; unit: string; hint: string }[] = [
  { key: 'maxOpenRequests', label: 'Open requests a student may have at once', unit: 'requests', hint: 'Requests not yet answered. From 1 to 50.' },
  {
    key: 'requestExpiryDays',
    label: 'Days before an unanswered request expires',
    unit: 'days',
    hint: 'The student is told and may ask someone else. From 2 to 90.',
  },
  {
    key: 'requestReminderDay',
    label: 'Day on which the mentor is reminded of an unanswered request',
    unit: 'day',
    hint: 'Counted from the day it was sent; before it expires. From 1 to 89.',
  },
  {
    key: 'pauseAfterExpiries',
    label: 'Expired requests that pause a mentor',
    unit: 'requests',
    hint: 'Reaching it pauses the mentor’s new requests. From 1 to 50.',
  },
  { key: 'pauseWindowDays', label: 'Days over which those expired requests are counted', unit: 'days', hint: 'From 7 to 365.' },
  {
    key: 'quietWeeks',
    label: 'Weeks without a meeting before both sides are nudged',
    unit: 'weeks',
    hint: 'Such mentorships also show under Quiet mentorships. From 1 to 52.',
  },
]
const KEYS = FIELDS.map((f) => f.key)
const LABELS = Object.fromEntries(FIELDS.map((f) => [f.key, f.label])) as Record<string, string>
const idFor = (field: string) => `setting-${KEYS.includes(field as Key) ? field : KEYS[0]}`

type Draft = Record<Key, string>
const draftFrom = (view: MentorshipSettingsView): Draft => Object.fromEntries(KEYS.map((k) => [k, String(view[k])])) as Draft

/** Admins set how requests expire, remind and pause, and when a quiet mentorship is nudged. */
export function MentorshipSettingsPage() {
  usePageTitle('Mentorship settings')
  const settings = useMentorshipSettings()
  const save = useUpdateMentorshipSettings()
  const [draft, setDraft] = useState<Draft | null>(null)
  const [problem, setProblem] = useState<FormProblem>({ message: null, fields: {} })
  const [attempt, setAttempt] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)

  useEffect(() => {
    if (settings.data && !draft) setDraft(draftFrom(settings.data))
  }, [settings.data, draft])

  const fail = (next: FormProblem) => {
    setProblem(next)
    setAttempt((n) => n + 1)
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    setSaved(null)
    const local: FieldErrors = {}
    const input: Record<string, number> = {}
    for (const key of KEYS) {
      const value = draft[key].trim()
      if (!/^-?\d+$/.test(value)) local[key] = value === '' ? 'Enter a number.' : 'Use a whole number.'
      else input[key] = Number(value)
    }
    const result = validate(UpdateMentorshipSettings, input)
    const fields = { ...(result.ok ? {} : result.errors), ...local }
    if (
      !local.requestReminderDay &&
      !local.requestExpiryDays &&
      !fields.requestReminderDay &&
      (input.requestReminderDay ?? 0) >= (input.requestExpiryDays ?? Infinity)
    ) {
      fields.requestReminderDay = 'Remind before the request expires: use a smaller day than the expiry.'
    }
    if (!result.ok || Object.keys(fields).length > 0) return fail({ message: null, fields })
    setProblem({ message: null, fields: {} })
    try {
      const next = await save.mutateAsync(result.data)
      setDraft(draftFrom(next))
      setSaved('Mentorship settings saved. They apply from the next sweep and to new requests.')
    } catch (cause) {
      fail(problemFrom(cause, KEYS))
    }
  }

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <h1 tabIndex={-1}>Mentorship settings</h1>
        <p className="lead">
          How many requests a student may have open, when unanswered requests remind and expire, when a mentor is paused, and when a quiet mentorship is nudged.
        </p>
      </div>
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      <LiveStatus message={saved} />
      {draft ? (
        <>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <form noValidate className="form card settings-form" onSubmit={(e) => void onSubmit(e)}>
            {FIELDS.map((field) => (
              <TextField
                key={field.key}
                id={idFor(field.key)}
                className="settings-field"
                label={`${field.label} (${field.unit})`}
                hint={field.hint}
                inputMode="numeric"
                autoComplete="off"
                value={draft[field.key]}
                onChange={(e) => {
                  const value = e.currentTarget.value
                  setDraft((d) => (d ? { ...d, [field.key]: value } : d))
                }}
                error={problem.fields[field.key]}
              />
            ))}
            <div className="button-row">
              <button type="submit" className="button" disabled={save.isPending}>
                {save.isPending ? 'Saving…' : 'Save settings'}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </div>
  )
}
