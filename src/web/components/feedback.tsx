import { useEffect, useRef, type ReactNode } from 'react'
import type { FieldErrors } from '#shared/errors.ts'
import { errorMessage } from '../api/client.ts'

type ErrorSummaryProps = {
  message: string | null
  fields: FieldErrors
  /** The id of the control a field's error belongs to. */
  idFor: (field: string) => string
  labels?: Record<string, string>
  /** Changes on every failed submit, so the summary takes focus again. */
  attempt: number
}

/**
 * Shown above a form after a failed submit: it takes focus so a screen reader reads it at once,
 * and each error links to its field.
 */
export function ErrorSummary({ message, fields, idFor, labels = {}, attempt }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null)
  const entries = Object.entries(fields)
  const hasProblem = message !== null || entries.length > 0
  useEffect(() => {
    if (hasProblem && attempt > 0) ref.current?.focus()
  }, [attempt, hasProblem])
  if (!hasProblem) return null

  const focusField = (field: string) => {
    const target = document.getElementById(idFor(field))
    if (!target) return
    const control = target.matches('fieldset') ? target.querySelector<HTMLElement>('input, select, textarea, button') : target
    target.scrollIntoView({ block: 'center' })
    ;(control ?? target).focus()
  }

  return (
    <div ref={ref} className="error-summary" role="group" tabIndex={-1} aria-labelledby={`error-summary-title-${attempt}`}>
      <h2 id={`error-summary-title-${attempt}`} className="error-summary-title">
        {entries.length > 0 ? 'Please fix the following' : 'That did not work'}
      </h2>
      {message ? <p>{message}</p> : null}
      {entries.length > 0 ? (
        <ul>
          {entries.map(([field, text]) => (
            <li key={field}>
              <a
                href={`#${idFor(field)}`}
                onClick={(event) => {
                  event.preventDefault()
                  focusField(field)
                }}
              >
                {labels[field] ? `${labels[field]}: ` : ''}
                {text}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** A polite live region that exists before its message does, so the change is announced. */
export function LiveStatus({ message, tone = 'success' }: { message: string | null; tone?: 'success' | 'info' }) {
  return (
    <div role="status" aria-live="polite" className="live-status">
      {message ? <p className={`notice notice-${tone}`}>{message}</p> : null}
    </div>
  )
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p role="status" className="loading">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  )
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div role="alert" className="notice notice-error">
      <p>{errorMessage(error)}</p>
      {onRetry ? <p>This may pass: try again in a moment. Nothing you entered was lost.</p> : null}
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  )
}

export function Notice({ tone, children }: { tone: 'info' | 'success' | 'warning' | 'error'; children: ReactNode }) {
  return <div className={`notice notice-${tone}`}>{children}</div>
}
