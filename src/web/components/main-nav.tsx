import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { NavLink, useLocation } from 'react-router'
import type { Role } from '#shared/enums.ts'
import { isInGroup, navFor, type NavEntry } from './nav-groups.ts'

/**
 * The main menu: a few groups, each a disclosure button (aria-expanded) over its links. At
 * desktop width one group opens at a time as a small panel; Escape, a click elsewhere, or focus
 * leaving the group closes it, and Escape puts focus back on its button. At phone width the same
 * groups are shown open, one under the other, inside the Menu.
 */
export function MainNav({ roles }: { roles: readonly Role[] }) {
  const location = useLocation()
  const [openGroup, setOpenGroup] = useState<string | null>(null)
  const navRef = useRef<HTMLElement>(null)
  const entries = navFor(roles)

  // biome-ignore lint/correctness/useExhaustiveDependencies: an open group closes when the page changes
  useEffect(() => setOpenGroup(null), [location.pathname])

  useEffect(() => {
    if (!openGroup) return
    const onPointerDown = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpenGroup(null)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [openGroup])

  return (
    <nav aria-label="Main" ref={navRef} className="main-nav">
      <ul className="nav-list">
        {entries.map((entry) => (
          <NavEntryItem
            key={entry.kind === 'link' ? entry.item.to : entry.id}
            entry={entry}
            pathname={location.pathname}
            open={entry.kind === 'group' && openGroup === entry.id}
            onToggle={(id) => setOpenGroup((current) => (current === id ? null : id))}
            onClose={() => setOpenGroup(null)}
          />
        ))}
        <li className="nav-item-end">
          <NavLink to="/profile" end className="nav-link">
            My profile
          </NavLink>
        </li>
      </ul>
    </nav>
  )
}

type EntryProps = { entry: NavEntry; pathname: string; open: boolean; onToggle: (id: string) => void; onClose: () => void }

function NavEntryItem({ entry, pathname, open, onToggle, onClose }: EntryProps) {
  const button = useRef<HTMLButtonElement>(null)
  // A group holding a single link is that link: a menu of one is a click for nothing.
  const single = entry.kind === 'link' ? entry.item : entry.items.length === 1 ? entry.items[0] : undefined
  if (single) {
    return (
      <li>
        <NavLink to={single.to} end={single.end ?? false} className="nav-link">
          {single.label}
        </NavLink>
      </li>
    )
  }
  if (entry.kind !== 'group') return null
  const panelId = `nav-group-${entry.id}`
  const current = isInGroup(pathname, entry.items)

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.key === 'Escape' && open) {
      // Only this panel closes; the phone Menu around it stays open.
      event.stopPropagation()
      onClose()
      button.current?.focus()
    }
  }

  return (
    <li
      className={`nav-group${open ? ' is-open' : ''}`}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (open && !event.currentTarget.contains(event.relatedTarget as Node | null)) onClose()
      }}
    >
      <span className="nav-group-label" aria-hidden="true">
        {entry.label}
      </span>
      <button
        ref={button}
        type="button"
        className={`nav-link nav-group-button${current ? ' is-current' : ''}`}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => onToggle(entry.id)}
      >
        {entry.label}
        {current ? <span className="visually-hidden"> (current section)</span> : null}
        <span className="nav-caret" aria-hidden="true" />
      </button>
      <ul id={panelId} className="nav-group-panel" aria-label={entry.label}>
        {entry.items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end ?? false} className="nav-link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  )
}
