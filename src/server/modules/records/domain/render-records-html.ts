import type { RecordsExport } from '#shared/contracts/records.ts'

/**
 * A student's records as one self-contained HTML page to read, print or save as PDF from the
 * browser. Pure: the export in, text out. Every value is escaped; nothing is loaded from
 * elsewhere (no scripts, no images), so the file opens the same offline years later.
 */
export function renderRecordsHtml(records: RecordsExport): string {
  const sections = records.sections
    .map(
      (s) => `<section>
<h2>${escapeHtml(s.title)}</h2>
<p class="about">${escapeHtml(s.description)}</p>
${s.items.length === 0 ? '<p>Nothing held.</p>' : s.items.map((item) => `<div class="item">${renderValue(item)}</div>`).join('\n')}
</section>`,
    )
    .join('\n')
  const notIncluded = records.notIncluded.map((n) => `<li><strong>${escapeHtml(n.what)}</strong>: ${escapeHtml(n.why)}</li>`).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Records of ${escapeHtml(records.student.name)}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #999; margin-top: 2rem; }
dl { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .25rem 1rem; margin: .25rem 0; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.item { border: 1px solid #ccc; border-radius: 4px; padding: .5rem .75rem; margin: .5rem 0; break-inside: avoid; }
@media (max-width: 40rem) { dl { grid-template-columns: 1fr; } dd { margin-bottom: .5rem; } }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>Records of ${escapeHtml(records.student.name)}</h1>
<p>Everything the school holds about ${escapeHtml(records.student.name)} (${escapeHtml(records.student.email)}), as of ${escapeHtml(records.generatedAt)} (UTC).</p>
${sections}
<section>
<h2>Not included, and why</h2>
<ul>
${notIncluded}
</ul>
</section>
</body>
</html>
`
}

function renderValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '<span>—</span>'
  if (Array.isArray(value)) {
    if (value.length === 0) return '<span>none</span>'
    return `<ul>${value.map((v) => `<li>${renderValue(v)}</li>`).join('')}</ul>`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
    return `<dl>${entries.map(([k, v]) => `<dt>${escapeHtml(labelOf(k))}</dt><dd>${renderValue(v)}</dd>`).join('')}</dl>`
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return escapeHtml(String(value))
}

/** `waivedRightOfAccess` → "Waived right of access". */
export function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replaceAll(/[-_]/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;')
}
