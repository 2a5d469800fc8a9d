import { useMemo, useState } from 'react'
import type { DraftPair, DraftView } from '#shared/contracts/mentor-programs.ts'
import { formatFit } from './program-format.ts'

type SortKey = 'student' | 'mentor' | 'fit'
type Sort = { key: SortKey; ascending: boolean }

const SOURCE_NOTES: Record<DraftPair['source'], string | null> = {
  pairing: null,
  kept: 'Kept from last year: both asked.',
  admin: null,
}

function compare(a: DraftPair, b: DraftPair, key: SortKey): number {
  if (key === 'fit') return (a.mentor ? (a.fit ?? 0) : -Infinity) - (b.mentor ? (b.fit ?? 0) : -Infinity)
  if (key === 'mentor') return (a.mentor?.name ?? '\uffff').localeCompare(b.mentor?.name ?? '\uffff')
  return a.student.name.localeCompare(b.student.name)
}

/**
 * The draft pairs, one row per student, sortable by student, mentor or fit. Unpaired students
 * come first by default and say why. On a phone each row reads as a small card.
 */
export function DraftTable({ draft, canEdit, onEdit }: { draft: DraftView; canEdit: boolean; onEdit: (pair: DraftPair) => void }) {
  const [sort, setSort] = useState<Sort | null>(null)
  const rows = useMemo(() => {
    const list = [...draft.pairs]
    if (!sort) return list.sort((a, b) => Number(a.mentor !== null) - Number(b.mentor !== null) || a.student.name.localeCompare(b.student.name))
    return list.sort((a, b) => (sort.ascending ? 1 : -1) * compare(a, b, sort.key) || a.student.name.localeCompare(b.student.name))
  }, [draft.pairs, sort])

  const header = (key: SortKey, label: string) => {
    const active = sort?.key === key
    const next = active ? !sort.ascending : key !== 'fit'
    return (
      <th scope="col" aria-sort={active ? (sort.ascending ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort({ key, ascending: next })}>
          {label}
          <span aria-hidden="true">{active ? (sort.ascending ? ' ▲' : ' ▼') : ' ↕'}</span>
          <span className="visually-hidden">, sort {next ? 'ascending' : 'descending'}</span>
        </button>
      </th>
    )
  }

  return (
    <div className="table-wrap">
      <table className="table table-stack draft-table">
        <caption className="visually-hidden">Draft pairs, one row per student</caption>
        <thead>
          <tr>
            {header('student', 'Student')}
            {header('mentor', 'Mentor')}
            {header('fit', 'Fit')}
            <th scope="col">Why</th>
            {canEdit ? (
              <th scope="col">
                <span className="visually-hidden">Change</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((pair) => (
            <tr key={pair.student.id} className={pair.mentor ? undefined : 'pair-unpaired'}>
              <td data-label="Student">
                {pair.student.name}
                {pair.student.classYear ? <span className="pair-note">{pair.student.classYear}</span> : null}
              </td>
              <td data-label="Mentor">
                {pair.mentor ? pair.mentor.name : <strong>Unpaired</strong>}
                {pair.studentRank ? <span className="pair-note">Their choice #{pair.studentRank}</span> : null}
              </td>
              <td data-label="Fit">{pair.mentor ? formatFit(pair.fit) : '—'}</td>
              <td data-label="Why">
                {pair.mentor ? (
                  pair.reasons.length > 0 ? (
                    <span>{pair.reasons.slice(0, 3).join('; ')}</span>
                  ) : (
                    <span className="muted">No shared interests found</span>
                  )
                ) : (
                  <span>{pair.unpairedBecause}</span>
                )}
                {SOURCE_NOTES[pair.source] ? <span className="pair-note">{SOURCE_NOTES[pair.source]}</span> : null}
                {pair.source === 'admin' && pair.mentor ? (
                  <span className="pair-note">
                    Changed by {pair.editedBy?.name ?? 'an admin'}: {pair.editReason}
                  </span>
                ) : null}
              </td>
              {canEdit ? (
                <td data-label="">
                  <button type="button" className="button button-secondary button-small" onClick={() => onEdit(pair)}>
                    Change<span className="visually-hidden"> the mentor of {pair.student.name}</span>
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
