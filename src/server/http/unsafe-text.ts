import type { MiddlewareHandler } from 'hono'
import { isWellFormedText, MALFORMED_MESSAGE } from '#shared/contracts/common.ts'
import { AppError, type FieldErrors } from '#shared/errors.ts'
import type { AppEnv } from './app-env.ts'

/**
 * Text no field may hold, whatever its schema: NUL (PostgreSQL cannot store it in text and the
 * query fails) and lone surrogates (not valid Unicode, so not valid UTF-8 either). Checked once
 * here, for the path, the query and the JSON body of every route, so a route whose schema says
 * only `z.string()` is covered too; the contracts' text primitives refuse the same and more.
 */

const NUL_MESSAGE = 'Remove the NUL character (\\u0000) from this text.'

function problemWith(text: string): string | null {
  if (text.includes('\u0000')) return NUL_MESSAGE
  if (!isWellFormedText(text)) return MALFORMED_MESSAGE
  return null
}

/** A key that is itself bad is named with its bad characters replaced, so the answer can be shown. */
const printable = (key: string) => key.replace(/\u0000/g, '\\u0000').replace(/[\ud800-\udfff]/g, '\ufffd')

/**
 * Every string (and object key) in a parsed JSON value that no field may hold, by dotted path
 * (`'_'` for the value itself), as the error envelope names fields. Walks without recursion, so
 * a deeply nested body cannot overflow the stack.
 */
export function findUnsafeText(value: unknown, limit = 20): FieldErrors {
  const found: FieldErrors = {}
  let count = 0
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }]
  while (pending.length > 0 && count < limit) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string[] }
    const key = path.length > 0 ? path.join('.') : '_'
    if (typeof current === 'string') {
      const problem = problemWith(current)
      if (problem && found[key] === undefined) {
        found[key] = problem
        count++
      }
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: [...path, String(i)] })
    } else if (current !== null && typeof current === 'object') {
      for (const [name, child] of Object.entries(current).reverse()) {
        const problem = problemWith(name)
        const childPath = [...path, printable(name)]
        if (problem) {
          found[childPath.join('.')] ??= problem
          count++
        } else pending.push({ value: child, path: childPath })
      }
    }
  }
  return found
}

const JSON_TYPE = /^application\/([a-z.+-]*\+)?json\b/i
const TEXT_TYPE = /^(text\/|application\/csv\b)/i

/**
 * Refuses a request whose path parameters, query or body hold text no field may hold, with a
 * 400 naming each field. A body that is not valid JSON is left to the validator to refuse.
 */
export const refuseUnsafeText: MiddlewareHandler<AppEnv> = async (c, next) => {
  const fields: FieldErrors = {
    ...findUnsafeText(c.req.param()),
    ...findUnsafeText(c.req.queries()),
  }
  // The query's arrays add an index to the path (`q.0`); name the parameter alone.
  for (const key of Object.keys(fields)) {
    const bare = key.replace(/\.\d+$/, '')
    if (bare !== key) {
      fields[bare] ??= fields[key] as string
      delete fields[key]
    }
  }
  const type = c.req.header('content-type') ?? ''
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    if (JSON_TYPE.test(type)) {
      let body: unknown
      try {
        body = await c.req.json()
      } catch {
        body = undefined
      }
      Object.assign(fields, findUnsafeText(body))
    } else if (TEXT_TYPE.test(type)) {
      // Bytes, not text: decoding here would hide malformed UTF-8 from the importer's own check.
      // A UTF-16 file is full of NUL bytes; its importer says how to re-save it, which helps more.
      const bytes = new Uint8Array(await c.req.arrayBuffer())
      if (bytes.includes(0) && !looksLikeUtf16(bytes)) fields.file = NUL_MESSAGE
    }
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError('VALIDATION_FAILED', 'Some of the text cannot be stored. Check the fields named.', fields)
  }
  await next()
}

/** A byte-order mark, or NUL in every other byte of the start, as a spreadsheet's "Unicode text" has. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  const start = bytes.subarray(0, 64)
  if (start.length < 8) return false
  const evenNul = start.every((byte, i) => i % 2 === 1 || byte === 0)
  const oddNul = start.every((byte, i) => i % 2 === 0 || byte === 0)
  return evenNul || oddNul
}
