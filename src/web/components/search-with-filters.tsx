import { useId, useState, type FormEvent, type ReactNode } from 'react'

/**
 * The search box above a list that people narrow with filters (mentors, opportunities): one
 * labelled field and its button, submitted together.
 */
export function SearchForm({
  id,
  name,
  label,
  value,
  placeholder,
  onChange,
  onSubmit,
}: {
  id: string
  /** What is searched, for the search landmark ("Mentors"). */
  name: string
  label: string
  value: string
  placeholder: string
  onChange: (value: string) => void
  onSubmit: (event: FormEvent) => void
}) {
  return (
    <form role="search" aria-label={name} className="directory-search" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <div className="directory-search-row">
        <input id={id} type="search" value={value} maxLength={200} onChange={(e) => onChange(e.currentTarget.value)} placeholder={placeholder} />
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </form>
  )
}

/**
 * The filters beside the results: always open on a wide screen, folded behind "Show filters (n)"
 * on a phone so the results come first.
 */
export function FilterPanel({ filterCount, children }: { filterCount: number; children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const panelId = useId()
  return (
    <section className={`directory-filters${open ? ' directory-filters-open' : ''}`} aria-labelledby={`${panelId}-title`}>
      <div className="directory-filters-header">
        <h2 id={`${panelId}-title`} className="directory-filters-title">
          Filters
        </h2>
        <button
          type="button"
          className="button button-secondary button-small directory-filters-toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((wasOpen) => !wasOpen)}
        >
          {open ? 'Hide filters' : `Show filters${filterCount > 0 ? ` (${filterCount})` : ''}`}
        </button>
      </div>
      <div id={panelId} className="directory-filters-body">
        {children}
      </div>
    </section>
  )
}
