import type { ReactNode } from 'react'

/**
 * The preview of a document written as plain text with a few Markdown habits: a blank line
 * starts a paragraph, `# ` a heading, `- ` or `* ` a list item, `**bold**` and `*italic*`.
 * ERAS takes plain text, so this shows how the text reads, not a formatted document; it builds
 * React elements (never HTML from the text), so nothing typed can run as markup.
 */
export function PlainPreview({ text, labelledBy }: { text: string; labelledBy: string }) {
  const blocks = keyed(text, /\n\s*\n/).filter((b) => b.text.trim().length > 0)
  return (
    <div className="materials-preview" aria-labelledby={labelledBy} role="region">
      {blocks.length === 0 ? (
        <p className="materials-preview-empty">Nothing written yet.</p>
      ) : (
        blocks.map((block) => <Block key={block.key} text={block.text} />)
      )}
    </div>
  )
}

/** The parts of a text between separators, each keyed by where it starts (a stable key as the text grows at the end). */
function keyed(text: string, separator: RegExp): { key: number; text: string }[] {
  const parts: { key: number; text: string }[] = []
  let at = 0
  for (const match of text.matchAll(new RegExp(separator.source, 'g'))) {
    const index = match.index ?? 0
    parts.push({ key: at, text: text.slice(at, index) })
    at = index + match[0].length
  }
  parts.push({ key: at, text: text.slice(at) })
  return parts
}

function Block({ text }: { text: string }) {
  const lines = keyed(text, /\n/)
  const heading = /^#{1,3}\s+(.*)$/.exec(text.trim())
  if (heading && lines.length === 1) return <h3>{inline(heading[1] ?? '')}</h3>
  if (lines.every((l) => /^\s*[-*]\s+/.test(l.text)))
    return (
      <ul>
        {lines.map((l) => (
          <li key={l.key}>{inline(l.text.replace(/^\s*[-*]\s+/, ''))}</li>
        ))}
      </ul>
    )
  return (
    <p>
      {lines.map((l) => (
        <span key={l.key}>
          {l.key > 0 ? <br /> : null}
          {inline(l.text)}
        </span>
      ))}
    </p>
  )
}

/** `**bold**` and `*italic*` within a line; anything else as typed. */
function inline(line: string): ReactNode[] {
  const parts: ReactNode[] = []
  const pattern = /\*\*([^*]+)\*\*|\*([^*]+)\*/g
  let at = 0
  for (const match of line.matchAll(pattern)) {
    const index = match.index ?? 0
    if (index > at) parts.push(line.slice(at, index))
    parts.push(match[1] !== undefined ? <strong key={index}>{match[1]}</strong> : <em key={index}>{match[2]}</em>)
    at = index + match[0].length
  }
  if (at < line.length) parts.push(line.slice(at))
  return parts
}
