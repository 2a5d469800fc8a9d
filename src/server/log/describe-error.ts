/**
 * What the server may write about an unexpected error: its class, its code (a PostgreSQL
 * SQLSTATE, a Node errno name) and where in the code it happened — never its message.
 *
 * Messages carry data. A failed query's error reads "Failed query: … params: <every value>",
 * PostgreSQL's own detail says "Key (email)=(…) already exists", and a parser quotes the text it
 * choked on; any of them can hold a private note, a letter or file bytes. So the log gets the
 * shape of the failure, and the stack frames (file and line only) to find it; the request id in
 * the line lets an operator match it to the person who saw the error.
 */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  // Follow `cause` a few levels: the driver's error (with the SQLSTATE) is usually the cause of
  // the query builder's.
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    parts.push(depth === 0 ? nameAndCode(current) : `caused by ${nameAndCode(current)}`)
    current = typeof current === 'object' ? (current as { cause?: unknown }).cause : undefined
  }
  const frames = stackFrames(error)
  return frames.length > 0 ? `${parts.join(' ')}\n${frames.join('\n')}` : parts.join(' ')
}

function nameAndCode(error: unknown): string {
  if (typeof error !== 'object') return typeof error
  const name = error instanceof Error ? error.name || error.constructor.name : ((error as object).constructor?.name ?? 'object')
  const code = (error as { code?: unknown }).code
  // Only short identifier-like codes: a code field is not a place for data, but make sure.
  return typeof code === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(code) ? `${name} (code ${code})` : name
}

/** The "at …" lines of a stack: code locations, without the message line(s) above them. */
function stackFrames(error: unknown): string[] {
  if (!(error instanceof Error) || typeof error.stack !== 'string') return []
  // V8 starts the stack with `${name}: ${message}`; cut everything up to the end of the message
  // first, so a message with line breaks that look like frames cannot sneak through.
  const end = error.message === '' ? 0 : error.stack.indexOf(error.message)
  const frames = end < 0 ? '' : error.stack.slice(end + error.message.length)
  return frames
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .map((line) => `    ${line.trim()}`)
}

/** The one way the server reports an error it did not expect: one line of context, then the shape. */
export function logUnexpectedError(context: string, error: unknown): void {
  console.error(`preceptor: ${context}: ${describeError(error)}`)
}
