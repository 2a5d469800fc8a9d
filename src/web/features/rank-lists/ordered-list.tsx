import { useEffect, useRef, useState, type ReactNode } from 'react'

type Props<T> = {
  items: readonly T[]
  keyOf: (item: T) => string
  /** How the line is named when it is announced ("Moved … to rank 3 of 8"). */
  nameOf: (item: T) => string
  onChange: (items: T[], announcement: string) => void
  renderLine: (item: T, index: number) => ReactNode
  /** Accessible name of the list, e.g. "Your rank order list". */
  label: string
  /** "rank" on a rank list, "line" on a couple's list. */
  unit?: string
  disabled?: boolean
}

type FocusTarget = { key: string; action: 'up' | 'down' | 'remove' | 'row' | 'undo' }

/**
 * An ordered list that can be reordered three ways, all ending in the same change: drag a line
 * with a pointer; press its Move up / Move down buttons; or, with focus anywhere in a line,
 * Alt+Arrow Up / Alt+Arrow Down. Focus follows the line that moved, and the page announces where
 * it went through its live region. Remove takes effect at once (the list saves as it changes) and
 * offers Undo, which puts the line back where it was; focus moves to Undo so that pressing the key
 * again cannot remove a second line.
 */
export function OrderedList<T>({ items, keyOf, nameOf, onChange, renderLine, label, unit = 'rank', disabled = false }: Props<T>) {
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null)
  const [dragging, setDragging] = useState<number | null>(null)
  const [dropAt, setDropAt] = useState<number | null>(null)
  const elements = useRef(new Map<string, HTMLElement>())
  // The line last removed, to put back with Undo; any other change forgets it.
  const [removed, setRemoved] = useState<{ item: T; index: number; after: readonly T[] } | null>(null)
  const removedStillUndoable = removed !== null && removed.after === items

  useEffect(() => {
    if (!focusTarget) return
    elements.current.get(`${focusTarget.key}:${focusTarget.action}`)?.focus()
    setFocusTarget(null)
  }, [focusTarget])

  const register = (key: string) => (element: HTMLElement | null) => {
    if (element) elements.current.set(key, element)
    else elements.current.delete(key)
  }

  const moveTo = (from: number, to: number, focus: FocusTarget['action']) => {
    const item = items[from]
    if (item === undefined || to < 0 || to >= items.length || to === from) return
    const next = [...items]
    next.splice(from, 1)
    next.splice(to, 0, item)
    onChange(next, `Moved ${nameOf(item)} to ${unit} ${to + 1} of ${items.length}.`)
    // At either end the button just used is disabled: keep focus on the line's other button.
    const action = focus === 'up' && to === 0 ? 'down' : focus === 'down' && to === items.length - 1 ? 'up' : focus
    setFocusTarget({ key: keyOf(item), action })
  }

  const remove = (index: number) => {
    const item = items[index]
    if (item === undefined) return
    const next = items.filter((_, i) => i !== index)
    onChange(next, `Removed ${nameOf(item)} from the list. Undo puts it back.`)
    setRemoved({ item, index, after: next })
    // Focus goes to Undo, not to the next line's Remove, so a second key press cannot remove another line.
    setFocusTarget({ key: '', action: 'undo' })
  }

  const undo = () => {
    if (!removed) return
    const next = [...items]
    next.splice(Math.min(removed.index, next.length), 0, removed.item)
    onChange(next, `Put ${nameOf(removed.item)} back at ${unit} ${Math.min(removed.index, items.length) + 1}.`)
    setRemoved(null)
    setFocusTarget({ key: keyOf(removed.item), action: 'row' })
  }

  const undoBar = removedStillUndoable ? (
    <div className="rol-undo">
      <span>Removed {nameOf(removed.item)}.</span>
      <button ref={register(':undo')} type="button" className="button button-secondary button-small" onClick={undo}>
        Undo
      </button>
    </div>
  ) : null

  if (items.length === 0) return undoBar

  return (
    <>
      <ol className="rank-list rol-list" aria-label={label}>
        {items.map((item, index) => {
          const key = keyOf(item)
          const name = nameOf(item)
          return (
            <li
              key={key}
              ref={register(`${key}:row`)}
              className={`rank-item rol-line${dragging === index ? ' rol-dragging' : ''}${dropAt === index && dragging !== index ? ' rol-drop-target' : ''}`}
              draggable={!disabled}
              onDragStart={(event) => {
                // Only a drag that starts on the handle or the line itself, not in a text box.
                if (event.target instanceof HTMLElement && event.target.closest('input, textarea, select')) {
                  event.preventDefault()
                  return
                }
                setDragging(index)
                event.dataTransfer.effectAllowed = 'move'
                event.dataTransfer.setData('text/plain', key)
              }}
              onDragOver={(event) => {
                if (dragging === null) return
                event.preventDefault()
                event.dataTransfer.dropEffect = 'move'
                if (dropAt !== index) setDropAt(index)
              }}
              onDrop={(event) => {
                event.preventDefault()
                if (dragging !== null) moveTo(dragging, index, 'row')
                setDragging(null)
                setDropAt(null)
              }}
              onDragEnd={() => {
                setDragging(null)
                setDropAt(null)
              }}
              onKeyDown={(event) => {
                if (disabled || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
                event.preventDefault()
                moveTo(index, event.key === 'ArrowUp' ? index - 1 : index + 1, event.key === 'ArrowUp' ? 'up' : 'down')
              }}
            >
              <span className="rol-handle" aria-hidden="true" title="Drag to reorder">
                ⠿
              </span>
              <span className="rank-number" aria-hidden="true">
                {index + 1}
              </span>
              <div className="rol-line-body">
                <span className="visually-hidden">
                  {unit === 'rank' ? 'Rank' : 'Line'} {index + 1} of {items.length}:{' '}
                </span>
                {renderLine(item, index)}
              </div>
              <span className="rank-actions">
                <button
                  ref={register(`${key}:up`)}
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`Move up: ${name}`}
                  aria-keyshortcuts="Alt+ArrowUp"
                  disabled={disabled || index === 0}
                  onClick={() => moveTo(index, index - 1, 'up')}
                >
                  <span aria-hidden="true">↑</span> Up
                </button>
                <button
                  ref={register(`${key}:down`)}
                  type="button"
                  className="button button-secondary button-small"
                  aria-label={`Move down: ${name}`}
                  aria-keyshortcuts="Alt+ArrowDown"
                  disabled={disabled || index === items.length - 1}
                  onClick={() => moveTo(index, index + 1, 'down')}
                >
                  <span aria-hidden="true">↓</span> Down
                </button>
                <button
                  ref={register(`${key}:remove`)}
                  type="button"
                  className="button button-ghost button-small rol-remove"
                  aria-label={`Remove: ${name}`}
                  disabled={disabled}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              </span>
            </li>
          )
        })}
      </ol>
      {undoBar}
    </>
  )
}
