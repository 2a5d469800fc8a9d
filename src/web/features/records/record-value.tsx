import type { ReactNode } from 'react'

/** `waivedRightOfAccess` → "Waived right of access". */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll(/[-_]/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Any part of a record, as nested lists of labelled values: what the school holds, word for word. */
export function RecordValue({ value }: { value: unknown }): ReactNode {
  if (value === null || value === undefined || value === '') return <span>—</span>
  if (Array.isArray(value)) {
    if (value.length === 0) return <span>none</span>
    return (
      <ul className="record-list">
        {value.map((v, i) => (
          // Items of a record have no id of their own to key on; their order is the record's.
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in its stored order
          <li key={i}>
            <RecordValue value={v} />
          </li>
        ))}
      </ul>
    )
  }
  if (typeof value === 'object') {
    return (
      <dl className="record-fields">
        {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
          <div key={k}>
            <dt>{labelOf(k)}</dt>
            <dd>
              <RecordValue value={v} />
            </dd>
          </div>
        ))}
      </dl>
    )
  }
  if (typeof value === 'boolean') return <span>{value ? 'yes' : 'no'}</span>
  return <span>{String(value)}</span>
}
