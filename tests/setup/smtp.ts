// An in-process SMTP server for tests that check the e-mail the app sends. Point the app's
// nodemailer transport at `127.0.0.1:<port>` with `ignoreTLS: true` (and no auth).
import { SMTPServer } from 'smtp-server'

export interface ParsedMessage {
  /** Envelope sender (MAIL FROM). */
  envelopeFrom: string | null
  /** Envelope recipients (RCPT TO), which include Bcc recipients absent from the headers. */
  envelopeTo: string[]
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>
  from: string
  to: string
  subject: string
  /** The text/plain body (the first text/plain part of a multipart message), decoded. */
  text: string
  /** The text/html body, decoded, when there is one. */
  html: string | null
  raw: string
}

export interface TestSmtpServer {
  port: number
  messages: ParsedMessage[]
  /** Resolves with the first message, already received or arriving later, that matches. */
  waitForMessage(predicate?: (message: ParsedMessage) => boolean, timeoutMs?: number): Promise<ParsedMessage>
  close(): Promise<void>
}

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMessage[] = []
  const waiters = new Set<(message: ParsedMessage) => void>()

  const server = new SMTPServer({
    // Plain SMTP on localhost: no certificates to manage, and no credentials to configure.
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', callback)
      stream.on('end', () => {
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null
        const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address)
        const message = parseMessage(Buffer.concat(chunks).toString('utf8'), envelopeFrom, envelopeTo)
        messages.push(message)
        for (const waiter of [...waiters]) waiter(message)
        callback()
      })
    },
  })

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address()
      if (address && typeof address === 'object') resolve(address.port)
      else reject(new Error('SMTP test server: no port'))
    })
  })

  return {
    port,
    messages,
    waitForMessage(predicate = () => true, timeoutMs = 5_000) {
      const existing = messages.find(predicate)
      if (existing) return Promise.resolve(existing)
      return new Promise((resolve, reject) => {
        const waiter = (message: ParsedMessage) => {
          if (!predicate(message)) return
          clearTimeout(timer)
          waiters.delete(waiter)
          resolve(message)
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          const seen = messages.map((m) => `  to ${m.to || m.envelopeTo.join(', ')}: ${m.subject}`).join('\n')
          reject(new Error(`no matching e-mail within ${timeoutMs} ms; received ${messages.length}${seen ? `:\n${seen}` : ''}`))
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

// ---------------------------------------------------------------------------------------------
// Minimal MIME parsing: enough for what nodemailer produces (headers, encoded words,
// quoted-printable or base64 bodies, multipart/alternative and multipart/mixed).

interface Part {
  headers: Record<string, string>
  body: string
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n')
  const end = normalized.indexOf('\n\n')
  const head = end === -1 ? normalized : normalized.slice(0, end)
  const body = end === -1 ? '' : normalized.slice(end + 2)
  const headers: Record<string, string> = {}
  // Continuation lines start with whitespace and belong to the header above them.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body }
}

function decodeCharset(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes)
  } catch {
    return bytes.toString('utf8')
  }
}

function quotedPrintableBytes(text: string, inHeader = false): Buffer {
  const source = inHeader ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < source.length; i++) {
    const hex = source.slice(i + 1, i + 3)
    if (source[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(source[i] ?? '', 'utf8'))
    }
  }
  return Buffer.from(bytes)
}

/** RFC 2047 encoded words, e.g. `=?UTF-8?Q?R=C3=A9sum=C3=A9?=`. */
export function decodeHeader(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) =>
      decodeCharset(encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintableBytes(text, true), charset),
    )
}

function param(headerValue: string | undefined, name: string): string | null {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(headerValue ?? '')
  return match ? (match[1] ?? match[2] ?? null) : null
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase()
  const charset = param(part.headers['content-type'], 'charset') ?? 'utf-8'
  if (encoding === 'base64') return decodeCharset(Buffer.from(part.body.replace(/\s+/g, ''), 'base64'), charset)
  if (encoding === 'quoted-printable') return decodeCharset(quotedPrintableBytes(part.body), charset)
  return part.body
}

/** Leaf parts of a (possibly nested) multipart body, in order. */
function leaves(part: Part): Part[] {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase()
  const boundary = param(part.headers['content-type'], 'boundary')
  if (!type.startsWith('multipart/') || !boundary) return [part]
  const sections = part.body.split(`--${boundary}`)
  // sections[0] is the preamble; the last section starts with `--` (the closing delimiter). The
  // line break before each delimiter belongs to the delimiter, not to the part.
  return sections
    .slice(1)
    .filter((section) => !section.startsWith('--'))
    .flatMap((section) => leaves(splitPart(section.replace(/^\n/, '').replace(/\n$/, ''))))
}

function parseMessage(raw: string, envelopeFrom: string | null, envelopeTo: string[]): ParsedMessage {
  const top = splitPart(raw)
  // The final line break of a single-part message ends the SMTP data, not the body.
  if (!(top.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/')) top.body = top.body.replace(/\n$/, '')
  const parts = leaves(top)
  const ofType = (type: string) => parts.find((part) => (part.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type))
  const textPart = ofType('text/plain')
  const htmlPart = ofType('text/html')
  const headers = Object.fromEntries(Object.entries(top.headers).map(([name, value]) => [name, decodeHeader(value)]))
  return {
    envelopeFrom,
    envelopeTo,
    headers,
    from: headers.from ?? '',
    to: headers.to ?? '',
    subject: headers.subject ?? '',
    text: textPart ? decodeBody(textPart) : '',
    html: htmlPart ? decodeBody(htmlPart) : null,
    raw,
  }
}
