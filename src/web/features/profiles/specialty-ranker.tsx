import { useEffect, useRef, useState } from 'react'
import { SPECIALTY_OPTIONS, specialtyName } from './labels.ts'

type Props = {
  id: string
  values: readonly string[]
  onChange: (values: string[]) => void
  error?: string | undefined
  max: number
}

type FocusTarget = { value: string; action: 'up' | 'down' | 'remove' } | { value: null; action: 'add' }

/**
 * A ranked list edited with buttons rather than drag and drop, so it works the same with a
 * keyboard, a screen reader and a thumb. Focus follows the item that moved.
 */
export function SpecialtyRanker({ id, values, onChange, error, max }: Props) {
  const [toAdd, setToAdd] = useState('')
  const [announcement, setAnnouncement] = useState('')
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const addSelect = useRef<HTMLSelectElement>(null)

  useEffect(() => {
    if (!focusTarget) return
    if (focusTarget.action === 'add') addSelect.current?.focus()
    else buttons.current.get(`${focusTarget.value}:${focusTarget.action}`)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const move = (index: number, by: -1 | 1) => {
    const target = index + by
    const value = values[index]
    const other = values[target]
    if (value === undefined || other === undefined) return
    const next = [...values]
    next[index] = other
    next[target] = value
    onChange(next)
    setAnnouncement(`${specialtyName(value)} moved to choice ${target + 1} of ${values.length}.`)
    // At either end the button just used is disabled; keep focus on the item's other button.
    const edge = (by === -1 && target === 0) || (by === 1 && target === values.length - 1)
    setFocusTarget({ value, action: edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down' })
  }

  const remove = (index: number) => {
    const value = values[index]
    if (value === undefined) return
    const next = values.filter((_, i) => i !== index)
    onChange(next)
    setAnnouncement(`${specialtyName(value)} removed.`)
    const neighbour = next[index] ?? next[index - 1]
    setFocusTarget(neighbour ? { value: neighbour, action: 'remove' } : { value: null, action: 'add' })
  }

  const add = () => {
    if (!toAdd || values.includes(toAdd) || values.length >= max) return
    onChange([...values, toAdd])
    setAnnouncement(`${specialtyName(toAdd)} added as choice ${values.length + 1}.`)
    setToAdd('')
  }

  const full = values.length >= max
  const register = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element)
    else buttons.current.delete(key)
  }

  return (
    <fieldset id={id} tabIndex={-1} className={`field ranker${error ? ' field-invalid' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
      <legend>Specialty interests</legend>
      <p id={`${id}-hint`} className="field-hint">
        Up to {max}, the one you’re most drawn to first. Use Up and Down to change the order; it’s fine to change your mind later.
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      {values.length > 0 ? (
        <ol className="rank-list">
          {values.map((value, index) => {
            const name = specialtyName(value)
            return (
              <li key={value} className="rank-item">
                <span className="rank-number" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="rank-name">{name}</span>
                <span className="rank-actions">
                  <button
                    ref={register(`${value}:up`)}
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={`Move up: ${name}`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    <span aria-hidden="true">↑</span> Up
                  </button>
                  <button
                    ref={register(`${value}:down`)}
                    type="button"
                    className="button button-secondary button-small"
                    aria-label={`Move down: ${name}`}
                    disabled={index === values.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span> Down
                  </button>
                  <button
                    ref={register(`${value}:remove`)}
                    type="button"
                    className="button button-ghost button-small"
                    aria-label={`Remove: ${name}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </span>
              </li>
            )
          })}
        </ol>
      ) : (
        <p className="empty">No specialties chosen yet.</p>
      )}
      <div className="rank-add">
        <div className="field">
          <label htmlFor={`${id}-add`}>Add a specialty</label>
          <select
            ref={addSelect}
            id={`${id}-add`}
            value={toAdd}
            disabled={full}
            aria-describedby={full ? `${id}-full` : undefined}
            onChange={(event) => setToAdd(event.currentTarget.value)}
          >
            <option value="">Choose a specialty…</option>
            {SPECIALTY_OPTIONS.filter((option) => !values.includes(option.value)).map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={add} disabled={full || !toAdd}>
          Add
        </button>
      </div>
      {full ? (
        <p id={`${id}-full`} className="field-hint">
          You’ve chosen {max}. Remove one to add another.
        </p>
      ) : null}
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  )
}
