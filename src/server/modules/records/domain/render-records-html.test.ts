import { describe, expect, it } from 'vitest'
import type { RecordsExport } from '#shared/contracts/records.ts'
import { escapeHtml, labelOf, renderRecordsHtml } from './render-records-html.ts'

const records: RecordsExport = {
  student: { id: 's1', name: 'Ana <b>Bold</b>', email: 'ana@example.edu' },
  generatedAt: '2026-12-06T08:00:00.000Z',
  sections: [
    {
      key: 'community',
      title: 'Community',
      description: 'Questions & answers.',
      items: [{ title: '<script>alert("x")</script>', tags: ['a', "b'c"], anonymous: false, nested: { answeredAt: null } }],
    },
    { key: 'events', title: 'Events', description: 'Events.', items: [] },
  ],
  notIncluded: [{ what: 'sessions', why: 'Security <data>.' }],
}

describe('renderRecordsHtml', () => {
  const html = renderRecordsHtml(records)

  it('escapes every value, title and name', () => {
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>Bold</b>')
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    expect(html).toContain('b&#39;c')
    expect(html).toContain('Security &lt;data&gt;.')
  })

  it('loads nothing from elsewhere and runs no script', () => {
    expect(html).not.toMatch(/<script|src=|href=|@import|url\(/i)
  })

  it('says so when a part holds nothing, and labels fields in words', () => {
    expect(html).toContain('<h2>Events</h2>')
    expect(html).toContain('Nothing held.')
    expect(html).toContain('<dt>Answered at</dt><dd><span>—</span></dd>')
    expect(html).toContain('<dt>Anonymous</dt><dd>no</dd>')
  })
})

describe('labelOf and escapeHtml', () => {
  it.each([
    ['waivedRightOfAccess', 'Waived right of access'],
    ['directory-hold', 'Directory hold'],
    ['student_id', 'Student id'],
  ])('%s → %s', (key, label) => expect(labelOf(key)).toBe(label))

  it('escapes the five characters HTML gives meaning to', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
