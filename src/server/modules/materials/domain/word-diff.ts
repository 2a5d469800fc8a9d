export type DiffOp = 'equal' | 'insert' | 'delete'
export type DiffSegment = { op: DiffOp; text: string }

/** Words, runs of white space, and each punctuation mark on its own: the units a reader sees change. */
const TOKEN = /\s+|[\p{L}\p{N}\p{M}'’-]+|[^\s\p{L}\p{N}\p{M}'’-]/gu

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? []
}

/**
 * Past this many word edits between two versions the diff stops looking for the shortest
 * script and shows the rest of the middle as deleted then inserted. Two drafts that different
 * are a rewrite; the bound keeps the time linear in the text (Myers' algorithm costs
 * O((N + M) · D) for D edits).
 */
export const MAX_EDITS = 2000

/**
 * A word-level comparison of two texts: the segments, in order, that are the same in both,
 * only in the older (`delete`) or only in the newer (`insert`). Joining the `equal` and `delete`
 * segments gives the older text back exactly, and `equal` and `insert` the newer one.
 *
 * Myers, "An O(ND) difference algorithm and its variations", Algorithmica 1 (1986), over word
 * tokens, after the common beginning and end are set aside. Written here rather than taken from
 * a package: it is one function with property tests, and the segments come out in the shape the
 * page needs (docs/decisions/016-application-materials-editor-and-diff.md).
 */
export function diffWords(older: string, newer: string): DiffSegment[] {
  const a = tokenize(older)
  const b = tokenize(newer)
  let prefix = 0
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++
  let suffix = 0
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++
  const out: DiffSegment[] = []
  push(out, 'equal', a.slice(0, prefix))
  middle(a.slice(prefix, a.length - suffix), b.slice(prefix, b.length - suffix), out)
  push(out, 'equal', a.slice(a.length - suffix))
  return readable(out)
}

/**
 * Two changed words with one space between them read as one change, not as "delete, keep a
 * space, delete": a run of white space alone between changes is folded into them, and each
 * run of changes becomes one deletion followed by one insertion. Both texts still come back
 * exactly.
 */
function readable(segments: readonly DiffSegment[]): DiffSegment[] {
  const out: DiffSegment[] = []
  let deleted = ''
  let inserted = ''
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted })
    if (inserted) out.push({ op: 'insert', text: inserted })
    deleted = ''
    inserted = ''
  }
  segments.forEach((segment, i) => {
    const between = i > 0 && i < segments.length - 1 && segment.op === 'equal' && /^\s+$/.test(segment.text)
    if (segment.op === 'equal' && !between) {
      flush()
      out.push({ ...segment })
    } else if (segment.op === 'equal') {
      deleted += segment.text
      inserted += segment.text
    } else if (segment.op === 'delete') deleted += segment.text
    else inserted += segment.text
  })
  flush()
  return out
}

function push(out: DiffSegment[], op: DiffOp, tokens: readonly string[]) {
  if (tokens.length === 0) return
  const text = tokens.join('')
  const last = out[out.length - 1]
  if (last && last.op === op) last.text += text
  else out.push({ op, text })
}

/** Myers' greedy forward search with the frontier of each step kept for the walk back. */
function middle(a: readonly string[], b: readonly string[], out: DiffSegment[]) {
  const n = a.length
  const m = b.length
  if (n === 0 || m === 0) {
    push(out, 'delete', a)
    push(out, 'insert', b)
    return
  }
  const max = Math.min(n + m, MAX_EDITS)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = -1
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2))
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = d
        break
      }
    }
  }
  if (found < 0) {
    // A rewrite: more than MAX_EDITS word edits. Show the middle as replaced whole.
    push(out, 'delete', a)
    push(out, 'insert', b)
    return
  }
  // Walk back from (n, m) through each step's frontier, collecting the moves in reverse.
  const moves: { op: DiffOp; token: string }[] = []
  let x = n
  let y = m
  for (let d = found; d > 0; d--) {
    const frontier = trace[d] ?? new Int32Array(0)
    // `frontier` holds v[-d-1 .. d+1] as it was before step d, i.e. the result of step d - 1.
    const at = (k: number) => frontier[k + d + 1] ?? 0
    const k = x - y
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1))
    const prevK = down ? k + 1 : k - 1
    const prevX = at(prevK)
    const prevY = prevX - prevK
    while (x > prevX + (down ? 0 : 1) && y > prevY + (down ? 1 : 0)) {
      x--
      y--
      moves.push({ op: 'equal', token: a[x] ?? '' })
    }
    if (down) {
      y--
      moves.push({ op: 'insert', token: b[y] ?? '' })
    } else {
      x--
      moves.push({ op: 'delete', token: a[x] ?? '' })
    }
  }
  while (x > 0 && y > 0) {
    x--
    y--
    moves.push({ op: 'equal', token: a[x] ?? '' })
  }
  for (let i = moves.length - 1; i >= 0; i--) {
    const move = moves[i]
    if (move) push(out, move.op, [move.token])
  }
}

/** How many characters were inserted and deleted, for the page's summary. */
export function diffTotals(segments: readonly DiffSegment[]): { inserted: number; deleted: number } {
  let inserted = 0
  let deleted = 0
  for (const s of segments) {
    if (s.op === 'insert') inserted += s.text.length
    if (s.op === 'delete') deleted += s.text.length
  }
  return { inserted, deleted }
}
