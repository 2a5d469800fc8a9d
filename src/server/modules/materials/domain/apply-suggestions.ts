import type { TextRange } from './text-range.ts'

export type Replacement = TextRange & { id: string; text: string }

export type ApplyResult = { ok: true; text: string } | { ok: false; overlapping: [string, string] }

/**
 * The text with each replacement put in place of its range. Ranges refer to the same original
 * text; two that overlap cannot both be applied (which words would win is the student's choice),
 * so the pair is returned instead. Touching ranges (one ends where the next starts) are fine.
 */
export function applyReplacements(text: string, replacements: readonly Replacement[]): ApplyResult {
  const sorted = [...replacements].sort((a, b) => a.start - b.start || a.end - b.end)
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]
    const current = sorted[i]
    if (before && current && current.start < before.end) return { ok: false, overlapping: [before.id, current.id] }
  }
  let out = ''
  let at = 0
  for (const r of sorted) {
    out += text.slice(at, r.start) + r.text
    at = r.end
  }
  return { ok: true, text: out + text.slice(at) }
}
