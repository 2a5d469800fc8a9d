/**
 * A document's text as blocks for a printed page, read with the same few Markdown habits the
 * editor's preview shows (`web/features/materials/plain-preview.tsx`): a blank line starts a
 * paragraph, `# ` a heading, lines all starting `- ` or `* ` a list, `**bold**` and `*italic*`.
 * Pure, so the PDF writer only lays out what this returns.
 */

export type Run = { text: string; bold: boolean; italic: boolean }
export type Block = { kind: 'heading'; runs: Run[] } | { kind: 'paragraph'; lines: Run[][] } | { kind: 'list'; items: Run[][] }

const LIST_ITEM = /^\s*[-*]\s+/

export function pdfBlocks(text: string): Block[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .filter((b) => b.trim().length > 0)
    .map((block): Block => {
      const lines = block.split('\n')
      const heading = /^#{1,3}\s+(.*)$/.exec(block.trim())
      if (heading && lines.length === 1) return { kind: 'heading', runs: inlineRuns(heading[1] ?? '') }
      if (lines.every((l) => LIST_ITEM.test(l))) return { kind: 'list', items: lines.map((l) => inlineRuns(l.replace(LIST_ITEM, ''))) }
      return { kind: 'paragraph', lines: lines.map(inlineRuns) }
    })
}

/** `**bold**` and `*italic*` within a line, their markers dropped; anything else as typed. */
export function inlineRuns(line: string): Run[] {
  const runs: Run[] = []
  let at = 0
  for (const match of line.matchAll(/\*\*([^*]+)\*\*|\*([^*]+)\*/g)) {
    const index = match.index ?? 0
    if (index > at) runs.push({ text: line.slice(at, index), bold: false, italic: false })
    runs.push(match[1] !== undefined ? { text: match[1], bold: true, italic: false } : { text: match[2] ?? '', bold: false, italic: true })
    at = index + match[0].length
  }
  if (at < line.length || runs.length === 0) runs.push({ text: line.slice(at), bold: false, italic: false })
  return runs
}
