import { describe, expect, it } from 'vitest'
import { makeDocx, zip } from '#tests/setup/docx.ts'
import { DOCX_MAX_INFLATED_BYTES, docxText, tidy } from './materials-docx.ts'

describe('docxText', () => {
  it('reads a Word file’s paragraphs a blank line apart, accents and curly quotes intact', async () => {
    const result = await docxText(makeDocx(['Why “surgery”?', 'José’s story — in Łódź.   ', '', 'End & more <tags>']))
    expect(result).toEqual({ ok: true, text: 'Why “surgery”?\n\nJosé’s story — in Łódź.\n\nEnd & more <tags>' })
  })

  it('judges by content: text, a PDF, a ZIP without a document, an old or protected Word file', async () => {
    expect(await docxText(new TextEncoder().encode('Just a text file named statement.docx'))).toEqual({ ok: false, problem: 'not-docx' })
    expect(await docxText(new TextEncoder().encode('%PDF-1.7\n'))).toEqual({ ok: false, problem: 'not-docx' })
    expect(await docxText(zip([['notes.txt', 'hello']]))).toEqual({ ok: false, problem: 'not-docx' })
    expect(await docxText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({ ok: false, problem: 'old-or-protected' })
    expect(await docxText(new Uint8Array())).toEqual({ ok: false, problem: 'not-docx' })
    const cut = makeDocx(['Hello'])
    expect((await docxText(cut.slice(0, cut.length - 30))).ok).toBe(false)
  })

  it('refuses a small file that inflates past the ceiling, before mammoth reads it', async () => {
    const bomb = makeDocx(['Hi'], { padInflatedBytes: DOCX_MAX_INFLATED_BYTES + 1024 })
    expect(bomb.length).toBeLessThan(200_000)
    expect(await docxText(bomb)).toEqual({ ok: false, problem: 'too-large-inside' })
  })

  it('tidies line ends, trailing spaces and runs of blank lines', () => {
    expect(tidy('a  \r\n\r\n\r\n\r\nb\t\n')).toBe('a\n\nb')
  })
})
