import { useDeferredValue, useState } from 'react'
import { OPPORTUNITY_KIND_LABELS } from '#shared/enums.ts'
import { RadioGroup, TextField } from '../../components/fields.tsx'
import { useBoard } from './api.ts'

/** How many matches are offered to choose from; more words narrow them. */
const SHOWN = 8

export type PickedOpportunity = { id: string; title: string }

/**
 * Choosing one opportunity by searching the board: words, then one of the first matches as a
 * radio button (keyboard: Tab into the list, arrows to move). The opportunity already chosen stays
 * offered while other words are typed, so searching again never loses it.
 */
export function OpportunityPicker({
  id,
  picked,
  onPick,
  error,
}: {
  id: string
  picked: PickedOpportunity | null
  onPick: (opportunity: PickedOpportunity) => void
  error?: string | undefined
}) {
  const [words, setWords] = useState('')
  const q = useDeferredValue(words.trim())
  const board = useBoard(q ? { q, pageSize: String(SHOWN) } : { pageSize: String(SHOWN) })
  const results = board.data?.results ?? []
  const options = results.map((r) => ({ value: r.id, label: r.title, description: `${OPPORTUNITY_KIND_LABELS[r.kind]} · posted by ${r.posterName}` }))
  if (picked && !options.some((o) => o.value === picked.id)) options.unshift({ value: picked.id, label: picked.title, description: 'Chosen' })
  const total = board.data?.total ?? 0
  const found = board.isPending
    ? 'Looking…'
    : total === 0
      ? 'No open opportunity matches these words.'
      : total > SHOWN
        ? `${total} opportunities match; the first ${SHOWN} are shown. More words narrow them.`
        : total === 1
          ? '1 opportunity matches.'
          : `${total} opportunities match.`
  return (
    <div className="opportunity-picker">
      <TextField
        id={`${id}-words`}
        type="search"
        label="Find the opportunity"
        hint="Words from its title or description. Published opportunities still taking applications are found."
        value={words}
        onChange={(e) => setWords(e.currentTarget.value)}
        // Enter searches as typing does; it must not send the requirement's form half filled.
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault()
        }}
      />
      <RadioGroup
        id={id}
        name={`${id}-choice`}
        label="Opportunity"
        hint={found}
        options={options}
        value={picked?.id ?? ''}
        onChange={(value) => onPick({ id: value, title: options.find((o) => o.value === value)?.label ?? '' })}
        error={error}
      />
    </div>
  )
}
