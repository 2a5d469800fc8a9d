import { reanchor, type Reanchored } from './reanchor.ts'

export type VersionText = { id: string; number: number; body: string }
export type ThreadAnchor = { id: string; versionId: string; start: number; end: number; quote: string }

/**
 * Where each thread sits in version `target`: a thread made on an earlier version is carried
 * forward one version at a time (each edit is small, so each step finds its words again or
 * marks it outdated). An outdated thread keeps looking for its words from where it last was, so
 * words that come back in a later version find their comment again. Threads made on versions
 * after `target` are not returned; every other thread is returned exactly once.
 */
export function anchorAcrossVersions(versions: readonly VersionText[], threads: readonly ThreadAnchor[], target: number): Map<string, Reanchored> {
  const ordered = [...versions].sort((a, b) => a.number - b.number)
  const numberOf = new Map(ordered.map((v) => [v.id, v.number]))
  const result = new Map<string, Reanchored>()
  // Where each live thread was last seen: its range and whether it was found there.
  const current = new Map<string, { start: number; end: number; quote: string; outdated: boolean }>()
  let previous: VersionText | undefined
  for (const version of ordered) {
    if (version.number > target) break
    if (previous && current.size > 0) {
      const moved = reanchor(
        [...current.entries()].map(([id, c]) => ({ id, start: c.start, end: c.end, quote: c.quote })),
        previous.body,
        version.body,
      )
      for (const m of moved) {
        const c = current.get(m.id)
        if (!c) continue
        current.set(m.id, m.anchor ? { ...c, ...m.anchor, outdated: false } : { ...c, outdated: true })
      }
    }
    for (const t of threads)
      if (numberOf.get(t.versionId) === version.number) current.set(t.id, { start: t.start, end: t.end, quote: t.quote, outdated: false })
    previous = version
  }
  for (const [id, c] of current) result.set(id, { id, anchor: c.outdated ? null : { start: c.start, end: c.end }, outdated: c.outdated })
  return result
}
