import { describe, expect, it } from 'vitest'
import { forgedPdf, makePdf, makePng, truncatedPdf } from '#tests/setup/pdf.ts'
import { checkPdf } from './pdf.ts'

const MB = 1024 * 1024

describe('checkPdf', () => {
  it.each([
    ['a minimal PDF 1.7', makePdf()],
    ['a PDF 1.4', makePdf({ version: '1.4' })],
    ['a PDF 2.0', makePdf({ version: '2.0' })],
    ['a PDF with text that mentions Encrypt in prose', makePdf({ text: 'Encrypt nothing, said the dean' })],
  ])('accepts %s', (_label, bytes) => {
    expect(checkPdf(bytes, 10 * MB)).toBeNull()
  })

  it.each([
    ['an empty file', new Uint8Array(), 'VALIDATION_FAILED', /empty/],
    ['a PNG renamed to .pdf', makePng(), 'UNSUPPORTED_MEDIA_TYPE', /PNG image, not a PDF/],
    ['a JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'UNSUPPORTED_MEDIA_TYPE', /JPEG/],
    ['a Word document', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'UNSUPPORTED_MEDIA_TYPE', /Word/],
    ['plain text', new Uint8Array(Buffer.from('Dear committee,')), 'UNSUPPORTED_MEDIA_TYPE', /not a PDF/],
    [
      'a header in the wrong place',
      new Uint8Array(Buffer.from(` ${Buffer.from(makePdf()).toString('latin1')}`, 'latin1')),
      'UNSUPPORTED_MEDIA_TYPE',
      /not a PDF/,
    ],
    ['a truncated PDF', truncatedPdf(), 'VALIDATION_FAILED', /incomplete/],
    ['a forged PDF without a cross-reference table', forgedPdf(), 'VALIDATION_FAILED', /damaged/],
    ['an encrypted PDF', makePdf({ encrypted: true }), 'VALIDATION_FAILED', /password-protected or encrypted/],
  ])('refuses %s', (_label, bytes, code, message) => {
    const problem = checkPdf(bytes, 10 * MB)
    expect(problem?.code).toBe(code)
    expect(problem?.message).toMatch(message)
  })

  it('refuses a file over the limit and accepts one just under it', () => {
    const big = makePdf({ paddingBytes: MB })
    expect(checkPdf(big, MB)?.code).toBe('PAYLOAD_TOO_LARGE')
    expect(checkPdf(big, big.length)).toBeNull()
  })

  it('finds %%EOF only near the end: a marker buried early does not count', () => {
    const whole = Buffer.from(makePdf())
      .toString('latin1')
      .replace(/%%EOF\n$/, '')
    const buried = new Uint8Array(Buffer.from(`${whole.replace('%PDF-1.7\n', '%PDF-1.7\n%%EOF\n')}%${'x'.repeat(2000)}\n`, 'latin1'))
    expect(checkPdf(buried, 10 * MB)?.message).toMatch(/incomplete/)
  })
})
