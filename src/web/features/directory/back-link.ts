/**
 * Where a mentor's page sends "Back": the page a link to it came from, carried in the link's
 * router state (`state={backState(...)}`), so the directory's search keeps its words and filters
 * and "Mentors for you" gets its own list back.
 */
export type BackTo = { to: string; label: string }

export function backState(to: string, label: string): { back: BackTo } {
  return { back: { to, label } }
}

export function backFromState(state: unknown): BackTo | null {
  const back = (state as { back?: Partial<BackTo> } | null)?.back
  return back && typeof back.to === 'string' && back.to.startsWith('/') && typeof back.label === 'string' ? { to: back.to, label: back.label } : null
}
