import { Link } from 'react-router'
import { Loading, QueryError } from '../../components/feedback.tsx'
import { useMyBoard } from './advising-api.ts'
import { boardSummary } from './board-view.tsx'
import './advising.css'

/** The student home page's advising board at a glance: each slot, filled or flagged. */
export function HomeAdvisingBoard() {
  const board = useMyBoard()
  return (
    <section className="card home-section" aria-labelledby="home-advising-board">
      <h2 id="home-advising-board">Your advising board</h2>
      {board.isPending ? <Loading label="Loading your board…" /> : null}
      {board.isError ? <QueryError error={board.error} onRetry={() => void board.refetch()} /> : null}
      {board.data ? (
        <>
          <p>{boardSummary(board.data)}</p>
          <ul className="board-home-list" aria-label="Advising board slots">
            {board.data.slots.map((slot) => (
              <li key={slot.slot}>
                <span>{slot.label}</span>
                {slot.isEmpty && !slot.isRequired ? (
                  <span className="muted">Optional</span>
                ) : slot.isEmpty ? (
                  <span className="board-home-empty">
                    <span aria-hidden="true">⚠ </span>Empty
                  </span>
                ) : (
                  <span>{slot.holders.map((h) => h.person.name).join(', ')}</span>
                )}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/advising">{board.data.emptySlots.length > 0 ? 'See who could fill the empty slots' : 'See your advising board'}</Link>
          </p>
        </>
      ) : null}
    </section>
  )
}
