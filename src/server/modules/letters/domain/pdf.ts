/**
 * A PDF judged by its content, never by its name or declared type: the header `%PDF-1.x` or
 * `%PDF-2.0` at the very start, `startxref` and `%%EOF` in the last kilobyte (ISO 32000-1 §7.5),
 * and no encryption dictionary (`/Encrypt`, §7.6), since an encrypted letter could not be read
 * by the people it is for.
 */

export type PdfProblem = {
  code: 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE'
  message: string
}

const TAIL_BYTES = 1024

function latin1(bytes: Uint8Array, from = 0, to = bytes.length): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, to - from)).toString('latin1')
}

function sniffOtherType(bytes: Uint8Array): string | null {
  const at = (i: number) => bytes[i] ?? -1
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'a PNG image'
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'a JPEG image'
  if (at(0) === 0x50 && at(1) === 0x4b && at(2) === 0x03 && at(3) === 0x04) return 'a Word document or another zip file'
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) return 'an old Word document'
  return null
}

/** Null when the bytes are an acceptable PDF; otherwise what is wrong, in words a person can act on. */
export function checkPdf(bytes: Uint8Array, maxBytes: number): PdfProblem | null {
  if (bytes.byteLength === 0) return { code: 'VALIDATION_FAILED', message: 'The file is empty. Choose a PDF file.' }
  if (bytes.byteLength > maxBytes) {
    return {
      code: 'PAYLOAD_TOO_LARGE',
      message: `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB. Reduce its size (for example, print it to PDF again) and try once more.`,
    }
  }
  if (!/^%PDF-(1\.[0-7]|2\.0)/.test(latin1(bytes, 0, Math.min(bytes.length, 16)))) {
    const other = sniffOtherType(bytes)
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: other
        ? `This file is ${other}, not a PDF. Save or export it as a PDF and upload that.`
        : 'This file is not a PDF. Save or export it as a PDF and upload that.',
    }
  }
  const tail = latin1(bytes, Math.max(0, bytes.length - TAIL_BYTES))
  if (!tail.includes('%%EOF')) {
    return {
      code: 'VALIDATION_FAILED',
      message: 'This PDF is incomplete (it has no end-of-file marker); it may have been cut off. Export it again and upload the new file.',
    }
  }
  if (!/startxref\s+\d+/.test(tail)) {
    return { code: 'VALIDATION_FAILED', message: 'This PDF is damaged (its cross-reference table is missing). Export it again and upload the new file.' }
  }
  if (/\/Encrypt[\s/<[(\d]/.test(latin1(bytes))) {
    return {
      code: 'VALIDATION_FAILED',
      message: 'This PDF is password-protected or encrypted. Save a copy without a password or restrictions and upload that.',
    }
  }
  return null
}
