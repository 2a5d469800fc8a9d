import { describe, expect, it } from 'vitest'
import { inlineRuns, pdfBlocks } from './pdf-blocks.ts'
import { pdfFileName } from './pdf-file-name.ts'

describe('pdfBlocks', () => {
  it('reads headings, lists and paragraphs as the preview does', () => {
    const blocks = pdfBlocks('# Why surgery\n\nI *first* held a **retractor**.\nThen more.\r\n\r\n- one\n* two')
    expect(blocks).toEqual([
      { kind: 'heading', runs: [{ text: 'Why surgery', bold: false, italic: false }] },
      {
        kind: 'paragraph',
        lines: [
          [
            { text: 'I ', bold: false, italic: false },
            { text: 'first', bold: false, italic: true },
            { text: ' held a ', bold: false, italic: false },
            { text: 'retractor', bold: true, italic: false },
            { text: '.', bold: false, italic: false },
          ],
          [{ text: 'Then more.', bold: false, italic: false }],
        ],
      },
      { kind: 'list', items: [[{ text: 'one', bold: false, italic: false }], [{ text: 'two', bold: false, italic: false }]] },
    ])
  })

  it('keeps every character that is not a marker, and an empty line as one empty run', () => {
    expect(
      inlineRuns('5 * 3 = 15, “naïve” café')
        .map((r) => r.text)
        .join(''),
    ).toBe('5 * 3 = 15, “naïve” café')
    expect(inlineRuns('')).toEqual([{ text: '', bold: false, italic: false }])
    expect(pdfBlocks('\n\n  \n')).toEqual([])
  })
})

describe('pdfFileName', () => {
  it('folds names to safe ASCII and never lets header characters through', () => {
    expect(pdfFileName('Zoë Müller', 'Personal statement — “Surgery”', 3)).toBe('zoe-muller-personal-statement-surgery-v3.pdf')
    expect(pdfFileName('a"; filename=evil.exe\r\n', '../../etc/passwd', 1)).toBe('a-filename-evil-exe-etc-passwd-v1.pdf')
    expect(pdfFileName('李', '', 2)).toBe('document-v2.pdf')
    expect(pdfFileName('x'.repeat(200), 'y', 1).length).toBeLessThanOrEqual(90)
  })
})
