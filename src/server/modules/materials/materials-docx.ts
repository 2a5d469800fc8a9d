import { inflateRawSync } from 'node:zlib'
import mammoth from 'mammoth'

/**
 * A Word file (.docx) read as a starting text (decision 028). The file is judged by its bytes,
 * not its name or Content-Type: a DOCX is a ZIP holding `word/document.xml`. Before mammoth
 * reads it, every entry is inflated here with a ceiling on what it may grow to, because a ZIP's
 * declared sizes can lie and a 5 MB file can inflate to gigabytes; mammoth would inflate it all.
 * Then mammoth's raw-text extraction gives the paragraphs, a blank line between each, which is
 * how the editor writes paragraphs too. Headings, lists and emphasis are not carried over: the
 * text is a start, and ERAS takes plain text.
 */

/** What the file's contents may inflate to, all entries together: a long CV with its styles and fonts is a few MB. */
export const DOCX_MAX_INFLATED_BYTES = 64 * 1024 * 1024

export type DocxProblem = 'not-docx' | 'old-or-protected' | 'too-large-inside' | 'unreadable'

export type DocxText = { ok: true; text: string } | { ok: false; problem: DocxProblem }

const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0

/** Word 97–2003 files and password-protected DOCX files are both OLE compound files, not ZIPs. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

type Entry = { name: string; method: number; flags: number; compressedSize: number; localOffset: number }

/** The ZIP's central directory, or null when the bytes are not a ZIP we can read. */
function centralDirectory(bytes: Uint8Array): Entry[] | null {
  if (u32(bytes, 0) !== 0x04034b50) return null
  let eocd = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      eocd = at
      break
    }
  }
  if (eocd < 0) return null
  const count = u16(bytes, eocd + 10)
  let at = u32(bytes, eocd + 16)
  const entries: Entry[] = []
  const names = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null
    const nameLength = u16(bytes, at + 28)
    entries.push({
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      localOffset: u32(bytes, at + 42),
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    })
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32)
  }
  return entries
}

/** Inflates every entry within the budget; false when one is encrypted, of an unknown method, or grows past it. */
function inflatesWithin(bytes: Uint8Array, entries: readonly Entry[], budget: number): 'ok' | 'too-large-inside' | 'unreadable' {
  let left = budget
  for (const e of entries) {
    if (e.flags & 1) return 'unreadable'
    const local = e.localOffset
    if (u32(bytes, local) !== 0x04034b50) return 'unreadable'
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28)
    const data = bytes.subarray(start, start + e.compressedSize)
    if (e.method === 0) left -= data.length
    else if (e.method === 8) {
      try {
        left -= inflateRawSync(data, { maxOutputLength: Math.max(1, left) }).length
      } catch (error) {
        return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large-inside' : 'unreadable'
      }
    } else return 'unreadable'
    if (left < 0) return 'too-large-inside'
  }
  return 'ok'
}

export async function docxText(bytes: Uint8Array): Promise<DocxText> {
  if (OLE.every((byte, i) => bytes[i] === byte)) return { ok: false, problem: 'old-or-protected' }
  const entries = centralDirectory(bytes)
  if (!entries?.some((e) => e.name === 'word/document.xml')) return { ok: false, problem: 'not-docx' }
  const inflated = inflatesWithin(bytes, entries, DOCX_MAX_INFLATED_BYTES)
  if (inflated !== 'ok') return { ok: false, problem: inflated }
  try {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    return { ok: true, text: tidy(value) }
  } catch {
    return { ok: false, problem: 'unreadable' }
  }
}

/** Paragraphs a blank line apart (mammoth ends each with two line breaks), no trailing spaces, no runs of blank lines. */
export function tidy(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
