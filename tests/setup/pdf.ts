/**
 * Real, minimal PDFs for tests (ISO 32000-1 §7.5: header, objects, cross-reference table with
 * exact byte offsets, trailer, startxref, %%EOF), and the broken files the upload checks refuse.
 */

export type PdfOptions = {
  /** Text drawn on the page. */
  text?: string
  /** Adds an /Encrypt entry to the trailer, as a password-protected file has. */
  encrypted?: boolean
  /** Extra bytes of padding in a comment, to make large files. */
  paddingBytes?: number
  version?: string
}

export function makePdf(options: PdfOptions = {}): Uint8Array {
  const text = (options.text ?? 'Letter of recommendation').replace(/[\\()]/g, (c) => `\\${c}`)
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  if (options.encrypted) objects.push('<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1028 /O <00> /U <00> >>')
  let body = `%PDF-${options.version ?? '1.7'}\n%\xe2\xe3\xcf\xd3\n`
  if (options.paddingBytes) body += `%${'x'.repeat(options.paddingBytes)}\n`
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'))
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xrefAt = Buffer.byteLength(body, 'latin1')
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`
  const encrypt = options.encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<01> <01>]` : ''
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return new Uint8Array(Buffer.from(body, 'latin1'))
}

/** A PNG image's first bytes, as a file renamed to `.pdf` would have. */
export function makePng(): Uint8Array {
  return new Uint8Array([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
  ])
}

/** A PDF cut off halfway, as an interrupted upload leaves it. */
export function truncatedPdf(): Uint8Array {
  const whole = makePdf()
  return whole.subarray(0, Math.floor(whole.length / 2))
}

/** Text that starts like a PDF and ends like one, with nothing in between that a reader could use. */
export function forgedPdf(): Uint8Array {
  return new Uint8Array(Buffer.from('%PDF-1.4\nthis is not really a pdf\n%%EOF\n', 'latin1'))
}
