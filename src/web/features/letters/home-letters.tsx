import { Link } from 'react-router'
import { useMyLetters, useWritingLetters } from '../../api/letters.ts'
import { byDueDate, dueText, isDoneStatus, isOpenStatus } from './letter-format.ts'
import { plural } from '../../components/format.ts'

function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? ''
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`
}

/** The student's letters in one line on their home page. */
export function StudentLettersLine() {
  const { data } = useMyLetters()
  if (!data) return null
  const active = data.items.filter((r) => r.status !== 'withdrawn' && r.status !== 'declined')
  if (active.length === 0) {
    return (
      <p className="home-letters">
        <strong>Letters:</strong> none requested yet. <Link to="/letters/new">Request a letter</Link>
      </p>
    )
  }
  const submitted = active.filter((r) => isDoneStatus(r.status)).length
  const late = data.late.length
  const thank = [...new Set(data.toThank.map((t) => t.writerName))]
  return (
    <p className="home-letters">
      <strong>Letters:</strong> {plural(active.length, 'letter', 'letters')} requested, {submitted} submitted
      {late > 0 ? `, ${late} late` : ''}
      {thank.length > 0 ? ` — thank ${names(thank)}` : ''}. <Link to="/letters">See my letters</Link>
    </p>
  )
}

/** The mentor's letter requests in one line on their home page. */
export function MentorLettersLine() {
  const { data } = useWritingLetters()
  if (!data) return null
  const open = data.items.filter((r) => isOpenStatus(r.status)).sort(byDueDate)
  const next = open[0]
  const waiting = open.filter((r) => r.status === 'requested').length
  return (
    <p className="home-letters">
      <strong>Letters:</strong>{' '}
      {open.length === 0
        ? 'no letter requests waiting.'
        : `${plural(open.length, 'letter request', 'letter requests')}${waiting > 0 ? ` (${waiting} to answer)` : ''}, next due ${next ? `${dueText(next.dueDate)} for ${next.student.name}` : ''}.`}{' '}
      <Link to="/letters/writing">See letters to write</Link>
    </p>
  )
}
